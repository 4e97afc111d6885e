import Foundation
import XCTest
@testable import Pipeline

final class CheckReportTests: XCTestCase {
    /// `check --json` has every key the issue names, nulls included.
    func testJSONShape() throws {
        let report = CheckReport(
            claims: [.init(text: "Up to 60 miles.", start: 0, end: 15, verdict: .supported,
                           evidence: [.init(source: "knowledge/x.md", text: "Range: up to 60 miles.", score: 0.03)],
                           reason: "Matches.", suggestion: nil, decidedBy: .rules)],
            findings: [.init(rule: "no-hype", level: .warning, start: 3, end: 9, text: "ultimate", message: "m", replacement: nil)],
            tone: nil, readability: .init(grade: 3.2, words: 4, sentences: 1, syllables: 5, maxGrade: 9), score: 90, passed: true, channel: nil)
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as! [String: Any]
        XCTAssertEqual(Set(object.keys), ["claims", "findings", "tone", "readability", "score", "passed"])
        XCTAssertTrue(object["tone"] is NSNull)
        let claim = (object["claims"] as! [[String: Any]])[0]
        XCTAssertTrue(Set(claim.keys).isSuperset(of: ["text", "start", "end", "verdict", "evidence", "reason", "suggestion"]))
        XCTAssertTrue(claim["suggestion"] is NSNull)
        XCTAssertEqual(Set(((claim["evidence"] as! [[String: Any]])[0]).keys), ["source", "text", "score"])
        let finding = (object["findings"] as! [[String: Any]])[0]
        XCTAssertEqual(Set(finding.keys), ["rule", "level", "start", "end", "text", "message", "replacement"])
        XCTAssertTrue(finding["replacement"] is NSNull)
    }
}
