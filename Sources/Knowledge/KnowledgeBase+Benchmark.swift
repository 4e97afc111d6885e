import Embeddings
import Foundation
import Store

extension KnowledgeBase {
    /// What `bench kb` measured.
    public struct SearchBenchmark: Sendable, Encodable {
        public var chunks: Int
        public var queries: Int
        public var medianMilliseconds: Double
        public var maxMilliseconds: Double

        enum CodingKeys: String, CodingKey { case chunks, queries, medianMilliseconds = "median_ms", maxMilliseconds = "max_ms" }
    }

    /// Times `queries` searches over a synthetic corpus of `chunks` chunks in `database` (a scratch
    /// workspace's). Chunks are 40 words drawn from the embedder's vocabulary with a log-uniform law
    /// (a few words common, most rare, as in real text) and random unit vectors, so the embedder
    /// runs only for the queries; the query's embedding is included in each time.
    public static func benchmarkSearch(database: Database, embedder: SentenceEmbedder, chunks count: Int, queries: Int,
                                       mode: SearchMode) throws -> SearchBenchmark {
        let words = embedder.tokenizer.vocabulary.filter { $0.count >= 4 && $0.allSatisfy { $0 >= "a" && $0 <= "z" } }
        var rng = SystemRandomNumberGenerator()
        func word() -> String {
            let index = Int(exp(Double.random(in: 0..<log(Double(words.count)), using: &rng))) - 1
            return words[min(max(index, 0), words.count - 1)]
        }
        try database.inTransaction {
            try database.execute("INSERT INTO kb_documents (path, content_hash, model, added_at) VALUES ('bench.md', '-', 'bench', ?)", Timestamp.now())
            for i in 0..<count {
                let text = (0..<40).map { _ in word() }.joined(separator: " ")
                var v = (0..<embedder.dimension).map { _ in Float.random(in: -1...1, using: &rng) }
                let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
                for d in v.indices { v[d] /= norm }
                try database.execute("INSERT INTO kb_chunks (path, ordinal, heading, anchor, text, content_hash, vector) VALUES ('bench.md', ?, '', '', ?, '-', ?)",
                                     i, text, v.withUnsafeBytes { Data($0) })
            }
        }
        let kb = KnowledgeBase(database: database, embedder: embedder, modelName: "bench")
        _ = try kb.search("warm up the vector cache", k: 5)
        let clock = ContinuousClock()
        var times: [Double] = []
        for i in 0..<max(1, queries) {
            let q = "\(words[(i * 37 + 11) % words.count]) \(words[(i * 101 + 7) % words.count]) for families"
            let t0 = clock.now
            _ = try kb.search(q, k: 5, mode: mode)
            let d = clock.now - t0
            times.append(Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) * 1e-15)
        }
        times.sort()
        return SearchBenchmark(chunks: count, queries: times.count, medianMilliseconds: times[times.count / 2], maxMilliseconds: times.last!)
    }
}
