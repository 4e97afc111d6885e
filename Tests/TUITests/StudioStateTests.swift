import BrandKit
import FactCheck
import Store
import XCTest
@testable import TUI

/// Keys reduce over the studio's state; the screen is rendered from it: all without a terminal.
final class StudioStateTests: XCTestCase {
    func state(rows: Int = 24, columns: Int = 80) -> StudioState {
        var s = StudioState(rows: rows, columns: columns)
        s.workspace = "~/shop/.copydesk"
        s.model = "qwen-1.5b"
        s.apply(.library([
            LibraryRow(kind: .campaign, label: "Spring launch"),
            LibraryRow(kind: .brief(path: "/kit/briefs/spring.md"), label: "  brief spring.md"),
            LibraryRow(kind: .piece(id: 7, state: .inReview), label: "  #7 email v2 in review"),
            LibraryRow(kind: .campaign, label: "Grüße aus Köln 東京 🚲"),
            LibraryRow(kind: .piece(id: 9, state: .approved), label: "  #9 social v1 approved"),
        ]))
        return s
    }

    func opened(_ s: inout StudioState) {
        s.apply(.opened(pieceID: 7, title: "Spring launch · email v2", text: "Subject: Ride 60 miles\n\nThe Kinglet rides 70 miles on one charge. Grüße! 東京 🚲",
                        findings: [
                            FindingRow(kind: .claim(.contradicted), label: "The Kinglet rides 70 miles on one charge.", start: 24, end: 65,
                                       detail: ["Evidence from knowledge/specs.md: 50 miles"], fix: "The Kinglet rides 50 miles on one charge."),
                            FindingRow(kind: .rule(.error), label: "channel.email.subject: too long", start: 0, end: 22, detail: [], fix: nil),
                        ],
                        versions: [VersionRow(version: 1, origin: .draft, asset: "aaaa", createdAt: ""), VersionRow(version: 2, origin: .autofix, asset: "bbbb", createdAt: "")]))
    }

    func testSelectionSkipsHeadingsAndEnterOpensAPiece() {
        var s = state()
        XCTAssertEqual(s.librarySelection, 1, "the first selectable row")
        _ = s.handle(.down)
        XCTAssertEqual(s.selectedRow?.label, "  #7 email v2 in review")
        _ = s.handle(.character("j"))
        XCTAssertEqual(s.selectedRow?.label, "  #9 social v1 approved", "the heading is skipped")
        _ = s.handle(.character("k"))
        XCTAssertEqual(s.handle(.enter), [.openPiece(7)])
        XCTAssertEqual(s.focus, .draft)
    }

    func testNumbersAndTabMoveBetweenPanes() {
        var s = state()
        _ = s.handle(.character("3"))
        XCTAssertEqual(s.focus, .findings)
        _ = s.handle(.tab)
        XCTAssertEqual(s.focus, .versions)
        _ = s.handle(.tab)
        XCTAssertEqual(s.focus, .library)
    }

    func testDraftNeedsABriefAndRunsAsAnEffect() {
        var s = state()
        XCTAssertEqual(s.handle(.character("d")), [.draft(briefPath: "/kit/briefs/spring.md")])
        s.apply(.jobStarted("drafting"))
        s.apply(.streamStarted("Spring launch: email"))
        s.apply(.token("Hello ", tokensPerSecond: 12.5))
        s.apply(.token("world", tokensPerSecond: 13))
        XCTAssertEqual(s.draftText, "Hello world")
        XCTAssertEqual(s.handle(.character("d")), [], "one job at a time")
        XCTAssertEqual(s.handle(.escape), [.cancelJob])
        XCTAssertEqual(s.handle(.interrupt), [.cancelJob], "Ctrl-C cancels the job, never kills the studio")
        s.apply(.jobCancelled)
        XCTAssertNil(s.job)
        XCTAssertEqual(s.handle(.interrupt), [])
        XCTAssertEqual(s.overlay, .confirm(prompt: "Quit the studio?", effect: .quit))
        XCTAssertEqual(s.handle(.character("n")), [])
        XCTAssertFalse(s.quit)
    }

