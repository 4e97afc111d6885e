import Compute
import Foundation
import Store
import Support

extension KnowledgeBase {
    /// How to rank.
    public enum SearchMode: String, Sendable, CaseIterable { case hybrid, bm25, vector }

    /// One search result.
    public struct Hit: Sendable, Encodable {
        public let source: String
        public let anchor: String
        public let heading: String
        public let text: String
        /// The document's `updated` date from its front matter, if any.
        public let updated: String?
        /// SHA-256 of the chunk text.
        public let contentHash: String
        /// BM25 score (higher is better; nil when the chunk did not match the keywords).
        public let bm25: Double?
        /// Cosine similarity with the query.
        public let similarity: Double?
        /// The fused score used for the order.
        public let score: Double
        public let chunkID: Int64
    }

    /// The `k` best chunks for `query`. Hybrid mode fuses the BM25 and vector rankings with
    /// reciprocal rank fusion (1 / (60 + rank), summed; BM25 terms weighted by squared keyword coverage).
    public func search(_ query: String, k: Int = 5, mode: SearchMode = .hybrid) throws -> [Hit] {
        let words = Self.keywords(query)
        guard !words.isEmpty else { throw KnowledgeError(.invalidQuery, "the query has no words to search for") }
        let depth = max(20, k * 4)
        var bm25: [Int64: (rank: Int, score: Double)] = [:]
        // Share of the query's keywords each lexical hit contains: a hit on one word of several is weak evidence.
        var coverage: [Int64: Double] = [:]
        if mode != .vector {
            let match = try informativeKeywords(words).map { "\"\($0)\"" }.joined(separator: " OR ")
            let rows = try database.rows("""
                SELECT f.rowid AS id, bm25(kb_fts) AS s, c.text AS text, c.heading AS heading
                FROM kb_fts f JOIN kb_chunks c ON c.id = f.rowid WHERE kb_fts MATCH ? ORDER BY s LIMIT ?
                """, match, depth)
            for (i, r) in rows.enumerated() {
                let id = try r.int64("id")
                bm25[id] = (i, -(try r.value("s").double ?? 0))
                coverage[id] = Self.coverage(of: words, in: Self.allWords(try r.string("heading") + " " + r.string("text")))
            }
        }
        var vector: [Int64: (rank: Int, score: Double)] = [:]
        if mode != .bm25 {
            let q = try embedder.embed(query)
            let (ids, matrix) = try vectors()
            let dim = q.count
            var best = TopK<Int64>(depth)
            matrix.withUnsafeBufferPointer { m in
                q.withUnsafeBufferPointer { qb in
                    for (i, id) in ids.enumerated() {
                        best.insert(id, DotProducts.f32(m.baseAddress! + i * dim, qb.baseAddress!, count: dim))
                    }
                }
            }
            let scored = best.items.map { ($0.id, $0.score) }
            for (i, s) in scored.prefix(depth).enumerated() { vector[s.0] = (i, Double(s.1)) }
        }
        var fused: [Int64: Double] = [:]
        // A lexical hit counts by the square of its keyword coverage: matching one word of a
        // six-word question is weak evidence and should not outvote the vector ranking.
        for (id, r) in bm25 {
            let weight = mode == .hybrid ? pow(coverage[id] ?? 1, 2) : 1
            fused[id, default: 0] += weight / Double(60 + r.rank + 1)
        }
        for (id, r) in vector { fused[id, default: 0] += 1 / Double(60 + r.rank + 1) }
        let top = fused.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.prefix(k)
        return try top.map { id, score in
            guard let row = try database.row("""
                SELECT c.path, c.anchor, c.heading, c.text, c.content_hash, d.updated
                FROM kb_chunks c JOIN kb_documents d ON d.path = c.path WHERE c.id = ?
                """, id) else {
                throw KnowledgeError(.notFound, "chunk \(id) vanished during the search")
            }
            return Hit(source: try row.string("path"), anchor: try row.string("anchor"), heading: try row.string("heading"), text: try row.string("text"),
                       updated: try row.optionalString("updated"), contentHash: try row.string("content_hash"),
                       bm25: bm25[id]?.score, similarity: vector[id]?.score, score: score, chunkID: id)
        }
    }

    /// Function words that carry no topic (English and German); left out of the keyword query.
    static let stopwords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "has", "have", "how", "i", "if",
        "in", "is", "it", "its", "me", "much", "my", "of", "on", "or", "our", "so", "that", "the", "their", "there", "this",
        "to", "was", "we", "what", "when", "where", "which", "who", "why", "will", "with", "you", "your", "many", "get", "any",
        "der", "die", "das", "und", "ist", "ein", "eine", "mit", "für", "wie", "was", "wir", "sie", "ich", "zu", "den", "dem", "von",
    ]

    /// Lower-cased words of at least two characters that are not stopwords, for an OR query over
    /// the FTS index (all words when the query has nothing else).
    static func keywords(_ query: String) -> [String] {
        let all = allWords(query)
        let content = all.filter { !stopwords.contains($0) }
        return content.isEmpty ? all : content
    }

    /// Drops keywords found in more than a quarter of all chunks (they rank nothing and make the
    /// index score most of the corpus), keeping at least the rarest one.
    func informativeKeywords(_ words: [String]) throws -> [String] {
        let total = try database.scalar("SELECT count(*) FROM kb_chunks").int ?? 0
        guard total >= 40, words.count > 1 else { return words }
        var frequency: [(String, Int)] = []
        for w in words {
            let df = try database.scalar("SELECT count(*) FROM kb_fts WHERE kb_fts MATCH ?", "\"\(w)\"").int ?? 0
            frequency.append((w, df))
        }
        let kept = frequency.filter { $0.1 * 4 <= total }.map(\.0)
        return kept.isEmpty ? [frequency.min { $0.1 < $1.1 }!.0] : kept
    }

    /// Fraction of `keywords` found among `words`, matching on a shared stem (common prefix of
    /// all but the last two letters, at least four) so "charging" counts for "charge".
    static func coverage(of keywords: [String], in words: [String]) -> Double {
        guard !keywords.isEmpty else { return 1 }
        let found = keywords.filter { k in
            let stem = k.count > 4 ? String(k.prefix(max(4, k.count - 2))) : k
            return words.contains { $0.hasPrefix(stem) }
        }
        return Double(found.count) / Double(keywords.count)
    }

    static func allWords(_ query: String) -> [String] {
        var words: [String] = []
        var current = ""
        for ch in query.lowercased() {
            if ch.isLetter || ch.isNumber { current.append(ch) } else {
                if current.count >= 2 { words.append(current) }
                current = ""
            }
        }
        if current.count >= 2 { words.append(current) }
        return Array(Set(words)).sorted()
    }

    /// All chunk vectors (cached until the next change).
    func vectors() throws -> (ids: [Int64], vectors: [Float]) {
        if let cache { return cache }
        var ids: [Int64] = []
        var all: [Float] = []
        for row in try database.rows("SELECT id, vector FROM kb_chunks ORDER BY id") {
            ids.append(try row.int64("id"))
            let blob = try row.value("vector").bytes ?? []
            blob.withUnsafeBytes { all.append(contentsOf: $0.bindMemory(to: Float.self)) }
        }
        let loaded = (ids, all)
        setCache(loaded)
        return loaded
    }
}
