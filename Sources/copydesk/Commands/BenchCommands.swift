import Foundation
import Knowledge
import Pipeline
import Store
import TUI

/// `copydesk bench ...`: speed measurements (commands, not tests).
enum BenchCommands {
    static let llm = Command(spec: CommandSpec(
        path: ["bench", "llm"],
        summary: "Measure the language model: prefill at 64 and 512 prompt tokens, decode over 128 tokens, peak memory.",
        options: [GenerateCommand.modelOption, ModelsCommands.modelsOption, GenerateCommand.threadsOption,
                  .value("--repeat", "N", "runs of each measurement; the best is reported (default 3)"), .json]
    )) { args in
        let r = try LanguageModelBenchmark.run(path: try GenerateCommand.modelPath(args), threads: try args.int("--threads"),
                                               repeats: try args.int("--repeat") ?? 3)
        if args.json {
            try Output.json(r)
        } else {
            Output.table(["measure", "value"], [
                ["model", r.model],
                ["threads", "\(r.threads)"],
                ["prefill 64 tokens", String(format: "%.1f tok/s", r.prefill64)],
                ["prefill 512 tokens", String(format: "%.1f tok/s", r.prefill512)],
                ["decode 128 tokens", String(format: "%.1f tok/s", r.decode)],
                ["peak RSS", String(format: "%.1f MiB", Double(r.peakRSSBytes) / 1_048_576)],
            ])
        }
        return ExitCode.ok
    }

    static let embed = Command(spec: CommandSpec(
        path: ["bench", "embed"],
        summary: "Measure the embedder: sentences per second for a batch of 32 short sentences.",
        options: [.value("--model", "DIR", "a BERT sentence-transformers folder (default: the cached minilm)"),
                  ModelsCommands.modelsOption, GenerateCommand.threadsOption,
                  .value("--repeat", "N", "runs; the best is reported (default 5)"), .json]
    )) { args in
        let r = try EmbedderBenchmark.run(folder: try EmbedCommand.modelFolder(args), threads: try args.int("--threads"),
                                          repeats: try args.int("--repeat") ?? 5)
        if args.json {
            try Output.json(r)
        } else {
            Output.line(String(format: "%.1f sentences/s (batch of %d, %d threads)", r.sentencesPerSecond, r.batch, r.threads))
        }
        return ExitCode.ok
    }

    static let kb = Command(spec: CommandSpec(
        path: ["bench", "kb"],
        summary: "Measure knowledge-base search over a synthetic corpus (default 100,000 chunks) in a scratch workspace.",
        options: [KnowledgeCommands.modelOption, ModelsCommands.modelsOption,
                  .value("--chunks", "N", "corpus size (default 100000)"), .value("--queries", "N", "queries to time (default 20)"),
                  .value("--mode", "MODE", "hybrid (default), bm25 or vector"), .json],
        discussion: "Chunks are 40 words drawn from the embedder's vocabulary (common words often, most rarely) with random unit vectors, so the embedder runs only for the queries."
    )) { args in
        guard let mode = KnowledgeBase.SearchMode(rawValue: args.value("--mode") ?? "hybrid") else {
            throw UsageError(message: "--mode must be hybrid, bm25 or vector", command: "copydesk bench kb")
        }
        var embedArgs = args
        if let dir = args.value("--embedder") { embedArgs = try ParsedArguments(["--model", dir], spec: EmbedCommand.command.spec) }
        let r = try KnowledgeBase.SearchBenchmark.run(folder: try EmbedCommand.modelFolder(embedArgs), chunks: try args.int("--chunks") ?? 100_000,
                                                      queries: try args.int("--queries") ?? 20, mode: mode)
        if args.json {
            try Output.json(r)
        } else {
            Output.line(String(format: "%d chunks: \(mode.rawValue) search median %.1f ms, max %.1f ms over %d queries (embedding the query included)",
                               r.chunks, r.medianMilliseconds, r.maxMilliseconds, r.queries))
        }
        return ExitCode.ok
    }

    static let tui = Command(spec: CommandSpec(
        path: ["bench", "tui"],
        summary: "Measure the studio's keystroke-to-screen latency while a draft streams (median, p99, max).",
        options: [.workspace, .value("--brand", "DIR", "the kit whose first brief is drafted (default: ./Brand)"),
                  .value("--keys", "N", "keystrokes to time (default 200)"), GenerateCommand.modelOption, ModelsCommands.modelsOption,
                  GenerateCommand.threadsOption, .json],
        discussion: """
            Runs the studio's own loop on a scripted 80×24 terminal over the workspace (it needs its knowledge base:
            run `copydesk demo` or `copydesk init` and `kb add` first), drafts the kit's first brief, and while its
            tokens stream sends a key every 50 ms that moves the selection in pane 1. A key's latency runs from the
            moment the loop can read it until the redrawn screen is handed to the terminal layer. The draft is
            cancelled at the end (its run is recorded as cancelled). --json prints {"keys", "median_ms", "p99_ms",
            "max_ms", "tokens_per_s"}.
            """
    )) { args in
        let kit = try args.value("--brand").map { try WorkspaceCommands.folder($0, default: "Brand", option: "--brand") }
            ?? WorkspaceCommands.folder(nil, default: "Brand", option: "--brand")
        let options = try args.studioOptions()
        _ = try Workspace.open(options.workspaceDirectory)
        let r = try StudioBenchmark.run(options: options, kit: kit, keys: max(10, try args.int("--keys") ?? 200))
        if args.json {
            try Output.json(r)
        } else {
            Output.line(String(format: "%d keystrokes while a draft streamed at %.1f tok/s: median %.1f ms, p99 %.1f ms, max %.1f ms",
                               r.keys, r.tokensPerSecond ?? 0, r.medianMilliseconds, r.p99Milliseconds, r.maxMilliseconds))
        }
        return ExitCode.ok
    }

    static let pipeline = Command(spec: CommandSpec(
        path: ["bench", "pipeline"],
        summary: "Time the whole pipeline on one brief: draft, check, revise and approve its email and social post.",
        options: [.workspace, .value("--brief", "FILE", "the brief (default: the kit's first brief with an email and a social post)"),
                  PipelineCommands.seedOption, GenerateCommand.threadsOption, ModelsCommands.modelsOption, .json],
        discussion: "Models are loaded before the clock starts. --json prints {\"seconds\", \"pieces\": [...]}."
    )) { args in
        let brand = try WorkspaceCommands.folder(nil, default: "Brand", option: "--brand")
        let templates = try WorkspaceCommands.folder(nil, default: "Templates", option: "--templates")
        let (job, printer) = args.job(quiet: true)
        let (seconds, outcome) = try Studio.benchPipeline(brand: brand, templates: templates, brief: args.value("--brief"), seed: try args.seed(),
                                                          options: try args.studioOptions(), job: job)
        printer.finish()
        let pieces = OutcomeJSON.all([outcome])
        if args.json {
            struct Out: Encodable { let seconds: Double, pieces: [OutcomeJSON] }
            try Output.json(Out(seconds: seconds, pieces: pieces))
        } else {
            Output.table(["channel", "state", "score", "seconds", "claims"], pieces.map {
                [$0.channel, $0.state, "\($0.score)", String(format: "%.1f", $0.seconds), $0.claimsText]
            })
            Output.line(String(format: "brief to reviewed pieces: %.1f s", seconds))
        }
        return ExitCode.ok
    }
}