    func testPaletteFuzzyMatchesEveryActionByName() {
        for name in ["new brief", "draft", "check", "revise", "apply fix", "approve", "reject", "diff", "lineage", "image", "voiceover", "export", "quit"] {
            XCTAssertEqual(StudioAction.matching(name).first?.rawValue, name)
        }
        XCTAssertEqual(StudioAction.matching("apfx").first, .applyFix)
        XCTAssertEqual(StudioAction.matching("lin").first, .lineage)
        var s = state()
        opened(&s)
        _ = s.handle(.character(":"))
        for c in "aprv" { _ = s.handle(.character(c)) }
        _ = s.handle(.enter)
        XCTAssertEqual(s.overlay, .input(prompt: "Approve with a note:", text: "", purpose: .approveNote(pieceID: 7)))
        for c in "ok für 東京" { _ = s.handle(.character(c)) }
        XCTAssertEqual(s.handle(.enter), [.approve(pieceID: 7, note: "ok für 東京")])
    }

    func testApplyFixUsesTheSelectedFindingsSuggestion() {
        var s = state()
        opened(&s)
        _ = s.handle(.character("3"))
        XCTAssertEqual(s.handle(.character("f")), [.applyFix(pieceID: 7, start: 24, end: 65, replacement: "The Kinglet rides 50 miles on one charge.")])
        _ = s.handle(.down)
        XCTAssertEqual(s.handle(.character("f")), [])
        XCTAssertEqual(s.notice, "this finding offers no fix")
        _ = s.handle(.up)
        _ = s.handle(.enter)
        XCTAssertEqual(s.overlay, .detail(title: "The Kinglet rides 70 miles on one charge.", lines: ["Evidence from knowledge/specs.md: 50 miles"], scroll: 0))
        _ = s.handle(.character("q"))
        XCTAssertNil(s.overlay, "q backs out of an overlay")
        XCTAssertFalse(s.quit)
    }

    func testHelpFiltersAsYouType() {
        var s = state()
        _ = s.handle(.character("?"))
        for c in "lineage" { _ = s.handle(.character(c)) }
        let lines = StudioRenderer.render(s).lines.joined(separator: "\n")
        XCTAssertTrue(lines.contains("lineage: show how the open version came to be"), lines)
        XCTAssertFalse(lines.contains("approve the open piece"))
        _ = s.handle(.escape)
        XCTAssertNil(s.overlay)
    }

    func testQuitFromTheTopLevel() {
        var s = state()
        XCTAssertEqual(s.handle(.character("q")), [.quit])
        XCTAssertTrue(s.quit)
    }

    func testRenderAt80x24And160x48ShowsEveryPaneWithoutGarbledCells() {
        for (rows, columns) in [(24, 80), (48, 160)] {
            var s = state(rows: rows, columns: columns)
            opened(&s)
            let canvas = StudioRenderer.render(s)
            let text = canvas.lines
            XCTAssertEqual(text.count, rows)
            let all = text.joined(separator: "\n")
            for title in ["1 Briefs & pieces", "2 Draft", "3 Findings", "4 Versions"] { XCTAssertTrue(all.contains(title), "\(title) at \(columns)×\(rows)") }
            XCTAssertTrue(all.contains("Grüße aus Köln 東京 🚲"), all)
            XCTAssertTrue(all.contains("東京 🚲"))
            XCTAssertTrue(text[rows - 2].contains("qwen-1.5b"), "the status bar names the model")
            // Every row is exactly as wide as the terminal.
            for r in 0..<rows {
                XCTAssertEqual(CellWidth.of(canvas.text(row: r)), columns, "row \(r): \(canvas.text(row: r))")
            }
        }
    }

