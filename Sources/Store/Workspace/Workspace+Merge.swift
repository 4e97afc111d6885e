import Foundation

/// What `merge` brought in from one workspace.
public struct MergeReport: Sendable, Encodable {
    public var workspace: String
    /// Batch items copied in, with their pieces, versions, checks, review history and runs.
    public var items: Int
    /// Batch items this workspace already had, identical.
    public var alreadyPresent: Int
    public var assets: Int
}

extension Workspace {
    /// Merges the batch work of another workspace (a shard of the same campaign) into this one, in
    /// one transaction: its assets (content-addressed), and for every batch item this workspace
    /// lacks, the item's piece with its versions, checks, review history and the runs behind them.
    /// An item both have with the same result is skipped, so merging twice changes nothing; the
    /// same item with different results, or a template version with other content, is a conflict
    /// that names it and merges nothing.
    public func merge(_ other: String) throws -> MergeReport {
        let path = (other as NSString).appendingPathComponent(Workspace.databaseName)
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError(.noWorkspace, "no workspace to merge", path: other) }
        let db = database
        try db.execute("ATTACH DATABASE ? AS shard", path)
        defer { try? db.execute("DETACH DATABASE shard") }
        return try db.inTransaction {
            for row in try db.rows("""
                SELECT s.template_id, s.version FROM shard.template_versions s JOIN main.template_versions m
                ON m.template_id = s.template_id AND m.version = s.version WHERE m.content_hash != s.content_hash
                """) {
                throw StoreError(.conflict, "template \(try row.string("template_id")) v\(try row.int("version")) has other content in \(other); sync the templates first")
            }
            try db.execute("INSERT OR IGNORE INTO main.templates SELECT * FROM shard.templates")
            try db.execute("INSERT OR IGNORE INTO main.template_versions SELECT * FROM shard.template_versions")
            let before = try db.scalar("SELECT count(*) FROM main.assets").int ?? 0
            try db.execute("INSERT OR IGNORE INTO main.assets SELECT * FROM shard.assets")
            let assets = (try db.scalar("SELECT count(*) FROM main.assets").int ?? 0) - before
            var runMap: [Int64: Int64] = [:]
            var items = 0, present = 0
            for work in try db.rows("SELECT * FROM shard.batch_work ORDER BY rowid").map(Database.batchWork(from:)) {
                if let mine = try db.batchWork(work.key) {
                    let same = try mine.outcome == work.outcome && (newestAsset(mine.pieceID, schema: "main")) == (newestAsset(work.pieceID, schema: "shard"))
                    guard same else {
                        throw StoreError(.conflict, "batch item \(work.brief) \(work.channel) variant \(work.variant) (key \(work.key.prefix(12))) has different results here and in \(other)")
                    }
                    present += 1
                    continue
                }
                var merged = work
                if let pieceID = work.pieceID { merged.pieceID = try copyPiece(pieceID, runMap: &runMap) }
                try db.record(merged)
                items += 1
            }
            return MergeReport(workspace: other, items: items, alreadyPresent: present, assets: assets)
        }
    }

    private func newestAsset(_ pieceID: Int64?, schema: String) throws -> String? {
        guard let pieceID else { return nil }
        return try database.scalar("SELECT asset_hash FROM \(schema).piece_versions WHERE piece_id = ? ORDER BY version DESC LIMIT 1", pieceID).string
    }

    /// Copies a shard's piece and everything recorded about it; returns its id here.
    private func copyPiece(_ id: Int64, runMap: inout [Int64: Int64]) throws -> Int64 {
        let db = database
        guard let p = try db.row("SELECT * FROM shard.pieces WHERE id = ?", id) else { throw StoreError(.notFound, "no piece \(id) in the shard") }
        try db.execute("INSERT INTO main.pieces (brief_hash, campaign, channel, created_at) VALUES (?, ?, ?, ?)",
                       try p.value("brief_hash"), try p.string("campaign"), try p.string("channel"), try p.string("created_at"))
        let newID = db.lastInsertedRowID
        func run(_ old: DatabaseValue) throws -> DatabaseValue {
            guard let old = old.int64 else { return .null }
            return .integer(try copyRun(old, runMap: &runMap))
        }
        for v in try db.rows("SELECT * FROM shard.piece_versions WHERE piece_id = ? ORDER BY version", id) {
            try db.execute("INSERT INTO main.piece_versions (piece_id, version, asset_hash, run_id, origin, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                           newID, try v.int("version"), try v.string("asset_hash"), try run(try v.value("run_id")), try v.string("origin"), try v.string("created_at"))
        }
        for c in try db.rows("SELECT * FROM shard.piece_checks WHERE piece_id = ? ORDER BY rowid", id) {
            try db.execute("INSERT INTO main.piece_checks (piece_id, version, report_hash, score, passed, run_id, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           newID, try c.int("version"), try c.string("report_hash"), try c.int("score"), try c.int("passed"), try run(try c.value("run_id")),
                           try c.string("checked_at"))
        }
        for e in try db.rows("SELECT * FROM shard.review_events WHERE piece_id = ? ORDER BY id", id) {
            try db.execute("INSERT INTO main.review_events (piece_id, version, state, actor, at, note) VALUES (?, ?, ?, ?, ?, ?)",
                           newID, try e.int("version"), try e.string("state"), try e.string("actor"), try e.string("at"), try e.value("note"))
        }
        return newID
    }

    /// Copies a shard's run (and, first, the runs that produced its inputs) once; returns its id here.
    private func copyRun(_ old: Int64, runMap: inout [Int64: Int64]) throws -> Int64 {
        if let known = runMap[old] { return known }
        let db = database
        guard let r = try db.row("SELECT * FROM shard.runs WHERE id = ?", old) else { throw StoreError(.notFound, "no run \(old) in the shard") }
        let inputs = try db.rows("SELECT * FROM shard.run_inputs WHERE run_id = ? ORDER BY ordinal", old)
        for input in inputs {
            if let producer = try db.scalar("SELECT run_id FROM shard.run_outputs WHERE asset_hash = ? AND run_id < ? ORDER BY run_id LIMIT 1",
                                            try input.string("asset_hash"), old).int64 {
                _ = try copyRun(producer, runMap: &runMap)
            }
        }
        try db.execute("""
            INSERT INTO main.runs (step, template_id, template_version, model_id, model_hash, parameters, seed, started_at, ended_at, token_count, sample_count, status, error)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, try r.string("step"), try r.value("template_id"), try r.value("template_version"), try r.value("model_id"), try r.value("model_hash"),
                       try r.string("parameters"), try r.value("seed"), try r.string("started_at"), try r.value("ended_at"), try r.value("token_count"),
                       try r.value("sample_count"), try r.string("status"), try r.value("error"))
        let newID = db.lastInsertedRowID
        runMap[old] = newID
        for table in ["run_inputs", "run_outputs"] {
            try db.execute("INSERT INTO main.\(table) (run_id, ordinal, role, asset_hash) SELECT ?, ordinal, role, asset_hash FROM shard.\(table) WHERE run_id = ?", newID, old)
        }
        return newID
    }
}
