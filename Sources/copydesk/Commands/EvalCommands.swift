import Foundation
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
        guard let kit = args.value("--brand") ?? ProjectFolders.locate("Brand") else {
            throw UsageError(message: "no Brand/ folder here; give --brand DIR", command: "copydesk eval claims")
        }
        let (job, printer) = args.job()
        let evaluation = try Studio.evaluateClaims(labels: args.positional(0)!, kit: kit, judge: !args.flag("--no-judge"),
                                                   options: try args.studioOptions(), job: job)
        printer.finish()
        if args.json {
            try Output.json(evaluation)
        } else {
            for line in evaluation.summaryLines { Output.line(line) }
            if args.flag("--mistakes") {
                for m in evaluation.mistakes {
                    Output.line("\(m.draft): \"\(m.text)\" labelled \(m.label.rawValue), got \(m.predicted?.rawValue ?? "no claim") (\(m.decidedBy?.rawValue ?? "-")): \(m.reason ?? "")")
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
        let (job, printer) = args.job()
        let evaluation = try Studio.evaluateDrafting(briefs: args.allPositionals, kit: brand, seed: try args.seed(),
                                                     options: try args.studioOptions(), job: job)
        printer.finish()
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
