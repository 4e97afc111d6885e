import Foundation
import ModelCache
import Pipeline
import Store
import TextGeneration

/// `copydesk generate`: run the language model on a prompt.
enum GenerateCommand {
    static let modelOption = OptionSpec.value("--model", "PATH|NAME", "a GGUF file, or a model name in the cache (default: \(ModelCache.defaultLanguageModel))")
    static let threadsOption = OptionSpec.value("--threads", "N", "compute threads (default: all processors)")

    /// Checks that `--model` names a file or a cached (or known) model before anything is loaded.
    static func checkModel(_ args: ParsedArguments) throws {
        let requested = args.value("--model") ?? ModelCache.defaultLanguageModel
        let cache = ModelsCommands.cache(args)
        guard try FileManager.default.fileExists(atPath: requested) || cache.spec(requested) != nil || (try cache.entry(requested)) != nil else {
            throw UsageError(message: "no file or cached model named '\(requested)' (see `copydesk models list`)", command: args.spec.name)
        }
    }

    /// Resolves `--model` to a GGUF path, fetching the default model on first use.
    static func modelPath(_ args: ParsedArguments) throws -> String {
        try checkModel(args)
        var options = try args.studioOptions()
        options.languageModel = args.value("--model") ?? ModelCache.defaultLanguageModel
        return try StudioModels.resolve(cache: options.cache, languageModel: options.languageModel, needs: .languageModel) {
            Output.error("  \($0)")
        }.languageModel!.path
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
            threadsOption, .workspace, .json,
        ],
        discussion: """
            Every generation is recorded as a run (step `generate`: the prompt in, the text out, the model's hash,
            the settings and seed) in the workspace, which is created if there is none. Ctrl-C stops it (exit 130)
            and records the run as cancelled. --json prints {"text", "tokens", "prompt_tokens", "prefill_tokens_per_s",
            "decode_tokens_per_s", "stop_reason", "run"} instead of streaming.
            """
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
        var request = GenerationRequest(prompt: prompt, system: args.value("--system"))
        request.raw = args.flag("--raw")
        request.sampler = sampler
        request.maxTokens = try args.int("--max-tokens") ?? 256
        if let path = args.value("--schema") {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw UsageError(message: "cannot read schema file '\(path)'", command: "copydesk generate")
            }
            let schema: JSONSchema
            do throws(TextGenerationError) { schema = try JSONSchema(json: data) } catch { throw TextGenerationError(error.code, "\(path): \(error.message)") }
            request.schema = (schema, String(decoding: data, as: UTF8.self))
        }
        try checkModel(args)
        var options = try args.studioOptions()
        options.contextLength = try args.int("--context") ?? 2048
        let (job, printer) = args.job(quiet: true)
        let studio = try Studio.open(Workspace.openOrCreate(options.workspaceDirectory), options, needs: .languageModel, job: job)
        let json = args.json
        let (result, run) = try studio.generate(request) { piece in
            if !json { Output.write(piece) }
            return true
        }
        printer.finish()
        if json {
            struct Out: Encodable {
                let text: String, tokens: [Int32], prompt_tokens: Int, prefill_tokens_per_s: Double, decode_tokens_per_s: Double, stop_reason: String
                let run: Int64
            }
            try Output.json(Out(text: result.text, tokens: result.tokens, prompt_tokens: result.promptTokens,
                                prefill_tokens_per_s: result.prefillTokensPerSecond, decode_tokens_per_s: result.decodeTokensPerSecond,
                                stop_reason: result.stopReason.rawValue, run: run))
        } else {
            Output.line()
            Output.error(String(format: "[%d prompt tokens, %.1f tok/s prefill; %d tokens, %.1f tok/s decode; %@]",
                                result.promptTokens, result.prefillTokensPerSecond, result.tokens.count, result.decodeTokensPerSecond, result.stopReason.rawValue))
        }
        return ExitCode.ok
    }
}
