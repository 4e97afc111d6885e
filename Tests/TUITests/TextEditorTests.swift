import Foundation
import XCTest
@testable import TUI

final class TextEditorTests: XCTestCase {
    func testTypingMovingAndDeletingByCharacterWordAndLine() {
        var e = TextEditor("Hello world")
        e.lineEnd()
        e.insert("!")
        XCTAssertEqual(e.text, "Hello world!")
        e.wordLeft()
        e.insert("big ")
        XCTAssertEqual(e.text, "Hello big world!")
        e.lineStart()
        e.deleteForward()
        XCTAssertEqual(e.text, "ello big world!")
        e.lineEnd()
        e.backspace()
        XCTAssertEqual(e.text, "ello big world")
        e.wordLeft()
        e.wordLeft()
        XCTAssertEqual(e.cursor, 5)
        e.wordRight()
        XCTAssertEqual(e.cursor, 8)
    }

    func testSelectionIsReplacedByTyping() {
        var e = TextEditor("abc def")
        e.lineStart()
        e.right(selecting: true)
        e.right(selecting: true)
        e.right(selecting: true)
        XCTAssertEqual(e.selection, 0..<3)
        e.insert("xyz")
        XCTAssertEqual(e.text, "xyz def")
        XCTAssertNil(e.selection)
    }

    func testUndoAndRedo() {
        var e = TextEditor("a")
        e.lineEnd()
        e.insert("b")
        e.insert("c")
        e.undo()
        XCTAssertEqual(e.text, "ab")
        e.undo()
        XCTAssertEqual(e.text, "a")
        e.redo()
        XCTAssertEqual(e.text, "ab")
        e.insert("x")
        e.redo()
        XCTAssertEqual(e.text, "abx", "a new edit clears what could be redone")
    }

    func testUpAndDownFollowSoftWrappedLinesAndKeepTheColumn() {
        var e = TextEditor("one two three four\nfive")
        // Width 10: "one two ", "three four" (exactly ten cells), then "five".
        let lines = e.lines(width: 10)
        XCTAssertEqual(lines.map { String($0.characters) }, ["one two ", "three four", "five"])
        e.lineStart()
        e.right(); e.right()
        e.vertical(1, width: 10)
        XCTAssertEqual(e.position(in: lines).line, 1)
        XCTAssertEqual(e.position(in: lines).column, 2)
        e.vertical(1, width: 10)
        XCTAssertEqual(e.position(in: lines).line, 2)
        XCTAssertEqual(e.cursor, 21, "column 2 of five")
        e.vertical(1, width: 10)
        XCTAssertEqual(e.cursor, 23, "below the last line: its end")
    }

    func testWideAndCombiningCharactersAreOneStepEach() {
        var e = TextEditor("東京e\u{301}🚲")
        e.lineEnd()
        XCTAssertEqual(e.cursor, 4)
        let lines = e.lines(width: 20)
        XCTAssertEqual(e.position(in: lines).column, 7, "2 + 2 + 1 + 2 cells")
        e.backspace()
        XCTAssertEqual(e.text, "東京e\u{301}")
        e.backspace()
        XCTAssertEqual(e.text, "東京", "the accented e goes as one character")
    }

    func testEditingInTheStudioStateSavesOnEscape() {
        var s = StudioState()
        s.apply(.opened(pieceID: 3, title: "t", text: "Ride far.", findings: [], versions: [VersionRow(version: 1, origin: .draft, asset: "a", createdAt: "")]))
        XCTAssertEqual(s.handle(.character("e")), [])
        XCTAssertNotNil(s.editor)
        _ = s.handle(.end)
        for c in " Grüße 東京 🚲" { _ = s.handle(.character(c)) }
        XCTAssertEqual(s.draftText, "Ride far. Grüße 東京 🚲")
        _ = s.handle(.control("z"))
        XCTAssertEqual(s.draftText, "Ride far. Grüße 東京 ")
        _ = s.handle(.character("q"))
        XCTAssertFalse(s.quit, "q is typed while editing")
        XCTAssertEqual(s.handle(.escape), [.finishEdit(.piece(3), text: "Ride far. Grüße 東京 q")])
        XCTAssertNil(s.editor)
    }
}

final class BriefEditingTests: XCTestCase {
    func testEOnABriefEditsItsFileAndNAsksForANewBrief() throws {
        let path = NSTemporaryDirectory() + "brief-\(UUID().uuidString).md"
        try "+++\ncampaign = \"Spring\"\n+++\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var s = StudioState()
        s.apply(.library([LibraryRow(kind: .campaign, label: "Spring"), LibraryRow(kind: .brief(path: path), label: "  brief x.md")]))
        XCTAssertEqual(s.handle(.character("e")), [])
        XCTAssertEqual(s.editTarget, .brief(path: path))
        XCTAssertEqual(s.editor?.text, "+++\ncampaign = \"Spring\"\n+++\n")
        _ = s.handle(.character("x"))
        XCTAssertEqual(s.handle(.escape), [.finishEdit(.brief(path: path), text: "x+++\ncampaign = \"Spring\"\n+++\n")])
        XCTAssertEqual(s.handle(.character("n")), [.newBrief])
    }
}
