import XCTest
@testable import Store

final class MigrationTests: XCTestCase {
    func testMigratesAnEmptyFileAndReopensWithoutReapplying() throws {
        let tmp = TemporaryFolder()
        // An existing empty file is a valid (empty) SQLite database.
        FileManager.default.createFile(atPath: tmp.file("copydesk.sqlite"), contents: Data())
        do {
            let ws = try Workspace.open(tmp.path)
            XCTAssertEqual(try ws.schemaVersions(), Schema.migrator.migrations.map(\.id))
            try ws.database.storeAsset(text: "kept")
        }
        let again = try Workspace.open(tmp.path)
        XCTAssertEqual(try Schema.migrator.migrate(again.database), [], "nothing left to apply on re-open")
        XCTAssertEqual(try again.schemaVersions().count, Schema.migrator.migrations.count)
        XCTAssertEqual(try again.database.scalar("SELECT count(*) FROM assets").int, 1)
        XCTAssertEqual(try again.database.scalar("PRAGMA journal_mode").string, "wal")
        XCTAssertEqual(try again.database.scalar("PRAGMA foreign_keys").int, 1)
    }

    func testOpeningAMissingWorkspaceSaysToRunInit() {
        let tmp = TemporaryFolder()
        XCTAssertThrowsError(try Workspace.open(tmp.file("nowhere"))) { error in
            XCTAssertEqual((error as? StoreError)?.code, .noWorkspace)
            XCTAssertTrue("\(error)".contains("copydesk init"))
        }
    }

    func testACorruptDatabaseFileGivesAClearError() throws {
        let tmp = TemporaryFolder()
        let garbage = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) })
        FileManager.default.createFile(atPath: tmp.file("copydesk.sqlite"), contents: garbage)
        XCTAssertThrowsError(try Workspace.open(tmp.path)) { error in
            guard let db = error as? DatabaseError else { return XCTFail("expected DatabaseError, got \(error)") }
            XCTAssertTrue(db.isCorruption)
            XCTAssertEqual(db.path, tmp.file("copydesk.sqlite"))
            XCTAssertTrue(db.description.contains("copydesk.sqlite"))
            XCTAssertTrue(db.description.contains("SQLITE_NOTADB"))
        }
        // The damaged file is left as it was.
        XCTAssertEqual(FileManager.default.contents(atPath: tmp.file("copydesk.sqlite")), garbage)
    }

    func testAMigrationFromANewerVersionIsRefused() throws {
        let tmp = TemporaryFolder()
        let ws = try Workspace.open(tmp.path, createIfMissing: true)
        try ws.database.execute("INSERT INTO schema_migrations (id, applied_order, applied_at) VALUES ('9999-future', 99, 'x')")
        XCTAssertThrowsError(try Schema.migrator.migrate(ws.database)) { error in
            XCTAssertTrue("\(error)".contains("9999-future"))
        }
    }

    func testErrorsCarryTheSQL() throws {
        let db = try Database(path: ":memory:")
        XCTAssertThrowsError(try db.execute("SELECT * FROM no_such_table")) { error in
            let e = error as! DatabaseError
            XCTAssertEqual(e.sql, "SELECT * FROM no_such_table")
            XCTAssertTrue(e.message.contains("no_such_table"))
            XCTAssertEqual(e.codeName, "SQLITE_ERROR")
        }
    }
}

extension Workspace {
    static func open(_ path: String, createIfMissing: Bool) throws -> Workspace {
        try openOrCreate(path)
    }
}
