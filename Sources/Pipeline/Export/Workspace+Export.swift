import Foundation
import Store
import Support

/// What to export.
public struct ExportRequest: Sendable {
    public var format: ExportFormat
    /// The folder everything is written under.
    public var out: String
    /// A campaign's pieces (a batch campaign's name, or the campaign a brief names) ...
    public var campaign: String?
    /// ... or these versions' pieces (asset hashes or unique prefixes).
    public var assets: [String] = []
    /// Pieces not approved go too (marked as drafts).
    public var includeUnapproved = false
    /// The content locale (Contentful's field keys), e.g. "en-US".
    public var locale = "en-US"

    public init(format: ExportFormat, out: String, campaign: String?) {
        self.format = format
        self.out = out
        self.campaign = campaign
    }
}

/// What an export wrote.
public struct ExportReport: Sendable, Encodable {
    public struct File: Sendable, Encodable { public var path: String; public var sha256: String }
    public var format: ExportFormat
    public var out: String
    public var pieces: Int
    public var files: [File]
}

extension Workspace {
    /// Writes the chosen pieces (approved only unless asked) in a CMS's folder layout under
    /// `out`, and `manifest.json` listing every file with its SHA-256 and each piece's lineage,
    /// model, template versions and verdict counts. Slugs are transliterated and sanitised,
    /// nothing is written outside `out`, every file is written atomically, and exporting again
    /// gives the same bytes.
    public func export(_ request: ExportRequest) throws -> ExportReport {
        var ids: [Int64] = []
        if let campaign = request.campaign {
            // A batch campaign's pieces, else the pieces whose briefs name that campaign.
            ids = try database.batchWork(campaign: campaign).compactMap(\.pieceID)
            if ids.isEmpty { ids = try database.pieces(limit: 100_000).filter { $0.campaign == campaign }.map(\.id) }
            guard !ids.isEmpty else { throw PipelineError(.notFound, "no pieces of campaign “\(campaign)” (see `copydesk pieces`)") }
        }
        for reference in request.assets { ids.append(try database.piece(containing: reference).piece.id) }
        guard !ids.isEmpty else { throw PipelineError(.invalidInput, "nothing to export: name a campaign or assets") }
        var entries: [ExportEntry] = []
        for id in Array(Set(ids)).sorted() {
            let view = try pieceView(id)
            guard request.includeUnapproved || view.piece.state == .approved else { continue }
            entries.append(try ExportEntry(view, database: database))
        }
        var writer = try ExportWriter(root: request.out)
        try ExportLayouts.write(entries, request, &writer)
        // The manifest lists every file but itself.
        let files = writer.files.sorted { $0.path < $1.path }
        let manifest = ExportManifest(format: request.format, pieces: entries.map(ExportManifest.Piece.init), files: files.map { .init(path: $0.path, sha256: $0.sha256) })
        try writer.write("manifest.json", try ExportLayouts.json(manifest))
        return ExportReport(format: request.format, out: writer.root, pieces: entries.count, files: writer.files.map { .init(path: $0.path, sha256: $0.sha256) })
    }
}

/// `manifest.json`.
struct ExportManifest: Encodable {
    struct Piece: Encodable {
        var piece: Int64, version: Int, slug: String, lineage: String, contentHash: String, model: String?, templates: [String], verdicts: [String: Int]
        init(_ e: ExportEntry) {
            piece = e.piece; version = e.version; slug = e.slug; lineage = e.lineage; contentHash = e.contentHash
            model = e.model; templates = e.templates; verdicts = e.verdicts
        }
        enum CodingKeys: String, CodingKey { case piece, version, slug, lineage, contentHash = "content_hash", model, templates, verdicts }
    }
    struct File: Encodable { var path: String; var sha256: String }
    var generator = "copydesk"
    var format: ExportFormat
    var pieces: [Piece]
    var files: [File]
}
