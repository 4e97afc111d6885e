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
        options: [.workspace, .value("--brief", "FILE", "run only this brief (default: every brief in Brand/briefs)"),
                  PipelineCommands.seedOption, GenerateCommand.threadsOption, ModelsCommands.modelsOption, .json],
        discussion: """
            Fetches and verifies the default models, creates (or updates) the workspace from Brand/ and Templates/,
            indexes the brand's knowledge base, then runs each demo brief through the pipeline: drafts every channel
            with the local language model, fact-checks each claim against the knowledge base, critiques the copy
            against the brand's rules and voice, revises (safe fixes first, then re-drafts), and approves what passes.
            Everything is recorded in the workspace (`copydesk pieces`, `copydesk runs list`).
            """
    )) { args in
        let json = args.json
        func say(_ text: String) { if !json { Output.line(text) } }
        let cache = ModelsCommands.cache(args)
        say("Model cache: \(cache.root)")
        var models: [ModelStatusJSON] = []
        var names = ModelCache.defaultModels
        if let requested = args.value("--model"), cache.spec(requested) != nil, !names.contains(requested) { names.append(requested) }
        for name in names {
            let (entry, _) = try ModelsCommands.fetchShowingProgress(cache, name, quiet: json, indent: "  ")
            let results = cache.verify(name)
            let ok = results.allSatisfy { $0.isOK }
            say("  \(name): \(entry.files.count) files, \(ok ? "verified" : "HASH MISMATCH")")
            models.append(ModelStatusJSON(name: name, files: entry.files.map(\.path), verified: ok))
            guard ok else { throw ModelsCommands.verificationFailure(results) }
        }
        let (studio, brand) = try CampaignRunner.prepare(args) { say($0) }
        say("Workspace: \(studio.workspace.directory)")
        guard let seed = UInt64(args.value("--seed") ?? "1") else { throw UsageError(message: "--seed must be a non-negative integer", command: "copydesk demo") }
        let briefs: [String]
        if let one = args.value("--brief") { briefs = [one] } else {
            let dir = (brand as NSString).appendingPathComponent("briefs")
            briefs = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".md") }.sorted().map { (dir as NSString).appendingPathComponent($0) }
        }
        let t0 = Date()
        var outcomes: [CampaignRunner.OutcomeJSON] = []
        for path in briefs {
            outcomes += try CampaignRunner.run(path, studio: studio, seed: seed, approver: "copydesk demo", quiet: json)
        }
        let seconds = Date().timeIntervalSince(t0)
        if json {
            struct Out: Encodable { let workspace: String, models: [ModelStatusJSON], pieces: [CampaignRunner.OutcomeJSON], seconds: Double }
            try Output.json(Out(workspace: studio.workspace.directory, models: models, pieces: outcomes, seconds: seconds))
        } else {
            say("\n== Summary (\(String(format: "%.0f", seconds)) s)")
            Output.table(["brief", "channel", "piece", "version", "state", "score", "claims"], outcomes.map {
                [$0.brief, $0.channel, "\($0.piece)", "v\($0.version)", $0.state, "\($0.score)",
                 $0.claims.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")]
            })
            say("Everything is in \(studio.workspace.directory): `copydesk pieces`, `copydesk runs list`, `copydesk lineage ASSET`.")
        }
        return ExitCode.ok
    }

    struct ModelStatusJSON: Encodable { let name: String, files: [String], verified: Bool }
}
