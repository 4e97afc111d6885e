import Embeddings
import Foundation

/// `bench embed`: sentences per second for a batch of 32 short sentences.
public struct EmbedderBenchmark: Sendable, Encodable {
    public var sentencesPerSecond: Double
    public var batch: Int
    public var threads: Int
    public var model: String

    enum CodingKeys: String, CodingKey { case sentencesPerSecond = "sentences_per_s", batch, threads, model }

    /// Short marketing sentences (the same list as the reference script, bench_sentence_transformers.py).
    public static let sentences: [String] = (0..<32).map { i in
        let subjects = ["The Kinglet Pro", "Our cargo bike", "The new battery", "Free shipping", "The warranty", "A test ride", "The Dipper", "Our service plan"]
        let verbs = ["carries", "covers", "includes", "adds", "brings", "offers", "keeps", "saves"]
        let objects = ["two kids and the groceries", "up to 60 miles of range", "a lifetime frame warranty", "easy monthly payments", "quiet hill climbing", "a safer school run", "room for a week of shopping", "time on every commute"]
        return "\(subjects[i % 8]) \(verbs[(i / 8 + i) % 8]) \(objects[(i * 3) % 8])."
    }

    /// Embeds the batch `repeats` times with the model in `folder`; the best time counts.
    public static func run(folder: String, threads: Int?, repeats: Int) throws -> EmbedderBenchmark {
        let embedder = try SentenceEmbedder(folder: folder, threads: threads)
        let clock = ContinuousClock()
        var best = Double.infinity
        for _ in 0..<max(1, repeats) {
            let t0 = clock.now
            _ = try embedder.embed(sentences)
            best = min(best, LanguageModelBenchmark.seconds(clock.now - t0))
        }
        return EmbedderBenchmark(sentencesPerSecond: Double(sentences.count) / best, batch: sentences.count,
                                 threads: embedder.encoder.threads, model: folder)
    }
}
