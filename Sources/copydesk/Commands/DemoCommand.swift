import Foundation
import Pipeline
import Store

/// `copydesk demo`: the README's main command, on the built-in defaults.
enum DemoCommand {
    static let command = Command(spec: CommandSpec(
        path: ["demo"],
        summary: "Run the main job on the built-in defaults (fetches models on first use).",
        options: [.workspace, .value("--brief", "FILE", "run only this brief (default: every brief in Brand/briefs)"),
                  PipelineCommands.seedOption, GenerateCommand.threadsOption, ModelsCommands.modelsOption, .json],
        discussion: """
            Fetches and verifies the default models, creates (or updates) the workspace from Brand/ and Templates/,
            indexes the brand's knowledge base, then runs each demo brief through the pipeline: drafts every channel
            with the local language model, fact-checks each claim against the knowledge base, critiques the copy
            against the brand's rules and voice, revises (safe fixes first, then re-drafts), and approves what passes.
            Everything is recorded in the workspace (`copydesk pieces`, `copydesk runs list`).
            --json prints {"workspace", "models": [{"name", "files", "verified"}], "pieces": [{"brief", "channel", "piece",
            "version", "state", "score", "passed", "seconds", "text", "claims", "findings", "held_back"}], "seconds"}.
            """
    )) { args in
        let brand = try WorkspaceCommands.folder(nil, default: "Brand", option: "--brand")
        let templates = try WorkspaceCommands.folder(nil, default: "Templates", option: "--templates")
        let options = try args.studioOptions()
        let seed = try args.seed()
        if !args.json { Output.line("Model cache: \(options.cache.root)") }
        let (job, printer) = args.job()
        let fetch = FetchProgressPrinter(indent: "  ")
        let outcome = try Studio.demo(brand: brand, templates: templates, briefs: args.value("--brief").map { [$0] }, seed: seed, options: options,
                                      fetchProgress: { if !args.json { fetch.report($0) } }, job: job)
        fetch.finish()
        printer.finish()
        let pieces = OutcomeJSON.all(outcome.briefs)
        if args.json {
            struct Out: Encodable { let workspace: String, models: [PreparedModelStatus], pieces: [OutcomeJSON], seconds: Double }
            try Output.json(Out(workspace: outcome.workspace, models: outcome.models, pieces: pieces, seconds: outcome.seconds))
        } else {
            for m in outcome.models { Output.line("  \(m.name): \(m.files.count) files, verified") }
            Output.line("Workspace: \(outcome.workspace)")
            outcome.briefs.forEach(OutcomeJSON.print)
            Output.line("\n== Summary (\(String(format: "%.0f", outcome.seconds)) s)")
            Output.table(["brief", "channel", "piece", "version", "state", "score", "claims"], pieces.map {
                [$0.brief, $0.channel, "\($0.piece)", "v\($0.version)", $0.state, "\($0.score)", $0.claimsText]
            })
            Output.line("Everything is in \(outcome.workspace): `copydesk pieces`, `copydesk runs list`, `copydesk lineage ASSET`.")
        }
        return ExitCode.ok
    }
}
