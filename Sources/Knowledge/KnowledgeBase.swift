import Embeddings
import Foundation
import Store
import Support

/// The brand's knowledge base in the workspace database: documents split into chunks, each with
/// an embedding (BLOB) and a row in an FTS5 index; searched by BM25, by vector similarity, or by
/// both fused with reciprocal rank.
public final class KnowledgeBase {
    public let database: Database
    let embedder: SentenceEmbedder
    let modelName: String
    let chunker = MarkdownChunker()
    /// Vectors of all chunks, loaded on first search: ids and a [count × dim] matrix.
    var cache: (ids: [Int64], vectors: [Float])?

    public init(database: Database, embedder: SentenceEmbedder, modelName: String) {
        self.database = database
        self.embedder = embedder
        self.modelName = modelName
    }

    /// What `add` did with one file.
    public struct AddResult: Sendable, Encodable {
        public enum Action: String, Sendable, Encodable { case added, replaced, unchanged }
        public let path: String
        public let action: Action
        public let chunks: Int
    }

    /// Adds or refreshes documents. `name` is how each is recorded (e.g. "knowledge/warranty.md").
    /// Each file is read, validated, chunked and embedded before the database is touched; its old
    /// chunks are replaced in one transaction, so a failure leaves nothing half-indexed.
    /// `cancellation` is checked before each file and each chunk's embedding; files finished
    /// before it stay indexed.
    public func add(files: [(path: String, name: String)], cancellation: CancellationToken? = nil) throws -> [AddResult] {
        var results: [AddResult] = []
        for (path, name) in files {
            try cancellation?.check()
            let text = try Self.readText(path)
            let hash = SHA256.hash(Array(text.utf8)).hex
            let old = try database.row("SELECT content_hash, model FROM kb_documents WHERE path = ?", name)
            if let old, try old.string("content_hash") == hash, try old.string("model") == modelName {
                results.append(AddResult(path: name, action: .unchanged, chunks: try database.scalar("SELECT count(*) FROM kb_chunks WHERE path = ?", name).int ?? 0))
                continue
            }
            let (front, chunks) = try chunker.split(text, file: path)
            guard !chunks.isEmpty else { throw KnowledgeError(.empty, "no text to index", path: path) }
            let vectors = try chunks.map {
                try cancellation?.check()
                return try embedder.embed("\($0.heading)\n\($0.text)")
            }
            let db = database
            try db.inTransaction {
                try db.execute("DELETE FROM kb_chunks WHERE path = ?", name)
                try db.execute("DELETE FROM kb_documents WHERE path = ?", name)
                try db.execute("INSERT INTO kb_documents (path, content_hash, title, updated, model, added_at) VALUES (?, ?, ?, ?, ?, ?)",
                               name, hash, front.title ?? DatabaseValue.null, front.updated ?? DatabaseValue.null, modelName, Timestamp.now())
                for (i, (chunk, vector)) in zip(chunks, vectors).enumerated() {
                    let blob = vector.withUnsafeBytes { Data($0) }
                    try db.execute("INSERT INTO kb_chunks (path, ordinal, heading, anchor, text, content_hash, vector) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                   name, i, chunk.heading, chunk.anchor, chunk.text, SHA256.hash(Array(chunk.text.utf8)).hex, blob)
                }
            }
            cache = nil
            results.append(AddResult(path: name, action: old == nil ? .added : .replaced, chunks: chunks.count))
        }
        return results
    }

    func setCache(_ value: (ids: [Int64], vectors: [Float])) { cache = value }

    /// Removes a document and its chunks.
    public func remove(_ name: String) throws {
        try Self.remove(name, from: database)
        cache = nil
    }

    /// A document in the knowledge base.
    public struct Document: Sendable, Encodable {
        public let path: String, title: String?, updated: String?, chunks: Int, contentHash: String
    }

    /// Every chunk's text, in document order: what the knowledge base says, for checks that ask
    /// whether a detail appears in it at all.
    public func allText() throws -> String {
        try database.rows("SELECT heading, text FROM kb_chunks ORDER BY path, ordinal")
            .map { try $0.string("heading") + "\n" + $0.string("text") }.joined(separator: "\n")
    }

    public func documents() throws -> [Document] { try Self.documents(in: database) }

    /// Reads a file as text, refusing empty and binary files.
    static func readText(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KnowledgeError(.unreadable, "cannot read the file", path: path)
        }
        if let nul = data.firstIndex(of: 0) {
            throw KnowledgeError(.binary, "this looks like a binary file (NUL byte at offset \(nul)); expected Markdown or plain text", path: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw KnowledgeError(.binary, "not valid UTF-8 text; expected Markdown or plain text", path: path)
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw KnowledgeError(.empty, "the file is empty", path: path)
        }
        return text
    }
}
