import BrandKit
import FactCheck
import Support

/// The result of checking one text: claims with verdicts, style findings, tone, readability and
/// the overall score. Encodes to the JSON that `copydesk check --json` prints; offsets count
/// Unicode scalars of the checked text.
public struct CheckReport: Sendable, Codable {
    public struct Evidence: Sendable, Codable, Equatable {
        public var source: String
        public var text: String
        public var score: Double
    }

    public struct Claim: Sendable, Codable, Equatable {
        public var text: String
        public var start: Int
        public var end: Int
        public var verdict: ClaimCheck.Verdict
        public var evidence: [Evidence]
        public var reason: String
        /// A corrected wording, for contradicted claims (null in JSON when there is none).
        @NullEncoded public var suggestion: String?
        public var decidedBy: ClaimCheck.Decider

        enum CodingKeys: String, CodingKey { case text, start, end, verdict, evidence, reason, suggestion, decidedBy = "decided_by" }
    }

    public struct Finding: Sendable, Codable, Equatable {
        public var rule: String
        public var level: StyleRule.Level
        public var start: Int
        public var end: Int
        public var text: String
        public var message: String
        /// Null in JSON when the rule offers no replacement.
        @NullEncoded public var replacement: String?

        enum CodingKeys: String, CodingKey { case rule, level, start, end, text, message, replacement }
    }

    public struct Readability: Sendable, Codable, Equatable {
        public var grade: Double
        public var words: Int
        public var sentences: Int
        public var syllables: Int
        public var maxGrade: Double?

        enum CodingKeys: String, CodingKey { case grade, words, sentences, syllables, maxGrade = "max_grade" }
    }

    public var claims: [Claim]
    public var findings: [Finding]
    /// Null in JSON when the kit has too few exemplars to score tone.
    @NullEncoded public var tone: ToneReport?
    public var readability: Readability
    /// 0 to 100.
    public var score: Int
    /// False when any error-level finding or contradicted claim remains.
    public var passed: Bool
    /// The channel the text was checked as, if any.
    public var channel: Channel?

    /// Counts of claims by verdict, keyed by the verdict's name.
    public var verdictCounts: [String: Int] { Dictionary(grouping: claims, by: \.verdict.rawValue).mapValues(\.count) }

    /// The claims with this verdict.
    public func claims(_ verdict: ClaimCheck.Verdict) -> [Claim] { claims.filter { $0.verdict == verdict } }

    enum CodingKeys: String, CodingKey { case claims, findings, tone, readability, score, passed, channel }
}
