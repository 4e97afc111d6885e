import Foundation
import Knowledge
import Pipeline
import Store

/// `copydesk kb ...`: the knowledge base.
enum KnowledgeCommands {
    static let modelOption = OptionSpec.value("--embedder", "DIR", "a BERT sentence-transformers folder (default: the cached minilm)")

    /// A studio for the knowledge base: the workspace and the embedder (`--embedder` or the cached minilm).
    static func studio(_ args: ParsedArguments, job: Job) throws -> Studio {
        var options = try args.studioOptions()
        options.embedder = args.value("--embedder")
        return try Studio.open(options, needs: .embedder, job: job)
    }

    static let add = Command(spec: CommandSpec(
        path: ["kb", "add"],
        summary: "Add Markdown or text files to the knowledge base (default: Brand/knowledge); unchanged files are skipped.",
        positionals: [PositionalSpec(name: "PATH", help: "files or folders", optional: true, repeating: true)],
        options: [.workspace, modelOption, ModelsCommands.modelsOption, .json]
    )) { args in
        let (job, printer) = args.job(quiet: true)
        let results = try studio(args, job: job).addKnowledge(args.positionals)
        printer.finish()
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
        let (job, _) = args.job(quiet: true)
        let hits = try studio(args, job: job).searchKnowledge(args.positional(0)!, k: try args.int("--k") ?? 5, mode: mode)
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
        let docs = try WorkspaceCommands.open(args).knowledgeDocuments()
        if args.json {
            struct Doc: Encodable { let path: String, title: String?, updated: String?, chunks: Int }
            try Output.json(docs.map { Doc(path: $0.path, title: $0.title, updated: $0.updated, chunks: $0.chunks) })
        } else {
            Output.table(["path", "title", "updated", "chunks"], docs.map { [$0.path, $0.title ?? "", $0.updated ?? "", "\($0.chunks)"] })
        }
        return ExitCode.ok
    }

    static let remove = Command(spec: CommandSpec(
        path: ["kb", "remove"],
        summary: "Remove a document (by the path `kb list` shows) and its chunks.",
        positionals: [PositionalSpec(name: "PATH", help: "document path as recorded")],
        options: [.workspace]
    )) { args in
        let name = args.positional(0)!
        try WorkspaceCommands.open(args).removeKnowledge(name)
        Output.line("removed \(name)")
        return ExitCode.ok
    }
}
