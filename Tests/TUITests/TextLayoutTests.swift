import XCTest
@testable import TUI

/// Cell widths and wrapping: what keeps umlauts, CJK and emoji from garbling cells.
final class TextLayoutTests: XCTestCase {
    func testCellWidths() {
        XCTAssertEqual(CellWidth.of("a"), 1)
        XCTAssertEqual(CellWidth.of("ü"), 1)
        XCTAssertEqual(CellWidth.of("e\u{301}"), 1, "a combining accent adds nothing")
        XCTAssertEqual(CellWidth.of("漢"), 2)
        XCTAssertEqual(CellWidth.of("🚲"), 2)
        XCTAssertEqual(CellWidth.of("Grüße, 東京 🚲"), 14)
    }

    func testTruncationKeepsWideCharactersWhole() {
        XCTAssertEqual(CellWidth.truncate("東京都", to: 4), "東…")
        XCTAssertEqual(CellWidth.truncate("abc", to: 3), "abc")
        XCTAssertEqual(CellWidth.prefix("a漢b", fitting: 2), "a")
    }

    func testWrapBreaksAfterSpacesAndKeepsScalarOffsets() {
        let lines = TextWrap.lines("Grüße aus München, liebe Leute", width: 12)
        XCTAssertEqual(lines.map(\.text), ["Grüße aus ", "München, ", "liebe Leute"])
        XCTAssertTrue(lines.allSatisfy { $0.width <= 12 })
        XCTAssertEqual(lines[1].offsets.first, 10)
    }

    func testWrapHardBreaksALongWordAndHonoursNewlines() {
        XCTAssertEqual(TextWrap.lines("abcdefghij", width: 4).map(\.text), ["abcd", "efgh", "ij"])
        let lines = TextWrap.lines("one\ntwo", width: 10)
        XCTAssertEqual(lines.map(\.text), ["one", "two"])
        XCTAssertEqual(lines[1].offsets.first, 4)
    }

    func testWrapCountsWideCharactersAsTwoCells() {
        let lines = TextWrap.lines("東京の自転車🚲です", width: 6)
        XCTAssertTrue(lines.allSatisfy { $0.width <= 6 }, "\(lines.map(\.text))")
        XCTAssertEqual(lines.map(\.text).joined(), "東京の自転車🚲です")
    }

    func testCanvasKeepsWideCharactersAligned() {
        var c = Canvas(rows: 1, columns: 6)
        XCTAssertEqual(c.put("東京x", row: 0, column: 0), 5)
        XCTAssertEqual(c.text(row: 0), "東京x ")
        var d = Canvas(rows: 1, columns: 3)
        XCTAssertEqual(d.put("a東京", row: 0, column: 0), 3, "a wide character that would straddle the edge is left out")
        XCTAssertEqual(d.lines, ["a東"])
    }
}
