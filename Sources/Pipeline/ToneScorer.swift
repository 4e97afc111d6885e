import Embeddings
import Foundation

/// How close a text sounds to the brand: embedding similarity to the on-voice exemplars against
/// the off-voice ones, calibrated on the exemplars themselves, plus similarity to each trait.
public struct ToneReport: Sendable, Equatable, Codable {
    /// 0 (sounds like the off-voice exemplars) to 1 (like the on-voice ones).
    public var score: Double
    /// Cosine similarity with the nearest on-voice and the nearest off-voice exemplar.
    public var onVoice: Double
    public var offVoice: Double
    /// The on-voice exemplar the text is closest to.
    public var closestExemplar: String?
    /// Cosine similarity with each trait and each trait to avoid, in brand.toml order.
    public var traits: [Trait]
    public var avoidTraits: [Trait]

    public struct Trait: Sendable, Equatable, Codable {
        public var name: String
        public var similarity: Double
    }

    enum CodingKeys: String, CodingKey {
        case score, onVoice = "on_voice", offVoice = "off_voice", closestExemplar = "closest_exemplar", traits, avoidTraits = "avoid_traits"
    }
}

/// Scores tone with the sentence embedder: the margin between the text's similarity to its
/// nearest on-voice exemplar and to its nearest off-voice one, mapped to 0...1 by a logistic
/// curve calibrated on the exemplars themselves (each scored with itself left out).
public struct ToneScorer {
    let names: [String]
    let onVectors: [[Float]]
    let offVectors: [[Float]]
    let traits: [(String, [Float])]
    let avoid: [(String, [Float])]
    /// The margin that maps to 0.5, and the logistic scale.
    let midpoint: Double
    let scale: Double
    let embedder: SentenceEmbedder

    /// - Parameters:
    ///   - onVoice: named on-voice exemplars; at least two.
    ///   - offVoice: named off-voice exemplars; at least two.
    public init(embedder: SentenceEmbedder, onVoice: [(name: String, text: String)], offVoice: [(name: String, text: String)],
                traits: [String], avoidTraits: [String]) throws {
        guard onVoice.count >= 2, offVoice.count >= 2 else {
            throw PipelineError(.notFound, "tone scoring needs at least two on-voice and two off-voice exemplars")
        }
        self.embedder = embedder
        names = onVoice.map(\.name)
        onVectors = try embedder.embed(onVoice.map(\.text))
        offVectors = try embedder.embed(offVoice.map(\.text))
        let traitVectors = try embedder.embed(traits.map { "Copy that sounds \($0)." })
        let avoidVectors = try embedder.embed(avoidTraits.map { "Copy that sounds \($0)." })
        self.traits = Array(zip(traits, traitVectors))
        avoid = Array(zip(avoidTraits, avoidVectors))
        // Calibration: leave-one-out margins of both exemplar sets.
        let (on, off) = (onVectors, offVectors)
        let onMargins = on.indices.map { i in Self.margin(on[i], on: on.enumerated().filter { $0.offset != i }.map(\.element), off: off) }
        let offMargins = off.indices.map { i in Self.margin(off[i], on: on, off: off.enumerated().filter { $0.offset != i }.map(\.element)) }
        let onMean = onMargins.reduce(0, +) / Double(onMargins.count)
        let offMean = offMargins.reduce(0, +) / Double(offMargins.count)
        midpoint = (onMean + offMean) / 2
        scale = max(abs(onMean - offMean) / 4, 0.005)
    }

    /// The tone of `text`.
    public func score(_ text: String) throws -> ToneReport {
        let v = try embedder.embed(text)
        let on = onVectors.map { Self.cosine(v, $0) }.max() ?? 0
        let off = offVectors.map { Self.cosine(v, $0) }.max() ?? 0
        let score = 1 / (1 + exp(-((on - off) - midpoint) / scale))
        let closest = zip(names, onVectors).max { Self.cosine(v, $0.1) < Self.cosine(v, $1.1) }?.0
        return ToneReport(score: score, onVoice: on, offVoice: off, closestExemplar: closest,
                          traits: traits.map { .init(name: $0.0, similarity: Self.cosine(v, $0.1)) },
                          avoidTraits: avoid.map { .init(name: $0.0, similarity: Self.cosine(v, $0.1)) })
    }

    /// Similarity to the nearest on-voice vector minus similarity to the nearest off-voice one.
    static func margin(_ v: [Float], on: [[Float]], off: [[Float]]) -> Double {
        (on.map { cosine(v, $0) }.max() ?? 0) - (off.map { cosine(v, $0) }.max() ?? 0)
    }

    static func cosine(_ a: [Float], _ b: [Float]) -> Double {
        var dot: Float = 0, na: Float = 0, nb: Float = 0
        for i in a.indices { dot += a[i] * b[i]; na += a[i] * a[i]; nb += b[i] * b[i] }
        return na > 0 && nb > 0 ? Double(dot / (na.squareRoot() * nb.squareRoot())) : 0
    }
}
