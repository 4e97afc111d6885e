import Foundation
import ModelCache
import Pipeline
import Store

/// `copydesk eval ...`: quality measurements against labelled data.
enum EvalCommands {
    static let claims = Command(spec: CommandSpec(
        path: ["eval", "claims"],
        summary: "Measure the fact-checker on labelled drafts: precision and recall of each verdict, and how often the judge was right.",
        positionals: [PositionalSpec(name: "LABELS", help: "labelled drafts (JSON, the format of Tests/Fixtures/factcheck/claims.json)")],
        options: [.value("--brand", "DIR", "the brand kit folder the labels were written for (default: Brand); its knowledge/ is the knowledge base"),
                  .flag("--no-judge", "rules only: do not ask the language model about claims the rules cannot decide"),
                  .flag("--mistakes", "list every claim whose verdict differs from its label"),
                  GenerateCommand.modelOption, ModelsCommands.modelsOption, GenerateCommand.threadsOption, .json],
        discussion: """
            Checks every draft with the production configuration (the kit's names and rules, its knowledge base, the judge)
            in a scratch workspace. --json prints {"verdicts": [{"verdict", "labelled", "precision", "recall", "judge_right",
            "judge_total"}], "extracted", "labelled", "mistakes": [{"draft", "text", "label", "predicted", "decidedBy", "reason"}]}.
            """
    )) { args in
        let path = args.positional(0)!
        guard let data = FileManager.default.contents(atPath: path) else { throw UsageError(message: "\(path): no such file", command: "copydesk eval claims") }
        let set = try LabelledDrafts(json: data, file: path)
        guard let brand = args.value("--brand") ?? ProjectFolders.locate("Brand") else {
            throw UsageError(message: "no Brand/ folder here; give --brand DIR", command: "copydesk eval claims")
        }
        let models = try StudioModels.resolve(cache: ModelsCommands.cache(args), languageModel: args.value("--model") ?? ModelCache.defaultLanguageModel) {
            Output.error("  \($0)")
        }
        let scratch = try ScratchStudio(brand: brand, templates: ProjectFolders.locate("Templates"), models: models, threads: try args.int("--threads"))
        let evaluation = try scratch.studio.evaluateClaims(set, judge: !args.flag("--no-judge")) { done, total in
            Output.error("  checked \(done) of \(total) drafts")
        }
        if args.json {
            try Output.json(evaluation)
        } else {
            for line in evaluation.summaryLines { Output.line(line) }
            if args.flag("--mistakes") {
                for m in evaluation.mistakes {
                    Output.line("\(m.draft): \"\(m.text)\" labelled \(m.label.rawValue), got \(m.predicted?.rawValue ?? "no claim") (\(m.decidedBy ?? "-")): \(m.reason ?? "")")
                }
            }
        }
        return ExitCode.ok
    }

    static let drafting = Command(spec: CommandSpec(
        path: ["eval", "drafting"],
        summary: "Measure drafting on briefs: key messages carried, facts used, invented figures and details, limit violations, the checker's verdicts.",
        positionals: [PositionalSpec(name: "BRIEF", help: "brief files (default: every brief in the kit's briefs/)", optional: true, repeating: true)],
        options: [.value("--brand", "DIR", "the brand kit folder (default: Brand); its knowledge/ is the knowledge base"),
                  PipelineCommands.seedOption, GenerateCommand.modelOption, ModelsCommands.modelsOption, GenerateCommand.threadsOption, .json],
        discussion: """
            Drafts every channel of each brief once, without revision, in a scratch workspace with the templates of
            ./Templates, and checks each draft. Compare two template versions by running it before and after the change.
            --json prints {"pieces": [{"brief", "channel", "templateVersion", "text", "keyMessagesCovered", "keyMessages",
            "factsUsed", "inventedFigures", "inventedDetails", "limitViolations", "supported", "contradicted", "unverifiable",
            "score", "passed"}], "summaries": [the same totals per channel, then for all (channel null)]}.
            """
    )) { args in
        guard let brand = args.value("--brand") ?? ProjectFolders.locate("Brand") else {
            throw UsageError(message: "no Brand/ folder here; give --brand DIR", command: "copydesk eval drafting")
        }
        guard let seed = UInt64(args.value("--seed") ?? "1") else { throw UsageError(message: "--seed must be a non-negative integer", command: "copydesk eval drafting") }
        var paths = args.allPositionals
        if paths.isEmpty {
            let dir = (brand as NSString).appendingPathComponent("briefs")
            paths = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".md") }.sorted().map { (dir as NSString).appendingPathComponent($0) }
        }
        guard !paths.isEmpty else { throw UsageError(message: "no briefs: give BRIEF files or a kit with briefs/", command: "copydesk eval drafting") }
        let briefs = try paths.map { try PipelineCommands.brief($0, command: "copydesk eval drafting") }
        let models = try StudioModels.resolve(cache: ModelsCommands.cache(args), languageModel: args.value("--model") ?? ModelCache.defaultLanguageModel) {
            Output.error("  \($0)")
        }
        let scratch = try ScratchStudio(brand: brand, templates: ProjectFolders.locate("Templates"), models: models, threads: try args.int("--threads"))
        let voice = try BrandVoice.load(from: .folder(brand))
        let evaluation = try scratch.studio.evaluateDrafting(briefs, brand: voice, seed: seed) { Output.error("  … \($0)") }
        if args.json {
            try Output.json(evaluation)
        } else {
            Output.table(["channel", "pieces", "key messages", "facts", "invented", "limits", "supported", "contradicted", "unverifiable", "passed"],
                         evaluation.summaries.map { s in
                             [s.channel?.rawValue ?? "all", "\(s.pieces)", String(format: "%.0f%%", 100 * s.keyMessageCoverage), "\(s.factsUsed)",
                              "\(s.inventedFigures + s.inventedDetails)", "\(s.limitViolations)", "\(s.supported)", "\(s.contradicted)",
                              "\(s.unverifiable)", "\(s.passed)"]
                         })
            for p in evaluation.pieces where !p.inventedFigures.isEmpty {
                Output.line("\(p.brief) \(p.channel.rawValue): figures not in the brief or knowledge base: \(p.inventedFigures.joined(separator: ", "))")
            }
        }
        return ExitCode.ok
    }
}
