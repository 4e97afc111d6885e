import XCTest
@testable import Pipeline

final class LanguageModelJudgeTests: XCTestCase {
    /// The judge always answers with a verdict from the schema, and each ruling is a recorded run.
    func testRulingsAreValidJSONAndRecorded() throws {
        let f = try PipelineFixture()
        let judge = try LanguageModelJudge(studio: f.studio)
        let cases: [(String, [String])] = [
            ("The Kinglet Pro costs $3,299.", ["Price: $3,299 (USD)."]),
            ("The Dipper has a throttle.", ["Assist levels: 5. The Dipper has no throttle."]),
            ("Our bikes are loved by astronauts.", []),
        ]
        for (claim, evidence) in cases {
            let ruling = try judge.rule(claim: claim, evidence: evidence)
            XCTAssertTrue(["supported", "contradicted", "unverifiable"].contains(ruling.verdict), "\(ruling)")
        }
        let runs = try f.studio.database.runs(step: .judge)
        XCTAssertEqual(runs.count, 3)
        XCTAssertTrue(runs.allSatisfy { $0.status == .succeeded && $0.templateID == "factcheck-judge" && $0.outputs.count == 1 })
        // Greedy: the same question gives the same answer.
        XCTAssertEqual(try judge.rule(claim: cases[0].0, evidence: cases[0].1), try judge.rule(claim: cases[0].0, evidence: cases[0].1))
    }
}
