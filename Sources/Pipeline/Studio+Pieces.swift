import BrandKit
import Foundation
import Store

extension Studio {
    /// Brings a text in as a new piece (origin "editor"), after checking it is language.
    public func importPiece(text: String, channel: Channel, campaign: String) throws -> Piece {
        try CopyText.validate(text)
        let asset = try database.storeAsset(text: text, mediaType: "text/markdown")
        return try database.createPiece(briefHash: nil, campaign: campaign, channel: channel.rawValue, assetHash: asset.hash,
                                        runID: nil, origin: .editor, actor: actor)
    }

    /// Saves an editor's text as the piece's next version (origin `editor`); nothing when it is
    /// the newest version's text already. Returns the newest version's number.
    @discardableResult
    public func saveEdit(piece id: Int64, text: String) throws -> Int {
        let view = try workspace.pieceView(id)
        guard text != view.text else { return view.piece.latest?.version ?? 0 }
        let asset = try database.storeAsset(text: text, mediaType: "text/markdown")
        return try database.addVersion(to: id, assetHash: asset.hash, runID: nil, origin: .editor, actor: actor, note: "edited in the studio").version
    }

    /// Puts the piece whose newest version is `asset` in review, after checking it.
    public func review(asset reference: String, note: String? = nil) throws -> CheckedVersion {
        try review(piece: try database.pieceAtNewest(reference).id, note: note)
    }

    /// Replaces the span `start..<end` (Unicode-scalar offsets of the newest version, as a check
    /// report gives them) with `replacement` as a new version (a recorded `autofix` run), and
    /// checks it.
    public func applyFix(piece id: Int64, start: Int, end: Int, replacement: String) throws -> CheckedVersion {
        let view = try workspace.pieceView(id)
        let scalars = Array(view.text.unicodeScalars)
        guard 0 <= start, start <= end, end <= scalars.count else {
            throw PipelineError(.invalidInput, "the span \(start)..<\(end) is outside the newest version (\(scalars.count) characters)")
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[..<start])
        out.append(contentsOf: replacement.unicodeScalars)
        out.append(contentsOf: scalars[end...])
        let old = String(String.UnicodeScalarView(scalars[start..<end]))
        return try addVersion(id, text: String(out), step: .autofix, origin: .autofix, notes: ["'\(old)' → '\(replacement)'"])
    }

    /// Revises the piece that holds `asset` (any of its versions).
    public func revise(asset reference: String, rounds: Int = 2, seed: UInt64 = 1) throws -> CheckedVersion {
        try revise(piece: try database.piece(containing: reference).piece.id, rounds: rounds, seed: seed)
    }
}

extension Workspace {
    /// Approves or rejects the piece whose newest version is `asset`; the piece must be in review.
    public func decide(asset reference: String, _ state: Piece.State, actor: String = Database.defaultActor, note: String? = nil) throws -> Piece {
        let piece = try database.pieceAtNewest(reference)
        return try database.recordReview(piece.id, state: state, actor: actor, note: note)
    }
}
