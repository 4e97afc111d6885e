import Embeddings
import Foundation
import ModelCache

/// `copydesk embed`: sentence vectors from the embedding model.
enum EmbedCommand {
    /// The MiniLM folder from the cache (fetched on first use), or `--model DIR`.
    static func modelFolder(_ args: ParsedArguments) throws -> String {
        if let dir = args.value("--model") {
            guard FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent("config.json")) else {
                throw UsageError(message: "'\(dir)' is not a model folder (no config.json)", command: "copydesk embed")
            }
            return dir
        }
        let entry = try ModelsCommands.cache(args).fetch("minilm") { Output.error("  \($0)") }
        guard let config = entry.files.first(where: { $0.path.hasSuffix("/config.json") }) else {
            throw UsageError(message: "the minilm model has no config.json", command: "copydesk embed")
        }
        return (config.path as NSString).deletingLastPathComponent
    }

    static let command = Command(spec: CommandSpec(
        path: ["embed"],
        summary: "Print sentence embeddings (all-MiniLM-L6-v2 by default), one vector per text.",
        positionals: [PositionalSpec(name: "TEXT", help: "texts to embed", repeating: true)],
        options: [.value("--model", "DIR", "a BERT sentence-transformers folder (default: the cached minilm)"),
                  ModelsCommands.modelsOption, GenerateCommand.threadsOption, .json],
        discussion: "--json prints {\"model\", \"dim\", \"vectors\": [[...], ...]} in input order."
    )) { args in
        let texts = args.positionals
        let folder = try modelFolder(args)
        let embedder = try SentenceEmbedder(folder: folder, threads: try args.int("--threads"))
        let vectors = try embedder.embed(texts)
        if args.json {
            struct Out: Encodable { let model: String, dim: Int, vectors: [[Float]] }
            try Output.json(Out(model: folder, dim: embedder.dimension, vectors: vectors))
        } else {
            for (text, v) in zip(texts, vectors) {
                Output.line("\(text.prefix(40)): [" + v.prefix(6).map { String(format: "%.4f", $0) }.joined(separator: ", ") + ", ...] (\(v.count))")
            }
        }
        return ExitCode.ok
    }
}
