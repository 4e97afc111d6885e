import BrandKit
import Foundation
import ModelCache
import Pipeline
import Store

/// `copydesk draft`: the pipeline's drafting step from the command line.
enum PipelineCommands {
    static let seedOption = OptionSpec.value("--seed", "S", "random seed (default 1); the same seed and versions give the same text")

    /// A studio over the workspace, with the default (or `--model`) language model.
    static func studio(_ args: ParsedArguments, job: Job) throws -> Studio {
        try Studio.open(try args.studioOptions(), job: job)
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
        let brief = try Brief(contentsOf: args.positional(0)!)
        var channels = brief.channels
        if let channel = try args.channel() {
            guard brief.channels.contains(channel) else {
                throw UsageError(message: "the brief does not list channel '\(channel.rawValue)' (it lists \(brief.channels.map(\.rawValue).joined(separator: ", ")))",
                                 command: "copydesk draft")
            }
            channels = [channel]
        }
        let seed = try args.seed()
        let (job, printer) = args.job(quiet: true)
        let studio = try studio(args, job: job)
        var results: [DraftJSON] = []
        for channel in channels {
            if !args.json { Output.line("== \(brief.campaign): \(channel.rawValue)") }
            let r = try studio.draft(brief, channel: channel, seed: seed) { text in
                if !args.json { Output.write(text) }
                return true
            }
            printer.finish()
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

extension PipelineCommands {
    /// Prints a check report for people.
    static func printReport(_ report: CheckReport, text: String) {
        Output.line("Claims (\(report.claims.count)):")
        for c in report.claims {
            let mark = switch c.verdict { case .supported: "✓"; case .contradicted: "✗"; case .unverifiable: "?" }
            Output.line("  \(mark) \(c.verdict.rawValue.uppercased()) (\(c.decidedBy.rawValue)): \(c.text)")
            if let e = c.evidence.first { Output.line("      source: \(e.source)") }
            if c.verdict != .supported { Output.line("      \(c.reason)") }
            if let s = c.suggestion { Output.line("      suggestion: \(s)") }
        }
        Output.line("Findings (\(report.findings.count)):")
        for f in report.findings {
            Output.line("  [\(f.level.rawValue)] \(f.rule)\(f.text.isEmpty ? "" : ": '\(f.text)'") \(f.message)\(f.replacement.map { " → \($0)" } ?? "")")
        }
        if let t = report.tone {
            Output.line(String(format: "Tone: %.2f (closest on-voice exemplar: %@)", t.score, t.closestExemplar ?? "-"))
        }
        Output.line(String(format: "Readability: grade %.1f (%d words, %d sentences)", report.readability.grade, report.readability.words, report.readability.sentences))
        Output.line("Score: \(report.score)/100, \(report.passed ? "passed" : "not passed")")
    }

    static let check = Command(spec: CommandSpec(
        path: ["check"],
        summary: "Fact-check and critique any text against a brand kit and knowledge base.",
        positionals: [PositionalSpec(name: "FILE", help: "the text to check")],
        options: [.workspace, .value("--brand", "DIR", "a brand kit folder (default: the workspace's kit)"),
                  .value("--kb", "DIR", "a folder of knowledge files (default: the workspace's knowledge base, or DIR/knowledge of --brand)"),
                  .value("--channel", "C", "check as copy for this channel (email, social, search-ad, landing, blog, voiceover)"),
                  .flag("--no-judge", "do not ask the language model about claims the rules cannot decide"),
                  GenerateCommand.modelOption, ModelsCommands.modelsOption, GenerateCommand.threadsOption, .json],
        discussion: """
            --json prints {"claims": [{"text", "start", "end", "verdict", "evidence": [{"source", "text", "score"}], "reason",
            "suggestion"}], "findings": [{"rule", "level", "start", "end", "text", "message", "replacement"}], "tone", "readability",
            "score", "passed"}. Offsets count Unicode scalars of the file's text. Exit status 0 when the text passes, 1 when not.
            """
    )) { args in
        let text = try CopyText.read(file: args.positional(0)!)
        let channel = try args.channel()
        let (job, printer) = args.job()
        let report: CheckReport
        if args.value("--brand") != nil || args.value("--kb") != nil {
            report = try Studio.check(text: text, against: CheckTarget(kit: args.value("--brand"), knowledge: args.value("--kb")), channel: channel,
                                      judge: !args.flag("--no-judge"), options: try args.studioOptions(), job: job)
        } else {
            report = try studio(args, job: job).check(text: text, channel: channel, judge: !args.flag("--no-judge"))
        }
        printer.finish()
        if args.json { try Output.json(report) } else { printReport(report, text: text) }
        return report.passed ? ExitCode.ok : ExitCode.failure
    }
}

extension PipelineCommands {
    struct CheckedJSON: Encodable {
        let piece: Int64, version: Int, asset: String, state: String, text: String, report: CheckReport
        init(_ v: CheckedVersion) {
            piece = v.piece.id; version = v.version; asset = v.piece.versions.first { $0.version == v.version }?.assetHash ?? ""
            state = v.piece.state.rawValue; text = v.text; report = v.report
        }
    }

    static func printChecked(_ v: CheckedVersion) {
        Output.line("piece \(v.piece.id) (\(v.piece.campaign), \(v.piece.channel)) v\(v.version), \(v.piece.state.rawValue):")
        Output.line(v.text.trimmingCharacters(in: .newlines).split(separator: "\n", omittingEmptySubsequences: false).map { "  | " + $0 }.joined(separator: "\n"))
        printReport(v.report, text: v.text)
    }

    static let review = Command(spec: CommandSpec(
        path: ["review"],
        summary: "Check a piece's newest version and put it in review (or bring a file in as a new piece and review it).",
        positionals: [PositionalSpec(name: "ASSET|FILE", help: "a version's asset hash (6+ hex digits), or a text file")],
        options: [.workspace, .value("--channel", "C", "for a FILE: its channel (default: blog)"), .value("--campaign", "NAME", "for a FILE: its campaign"),
                  .value("--note", "TEXT", "a note kept with the review event"), .flag("--no-judge", "rules only for undecided claims"),
                  GenerateCommand.modelOption, ModelsCommands.modelsOption, GenerateCommand.threadsOption, .json],
        discussion: "--json prints {\"piece\", \"version\", \"asset\", \"state\", \"text\", \"report\"}; report is the `check --json` object."
    )) { args in
        let (job, printer) = args.job()
        let studio = try studio(args, job: job)
        let ref = args.positional(0)!
        studio.usesJudge = !args.flag("--no-judge")
        let checked: CheckedVersion
        if FileManager.default.fileExists(atPath: ref) {
            let piece = try studio.importPiece(text: try CopyText.read(file: ref), channel: try args.channel() ?? .blog,
                                               campaign: args.value("--campaign") ?? (ref as NSString).lastPathComponent)
            checked = try studio.review(piece: piece.id, note: args.value("--note"))
        } else {
            checked = try studio.review(asset: ref, note: args.value("--note"))
        }
        printer.finish()
        if args.json { try Output.json(CheckedJSON(checked)) } else { printChecked(checked) }
        return ExitCode.ok
    }

    static let revise = Command(spec: CommandSpec(
        path: ["revise"],
        summary: "Revise a piece: safe automatic fixes, then re-drafts with the findings, keeping every version.",
        positionals: [PositionalSpec(name: "ASSET", help: "a version's asset hash (6+ hex digits)")],
        options: [.workspace, .value("--rounds", "N", "most language-model re-drafts (default 2)"), seedOption,
                  .flag("--no-judge", "rules only for undecided claims"),
                  GenerateCommand.modelOption, ModelsCommands.modelsOption, GenerateCommand.threadsOption, .json],
        discussion: "The newest version is left in state 'draft'; `copydesk review` puts it in review again."
    )) { args in
        let seed = try args.seed()
        let (job, printer) = args.job()
        let studio = try studio(args, job: job)
        studio.usesJudge = !args.flag("--no-judge")
        let result = try studio.revise(asset: args.positional(0)!, rounds: try args.int("--rounds") ?? 2, seed: seed)
        printer.finish()
        if args.json { try Output.json(CheckedJSON(result)) } else {
            let p = result.piece
            for v in p.versions { Output.line("  v\(v.version) \(v.origin.rawValue) \(v.assetHash.prefix(12))") }
            printChecked(result)
        }
        return ExitCode.ok
    }
}
