/// A brand as brand.toml describes it: name, voice, palette and style rules.
public struct BrandProfile: Sendable {
    /// How copy addresses the reader.
    public enum Person: String, Sendable { case first, second, third }

    public struct Voice: Sendable {
        public var description: String?
        public var traits: [String] = []
        public var avoidTraits: [String] = []
        public var maxSentenceWords: Int?
        public var maxExclamations: Int?
        public var readingGradeMax: Double?
        public var person: Person?
    }

    /// What automatic approval requires beyond a clean check.
    public struct Review: Sendable {
        /// The lowest critique score (0–100) a piece may have and still be approved without a person.
        public var minScore: Int = 50
        /// How many unverifiable claims a piece may keep and still be approved without a person
        /// (default 0: automatic approval needs every claim verified).
        public var maxUnverifiable: Int = 0

        /// The defaults: min_score 50, max_unverifiable 0.
        public init() {}
    }

    public var name: String
    public var locale: String
    public var voice: Voice
    /// Colour role → "#RRGGBB", in file order.
    public var palette: [(role: String, hex: String)]
    public var review: Review
    public var rules: [StyleRule]
}
