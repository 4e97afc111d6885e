import BrandKit
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
        let models = try StudioModels.resolve(cache: ModelsCommands.cache(args), languageModel: args.value("--model") ?? ModelCache.defaultLanguageModel) {
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

extension PipelineCommands {
    /// Reads a text file for `check` and `review`.
    static func readText(_ path: String, command: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw UsageError(message: "\(path): no such file", command: command) }
        return try CopyText.decode(data, file: path)
    }

    static func channel(_ args: ParsedArguments) throws -> Channel? {
        try args.value("--channel").map { try Channel.named($0) }
    }

    /// Prints a check report for people.
    static func printReport(_ report: CheckReport, text: String) {
        Output.line("Claims (\(report.claims.count)):")
        for c in report.claims {
            let mark = c.verdict == "supported" ? "✓" : c.verdict == "contradicted" ? "✗" : "?"
            Output.line("  \(mark) \(c.verdict.uppercased()) (\(c.decidedBy)): \(c.text)")
            if let e = c.evidence.first { Output.line("      source: \(e.source)") }
            if c.verdict != "supported" { Output.line("      \(c.reason)") }
            if let s = c.suggestion { Output.line("      suggestion: \(s)") }
        }
        Output.line("Findings (\(report.findings.count)):")
        for f in report.findings {
            Output.line("  [\(f.level)] \(f.rule)\(f.text.isEmpty ? "" : ": '\(f.text)'") \(f.message)\(f.replacement.map { " → \($0)" } ?? "")")
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
        let text = try readText(args.positional(0)!, command: "copydesk check")
        let channel = try channel(args)
        let brandDir = args.value("--brand")
        let kbDir = args.value("--kb") ?? brandDir.map { ($0 as NSString).appendingPathComponent("knowledge") }
        var cleanup: String?
        defer { if let cleanup { try? FileManager.default.removeItem(atPath: cleanup) } }
        let report: CheckReport
        if brandDir != nil || args.value("--kb") != nil {
            // A scratch workspace holds the knowledge base: nothing is written to the user's workspace.
            let brand: BrandSource = try brandDir.map { .folder($0) } ?? .workspace(WorkspaceCommands.open(args))
            // Validate the kit before any model is loaded.
            if let brandDir {
                let path = (brandDir as NSString).appendingPathComponent("brand.toml")
                guard let data = FileManager.default.contents(atPath: path), let toml = String(data: data, encoding: .utf8) else {
                    throw UsageError(message: "\(path): no such file, or not UTF-8 text", command: "copydesk check")
                }
                _ = try BrandProfile(toml: toml, file: path)
            }
            guard let kbDir else { throw UsageError(message: "give --kb DIR with the knowledge files", command: "copydesk check") }
            let dir = NSTemporaryDirectory() + "copydesk-check-\(UUID().uuidString)"
            cleanup = dir
            let workspace = try Workspace.openOrCreate(dir)
            if let t = ProjectFolders.locate("Templates") { _ = try workspace.syncTemplates(from: t) }
            let models = try StudioModels.resolve(cache: ModelsCommands.cache(args), languageModel: args.value("--model") ?? ModelCache.defaultLanguageModel) { Output.error("  \($0)") }
            let studio = Studio(workspace: workspace, models: models, threads: try args.int("--threads"))
            _ = try studio.knowledge().add(files: try KnowledgeCommands.files([kbDir]))
            let judge = args.flag("--no-judge") ? nil : try LanguageModelJudge(studio: studio)
            let critic = try Critic(brand: brand, knowledge: studio.knowledge(), embedder: studio.embedder(), judge: judge,
                                    pronouncingDictionary: models.pronouncingDictionary)
            report = try critic.check(text, channel: channel)
        } else {
            report = try PipelineCommands.studio(args).critic(judge: !args.flag("--no-judge")).check(text, channel: channel)
        }
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
        let studio = try studio(args)
        let ref = args.positional(0)!
        let pieceID: Int64
        if FileManager.default.fileExists(atPath: ref) {
            let text = try readText(ref, command: "copydesk review")
            let channel = try channel(args) ?? .blog
            let asset = try studio.database.storeAsset(text: text, mediaType: "text/markdown")
            pieceID = try studio.database.createPiece(briefHash: nil, campaign: args.value("--campaign") ?? (ref as NSString).lastPathComponent,
                                                      channel: channel.rawValue, assetHash: asset.hash, runID: nil, origin: "editor", actor: studio.actor).id
        } else {
            let (piece, version) = try studio.database.piece(containing: ref)
            guard version == piece.latest?.version else {
                throw UsageError(message: "asset \(ref) is v\(version) of piece \(piece.id); the newest is v\(piece.latest?.version ?? 0)", command: "copydesk review")
            }
            pieceID = piece.id
        }
        _ = try studio.critic(judge: !args.flag("--no-judge"))
        let checked = try studio.review(piece: pieceID, note: args.value("--note"))
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
        let studio = try studio(args)
        let (piece, _) = try studio.database.piece(containing: args.positional(0)!)
        guard let seed = UInt64(args.value("--seed") ?? "1") else { throw UsageError(message: "--seed must be a non-negative integer", command: "copydesk revise") }
        _ = try studio.critic(judge: !args.flag("--no-judge"))
        let result = try studio.revise(piece: piece.id, rounds: try args.int("--rounds") ?? 2, seed: seed)
        if args.json { try Output.json(CheckedJSON(result)) } else {
            let p = result.piece
            for v in p.versions { Output.line("  v\(v.version) \(v.origin) \(v.assetHash.prefix(12))") }
            printChecked(result)
        }
        return ExitCode.ok
    }
}
