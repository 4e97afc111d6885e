import Knowledge

/// The knowledge-base passages a draft may use, retrieved for a brief.
public struct FactSheet: Sendable, Equatable {
    /// One passage and where it came from.
    public struct Passage: Sendable, Equatable, Encodable {
        public var source: String
        public var anchor: String
        public var text: String
    }

    public var passages: [Passage]

    /// Retrieves passages for each key message and for the product and goal, best first, without
    /// repeats, up to `limit` passages and `characterBudget` characters in all.
    public static func retrieve(for brief: Brief, from kb: KnowledgeBase, limit: Int = 6, characterBudget: Int = 2400) throws -> FactSheet {
        var queries = brief.keyMessages
        queries.append("\(brief.product): \(brief.goal)")
        var lists: [[KnowledgeBase.Hit]] = []
        for query in queries { lists.append(try kb.search(query, k: 3)) }
        // Round-robin over the queries so every key message gets its best passage first.
        var seen: Set<Int64> = []
        var passages: [Passage] = []
        var used = 0
        for depth in 0..<3 {
            for list in lists where depth < list.count {
                let hit = list[depth]
                guard passages.count < limit, !seen.contains(hit.chunkID), used + hit.text.count <= characterBudget else { continue }
                seen.insert(hit.chunkID)
                used += hit.text.count
                passages.append(Passage(source: hit.source, anchor: hit.anchor, text: hit.text))
            }
        }
        return FactSheet(passages: passages)
    }
}
