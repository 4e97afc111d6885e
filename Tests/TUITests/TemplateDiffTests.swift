import XCTest
@testable import TUI

/// Templates in the studio: the palette's `templates` opens a chooser, the chosen template's
/// versions fill pane 4, and two of them are compared side by side as a piece's are.
final class TemplateDiffTests: XCTestCase {
    let templates = [
        TemplateRow(id: "email-draft", latest: 3, labels: ["production=v2", "staging=v3"]),
        TemplateRow(id: "social-draft", latest: 1, labels: ["production=v1"]),
        TemplateRow(id: "revise", latest: 2, labels: ["production=v2"]),
    ]

    func emailVersions() -> [VersionRow] {
        [VersionRow(templateVersion: 1, labels: [], hash: "aaaa1111", createdAt: "2026-01-01"),
         VersionRow(templateVersion: 2, labels: ["production"], hash: "bbbb2222", createdAt: "2026-01-02"),
         VersionRow(templateVersion: 3, labels: ["staging"], hash: "cccc3333", createdAt: "2026-01-03")]
    }

    func testThePaletteOpensTheChooserThatFiltersAsYouType() {
        var s = StudioState()
        _ = s.handle(.character(":"))
        for c in "templates" { _ = s.handle(.character(c)) }
        XCTAssertEqual(s.handle(.enter), [.listTemplates])
        s.apply(.templates(templates))
        XCTAssertEqual(s.overlay, .templates(rows: templates, query: "", selection: 0))
        var text = StudioRenderer.render(s).lines.joined(separator: "\n")
        XCTAssertTrue(text.contains("email-draft"), text)
        XCTAssertTrue(text.contains("production=v2 staging=v3"), text)
        // Typing filters; the arrows move within the matches.
        for c in "sdr" { _ = s.handle(.character(c)) }
        XCTAssertEqual(StudioState.matching(templates, "sdr").map(\.id), ["social-draft"])
        text = StudioRenderer.render(s).lines.joined(separator: "\n")
        XCTAssertFalse(text.contains("email-draft"), text)
        _ = s.handle(.backspace)
        _ = s.handle(.backspace)
        _ = s.handle(.backspace)
        _ = s.handle(.down)
        XCTAssertEqual(s.handle(.enter), [.listTemplateVersions(templateID: "social-draft")])
        XCTAssertNil(s.overlay)
        // T does the same from any pane; Esc closes the chooser.
        XCTAssertEqual(s.handle(.character("T")), [.listTemplates])
        s.apply(.templates(templates))
        _ = s.handle(.escape)
        XCTAssertNil(s.overlay)
        s.apply(.templates([]))
        XCTAssertNil(s.overlay)
        XCTAssertEqual(s.notice, "no templates in the workspace (copydesk templates sync records them)")
    }

    func testATemplatesVersionsInPane4AreComparedSideBySide() {
        var s = StudioState()
        s.apply(.templateVersions(templateID: "email-draft", versions: emailVersions()))
        XCTAssertEqual(s.focus, .versions)
        XCTAssertEqual(s.versionSubject, .template("email-draft"))
        XCTAssertEqual(s.versionSelection, 2, "the newest is selected")
        var text = StudioRenderer.render(s).lines.joined(separator: "\n")
        XCTAssertTrue(text.contains("4 email-draft"), text)
        XCTAssertTrue(StudioRenderer.render({ var wide = s; wide.rows = 48; wide.columns = 160; return wide }()).lines.joined().contains("4 Template email-draft"))
        XCTAssertTrue(text.contains("v2 production bbbb2222"), text)
        // v: the newest against the one before; a marked version against the selected one.
        XCTAssertEqual(s.handle(.character("v")), [.templateDiff(templateID: "email-draft", from: 2, to: 3)])
        _ = s.handle(.up)
        _ = s.handle(.up)
        _ = s.handle(.character(" "))
        XCTAssertEqual(s.markedVersion, 1)
        _ = s.handle(.down)
        _ = s.handle(.down)
        XCTAssertEqual(s.handle(.enter), [.templateDiff(templateID: "email-draft", from: 1, to: 3)], "Enter in pane 4 compares too")
        // Lineage is a piece's.
        XCTAssertEqual(s.handle(.character("L")), [])
        XCTAssertEqual(s.notice, "lineage is kept for a piece's versions: open a piece (pane 1, Enter)")
        // The diff comes back as the same overlay as a piece's.
        s.apply(.diff(title: "Template email-draft: v1 ← old │ new → v3", rows: [
            DiffRow(old: "temperature = 0.7", new: "temperature = 0.5", changed: true),
            DiffRow(old: "Write the email.", new: "Write the email.", changed: false),
        ]))
        text = StudioRenderer.render(s).lines.joined(separator: "\n")
        let row = StudioRenderer.render(s).lines.firstIndex { $0.contains("temperature = 0.7") }
        XCTAssertNotNil(row, text)
        XCTAssertTrue(text.contains("Template email-draft: v1 ← old │ new → v3"), text)
        _ = s.handle(.escape)
        XCTAssertNil(s.overlay)
    }

