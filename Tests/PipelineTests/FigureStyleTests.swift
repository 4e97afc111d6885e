import XCTest
@testable import Pipeline

final class FigureStyleTests: XCTestCase {
    func testMoneyIsWrittenAsTheSourcesWriteIt() {
        let sources = "The Mendip costs £549.00. Delivery is £3.95."
        XCTAssertEqual(FigureStyle.matching("Get the Mendip for up to £549 and pay £3.95 for delivery.", sources: sources),
                       "Get the Mendip for up to £549.00 and pay £3.95 for delivery.")
        XCTAssertEqual(FigureStyle.matching("It costs £500.", sources: sources), "It costs £500.")
    }
}
