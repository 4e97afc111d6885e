import Foundation
import Pipeline
import Store

/// `copydesk batch` and `copydesk export`.
enum BatchCommands {
    static let batch = Command(spec: CommandSpec(
        path: ["batch"],
        summary: "Run a campaign file: every brief's channels and variants through its steps and gate; then export it.",
        positionals: [PositionalSpec(name: "CAMPAIGN", help: "a campaign TOML file (keys in Brand/campaigns/README.md)")],
        options: [.workspace, .value("--jobs", "N", "items at once (1 for now: one workspace has one writer; use --shard for more)"),
                  .flag("--resume", "continue after a crash: finished items are skipped (a plain re-run does the same)"),
                  .flag("--dry-run", "list the items and which are done, without running"),
                  .value("--shard", "I/N", "run only items i with i % N == I (for a Kubernetes Indexed Job or a Slurm array)"),
                  .flag("--no-judge", "rules only for undecided claims"),
                  GenerateCommand.modelOption, ModelsCommands.modelsOption, GenerateCommand.threadsOption, .json],
        discussion: """
            Progress goes to standard error; a summary table (or, with --json, {"campaign", "items": [{"brief", "channel",
            "variant", "key", "skipped", "outcome", "reason", "piece", "score", "tokens", "seconds"}], "skipped_steps",
            "seconds", "export"}) to standard output. Exit 1 when any item does not pass its gate, 130 when cancelled.
            """
    )) { args in
        if let jobs = try args.int("--jobs"), jobs != 1 {
            throw UsageError(message: "--jobs \(jobs): one workspace takes one batch writer; run shards (--shard I/N) in separate workspaces and `copydesk merge` them", command: "copydesk batch")
        }
        var options = BatchOptions()
        options.dryRun = args.flag("--dry-run")
        if let shard = args.value("--shard") {
            let parts = shard.split(separator: "/").map { Int($0) }
            guard parts.count == 2, let i = parts[0], let n = parts[1], n > 0, i >= 0, i < n else {
                throw UsageError(message: "--shard expects I/N with 0 ≤ I < N, got '\(shard)'", command: "copydesk batch")
            }
            options.shard = (i, n)
        }
        let campaign = try Campaign(contentsOf: args.positional(0)!)
        let (job, printer) = args.job()
        let studio = try Studio.open(for: campaign, try args.studioOptions(), job: job)
        studio.usesJudge = !args.flag("--no-judge")
        studio.actor = "copydesk batch"
        let run = try studio.run(campaign: campaign, options: options)
        let report = run.report, exports = run.exports
        printer.finish()
        if args.json {
            struct Out: Encodable { let campaign: String, items: [BatchItem], skippedSteps: [String], seconds: Double, export: [ExportReport] }
            try Output.json(Out(campaign: report.campaign, items: report.items, skippedSteps: report.skippedSteps, seconds: report.seconds, export: exports))
        } else {
            Output.table(["brief", "channel", "variant", "outcome", "piece", "score", "tokens", "seconds", "why"], report.items.map {
                [$0.brief, $0.channel.rawValue, "\($0.variant)", options.dryRun && $0.outcome == nil ? "to do" : ($0.skipped ? "done before: " : "") + ($0.outcome?.rawValue ?? "-"),
                 $0.piece.map { "\($0)" } ?? "-", $0.score.map { "\($0)" } ?? "-", "\($0.tokens)", String(format: "%.1f", $0.seconds), $0.reason ?? ""]
            })
            let passed = report.items.filter { $0.outcome == .passed }.count
            Output.line(String(format: "%d items: %d passed, %d held, %d failed, %d tokens, %.0f s", report.items.count, passed,
                               report.items.filter { $0.outcome == .held }.count, report.items.filter { $0.outcome == .failed }.count,
                               report.items.reduce(0) { $0 + $1.tokens }, report.seconds))
            for e in exports { Output.line("exported \(e.pieces) pieces as \(e.format.rawValue) to \(e.out)") }
        }
        return options.dryRun || report.allPassed ? ExitCode.ok : ExitCode.failure
    }

    static let export = Command(spec: CommandSpec(
        path: ["export"],
        summary: "Export approved pieces to a CMS folder layout (hugo, jekyll, astro, eleventy, decap, sanity, contentful, json).",
        positionals: [PositionalSpec(name: "ASSET", help: "versions' asset hashes (or give --campaign)", optional: true, repeating: true)],
        options: [.workspace, .value("--campaign", "NAME", "every piece of this campaign"), .value("--format", "F", "the layout (required)"),
                  .value("--out", "DIR", "the folder to write under (required)"), .flag("--include-unapproved", "export pieces not approved too, as drafts"),
                  .json],
        discussion: "Writes manifest.json beside the files: every file with its SHA-256, each piece's lineage, model and template versions and verdicts. --json prints {\"format\", \"out\", \"pieces\", \"files\"}."
    )) { args in
        guard let name = args.value("--format") else { throw UsageError(message: "give --format F", command: "copydesk export") }
        guard let format = ExportFormat(rawValue: name) else {
            throw UsageError(message: "--format must be one of \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")), got '\(name)'", command: "copydesk export")
        }
        guard let out = args.value("--out") else { throw UsageError(message: "give --out DIR", command: "copydesk export") }
        guard args.value("--campaign") != nil || !args.allPositionals.isEmpty else {
            throw UsageError(message: "give --campaign NAME or the assets to export", command: "copydesk export")
        }
        var request = ExportRequest(format: format, out: out, campaign: args.value("--campaign"))
        request.assets = args.allPositionals
        request.includeUnapproved = args.flag("--include-unapproved")
        let report = try WorkspaceCommands.open(args).export(request)
        if args.json { try Output.json(report) } else {
            Output.line("exported \(report.pieces) piece\(report.pieces == 1 ? "" : "s") as \(format.rawValue) to \(report.out) (\(report.files.count) files)")
        }
        return ExitCode.ok
    }

    static let merge = Command(spec: CommandSpec(
        path: ["merge"],
        summary: "Merge the batch work of shard workspaces into this one (content-addressed, so merging twice changes nothing).",
        positionals: [PositionalSpec(name: "WORKSPACE", help: "shard workspace folders", repeating: true)],
        options: [.workspace, .json],
        discussion: """
            For each batch item this workspace lacks, copies its piece with its versions, checks, review history and the runs
            behind them, and every asset. An item both have with different results, or a template version with other content,
            is a conflict: it is named and nothing of that workspace is merged. --json prints [{"workspace", "items",
            "already_present", "assets"}].
            """
    )) { args in
        let workspace = try WorkspaceCommands.open(args)
        var reports: [MergeReport] = []
        for other in args.allPositionals { reports.append(try workspace.merge(other)) }
        if args.json { try Output.json(reports) } else {
            for r in reports { Output.line("\(r.workspace): \(r.items) items merged, \(r.alreadyPresent) already here, \(r.assets) new assets") }
        }
        return ExitCode.ok
    }
}
