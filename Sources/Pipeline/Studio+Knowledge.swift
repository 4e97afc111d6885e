import Knowledge
import Store

extension Studio {
    /// Adds knowledge files (files, or folders of `*.md` and `*.txt`; none: the project's
    /// `Brand/knowledge`), skipping the ones already indexed unchanged with the same embedder.
    @discardableResult
    public func addKnowledge(_ paths: [String]) throws -> [KnowledgeBase.AddResult] {
        let files = try KnowledgeFiles.collect(paths)
        return try job.step(.index, files.count == 1 ? files[0].name : "\(files.count) files") {
            let results = try knowledge().add(files: files, cancellation: job.cancellation)
            let changed = results.filter { $0.action != .unchanged }
            job.emit(.note("Knowledge base: \(results.count) documents, \(results.reduce(0) { $0 + $1.chunks }) chunks (\(changed.count) new or changed)"))
            return results
        }
    }

    /// Makes the knowledge base hold exactly a folder's files: adds what changed and removes
    /// documents the folder no longer has (another kit's facts must not linger).
    @discardableResult
    public func syncKnowledge(_ folder: String) throws -> [KnowledgeBase.AddResult] {
        let results = try addKnowledge([folder])
        let kept = Set(results.map(\.path))
        for doc in try workspace.knowledgeDocuments() where !kept.contains(doc.path) {
            try knowledge().remove(doc.path)
            job.emit(.note("Knowledge base: removed \(doc.path), which the kit no longer has"))
        }
        return results
    }

    /// Searches the knowledge base.
    public func searchKnowledge(_ query: String, k: Int = 5, mode: KnowledgeBase.SearchMode = .hybrid) throws -> [KnowledgeBase.Hit] {
        try knowledge().search(query, k: k, mode: mode)
    }
}

extension Workspace {
    /// The documents in the knowledge base.
    public func knowledgeDocuments() throws -> [KnowledgeBase.Document] { try KnowledgeBase.documents(in: database) }

    /// Removes a document (by the path `knowledgeDocuments` gives) and its chunks.
    public func removeKnowledge(_ path: String) throws { try KnowledgeBase.remove(path, from: database) }
}