    func testClaimsAreColouredByVerdictAndRuleErrorsUnderlined() {
        var s = state()
        opened(&s)
        let layout = StudioLayout(rows: 24, columns: 80)
        let canvas = StudioRenderer.render(s)
        let inner = layout.draft.inner
        // "The Kinglet rides 70 miles" starts the third line of the draft.
        let row = inner.row + 2
        XCTAssertEqual(canvas[row, inner.column].text, "T")
        let red = canvas[row, inner.column].style.foreground
        XCTAssertEqual(red, StudioRenderer.color(.contradicted))
        XCTAssertEqual(red.flatMap(ColorMode.basic.resolve), .palette(1), "red where the terminal has eight colours")
        XCTAssertTrue(canvas[inner.row, inner.column].style.underline, "the subject line breaks a rule")
    }

    func testResizeReflowsTheDraftWhileItStreams() {
        var s = state()
        s.apply(.jobStarted("drafting"))
        s.apply(.streamStarted("Spring: email"))
        s.apply(.token(String(repeating: "word ", count: 2000) + "END", tokensPerSecond: 10))
        _ = s.handle(.resize(rows: 48, columns: 160))
        let canvas = StudioRenderer.render(s)
        XCTAssertEqual(canvas.rows, 48)
        XCTAssertEqual(canvas.columns, 160)
        let bottom = StudioLayout(rows: 48, columns: 160).draft.inner
        XCTAssertTrue(canvas.text(row: bottom.row + bottom.height - 1).contains("END"), "a stream follows its end: \(canvas.lines.joined(separator: "\n"))")
        XCTAssertTrue(canvas.lines[46].contains("10.0 tok/s"))
    }
}

final class VersionDiffTests: XCTestCase {
    func testMarkedVersionIsComparedWithTheSelectedOneSideBySide() {
        var s = StudioState()
        s.apply(.opened(pieceID: 4, title: "t", text: "x", findings: [], versions: (1...3).map {
            VersionRow(version: $0, origin: $0 == 1 ? .draft : .revise, asset: "h\($0)", createdAt: "")
        }))
        _ = s.handle(.character("4"))
        XCTAssertEqual(s.handle(.character("v")), [.diff(pieceID: 4, from: 2, to: 3)], "the newest against the one before")
        _ = s.handle(.up)
        _ = s.handle(.up)
        _ = s.handle(.character(" "))
        XCTAssertEqual(s.markedVersion, 1)
        _ = s.handle(.down)
        XCTAssertEqual(s.handle(.character("v")), [.diff(pieceID: 4, from: 1, to: 2)])
        s.apply(.diff(title: "Piece 4: v1 ← old │ new → v2", rows: [
            DiffRow(old: "Subject: Ride far", new: "Subject: Ride far", changed: false),
            DiffRow(old: "Up to 70 miles.", new: "Up to 60 miles.", changed: true),
            DiffRow(old: nil, new: "Grüße 東京 🚲", changed: true),
        ]))
        let canvas = StudioRenderer.render(s)
        let text = canvas.lines.joined(separator: "\n")
        XCTAssertTrue(text.contains("Up to 70 miles."), text)
        let row = canvas.lines.firstIndex { $0.contains("Up to 70 miles.") }!
        XCTAssertTrue(canvas.lines[row].contains("Up to 60 miles."), "old and new on one row")
        XCTAssertTrue(text.contains("Grüße 東京 🚲"))
        for r in 0..<canvas.rows { XCTAssertEqual(CellWidth.of(canvas.text(row: r)), canvas.columns) }
    }
}

final class ExportActionTests: XCTestCase {
    func testExportAsksForAFormatForTheSelectedCampaign() {
        var s = StudioState()
        s.apply(.library([LibraryRow(kind: .campaign, label: "Spring"), LibraryRow(kind: .piece(id: 2, state: .approved), label: "  #2 email")]))
        _ = s.handle(.character(":"))
        for c in "export" { _ = s.handle(.character(c)) }
        _ = s.handle(.enter)
        XCTAssertEqual(s.overlay, .input(prompt: "Export the approved pieces of “Spring” as (hugo, jekyll, astro, eleventy, decap, sanity, contentful, json):",
                                         text: "hugo", purpose: .exportFormat(campaign: "Spring")))
        XCTAssertEqual(s.handle(.enter), [.export(campaign: "Spring", format: "hugo")])
    }
}
