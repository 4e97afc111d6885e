import BrandKit

/// A check-worthy statement in a text: a sentence (labels such as `Subject:` left out) that states
/// a number, a date, a comparison or a policy. Offsets count Unicode scalars of the whole text.
public struct Claim: Sendable, Equatable {
    public var text: String
    public var start: Int
    public var end: Int
    /// Quantities in the claim; their offsets are relative to the whole text too.
    public var quantities: [Quantity]
    /// Why a sentence is check-worthy.
    public enum Kind: String, Sendable, CaseIterable {
        /// It states a figure (a price, a size, a date, a count).
        case quantity
        /// It compares ("faster", "the lightest").
        case comparison
        /// It states a policy (a warranty, returns, shipping).
        case policy
        /// It names a place.
        case place
    }

    /// Why it is check-worthy; empty for a statement kept only because the knowledge base denies it.
    public var kinds: [Kind]
}

/// The verdict on one claim, with what decided it.
public struct ClaimCheck: Sendable {
    public enum Verdict: String, Sendable, Codable, CaseIterable { case supported, contradicted, unverifiable }

    /// What decided a verdict.
    public enum Decider: String, Sendable, Codable, CaseIterable {
        /// The deterministic checks (figures, places, names, denials).
        case rules
        /// The language-model judge, for claims the rules could not decide.
        case judge
    }

    public var claim: Claim
    public var verdict: Verdict
    /// The passages that decided it (for supported and contradicted claims), best first.
    public var evidence: [Evidence]
    public var reason: String
    /// For contradicted claims: the claim rewritten with the knowledge base's figure.
    public var suggestion: String?
    public var decidedBy: Decider
}

/// A passage from the knowledge base.
public struct Evidence: Sendable, Equatable {
    public var source: String
    public var heading: String
    public var text: String
    public var score: Double

    public init(source: String, heading: String, text: String, score: Double) {
        self.source = source
        self.heading = heading
        self.text = text
        self.score = score
    }
}

/// Finds passages for a claim (the pipeline adapts its knowledge base to this).
public protocol EvidenceRetriever {
    func evidence(for claim: String, limit: Int) throws -> [Evidence]
}

/// Decides claims the rules cannot (the pipeline uses the language model). Nil: no opinion.
public protocol ClaimJudge {
    func judge(claim: String, evidence: [Evidence]) throws -> (verdict: ClaimCheck.Verdict, reason: String)?
}
