import Embeddings
import FactCheck
import Foundation
import Knowledge
import ModelCache
import Store
import XCTest

/// The knowledge base as the fact-checker's evidence source.
struct KnowledgeRetriever: EvidenceRetriever {
    let kb: KnowledgeBase
    func evidence(for claim: String, limit: Int) throws -> [Evidence] {
        try kb.search(claim, k: limit).map { Evidence(source: $0.source, heading: $0.heading, text: $0.text, score: $0.score) }
    }
}

/// Precision and recall of the fact-checker's verdicts over the labelled drafts in Tests/Fixtures/factcheck.
final class ClaimEvaluationTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    struct Set: Decodable {
        struct Draft: Decodable {
            struct Labelled: Decodable { let text: String, verdict: String }
            let id: String, channel: String, text: String, claims: [Labelled]
        }
        let drafts: [Draft]
    }

    func testVerdictsOnLabelledDrafts() throws {
        let cache = ModelCache(root: ModelCache.defaultRoot())
        let folder: String
        do {
            let entry = try cache.fetch("minilm")
            folder = (entry.files.first { $0.path.hasSuffix("/config.json") }!.path as NSString).deletingLastPathComponent
        } catch {
            if ProcessInfo.processInfo.environment["CI"] == "true" { throw error }
            throw XCTSkip("embedding model unavailable: \(error)")
        }
        let dir = NSTemporaryDirectory() + "factcheck-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let workspace = try Workspace.openOrCreate(dir)
        let kb = KnowledgeBase(database: workspace.database, embedder: try SentenceEmbedder(folder: folder, threads: 2), modelName: "minilm")
        let knowledge = Self.repository + "/Brand/knowledge"
        let files = try FileManager.default.contentsOfDirectory(atPath: knowledge).filter { $0.hasSuffix(".md") }.sorted()
        _ = try kb.add(files: files.map { (knowledge + "/" + $0, "knowledge/" + $0) })
        let checker = FactChecker(retriever: KnowledgeRetriever(kb: kb),
                                  entities: ["Kinglet Pro", "Kinglet", "Dipper", "Passenger Kit", "Range Extender", "Care Plus", "Care Basic", "Trade Up", "Larkhaven Connect"])

        let set = try JSONDecoder().decode(Set.self, from: Data(contentsOf: URL(fileURLWithPath: Self.repository + "/Tests/Fixtures/factcheck/claims.json")))
        var labelled = 0, extracted = 0
        var confusion: [String: [String: Int]] = [:]  // truth → predicted → count
        for draft in set.drafts {
            let results = try checker.check(draft.text)
            let scalars = Array(draft.text.unicodeScalars)
            for label in draft.claims {
                labelled += 1
                let range = draft.text.range(of: label.text)!
                let start = draft.text.unicodeScalars.distance(from: draft.text.unicodeScalars.startIndex, to: range.lowerBound)
                let end = start + label.text.unicodeScalars.count
                _ = scalars
                let hit = results.first { $0.claim.start < end && start < $0.claim.end }
                let predicted = hit?.verdict.rawValue ?? "missed"
                if hit != nil { extracted += 1 }
                confusion[label.verdict, default: [:]][predicted, default: 0] += 1
                if predicted != label.verdict {
                    print("\(draft.id): \"\(label.text)\" labelled \(label.verdict), got \(predicted): \(hit?.reason ?? "")")
                }
            }
        }
        func recall(_ v: String) -> Double {
            let row = confusion[v] ?? [:]
            let total = row.values.reduce(0, +)
            return total == 0 ? 1 : Double(row[v] ?? 0) / Double(total)
        }
        func precision(_ v: String) -> Double {
            let predicted = confusion.values.reduce(0) { $0 + ($1[v] ?? 0) }
            return predicted == 0 ? 1 : Double(confusion[v]?[v] ?? 0) / Double(predicted)
        }
        for v in ["supported", "contradicted", "unverifiable"] {
            print(String(format: "%@: precision %.3f, recall %.3f", v, precision(v), recall(v)))
        }
        print("extracted \(extracted) of \(labelled) labelled claims")
        XCTAssertGreaterThanOrEqual(set.drafts.count, 10)
        XCTAssertGreaterThanOrEqual(labelled, 60)
        XCTAssertGreaterThanOrEqual(Double(extracted) / Double(labelled), 0.9)
        XCTAssertGreaterThanOrEqual(recall("contradicted"), 0.9)
        XCTAssertGreaterThanOrEqual(precision("contradicted"), 0.9)
    }
}
