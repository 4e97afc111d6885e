import XCTest
@testable import Pipeline

/// What the drafting evaluation counts as carrying a key message.
final class DraftingEvaluationTests: XCTestCase {
    func testKeyMessageCoverage() {
        let message = "The Kestrel is 2,499 euros and goes up to 50 miles (80 km) on one charge"
        XCTAssertTrue(DraftingEvaluation.covers("The Kestrel costs 2,499 euros and goes up to 50 miles on one charge.", message))
        XCTAssertFalse(DraftingEvaluation.covers("The Kestrel is a joy to ride.", message))
    }
}
