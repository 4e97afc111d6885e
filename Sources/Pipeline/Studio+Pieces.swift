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

    /// Puts the piece whose newest version is `asset` in review, after checking it.
    public func review(asset reference: String, note: String? = nil) throws -> CheckedVersion {
        try review(piece: try database.pieceAtNewest(reference).id, note: note)
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
