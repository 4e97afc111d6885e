extension Database {
    /// Creates a piece with its first version and a `draft` review event, in one transaction.
    public func createPiece(briefHash: String?, campaign: String, channel: String, assetHash: String, runID: Int64?,
                            origin: Piece.Origin, actor: String = Database.defaultActor) throws -> Piece {
        let id: Int64 = try inTransaction {
            try execute("INSERT INTO pieces (brief_hash, campaign, channel, created_at) VALUES (?, ?, ?, ?)",
                        briefHash, campaign, channel, Timestamp.now())
            let id = lastInsertedRowID
            try insertVersion(piece: id, version: 1, assetHash: assetHash, runID: runID, origin: origin)
            try insertEvent(piece: id, version: 1, state: .draft, actor: actor, note: nil)
            return id
        }
        return try piece(id)
    }

    /// Adds the next version (back in `draft` state) and returns it.
    @discardableResult
    public func addVersion(to pieceID: Int64, assetHash: String, runID: Int64?, origin: Piece.Origin,
                           actor: String = Database.defaultActor, note: String? = nil) throws -> Piece.Version {
        try inTransaction {
            let current = try piece(pieceID)
            let next = (current.latest?.version ?? 0) + 1
            try insertVersion(piece: pieceID, version: next, assetHash: assetHash, runID: runID, origin: origin)
            try insertEvent(piece: pieceID, version: next, state: .draft, actor: actor, note: note)
            return try piece(pieceID).versions.last!
        }
    }

    /// Records a review transition on the newest version. Allowed: draft → in_review,
    /// in_review → approved | rejected | draft, rejected → in_review, approved → in_review.
    @discardableResult
    public func recordReview(_ pieceID: Int64, state: Piece.State, actor: String = Database.defaultActor, note: String? = nil) throws -> Piece {
        try inTransaction {
            let current = try piece(pieceID)
            let from = current.state
            let allowed: [Piece.State: Set<Piece.State>] = [
                .draft: [.inReview],
                .inReview: [.approved, .rejected, .draft],
                .rejected: [.inReview],
                .approved: [.inReview],
            ]
            guard allowed[from, default: []].contains(state) else {
                throw StoreError(.conflict, "piece \(pieceID) is \(from.rawValue.replacingOccurrences(of: "_", with: " ")); it cannot become \(state.rawValue.replacingOccurrences(of: "_", with: " "))\(from == .draft && state != .inReview ? " before it is in review" : "")")
            }
            try insertEvent(piece: pieceID, version: current.latest?.version ?? 1, state: state, actor: actor, note: note)
            return try piece(pieceID)
        }
    }

    /// Stores a check report for a version.
    public func recordCheck(_ pieceID: Int64, version: Int, reportHash: String, score: Int, passed: Bool, runID: Int64?) throws {
        try execute("INSERT INTO piece_checks (piece_id, version, report_hash, score, passed, run_id, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    pieceID, version, reportHash, score, passed ? 1 : 0, runID, Timestamp.now())
    }

    /// The newest check of a version: its report asset, score and verdict.
    public func latestCheck(_ pieceID: Int64, version: Int) throws -> (reportHash: String, score: Int, passed: Bool)? {
        try row("SELECT report_hash, score, passed FROM piece_checks WHERE piece_id = ? AND version = ? ORDER BY rowid DESC LIMIT 1",
                pieceID, version).map { (try $0.string("report_hash"), try $0.int("score"), try $0.int("passed") != 0) }
    }

    /// One piece with its versions and history.
    public func piece(_ id: Int64) throws -> Piece {
        guard let row = try row("SELECT * FROM pieces WHERE id = ?", id) else { throw StoreError(.notFound, "no piece \(id)") }
        let versions = try rows("SELECT * FROM piece_versions WHERE piece_id = ? ORDER BY version", id).map {
            Piece.Version(version: try $0.int("version"), assetHash: try $0.string("asset_hash"), runID: try $0.optionalInt64("run_id"),
                          origin: try Self.origin($0.string("origin")), createdAt: try $0.string("created_at"))
        }
        let history = try rows("SELECT * FROM review_events WHERE piece_id = ? ORDER BY id", id).map {
            Piece.ReviewEvent(version: try $0.int("version"), state: try Self.state($0.string("state")),
                              actor: try $0.string("actor"), at: try $0.string("at"), note: try $0.optionalString("note"))
        }
        return Piece(id: id, briefHash: try row.optionalString("brief_hash"), campaign: try row.string("campaign"), channel: try row.string("channel"),
                     createdAt: try row.string("created_at"), versions: versions, history: history)
    }

    /// Pieces, newest first.
    public func pieces(limit: Int = 100) throws -> [Piece] {
        try rows("SELECT id FROM pieces ORDER BY id DESC LIMIT ?", limit).map { try piece(try $0.int64("id")) }
    }

    /// The piece a version's asset belongs to (a hash or unique prefix), with that version's number.
    public func piece(containing assetReference: String) throws -> (piece: Piece, version: Int) {
        let asset = try resolveAsset(assetReference)
        guard let row = try row("SELECT piece_id, version FROM piece_versions WHERE asset_hash = ? ORDER BY piece_id DESC, version DESC LIMIT 1",
                                asset.hash) else {
            throw StoreError(.notFound, "asset \(assetReference) is not a version of any piece")
        }
        return (try piece(try row.int64("piece_id")), try row.int("version"))
    }

    private func insertVersion(piece: Int64, version: Int, assetHash: String, runID: Int64?, origin: Piece.Origin) throws {
        try requireAsset(assetHash)
        try execute("INSERT INTO piece_versions (piece_id, version, asset_hash, run_id, origin, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    piece, version, assetHash, runID, origin.rawValue, Timestamp.now())
    }

    private func insertEvent(piece: Int64, version: Int, state: Piece.State, actor: String, note: String?) throws {
        try execute("INSERT INTO review_events (piece_id, version, state, actor, at, note) VALUES (?, ?, ?, ?, ?, ?)",
                    piece, version, state.rawValue, actor, Timestamp.now(), note)
    }
}

extension Database {
    /// The piece whose newest version is the asset `reference` (a hash or a unique prefix of 6+
    /// digits); an older version is an error that names the newest.
    public func pieceAtNewest(_ reference: String) throws -> Piece {
        let (piece, version) = try piece(containing: reference)
        guard version == piece.latest?.version else {
            throw StoreError(.conflict, "asset \(reference) is v\(version) of piece \(piece.id); the newest is v\(piece.latest?.version ?? 0)")
        }
        return piece
    }
}

extension Database {
    static func state(_ name: String) throws -> Piece.State {
        guard let state = Piece.State(rawValue: name) else { throw StoreError(.invalidArgument, "a review event has an unknown state '\(name)'") }
        return state
    }

    static func origin(_ name: String) throws -> Piece.Origin {
        guard let origin = Piece.Origin(rawValue: name) else { throw StoreError(.invalidArgument, "a piece version has an unknown origin '\(name)'") }
        return origin
    }
}