    func testTheDiffOpensAtTheFirstChange() {
        var s = StudioState()
        let same = (1...10).map { DiffRow(old: "line \($0)", new: "line \($0)", changed: false) }
        s.apply(.diff(title: "Template a: v1 ← old │ new → v2", rows: same + [DiffRow(old: "temperature = 0.4", new: "temperature = 0.3", changed: true)]))
        XCTAssertEqual(s.overlay, .diff(title: "Template a: v1 ← old │ new → v2",
                                        rows: same + [DiffRow(old: "temperature = 0.4", new: "temperature = 0.3", changed: true)], scroll: 8))
        let text = StudioRenderer.render(s).lines.joined(separator: "\n")
        XCTAssertTrue(text.contains("line 9"), text)
        XCTAssertFalse(text.contains("line 8"), text)
        XCTAssertTrue(text.contains("temperature = 0.4"), text)
        s.apply(.diff(title: "t", rows: same))
        XCTAssertEqual(s.overlay, .diff(title: "t", rows: same, scroll: 0), "no change: from the top")
    }

    func testATemplateWithOneVersionHasNothingToCompare() {
        var s = StudioState()
        s.apply(.templateVersions(templateID: "social-draft", versions: [VersionRow(templateVersion: 1, labels: ["production"], hash: "dd", createdAt: "")]))
        XCTAssertEqual(s.notice, "template social-draft has one version")
        XCTAssertEqual(s.handle(.character("v")), [])
        XCTAssertEqual(s.notice, "the template has one version")
    }

    func testOpeningAPieceBringsPane4BackToItsVersionsAndForgetsTheMark() {
        var s = StudioState()
        s.apply(.templateVersions(templateID: "email-draft", versions: emailVersions()))
        _ = s.handle(.up)
        _ = s.handle(.character(" "))
        XCTAssertEqual(s.markedVersion, 2)
        s.apply(.opened(pieceID: 5, title: "t", text: "x", findings: [],
                        versions: [VersionRow(version: 1, origin: .draft, asset: "p1", createdAt: ""), VersionRow(version: 2, origin: .revise, asset: "p2", createdAt: "")]))
        XCTAssertEqual(s.versionSubject, .piece(5))
        XCTAssertNil(s.markedVersion, "a template's mark is not a piece's")
        XCTAssertEqual(s.handle(.character("4")), [])
        XCTAssertEqual(s.handle(.character("v")), [.diff(pieceID: 5, from: 1, to: 2)])
        let text = StudioRenderer.render(s).lines.joined(separator: "\n")
        XCTAssertFalse(text.contains("email-draft"), text)
        XCTAssertTrue(text.contains("4 Versions"), text)
        XCTAssertTrue(text.contains("v2 revise p2"), text)
    }

    func testWithNothingInPane4DiffSaysWhatToDo() {
        var s = StudioState()
        XCTAssertEqual(s.handle(.character("v")), [])
        XCTAssertEqual(s.notice, "open a piece first (pane 1, Enter), or pick a template (T)")
    }
}
