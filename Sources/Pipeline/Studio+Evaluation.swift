import FactCheck
import Foundation

extension Studio {
    /// Checks every labelled draft with the workspace's critic (the production configuration:
    /// the kit's names, the knowledge base and, unless `judge` is false, the language-model judge)
    /// and compares the verdicts with the labels. `progress` gets (drafts done, drafts).
    public func evaluateClaims(_ set: LabelledDrafts, judge: Bool = true,
                               progress: (Int, Int) -> Void = { _, _ in }) throws -> ClaimEvaluation {
        let critic = try critic(judge: judge)
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
                                      predicted: hit.flatMap { ClaimCheck.Verdict(rawValue: $0.verdict) },
                                      decidedBy: hit?.decidedBy, reason: hit?.reason))
            }
            progress(index + 1, set.drafts.count)
        }
        return ClaimEvaluation(outcomes: outcomes)
    }
}
