import XCTest
@testable import Store

final class TemplateVersioningTests: XCTestCase {
    func testSyncIsIdempotentAndNumbersVersionsPerTemplate() throws {
        let tmp = TemporaryFolder()
        let ws = try Workspace.openOrCreate(tmp.file("ws"))
        tmp.write("t/a.md", templateSource(id: "a"))
        tmp.write("t/b.md", templateSource(id: "b"))
        tmp.write("t/README.md", "not a template")

        let first = try ws.syncTemplates(from: tmp.file("t"))
        XCTAssertEqual(first.map(\.action), [.created, .created])
        XCTAssertEqual(first.map(\.version), [1, 1])

        let second = try ws.syncTemplates(from: tmp.file("t"))
        XCTAssertEqual(second.map(\.action), [.unchanged, .unchanged])
        XCTAssertEqual(try ws.database.scalar("SELECT count(*) FROM template_versions").int, 2)

        tmp.write("t/a.md", templateSource(id: "a", temperature: 0.2))
        let third = try ws.syncTemplates(from: tmp.file("t"))
        XCTAssertEqual(third.first { $0.templateID == "a" }?.action, .updated)
        XCTAssertEqual(third.first { $0.templateID == "a" }?.version, 2)
        XCTAssertEqual(third.first { $0.templateID == "b" }?.action, .unchanged)
        XCTAssertEqual(try ws.database.templateVersions("a").map(\.version), [1, 2])
        XCTAssertEqual(try ws.database.templateVersions("b").map(\.version), [1])
        // Going back to the first text is a change too: it becomes v3, v1 stays.
        tmp.write("t/a.md", templateSource(id: "a"))
        XCTAssertEqual(try ws.syncTemplates(from: tmp.file("t")).first { $0.templateID == "a" }?.version, 3)
        XCTAssertEqual(try ws.database.templateVersion("a", "v1").contentHash, try ws.database.templateVersion("a", "v3").contentHash)
    }

    func testABadTemplateRecordsNothing() throws {
        let tmp = TemporaryFolder()
        let ws = try Workspace.openOrCreate(tmp.file("ws"))
        tmp.write("t/a.md", templateSource(id: "a"))
        tmp.write("t/b.md", templateSource(id: "b", body: "Hello {{brief}} and {{audience}}."))
        XCTAssertThrowsError(try ws.syncTemplates(from: tmp.file("t"))) { error in
            XCTAssertTrue("\(error)".contains("b.md:10"), "\(error)")
            XCTAssertTrue("\(error)".contains("audience"))
        }
        XCTAssertEqual(try ws.database.scalar("SELECT count(*) FROM template_versions").int, 0)
        XCTAssertEqual(try ws.database.scalar("SELECT count(*) FROM templates").int, 0)
    }

    func testLabelsMoveAndEveryMoveIsKept() throws {
        let tmp = TemporaryFolder()
        let ws = try Workspace.openOrCreate(tmp.file("ws"))
        let db = ws.database
        for t in [0.1, 0.2, 0.3] {
            tmp.write("t/a.md", templateSource(id: "a", temperature: t))
            _ = try ws.syncTemplates(from: tmp.file("t"))
        }
        // The first version got `production` on creation; later syncs do not move it.
        XCTAssertEqual(try db.labelledTemplate("a").version, 1)
        try db.moveLabel("a", "production", to: 3, by: "editor", note: "promote")
        try db.moveLabel("a", "staging", to: 2, by: "editor")
        XCTAssertEqual(try db.labelledTemplate("a").version, 3)
        // Rollback = moving the label back.
        try db.moveLabel("a", "production", to: 1, by: "editor", note: "rollback")
        XCTAssertEqual(try db.labelledTemplate("a").version, 1)
        XCTAssertEqual(try db.templateVersion("a@staging").version, 2)
        XCTAssertEqual(try db.templateVersion("a@v2").version, 2)

        let history = try db.labelHistory("a")
        XCTAssertEqual(history.map(\.label), ["production", "production", "staging", "production"])
        XCTAssertEqual(history.map(\.fromVersion), [nil, 1, nil, 3])
        XCTAssertEqual(history.map(\.toVersion), [1, 3, 2, 1])
        XCTAssertEqual(history.last?.note, "rollback")

        // History and versions cannot be rewritten.
        XCTAssertThrowsError(try db.execute("DELETE FROM template_label_history"))
        XCTAssertThrowsError(try db.execute("UPDATE template_versions SET source = 'x'"))
        XCTAssertEqual(try db.labelHistory("a").count, 4)
    }

    func testLabelErrors() throws {
        let tmp = TemporaryFolder()
        let ws = try Workspace.openOrCreate(tmp.file("ws"))
        tmp.write("t/a.md", templateSource(id: "a"))
        _ = try ws.syncTemplates(from: tmp.file("t"))
        XCTAssertThrowsError(try ws.database.moveLabel("a", "production", to: 7)) { XCTAssertTrue("\($0)".contains("no version 7")) }
        XCTAssertThrowsError(try ws.database.moveLabel("zzz", "production", to: 1)) { XCTAssertTrue("\($0)".contains("no template 'zzz'")) }
        XCTAssertThrowsError(try ws.database.moveLabel("a", "v2", to: 1)) { XCTAssertTrue("\($0)".contains("not a version number")) }
        XCTAssertEqual(try ws.database.labelHistory("a").count, 1)
    }
}
