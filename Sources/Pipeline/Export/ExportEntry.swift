import Foundation
import Store
import Support

/// One piece as every format exports it: its newest version's text and what a CMS needs about it.
public struct ExportEntry: Sendable, Encodable {
    public var piece: Int64
    public var version: Int
    public var campaign: String
    public var channel: String
    public var title: String
    /// Unique within the export: the title's slug and the piece's id.
    public var slug: String
    /// The day it was last decided on (approved), YYYY-MM-DD.
    public var date: String
    public var draft: Bool
    public var description: String
    public var body: String
    public var tags: [String]
    /// The newest version's asset hash: `copydesk lineage` traces it.
    public var lineage: String
    /// SHA-256 of the exported body.
    public var contentHash: String
    public var model: String?
    public var templates: [String]
    /// Claims by verdict in the newest check.
    public var verdicts: [String: Int]

    enum CodingKeys: String, CodingKey {
        case piece, version, campaign, channel, title, slug, date, draft, description, body, tags, lineage, contentHash = "content_hash", model, templates, verdicts
    }
}

extension ExportEntry {
    /// Labelled lines that title a piece, in order of preference.
    static let titleLabels = ["subject", "headline", "title"]
    /// Labelled lines that summarise a piece.
    static let summaryLabels = ["preheader", "subheading", "description"]

    init(_ view: PieceView, database: Database) throws {
        let piece = view.piece
        guard let latest = piece.latest else { throw PipelineError(.notFound, "piece \(piece.id) has no version") }
        self.piece = piece.id
        version = latest.version
        campaign = piece.campaign
        channel = piece.channel
        var title = "\(piece.campaign) (\(piece.channel))"
        var bodyLines: [String] = []
        for line in view.text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let colon = line.firstIndex(of: ":"), Self.titleLabels.contains(line[..<colon].lowercased()), title.hasPrefix(piece.campaign + " (") {
                title = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            bodyLines.append(String(line))
        }
        self.title = String(title.prefix(200))
        slug = ExportSlug.make(title) + "-\(piece.id)"
        let decided = piece.history.last { $0.state == .approved } ?? piece.history.last
        date = String((decided?.at ?? latest.createdAt).prefix(10))
        draft = piece.state != .approved
        body = bodyLines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
        // The preheader, subheading or description line when the copy has one, else its first plain line.
        var summary: String?
        var firstPlain: String?
        for line in body.split(separator: "\n") {
            if let colon = line.firstIndex(of: ":") {
                let label = line[..<colon].lowercased()
                if Self.summaryLabels.contains(label) { summary = summary ?? line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces); continue }
                if Self.titleLabels.contains(label) || label == "button" { continue }
            }
            firstPlain = firstPlain ?? line.trimmingCharacters(in: .whitespaces)
        }
        description = String((summary ?? firstPlain ?? "").prefix(160))
        tags = [piece.campaign, piece.channel]
        lineage = latest.assetHash
        contentHash = SHA256.hash(Array(body.utf8)).hex
        var templates: [String] = []
        var model: String?
        for v in piece.versions {
            guard let id = v.runID, let run = try? database.run(id) else { continue }
            if let t = run.templateID { templates.append("\(t)@v\(run.templateVersion ?? 0)") }
            if model == nil, let m = run.modelID { model = "\(m)@\(run.modelHash?.prefix(12) ?? "")" }
        }
        self.model = model
        self.templates = Array(Set(templates)).sorted()
        verdicts = view.report?.verdictCounts ?? [:]
    }
}
