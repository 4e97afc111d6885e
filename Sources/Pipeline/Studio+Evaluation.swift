import FactCheck
import Foundation
import Store

extension Studio {
    /// Checks every labelled draft with the workspace's critic (the production configuration:
    /// the kit's names, the knowledge base and, unless `judge` is false, the language-model judge)
    /// and compares the verdicts with the labels, reporting the share of drafts checked.
    public func evaluateClaims(_ set: LabelledDrafts, judge: Bool = true) throws -> ClaimEvaluation {
        let critic = try critic(judge: judge)
        let clock = ProgressClock(label: "drafts checked", total: set.drafts.count)
        var outcomes: [ClaimEvaluation.Outcome] = []
        for (index, draft) in set.drafts.enumerated() {
            let report = try critic.check(draft.text, channel: draft.channel)
            let scalars = draft.text.unicodeScalars
            for label in draft.claims {
                let range = draft.text.range(of: label.text)!
                let start = scalars.distance(from: scalars.startIndex, to: range.lowerBound)
                let end = start + label.text.unicodeScalars.count
                let hit = report.claims.first { $0.start < end && start < $0.end }
                outcomes.append(.init(draft: draft.id, text: label.text, label: label.verdict,
                                      predicted: hit?.verdict,
                                      decidedBy: hit?.decidedBy, reason: hit?.reason))
            }
            job.emit(clock.event(done: index + 1))
            try job.checkCancelled()
        }
        return ClaimEvaluation(outcomes: outcomes)
    }
}

extension Studio {
    /// `eval claims`: the labelled drafts in `labels` (JSON) checked against `kit` (its names,
    /// rules and `knowledge/`) in a scratch workspace with the project's templates.
    public static func evaluateClaims(labels: String, kit: String, judge: Bool = true, options: StudioOptions,
                                      job: Job = .unattended) throws -> ClaimEvaluation {
        guard let data = FileManager.default.contents(atPath: labels) else { throw PipelineError(.notFound, "no such file", file: labels) }
        let set = try LabelledDrafts(json: data, file: labels)
        let scratch = try ScratchStudio(brand: kit, templates: ProjectFolders.locate("Templates"), options: options, job: job)
        return try scratch.studio.evaluateClaims(set, judge: judge)
    }

    /// `eval drafting`: each brief file (none: the kit's `briefs/`) drafted once per channel in a
    /// scratch workspace with the project's templates, and measured.
    public static func evaluateDrafting(briefs paths: [String], kit: String, seed: UInt64, options: StudioOptions,
                                        job: Job = .unattended) throws -> DraftingEvaluation {
        let files = paths.isEmpty ? try Brief.files(inKit: kit) : paths
        guard !files.isEmpty else { throw PipelineError(.notFound, "no briefs: give brief files or a kit with briefs/", file: kit) }
        let briefs = try files.map { try Brief(contentsOf: $0) }
        let scratch = try ScratchStudio(brand: kit, templates: ProjectFolders.locate("Templates"), options: options, job: job)
        return try scratch.studio.evaluateDrafting(briefs, brand: try BrandVoice.load(from: .folder(kit)), seed: seed)
    }
}
