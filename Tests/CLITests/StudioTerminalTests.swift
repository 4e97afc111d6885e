import Foundation
import TUI
import XCTest

/// The studio driven through a pseudo-terminal, as an editor would use it: open a piece, see its
/// findings, apply a fix, approve; draft a brief and watch it stream; resize mid-stream; Ctrl-C
/// during generation; German, CJK and emoji text without garbled cells; the terminal restored.
final class StudioTerminalTests: XCTestCase {
    func studio(_ p: TestProject, rows: Int = 24, columns: Int = 80, environment: [String: String] = [:]) throws -> TerminalSession {
        try TerminalSession(arguments: ["studio", "--workspace", p.workspace, "--brand", p.folder + "/Brand", "--model", "smollm2",
                                        "--models", p.models, "--threads", "2"], rows: rows, columns: columns, environment: environment)
    }

    func testOpenAPieceSeeFindingsApplyAFixAndApprove() throws {
        try openFixAndApprove(rows: 24, columns: 80)
    }

    func testOpenAPieceSeeFindingsApplyAFixAndApproveAt160x48() throws {
        try openFixAndApprove(rows: 48, columns: 160)
    }

    /// A piece with a claim the knowledge base contradicts, brought in as an editor's file and reviewed.
    func reviewContradictedPost(_ p: TestProject) throws {
        let copy = p.folder + "/post.txt"
        try "The Kinglet Pro goes up to 70 miles on one charge. Book a free test ride.".write(toFile: copy, atomically: true, encoding: .utf8)
        let r = try CLI.run(["review", copy, "--channel", "social", "--campaign", "Spring post", "--no-judge", "--workspace", p.workspace,
                             "--model", "smollm2", "--models", p.models])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("CONTRADICTED"), r.stdout)
    }

    func openFixAndApprove(rows: Int, columns: Int) throws {
        let p = try TestProject.make(self)
        try reviewContradictedPost(p)

        let s = try studio(p, rows: rows, columns: columns)
        guard s.wait(forText: "1 Briefs & pieces") else { return }
        XCTAssertTrue(s.wait(forText: "Spring post"))
        XCTAssertEqual(s.lines.count, rows)
        XCTAssertTrue(s.text.contains("#1 social v1 in review"), s.text)
        // The piece is the last row: End, then Enter opens it.
        s.type("1")
        s.type(TerminalSession.end)
        s.type("\r")
        XCTAssertTrue(s.wait(forText: "70 miles on one charge"))
        XCTAssertTrue(s.wait(forText: "✗ The Kinglet Pro goes up to 70 miles"))
        XCTAssertEqual(s.foreground(of: "goes up to 70 miles"), .some(1), "a contradicted claim is red in the draft")
        // Pane 3, the contradicted claim, its evidence, then its fix.
        s.type("3")
        s.type("\r")
        XCTAssertTrue(s.wait(forText: "Evidence from knowledge/"))
        s.type("q")
        s.type("f")
        XCTAssertTrue(s.wait(forText: "v2 autofix", timeout: 60))
        XCTAssertTrue(s.wait(forText: "60 miles on one charge"))
        // Approve through the palette, with a note.
        s.type(":aprv\r")
        XCTAssertTrue(s.wait(forText: "Approve with a note"))
        s.type("fixed the range\r")
        XCTAssertTrue(s.wait(forText: "#1 social v2 approved", timeout: 30))
        s.type("q")
        XCTAssertEqual(s.waitExit(timeout: 10), 0)
        let pieces = try CLI.run(["pieces", "--json", "--workspace", p.workspace])
        XCTAssertTrue(pieces.stdout.contains("\"note\" : \"fixed the range\""), pieces.stdout)
    }

    func testVerdictsIn24BitColourWhereCOLORTERMSaysSoElseThePalette() throws {
        let p = try TestProject.make(self)
        try reviewContradictedPost(p)
        // The contradicted claim's shade: exact where COLORTERM announces 24-bit colour (xterm-256color
        // can redefine its palette), the nearest xterm-256 colour otherwise, red where there are eight.
        let cases: [(environment: [String: String], shade: UInt32)] = [
            (["COLORTERM": "truecolor"], 0xE5484D),
            ([:], 0xD75F5F),
            (["COLORTERM": "24bit", "TERM": "xterm"], 0xCD0000),
        ]
        for c in cases {
            let s = try studio(p, environment: c.environment)
            guard s.wait(forText: "Spring post") else { return }
            s.type("1")
            s.type(TerminalSession.end)
            s.type("\r")
            XCTAssertTrue(s.wait(forText: "✗ The Kinglet Pro goes up to 70 miles"))
            XCTAssertEqual(s.foreground(of: "goes up to 70 miles"), .some(1), "red in \(c.environment)")
            XCTAssertEqual(s.shade(of: "goes up to 70 miles"), .some(c.shade), "the shade in \(c.environment)")
            XCTAssertEqual(s.shade(of: "✗ The Kinglet Pro"), .some(c.shade), "pane 3's mark in \(c.environment)")
            s.type("q")
            XCTAssertEqual(s.waitExit(timeout: 10), 0)
            Thread.sleep(forTimeInterval: 0.3)
            XCTAssertTrue(s.palette == ScreenEmulator.xtermPalette, "the palette is put back when the studio ends")
        }
    }

    func testTwoVersionsOfATemplateSideBySide() throws {
        let p = try TestProject.make(self)
        let file = p.folder + "/Templates/social-draft.md"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "temperature = 0.4", with: "temperature = 0.3").write(toFile: file, atomically: true, encoding: .utf8)
        let r = try CLI.run(["templates", "sync", "--templates", p.folder + "/Templates", "--workspace", p.workspace])
        XCTAssertEqual(r.status, 0, r.stderr)
        let s = try studio(p)
        guard s.wait(forText: "1 Briefs & pieces") else { return }
        s.type(":templates\r")
        XCTAssertTrue(s.wait(forText: "Templates: Enter lists the versions"))
        XCTAssertTrue(s.wait(forText: "production=v1"))
        s.type("socdr\r")
        XCTAssertTrue(s.wait(forText: "4 social-draft"))
        XCTAssertTrue(s.wait(forText: "v1 production"))
        s.type("v")
        XCTAssertTrue(s.wait(forText: "Template social-draft: v1 ← old │ new → v2"))
        let row = s.lines.first { $0.contains("temperature = 0.4") }
        XCTAssertNotNil(row, s.text)
        XCTAssertTrue(row?.contains("temperature = 0.3") ?? false, "old and new side by side: \(s.text)")
        XCTAssertEqual(s.foreground(of: "temperature = 0.4"), .some(1), "the old line in red")
        XCTAssertEqual(s.foreground(of: "temperature = 0.3"), .some(2), "the new line in green")
        s.type("q")
        s.type("q")
        XCTAssertEqual(s.waitExit(timeout: 10), 0)
    }

    func testDraftStreamsResizesMidStreamAndCtrlCCancelsWithoutKillingTheStudio() throws {
        let p = try TestProject.make(self)
        let s = try studio(p)
        // German, CJK and emoji at their real widths: the heading is intact (cut to the pane with
        // "…") and every row fits.
        guard s.wait(forText: "│Grüße aus München 東京 …│") else { return }
        XCTAssertTrue(s.lines.allSatisfy { CellWidth.of($0) <= 80 })
        // The last brief (the German one) is the last row: draft it, resize while it streams.
        s.type(TerminalSession.end)
        s.type("d")
        XCTAssertTrue(s.wait(for: "tokens per second", timeout: 120) { $0.contains("tok/s") })
        s.resize(rows: 48, columns: 160)
        XCTAssertTrue(s.wait(for: "the layout at 160×48", timeout: 10) { text in
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count == 48 && lines[0].hasSuffix("┐") && CellWidth.of(String(lines[0])) == 160 && lines[46].contains("smollm2")
        })
        XCTAssertTrue(s.wait(forText: "Grüße aus München 東京 🚲 · social v1", timeout: 120), "the piece opens when the draft is checked")
        // The first brief has three channels: Ctrl-C while it streams cancels the job, not the studio.
        s.type(TerminalSession.home)
        s.type("d")
        XCTAssertTrue(s.wait(for: "tokens per second", timeout: 120) { $0.contains("tok/s") })
        s.type("\u{03}")
        XCTAssertTrue(s.wait(forText: "cancelled", timeout: 60))
        XCTAssertNil(s.pollExit(), "Ctrl-C during a job cancels the job, not the studio")
        s.type("q")
        XCTAssertEqual(s.waitExit(timeout: 10), 0)
        let runs = try CLI.run(["runs", "list", "--json", "--workspace", p.workspace])
        XCTAssertTrue(runs.stdout.contains("\"status\" : \"cancelled\""), runs.stdout)
    }

    func testSIGTERMRestoresTheTerminal() throws {
        let p = try TestProject.make(self)
        let s = try studio(p)
        guard s.wait(forText: "1 Briefs & pieces") else { return }
        kill(s.pid, SIGTERM)
        XCTAssertEqual(s.waitExit(timeout: 10), 0)
        // endwin leaves the alternate screen: the studio's panes are gone.
        XCTAssertTrue(s.wait(for: "the terminal restored", timeout: 5) { !$0.contains("1 Briefs & pieces") })
    }

    func testEditsAutosaveSoKillingTheStudioLosesAtMostASecond() throws {
        let p = try TestProject.make(self)
        let copy = p.folder + "/post.txt"
        try "The Kinglet Pro carries two kids. Book a free test ride.".write(toFile: copy, atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLI.run(["review", copy, "--channel", "social", "--campaign", "Edit me", "--no-judge", "--workspace", p.workspace,
                                    "--model", "smollm2", "--models", p.models]).status, 0)
        var s = try studio(p)
        guard s.wait(forText: "Edit me") else { return }
        s.type(TerminalSession.end)
        s.type("\r")
        XCTAssertTrue(s.wait(forText: "carries two kids"))
        s.type("e")
        XCTAssertTrue(s.wait(forText: "editing"))
        s.type(TerminalSession.end)
        s.type(" Grüße aus 東京 🚲", pause: 0.05)
        XCTAssertTrue(s.wait(forText: "saved as v2", timeout: 10))
        Thread.sleep(forTimeInterval: 1.5)
        kill(s.pid, SIGKILL)
        XCTAssertNotNil(s.waitExit(timeout: 5))
        // Reopened, the piece's newest version has the edit.
        s = try studio(p)
        guard s.wait(forText: "Edit me") else { return }
        s.type(TerminalSession.end)
        s.type("\r")
        XCTAssertTrue(s.wait(forText: "ride. Grüße aus 東京 🚲"))
        s.type("q")
        XCTAssertEqual(s.waitExit(timeout: 10), 0)
    }
}
