import Embeddings
import Foundation
import Knowledge
import Store

extension KnowledgeBase.SearchBenchmark {
    /// `bench kb`: search over a synthetic corpus of `chunks` chunks in a scratch workspace that is
    /// removed afterwards, with the embedder in `folder`.
    public static func run(folder: String, chunks: Int, queries: Int, mode: KnowledgeBase.SearchMode) throws -> KnowledgeBase.SearchBenchmark {
        let dir = NSTemporaryDirectory() + "copydesk-bench-kb-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let workspace = try Workspace.openOrCreate(dir)
        return try KnowledgeBase.benchmarkSearch(database: workspace.database, embedder: try SentenceEmbedder(folder: folder),
                                                 chunks: max(1, chunks), queries: queries, mode: mode)
    }
}
