import Embeddings
import Foundation
import Knowledge
import ModelCache
import Store
import TextGeneration

/// `copydesk demo`: the README's main command, on the built-in defaults.
enum DemoCommand {
    static let command = Command(spec: CommandSpec(
        path: ["demo"],
        summary: "Run the main job on the built-in defaults (fetches models on first use).",
        options: [.workspace, .flag("--skip-models", "do not fetch or verify the default models"), .json],
        discussion: """
            Fetches and verifies the default models, creates (or updates) the workspace from Brand/ and
            Templates/, runs the local language model once (greedy, so the line is reproducible), and
            reports what the workspace holds. Later steps of the pipeline join as they land.
            """
    )) { args in
        let json = args.json
        func say(_ text: String) { if !json { Output.line(text) } }
        var models: [ModelStatusJSON] = []
        var llmPath: String?
        var embedderFolder: String?
        if !args.flag("--skip-models") {
            let cache = ModelCache(root: ModelCache.defaultRoot())
            say("Model cache: \(cache.root)")
            for spec in ModelCache.catalog {
                let entry = try cache.fetch(spec.name) { message in if !json { Output.error("  \(message)") } }
                let results = cache.verify(spec.name)
                let ok = results.allSatisfy { $0.isOK }
                say("  \(spec.name): \(entry.files.count) files, \(ok ? "verified" : "HASH MISMATCH")")
                models.append(ModelStatusJSON(name: spec.name, files: entry.files.map(\.path), verified: ok))
                if spec.name == "smollm2" { llmPath = entry.files.first { $0.path.hasSuffix(".gguf") }?.path }
                if spec.name == "minilm", let config = entry.files.first(where: { $0.path.hasSuffix("/config.json") }) {
                    embedderFolder = (config.path as NSString).deletingLastPathComponent
                }
                guard ok else { throw ModelsCommands.verificationFailure(results) }
            }
        }
        let brand = try WorkspaceCommands.folder(nil, default: "Brand", option: "--brand")
        let templates = try WorkspaceCommands.folder(nil, default: "Templates", option: "--templates")
        let workspace = try Workspace.openOrCreate(Workspace.resolveDirectory(explicit: args.value("--workspace")))
        let report = try workspace.importProject(brand: brand, templates: templates)
        let db = workspace.database
        let templateCount = try db.scalar("SELECT count(*) FROM templates").int ?? 0
        var knowledge: KnowledgeJSON?
        if let embedderFolder {
            let kb = KnowledgeBase(database: db, embedder: try SentenceEmbedder(folder: embedderFolder), modelName: "minilm")
            let added = try kb.add(files: try KnowledgeCommands.files([(brand as NSString).appendingPathComponent("knowledge")]))
            let question = "How long is the battery covered by the warranty?"
            let hit = try kb.search(question, k: 1).first
            knowledge = KnowledgeJSON(documents: added.count, chunks: added.reduce(0) { $0 + $1.chunks }, question: question,
                                      top_source: hit.map { "\($0.source)#\($0.anchor)" }, top_text: hit?.text)
        }
        var sample: SampleJSON?
        if let llmPath {
            let model = try LanguageModel(path: llmPath, contextLength: 512)
            let prompt = model.chatPrompt(user: "Write a one-sentence tagline for a family electric cargo bike.")
            let result = try model.generate(prompt: prompt, maxTokens: 48, sampler: .greedy)
            sample = SampleJSON(prompt_tokens: result.promptTokens, text: result.text.trimmingCharacters(in: .whitespacesAndNewlines),
                                prefill_tokens_per_s: result.prefillTokensPerSecond, decode_tokens_per_s: result.decodeTokensPerSecond)
        }
        if json {
            struct Out: Encodable {
                let workspace: String, models: [ModelStatusJSON], templates: Int, brandFiles: Int, integrity: [String]
                let knowledge: KnowledgeJSON?, sample: SampleJSON?
            }
            try Output.json(Out(workspace: workspace.directory, models: models, templates: templateCount, brandFiles: report.brandFiles.count,
                                integrity: try db.integrityCheck(), knowledge: knowledge, sample: sample))
        } else {
            say("Workspace: \(workspace.directory)")
            say("  \(templateCount) templates (\(report.templates.filter { $0.action != .unchanged }.count) new versions), \(report.brandFiles.count) brand files")
            say("  integrity: \(try db.integrityCheck().joined(separator: "; "))")
            if let knowledge {
                say("Knowledge base: \(knowledge.documents) documents, \(knowledge.chunks) chunks")
                say("  \"\(knowledge.question)\" -> \(knowledge.top_source ?? "no hit")")
                if let text = knowledge.top_text { say("  " + text.replacingOccurrences(of: "\n", with: " ").prefix(150)) }
            }
            if let sample {
                say("Language model (SmolLM2-135M, greedy): \(sample.text)")
                say(String(format: "  %.0f tokens/s prefill, %.0f tokens/s decode", sample.prefill_tokens_per_s, sample.decode_tokens_per_s))
            }
            say("Next: `copydesk templates list`, `copydesk runs list`.")
        }
        return ExitCode.ok
    }

    struct ModelStatusJSON: Encodable { let name: String, files: [String], verified: Bool }
    struct KnowledgeJSON: Encodable { let documents: Int, chunks: Int, question: String, top_source: String?, top_text: String? }
    struct SampleJSON: Encodable { let prompt_tokens: Int, text: String, prefill_tokens_per_s: Double, decode_tokens_per_s: Double }
}
