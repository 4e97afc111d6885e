import Foundation
import ModelCache
import Pipeline
import Store

/// `copydesk draft`: the pipeline's drafting step from the command line.
enum PipelineCommands {
    static let seedOption = OptionSpec.value("--seed", "S", "random seed (default 1); the same seed and versions give the same text")

    /// A studio over the workspace, with the default (or `--model`) language model.
    static func studio(_ args: ParsedArguments) throws -> Studio {
        let workspace = try WorkspaceCommands.open(args)
        let models = try StudioModels.resolve(cache: ModelsCommands.cache(args), languageModel: args.value("--model") ?? "smollm2") {
            Output.error("  \($0)")
        }
        return Studio(workspace: workspace, models: models, threads: try args.int("--threads"))
    }

    /// Reads and parses a brief file.
    static func brief(_ path: String, command: String) throws -> Brief {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError(message: "\(path): no such file", command: command)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw UsageError(message: "\(path): not UTF-8 text", command: command)
        }
        return try Brief(source: text, file: path)
    }

    struct DraftJSON: Encodable {
        let piece: Int64, channel: String, asset: String, run: Int64, seed: UInt64, text: String
        let facts: [FactSheet.Passage]
        let tokens: Int, prompt_tokens: Int, seconds: Double
    }

    static let draft = Command(spec: CommandSpec(
        path: ["draft"],
        summary: "Draft a brief's channels with the local model, grounded in the knowledge base; each draft becomes a piece in review state 'draft'.",
        positionals: [PositionalSpec(name: "BRIEF", help: "a brief file (Markdown with TOML front matter)")],
        options: [.workspace, .value("--channel", "C", "only this channel (default: every channel of the brief)"), seedOption,
                  GenerateCommand.modelOption, ModelsCommands.modelsOption, GenerateCommand.threadsOption, .json],
        discussion: """
            Streams each draft to standard output as it is written. The workspace needs its knowledge base
            (`copydesk kb add`; `copydesk demo` does it). --json prints [{"piece", "channel", "asset", "run", "seed",
            "text", "facts", "tokens", "prompt_tokens", "seconds"}] instead.
            """
    )) { args in
        let brief = try brief(args.positional(0)!, command: "copydesk draft")
        var channels = brief.channels
        if let name = args.value("--channel") {
            let channel = try Channel.named(name)
            guard brief.channels.contains(channel) else {
                throw UsageError(message: "the brief does not list channel '\(name)' (it lists \(brief.channels.map(\.rawValue).joined(separator: ", ")))",
                                 command: "copydesk draft")
            }
            channels = [channel]
        }
        let seedText = args.value("--seed") ?? "1"
        guard let seed = UInt64(seedText) else { throw UsageError(message: "--seed must be a non-negative integer", command: "copydesk draft") }
        let studio = try studio(args)
        guard try studio.database.scalar("SELECT count(*) FROM kb_chunks").int ?? 0 > 0 else {
            throw UsageError(message: "the knowledge base is empty: add the brand's facts first (`copydesk kb add`)", command: "copydesk draft")
        }
        let voice = try BrandVoice.load(from: .workspace(studio.workspace))
        var results: [DraftJSON] = []
        for channel in channels {
            if !args.json { Output.line("== \(brief.campaign): \(channel.rawValue)") }
            let r = try studio.draft(brief, channel: channel, brand: voice, seed: seed) { text in
                if !args.json { Output.write(text) }
                return true
            }
            if args.json {
                results.append(DraftJSON(piece: r.piece.id, channel: channel.rawValue, asset: r.assetHash, run: r.runID, seed: seed, text: r.text,
                                         facts: r.facts.passages, tokens: r.generation.tokens.count, prompt_tokens: r.generation.promptTokens,
                                         seconds: r.generation.prefillSeconds + r.generation.decodeSeconds))
            } else {
                Output.line("")
                Output.line("-- piece \(r.piece.id) v1, asset \(r.assetHash.prefix(12)), run \(r.runID)")
            }
        }
        if args.json { try Output.json(results) }
        return ExitCode.ok
    }
}
