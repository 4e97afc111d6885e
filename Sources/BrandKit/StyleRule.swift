/// One `[[rules]]` table of brand.toml: a style rule the critique checks.
public struct StyleRule: Sendable {
    public enum Level: String, Sendable, CaseIterable, Codable { case error, warning, suggestion }

    /// The `kind` of a `[[rules]]` table: which check it makes, and so which keys it takes.
    public enum Kind: String, Sendable, CaseIterable {
        case existence, substitution, capitalization, occurrence, conditional, required, readability, length
    }

    /// What the rule checks, with its kind's keys.
    public enum Check: Sendable {
        /// None of the patterns may appear.
        case existence([StylePattern])
        /// Each wrong form (a pattern) should be written as its replacement.
        case substitution([(wrong: StylePattern, right: String)])
        /// Names that must be written exactly so, longest first.
        case capitalization([(name: String, pattern: StylePattern)])
        /// At most `max` matches per text, or per sentence.
        case occurrence(StylePattern, max: Int, perSentence: Bool)
        /// When `when` matches, `then` must match somewhere.
        case conditional(when: StylePattern, then: StylePattern)
        /// Copy for `channel` must contain `text`.
        case required(channel: Channel, text: String)
        /// Flesch-Kincaid grade at most `maxGrade`.
        case readability(maxGrade: Double, channel: Channel?)
        /// Size limits.
        case length(maxWords: Int?, maxSentences: Int?, maxChars: Int?, channel: Channel?)
    }

    public var id: String
    public var kind: Kind
    public var level: Level
    /// The message, with `%s` at most once.
    public var message: String
    public var check: Check
    /// The line of the `[[rules]]` header.
    public var line: Int?

    /// The message with `%s` replaced by `value`.
    public func message(with value: String) -> String {
        guard let r = message.range(of: "%s") else { return message }
        return message.replacingCharacters(in: r, with: value)
    }

    /// The channel the rule is limited to, if any.
    public var channel: Channel? {
        switch check {
        case .required(let c, _): c
        case .readability(_, let c): c
        case .length(_, _, _, let c): c
        default: nil
        }
    }
}
