import Foundation
import Store

extension KnowledgeBase {
    /// How to rank.
    public enum SearchMode: String, Sendable, CaseIterable { case hybrid, bm25, vector }

    /// One search result.
    public struct Hit: Sendable, Encodable {
        public let source: String
        public let anchor: String
        public let heading: String
        public let text: String
        /// BM25 score (higher is better; nil when the chunk did not match the keywords).
        public let bm25: Double?
        /// Cosine similarity with the query.
        public let similarity: Double?
        /// The fused score used for the order.
        public let score: Double
        public let chunkID: Int64
    }

    /// The `k` best chunks for `query`. Hybrid mode fuses the BM25 and vector rankings with
    /// reciprocal rank fusion (1 / (60 + rank), summed).
    public func search(_ query: String, k: Int = 5, mode: SearchMode = .hybrid) throws -> [Hit] {
        let words = Self.keywords(query)
        guard !words.isEmpty else { throw KnowledgeError(.invalidQuery, "the query has no words to search for") }
        let depth = max(50, k * 4)
        var bm25: [Int64: (rank: Int, score: Double)] = [:]
        if mode != .vector {
            let match = words.map { "\"\($0)\"" }.joined(separator: " OR ")
            let rows = try database.rows("SELECT rowid, bm25(kb_fts) AS s FROM kb_fts WHERE kb_fts MATCH ? ORDER BY s LIMIT ?", match, depth)
            for (i, r) in rows.enumerated() { bm25[r["rowid"].int64 ?? 0] = (i, -(r["s"].double ?? 0)) }
        }
        var vector: [Int64: (rank: Int, score: Double)] = [:]
        if mode != .bm25 {
            let q = try embedder.embed(query)
            let (ids, matrix) = try vectors()
            let dim = q.count
            var scored: [(Int64, Float)] = []
            scored.reserveCapacity(ids.count)
            matrix.withUnsafeBufferPointer { m in
                q.withUnsafeBufferPointer { qb in
                    for (i, id) in ids.enumerated() {
                        var dot: Float = 0
                        let row = m.baseAddress! + i * dim
                        for d in 0..<dim { dot += row[d] * qb[d] }
                        scored.append((id, dot))
                    }
                }
            }
            scored.sort { $0.1 > $1.1 }
            for (i, s) in scored.prefix(depth).enumerated() { vector[s.0] = (i, Double(s.1)) }
        }
        var fused: [Int64: Double] = [:]
        for (id, r) in bm25 { fused[id, default: 0] += 1 / Double(60 + r.rank + 1) }
        for (id, r) in vector { fused[id, default: 0] += 1 / Double(60 + r.rank + 1) }
        let top = fused.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.prefix(k)
        return try top.map { id, score in
            guard let row = try database.row("SELECT path, anchor, heading, text FROM kb_chunks WHERE id = ?", id) else {
                throw KnowledgeError(.notFound, "chunk \(id) vanished during the search")
            }
            return Hit(source: row.string("path"), anchor: row.string("anchor"), heading: row.string("heading"), text: row.string("text"),
                       bm25: bm25[id]?.score, similarity: vector[id]?.score, score: score, chunkID: id)
        }
    }

    /// Lower-cased words of at least two characters, for an OR query over the FTS index.
    static func keywords(_ query: String) -> [String] {
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
            ids.append(row["id"].int64 ?? 0)
            let blob = row["vector"].bytes ?? []
            blob.withUnsafeBytes { all.append(contentsOf: $0.bindMemory(to: Float.self)) }
        }
        let loaded = (ids, all)
        setCache(loaded)
        return loaded
    }
}
