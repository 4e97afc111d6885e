import FactCheck
import Foundation

/// How the checker's verdicts compare with an editor's labels: per verdict precision and recall,
/// and how often the language-model judge was right when it decided.
public struct ClaimEvaluation: Sendable, Encodable {
    /// One labelled claim and what the checker said of it (`predicted` nil: no claim was found there).
    public struct Outcome: Sendable, Encodable {
        public var draft: String
        public var text: String
        public var label: ClaimCheck.Verdict
        public var predicted: ClaimCheck.Verdict?
        public var decidedBy: ClaimCheck.Decider?
        public var reason: String?
    }

    public var outcomes: [Outcome]

    public init(outcomes: [Outcome]) { self.outcomes = outcomes }

    /// Labelled claims the checker found a claim for.
    public var extracted: Int { outcomes.filter { $0.predicted != nil }.count }

    /// Of the claims given verdict `v`, the share labelled `v` (1 when none was given it).
    public func precision(_ v: ClaimCheck.Verdict) -> Double {
        let given = outcomes.filter { $0.predicted == v }
        return given.isEmpty ? 1 : Double(given.filter { $0.label == v }.count) / Double(given.count)
    }

    /// Of the claims labelled `v`, the share given `v` (1 when none is labelled so).
    public func recall(_ v: ClaimCheck.Verdict) -> Double {
        let labelled = outcomes.filter { $0.label == v }
        return labelled.isEmpty ? 1 : Double(labelled.filter { $0.predicted == v }.count) / Double(labelled.count)
    }

    /// How many claims the judge decided with verdict `v`, and how many of those were right.
    public func judged(_ v: ClaimCheck.Verdict) -> (right: Int, total: Int) {
        let given = outcomes.filter { $0.decidedBy == .judge && $0.predicted == v }
        return (given.filter { $0.label == v }.count, given.count)
    }

    /// The labelled claims the checker got wrong.
    public var mistakes: [Outcome] { outcomes.filter { $0.predicted != $0.label } }

    /// One line per verdict: "contradicted: precision 1.000, recall 0.958 (24 labelled)".
    public var summaryLines: [String] {
        ClaimCheck.Verdict.allCases.map { v in
            let n = outcomes.filter { $0.label == v }.count
            let j = judged(v)
            return String(format: "%@: precision %.3f, recall %.3f (%d labelled; judge right %d of %d)",
                          v.rawValue, precision(v), recall(v), n, j.right, j.total)
        } + ["extracted \(extracted) of \(outcomes.count) labelled claims"]
    }

    enum CodingKeys: String, CodingKey { case verdicts, extracted, labelled, mistakes }
    struct VerdictSummary: Encodable {
        let verdict: ClaimCheck.Verdict, labelled: Int, precision: Double, recall: Double, judgeRight: Int, judgeTotal: Int
        enum CodingKeys: String, CodingKey { case verdict, labelled, precision, recall, judgeRight = "judge_right", judgeTotal = "judge_total" }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ClaimCheck.Verdict.allCases.map { v in
            VerdictSummary(verdict: v, labelled: outcomes.filter { $0.label == v }.count, precision: precision(v), recall: recall(v),
                           judgeRight: judged(v).right, judgeTotal: judged(v).total)
        }, forKey: .verdicts)
        try c.encode(extracted, forKey: .extracted)
        try c.encode(outcomes.count, forKey: .labelled)
        try c.encode(mistakes, forKey: .mistakes)
    }
}
