import Foundation
import Store

/// A piece as a front end shows it: its newest text and, when that version was checked, the report.
public struct PieceView: Sendable {
    public var piece: Piece
    public var text: String
    public var report: CheckReport?
}

extension Workspace {
    /// The newest version of a piece with its stored check report.
    public func pieceView(_ id: Int64) throws -> PieceView {
        let piece = try database.piece(id)
        guard let latest = piece.latest else { throw PipelineError(.notFound, "piece \(id) has no version") }
        let text = String(decoding: try database.assetContent(latest.assetHash), as: UTF8.self)
        var report: CheckReport?
        if let check = try database.latestCheck(id, version: latest.version) {
            report = try JSONDecoder().decode(CheckReport.self, from: Data(try database.assetContent(check.reportHash)))
        }
        return PieceView(piece: piece, text: text, report: report)
    }

    /// The text of one version of a piece.
    public func text(ofPiece id: Int64, version: Int) throws -> String {
        let piece = try database.piece(id)
        guard let v = piece.versions.first(where: { $0.version == version }) else {
            throw PipelineError(.notFound, "piece \(id) has no version \(version)")
        }
        return String(decoding: try database.assetContent(v.assetHash), as: UTF8.self)
    }
}
