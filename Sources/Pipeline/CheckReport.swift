/// The result of checking one text: claims with verdicts, style findings, tone, readability and
/// the overall score. Encodes to the JSON that `copydesk check --json` prints; offsets count
/// Unicode scalars of the checked text.
public struct CheckReport: Sendable, Encodable {
    public struct Evidence: Sendable, Encodable, Equatable {
        public var source: String
        public var text: String
        public var score: Double
    }

    public struct Claim: Sendable, Encodable, Equatable {
        public var text: String
        public var start: Int
        public var end: Int
        /// "supported", "contradicted" or "unverifiable".
        public var verdict: String
        public var evidence: [Evidence]
        public var reason: String
        /// A corrected wording, for contradicted claims.
        public var suggestion: String?
        /// Who decided: "rules" or "judge".
        public var decidedBy: String

        enum CodingKeys: String, CodingKey { case text, start, end, verdict, evidence, reason, suggestion, decidedBy = "decided_by" }

        /// Every key is written, `suggestion` as null when there is none.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(text, forKey: .text)
            try c.encode(start, forKey: .start)
            try c.encode(end, forKey: .end)
            try c.encode(verdict, forKey: .verdict)
            try c.encode(evidence, forKey: .evidence)
            try c.encode(reason, forKey: .reason)
            try c.encode(suggestion, forKey: .suggestion)
            try c.encode(decidedBy, forKey: .decidedBy)
        }
    }

    public struct Finding: Sendable, Encodable, Equatable {
        public var rule: String
        /// "error", "warning" or "suggestion".
        public var level: String
        public var start: Int
        public var end: Int
        public var text: String
        public var message: String
        public var replacement: String?

        enum CodingKeys: String, CodingKey { case rule, level, start, end, text, message, replacement }

        /// Every key is written, `replacement` as null when there is none.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(rule, forKey: .rule)
            try c.encode(level, forKey: .level)
            try c.encode(start, forKey: .start)
            try c.encode(end, forKey: .end)
            try c.encode(text, forKey: .text)
            try c.encode(message, forKey: .message)
            try c.encode(replacement, forKey: .replacement)
        }
    }

    public struct Readability: Sendable, Encodable, Equatable {
        public var grade: Double
        public var words: Int
        public var sentences: Int
        public var syllables: Int
        public var maxGrade: Double?

        enum CodingKeys: String, CodingKey { case grade, words, sentences, syllables, maxGrade = "max_grade" }
    }

    public var claims: [Claim]
    public var findings: [Finding]
    public var tone: ToneReport?
    public var readability: Readability
    /// 0 to 100.
    public var score: Int
    /// False when any error-level finding or contradicted claim remains.
    public var passed: Bool
    /// The channel the text was checked as, if any.
    public var channel: String?

    /// Counts of claims by verdict.
    public var verdictCounts: [String: Int] { Dictionary(grouping: claims, by: \.verdict).mapValues(\.count) }

    enum CodingKeys: String, CodingKey { case claims, findings, tone, readability, score, passed, channel }

    /// `tone` is written as null when the kit has too few exemplars to score it.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(claims, forKey: .claims)
        try c.encode(findings, forKey: .findings)
        try c.encode(tone, forKey: .tone)
        try c.encode(readability, forKey: .readability)
        try c.encode(score, forKey: .score)
        try c.encode(passed, forKey: .passed)
        try c.encodeIfPresent(channel, forKey: .channel)
    }
}
