import Foundation
import XCTest
@testable import Knowledge

/// recall@5 over the labelled queries (Tests/Fixtures/kb/queries.json) on the demo knowledge base:
/// the share of a query's relevant files found among the sources of its top five hits, averaged.
/// Set KB_DEBUG=1 to print the misses.
final class RetrievalQualityTests: XCTestCase {
    func testHybridBeatsBM25AndVectorAlone() throws {
        let f = try KnowledgeFixture()
        _ = try f.kb.add(files: try f.brandKnowledge())
        let url = URL(fileURLWithPath: KnowledgeFixture.repository + "/Tests/Fixtures/kb/queries.json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let queries = json["queries"] as! [[String: Any]]
        XCTAssertGreaterThanOrEqual(queries.count, 40)
        var recall: [KnowledgeBase.SearchMode: Double] = [:]
        for mode in KnowledgeBase.SearchMode.allCases {
            var total = 0.0
            for q in queries {
                let relevant = Set(q["relevant"] as! [String])
                let sources = Set(try f.kb.search(q["query"] as! String, k: 5, mode: mode).map(\.source))
                total += Double(relevant.intersection(sources).count) / Double(relevant.count)
                if ProcessInfo.processInfo.environment["KB_DEBUG"] != nil && relevant.intersection(sources).count < relevant.count {
                    print("MISS \(mode): \(q["query"] as! String) -> \(relevant.sorted()) got \(try f.kb.search(q["query"] as! String, k: 5, mode: mode).map(\.source))")
                }
            }
            recall[mode] = total / Double(queries.count)
        }
        print(String(format: "recall@5 over %d queries: hybrid %.3f, bm25 %.3f, vector %.3f",
                     queries.count, recall[.hybrid]!, recall[.bm25]!, recall[.vector]!))
        XCTAssertGreaterThan(recall[.hybrid]!, recall[.bm25]!)
        XCTAssertGreaterThanOrEqual(recall[.hybrid]!, 0.9)
        XCTAssertGreaterThan(recall[.hybrid]!, recall[.vector]!)
        XCTAssertGreaterThanOrEqual(recall[.vector]!, 0.9)
    }
}
