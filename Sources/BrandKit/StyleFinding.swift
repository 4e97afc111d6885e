/// One breach of a style rule, located in the checked text by Unicode-scalar offsets.
public struct StyleFinding: Sendable, Equatable {
    /// The rule id ("no-hype"), or a built-in check ("voice.max_sentence_words", "channel.email.subject").
    public var rule: String
    public var level: StyleRule.Level
    public var start: Int
    public var end: Int
    /// The text concerned.
    public var text: String
    public var message: String
    /// The fix, for substitution and capitalization findings.
    public var replacement: String?
}

/// Flesch-Kincaid measurements of a text.
public struct ReadabilityScore: Sendable, Equatable {
    public var grade: Double
    public var words: Int
    public var sentences: Int
    public var syllables: Int
}
