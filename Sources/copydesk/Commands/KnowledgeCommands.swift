import Embeddings
import Foundation
import Knowledge
import Store

/// `copydesk kb ...`: the knowledge base.
enum KnowledgeCommands {
    static let modelOption = OptionSpec.value("--embedder", "DIR", "a BERT sentence-transformers folder (default: the cached minilm)")

    static func open(_ args: ParsedArguments) throws -> KnowledgeBase {
        let workspace = try WorkspaceCommands.open(args)
        var embedArgs = args
        if let dir = args.value("--embedder") { embedArgs = try ParsedArguments(["--model", dir], spec: EmbedCommand.command.spec) }
        let folder = try EmbedCommand.modelFolder(embedArgs)
        let embedder = try SentenceEmbedder(folder: folder)
        return KnowledgeBase(database: workspace.database, embedder: embedder, modelName: (folder as NSString).lastPathComponent)
    }

    /// Files to add: the given paths (files or folders of *.md / *.txt), or Brand/knowledge.
    /// Names are recorded relative to the brand folder when under it ("knowledge/x.md").
    static func files(_ paths: [String]) throws -> [(path: String, name: String)] {
        var roots = paths
        if roots.isEmpty {
            guard let brand = ProjectFolders.locate("Brand") else {
                throw UsageError(message: "no Brand/ folder here; give the files or folders to add", command: "copydesk kb add")
            }
            roots = [(brand as NSString).appendingPathComponent("knowledge")]
        }
        var out: [(String, String)] = []
        for root in roots {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isDir) else {
                throw UsageError(message: "\(root): no such file or folder", command: "copydesk kb add")
            }
            if isDir.boolValue {
                let names = (try FileManager.default.contentsOfDirectory(atPath: root)).filter { $0.hasSuffix(".md") || $0.hasSuffix(".txt") }.sorted()
                let base = (root as NSString).lastPathComponent
                for n in names { out.append(((root as NSString).appendingPathComponent(n), "\(base)/\(n)")) }
            } else {
                let parent = ((root as NSString).deletingLastPathComponent as NSString).lastPathComponent
                out.append((root, parent.isEmpty ? (root as NSString).lastPathComponent : "\(parent)/\((root as NSString).lastPathComponent)"))
            }
        }
        return out
    }

    static let add = Command(spec: CommandSpec(
        path: ["kb", "add"],
        summary: "Add Markdown or text files to the knowledge base (default: Brand/knowledge); unchanged files are skipped.",
        positionals: [PositionalSpec(name: "PATH", help: "files or folders", optional: true, repeating: true)],
        options: [.workspace, modelOption, ModelsCommands.modelsOption, .json]
    )) { args in
        let kb = try open(args)
        let results = try kb.add(files: try files(args.positionals))
        if args.json { try Output.json(results) } else {
            Output.table(["path", "action", "chunks"], results.map { [$0.path, $0.action.rawValue, "\($0.chunks)"] })
        }
        return ExitCode.ok
    }

    static let search = Command(spec: CommandSpec(
        path: ["kb", "search"],
        summary: "Search the knowledge base: BM25 and vector results fused by reciprocal rank.",
        positionals: [PositionalSpec(name: "QUERY", help: "what to look for")],
        options: [.workspace, modelOption, ModelsCommands.modelsOption, .value("--k", "N", "how many hits (default 5)"),
                  .value("--mode", "MODE", "hybrid (default), bm25 or vector"), .json]
    )) { args in
        let modeText = args.value("--mode") ?? "hybrid"
        guard let mode = KnowledgeBase.SearchMode(rawValue: modeText) else {
            throw UsageError(message: "--mode must be hybrid, bm25 or vector (got '\(modeText)')", command: "copydesk kb search")
        }
        let kb = try open(args)
        let hits = try kb.search(args.positional(0)!, k: try args.int("--k") ?? 5, mode: mode)
        if args.json { try Output.json(hits) } else {
            for (i, h) in hits.enumerated() {
                Output.line("\(i + 1). \(h.source)#\(h.anchor)  (fused \(String(format: "%.4f", h.score)), bm25 \(h.bm25.map { String(format: "%.2f", $0) } ?? "-"), cosine \(h.similarity.map { String(format: "%.3f", $0) } ?? "-"))")
                Output.line("   " + h.text.replacingOccurrences(of: "\n", with: " ").prefix(160))
            }
        }
        return ExitCode.ok
    }

    static let list = Command(spec: CommandSpec(
        path: ["kb", "list"],
        summary: "List the documents in the knowledge base.",
        options: [.workspace, .json]
    )) { args in
        let workspace = try WorkspaceCommands.open(args)
        let docs = try workspace.database.rows("""
            SELECT d.path, d.title, d.updated, (SELECT count(*) FROM kb_chunks c WHERE c.path = d.path) AS chunks FROM kb_documents d ORDER BY d.path
            """)
        if args.json {
            struct Doc: Encodable { let path: String, title: String?, updated: String?, chunks: Int }
            try Output.json(docs.map { Doc(path: $0.string("path"), title: $0.optionalString("title"), updated: $0.optionalString("updated"), chunks: $0.int("chunks")) })
        } else {
            Output.table(["path", "title", "updated", "chunks"], docs.map { [$0.string("path"), $0.string("title"), $0.string("updated"), "\($0.int("chunks"))"] })
        }
        return ExitCode.ok
    }

    static let remove = Command(spec: CommandSpec(
        path: ["kb", "remove"],
        summary: "Remove a document (by the path `kb list` shows) and its chunks.",
        positionals: [PositionalSpec(name: "PATH", help: "document path as recorded")],
        options: [.workspace]
    )) { args in
        let workspace = try WorkspaceCommands.open(args)
        let db = workspace.database
        let name = args.positional(0)!
        try db.inTransaction {
            try db.execute("DELETE FROM kb_chunks WHERE path = ?", name)
            try db.execute("DELETE FROM kb_documents WHERE path = ?", name)
            guard db.changes > 0 else { throw KnowledgeError(.notFound, "not in the knowledge base (see `copydesk kb list`)", path: name) }
        }
        Output.line("removed \(name)")
        return ExitCode.ok
    }
}
