import Embeddings
import Foundation
import ModelCache
import Store
import XCTest
@testable import Knowledge

/// A workspace database with a knowledge base over the cached MiniLM embedder.
final class KnowledgeFixture {
    let folder: String
    let workspace: Workspace
    let kb: KnowledgeBase
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    init() throws {
        let cache = ModelCache(root: ModelCache.defaultRoot())
        let modelFolder: String
        do {
            let entry = try cache.fetch("minilm")
            modelFolder = (entry.files.first { $0.path.hasSuffix("/config.json") }!.path as NSString).deletingLastPathComponent
        } catch {
            if ProcessInfo.processInfo.environment["CI"] == "true" { throw error }
            throw XCTSkip("embedding model unavailable: \(error)")
        }
        folder = NSTemporaryDirectory() + "kb-\(UUID().uuidString)"
        workspace = try Workspace.openOrCreate(folder)
        kb = KnowledgeBase(database: workspace.database, embedder: try SentenceEmbedder(folder: modelFolder, threads: 2), modelName: "minilm")
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func write(_ name: String, _ text: String) throws -> String {
        let path = folder + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Every Brand/knowledge file, named "knowledge/<file>".
    func brandKnowledge() throws -> [(path: String, name: String)] {
        let dir = Self.repository + "/Brand/knowledge"
        return try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".md") }.sorted()
            .map { (dir + "/" + $0, "knowledge/" + $0) }
    }
}

final class KnowledgeBaseTests: XCTestCase {
    func testAddIsIdempotentAndAChangedFileReplacesItsChunks() throws {
        let f = try KnowledgeFixture()
        let path = try f.write("doc.md", "# Prices\n\nThe Kinglet costs $2,499.\n\n# Range\n\nUp to 50 miles.\n")
        XCTAssertEqual(try f.kb.add(files: [(path, "doc.md")]).map(\.action), [.added])
        XCTAssertEqual(try f.kb.add(files: [(path, "doc.md")]).map(\.action), [.unchanged])
        _ = try f.write("doc.md", "# Prices\n\nThe Kinglet costs $2,299.\n")
        let r = try f.kb.add(files: [(path, "doc.md")])
        XCTAssertEqual(r.map(\.action), [.replaced])
        XCTAssertEqual(r.first?.chunks, 1)
        XCTAssertEqual(try f.workspace.database.scalar("SELECT count(*) FROM kb_chunks").int, 1)
        XCTAssertEqual(try f.kb.search("Kinglet price", k: 3).first?.text, "The Kinglet costs $2,299.")
        _ = try f.write("dated.md", "+++\ntitle = \"Range\"\nupdated = 2026-09-01\n+++\n\n## Range\n\nUp to 60 miles (97 km).\n")
        _ = try f.kb.add(files: [(f.folder + "/dated.md", "dated.md")])
        let hit = try XCTUnwrap(try f.kb.search("range miles", k: 1).first)
        XCTAssertEqual(hit.source, "dated.md")
        XCTAssertEqual(hit.anchor, "range")
        XCTAssertEqual(hit.updated, "2026-09-01")
        XCTAssertEqual(hit.contentHash.count, 64)
        try f.kb.remove("doc.md")
        XCTAssertEqual(try f.workspace.database.scalar("SELECT count(*) FROM kb_fts WHERE kb_fts MATCH 'kinglet'").int, 0)
    }

    func testEmptyAndBinaryFilesAreErrorsAndIndexNothing() throws {
        let f = try KnowledgeFixture()
        let good = try f.write("good.md", "Frames are made of recycled aluminum.\n")
        let empty = try f.write("empty.md", "  \n\n")
        let binary = f.folder + "/image.md"
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]).write(to: URL(fileURLWithPath: binary))
        for bad in [empty, binary] {
            XCTAssertThrowsError(try f.kb.add(files: [(good, "good.md"), (bad, "bad.md")])) { error in
                XCTAssertTrue("\(error)".contains(bad), "\(error)")
            }
        }
        // The good file before the bad one was indexed whole; nothing of the bad one was.
        XCTAssertEqual(try f.workspace.database.scalar("SELECT count(*) FROM kb_documents WHERE path = 'bad.md'").int, 0)
        XCTAssertEqual(try f.workspace.database.scalar("SELECT count(*) FROM kb_chunks WHERE path = 'bad.md'").int, 0)
        XCTAssertThrowsError(try f.kb.search("  !! ")) { XCTAssertEqual(($0 as? KnowledgeError)?.code, .invalidQuery) }
    }
}
