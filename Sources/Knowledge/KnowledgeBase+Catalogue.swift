import Store

extension KnowledgeBase {
    /// The documents in a workspace's knowledge base, by path (no embedder needed).
    public static func documents(in database: Database) throws -> [Document] {
        try database.rows("""
            SELECT d.path, d.title, d.updated, d.content_hash, (SELECT count(*) FROM kb_chunks c WHERE c.path = d.path) AS chunks
            FROM kb_documents d ORDER BY d.path
            """).map { Document(path: try $0.string("path"), title: try $0.optionalString("title"), updated: try $0.optionalString("updated"),
                                chunks: try $0.int("chunks"), contentHash: try $0.string("content_hash")) }
    }

    /// Removes a document and its chunks from a workspace's knowledge base.
    public static func remove(_ name: String, from database: Database) throws {
        try database.inTransaction {
            try database.execute("DELETE FROM kb_chunks WHERE path = ?", name)
            try database.execute("DELETE FROM kb_documents WHERE path = ?", name)
            guard database.changes > 0 else { throw KnowledgeError(.notFound, "not in the knowledge base (see `copydesk kb list`)", path: name) }
        }
    }

    /// True when no chunk is indexed.
    public static func isEmpty(_ database: Database) throws -> Bool {
        (try database.scalar("SELECT count(*) FROM kb_chunks").int ?? 0) == 0
    }
}
