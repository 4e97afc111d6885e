import XCTest
@testable import Store

/// Reading a row's columns: a missing column or a NULL read as a value is an error, never "" or 0.
final class RowTests: XCTestCase {
    func row() throws -> Row {
        let db = try Database(path: ":memory:")
        return try XCTUnwrap(try db.row("SELECT 'a' AS name, 7 AS n, NULL AS absent, 2.5 AS real"))
    }

    func testValuesReadByTheirType() throws {
        let r = try row()
        XCTAssertEqual(try r.string("name"), "a")
        XCTAssertEqual(try r.int("n"), 7)
        XCTAssertNil(try r.optionalInt("absent"))
        XCTAssertNil(try r.optionalString("absent"))
        XCTAssertEqual(try r.value("real").double, 2.5)
    }

    func testAMissingColumnIsAnErrorNamingIt() throws {
        let r = try row()
        XCTAssertThrowsError(try r.string("title")) { error in
            let e = error as? DatabaseError
            XCTAssertEqual(e?.codeName, "SQLITE_RANGE")
            XCTAssertTrue(e?.message.contains("'title'") == true && e?.message.contains("name, n") == true, "\(error)")
        }
        XCTAssertThrowsError(try r.optionalInt("count"))
    }

    func testNullReadAsAValueIsAnError() throws {
        let r = try row()
        XCTAssertThrowsError(try r.int("absent")) { XCTAssertEqual(($0 as? DatabaseError)?.codeName, "SQLITE_MISMATCH") }
        XCTAssertThrowsError(try r.string("absent")) { XCTAssertTrue("\($0)".contains("NULL"), "\($0)") }
    }

    func testAValueOfAnotherTypeIsAnError() throws {
        let r = try row()
        XCTAssertThrowsError(try r.int("name")) { XCTAssertEqual(($0 as? DatabaseError)?.codeName, "SQLITE_MISMATCH") }
        XCTAssertThrowsError(try r.optionalString("n"))
    }
}

/// `doctor`'s report.
final class WorkspaceHealthTests: XCTestCase {
    func testAFreshWorkspaceIsHealthyAndCountsNothing() throws {
        let folder = TemporaryFolder()
        let health = try Workspace.openOrCreate(folder.file("ws")).health()
        XCTAssertTrue(health.ok)
        XCTAssertEqual(health.integrity, ["ok"])
        XCTAssertEqual(health.schemaVersion, Schema.latestVersion)
        XCTAssertEqual(health.counts["runs"], 0)
        XCTAssertEqual(Set(health.counts.keys), ["templates", "template_versions", "assets", "runs", "brand_files"])
    }
}
