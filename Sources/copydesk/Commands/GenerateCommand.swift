import Foundation
import ModelCache
import TextGeneration

/// `copydesk generate`: run the language model on a prompt.
enum GenerateCommand {
    static let modelOption = OptionSpec.value("--model", "PATH|NAME", "a GGUF file, or a model name in the cache (default: \(ModelCache.defaultLanguageModel))")
    static let threadsOption = OptionSpec.value("--threads", "N", "compute threads (default: all processors)")

    /// Resolves `--model` to a GGUF path, fetching the default model on first use.
    static func modelPath(_ args: ParsedArguments) throws -> String {
        let requested = args.value("--model") ?? ModelCache.defaultLanguageModel
        if FileManager.default.fileExists(atPath: requested) { return requested }
        let cache = ModelsCommands.cache(args)
        let entry: CacheEntry
        if cache.spec(requested) != nil {
            entry = try ModelsCommands.fetchShowingProgress(cache, requested, indent: "  ").entry
        } else if let user = try cache.entry(requested) {
            entry = user
        } else {
            throw UsageError(message: "no file or cached model named '\(requested)' (see `copydesk models list`)", command: "copydesk generate")
        }
        guard let file = entry.files.first(where: { $0.path.hasSuffix(".gguf") }) else {
            throw UsageError(message: "model '\(requested)' has no GGUF file", command: "copydesk generate")
        }
        return file.path
    }

    static let command = Command(spec: CommandSpec(
        path: ["generate"],
        summary: "Generate text with the local language model, streaming it to standard output.",
        options: [
            modelOption, ModelsCommands.modelsOption,
            .value("--prompt", "TEXT", "the user's message"),
            .value("--file", "F", "read the message from a file"),
            .value("--system", "TEXT", "a system message"),
            .flag("--raw", "tokenize the prompt as given (special tokens parsed), without the chat template"),
            .value("--max-tokens", "N", "most tokens to generate (default 256)"),
            .value("--temperature", "T", "sampling temperature; 0 is greedy (default 0.7)"),
            .value("--top-p", "P", "nucleus sampling mass (default 0.95)"),
            .value("--top-k", "N", "candidates kept (default 40)"),
            .value("--seed", "S", "random seed (default 0)"),
            .value("--schema", "FILE", "constrain output to JSON matching this JSON Schema"),
            .value("--context", "N", "context length (default 2048)"),
            threadsOption, .json,
        ],
        discussion: "--json prints {\"text\", \"tokens\", \"prompt_tokens\", \"prefill_tokens_per_s\", \"decode_tokens_per_s\"} instead of streaming."
    )) { args in
        let prompt: String
        if let p = args.value("--prompt") {
            prompt = p
        } else if let f = args.value("--file") {
            guard let data = FileManager.default.contents(atPath: f), let text = String(data: data, encoding: .utf8) else {
                throw UsageError(message: "cannot read '\(f)' as UTF-8 text", command: "copydesk generate")
            }
            prompt = text
        } else {
            throw UsageError(message: "give the prompt with --prompt TEXT or --file F", command: "copydesk generate")
        }
        var sampler = SamplerParameters()
        func double(_ name: String) throws -> Float? {
            guard let text = args.value(name) else { return nil }
            guard let v = Float(text), v.isFinite, v >= 0 else {
                throw UsageError(message: "option '\(name)' expects a non-negative number, got '\(text)'", command: "copydesk generate")
            }
            return v
        }
        if let t = try double("--temperature") { sampler.temperature = t }
        if let p = try double("--top-p") { sampler.topP = min(p, 1) }
        if let k = try args.int("--top-k") { sampler.topK = k }
        if let s = args.value("--seed") {
            guard let seed = UInt64(s) else { throw UsageError(message: "option '--seed' expects a whole number, got '\(s)'", command: "copydesk generate") }
            sampler.seed = seed
        }
        var schema: JSONSchema?
        if let path = args.value("--schema") {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw UsageError(message: "cannot read schema file '\(path)'", command: "copydesk generate")
            }
            do { schema = try JSONSchema(json: data) } catch { throw TextGenerationError(.invalidSchema, "\(path): \(error)") }
        }
        let model = try LanguageModel(path: try modelPath(args), contextLength: try args.int("--context"), threads: try args.int("--threads"))
        let tokens = args.flag("--raw")
            ? model.tokenizer.encode(prompt, parseSpecial: true)
            : model.chatPrompt(user: prompt, system: args.value("--system"))
        let json = args.json
        let result = try model.generate(prompt: tokens, maxTokens: try args.int("--max-tokens") ?? 256, sampler: sampler, schema: schema) { piece in
            if !json { Output.write(piece) }
            return true
        }
        if json {
            struct Out: Encodable {
                let text: String, tokens: [Int32], prompt_tokens: Int, prefill_tokens_per_s: Double, decode_tokens_per_s: Double, stop_reason: String
            }
            try Output.json(Out(text: result.text, tokens: result.tokens, prompt_tokens: result.promptTokens,
                                prefill_tokens_per_s: result.prefillTokensPerSecond, decode_tokens_per_s: result.decodeTokensPerSecond,
                                stop_reason: result.stopReason.rawValue))
        } else {
            Output.line()
            Output.error(String(format: "[%d prompt tokens, %.1f tok/s prefill; %d tokens, %.1f tok/s decode; %@]",
                                result.promptTokens, result.prefillTokensPerSecond, result.tokens.count, result.decodeTokensPerSecond, result.stopReason.rawValue))
        }
        return ExitCode.ok
    }
}
