import XCTest
@testable import Store

final class TransactionTests: XCTestCase {
    struct Boom: Error {}

    func makeDatabase() throws -> Database {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t (x INTEGER NOT NULL)")
        return db
    }

    func testATransactionThatThrowsLeavesNoRows() throws {
        let db = try makeDatabase()
        XCTAssertThrowsError(try db.inTransaction {
            try db.execute("INSERT INTO t (x) VALUES (?)", 1)
            try db.execute("INSERT INTO t (x) VALUES (?)", 2)
            throw Boom()
        })
        XCTAssertEqual(try db.scalar("SELECT count(*) FROM t").int, 0)
        XCTAssertFalse(db.isInTransaction)
    }

    func testAFailingStatementRollsBackTheWholeTransaction() throws {
        let db = try makeDatabase()
        XCTAssertThrowsError(try db.inTransaction {
            try db.execute("INSERT INTO t (x) VALUES (?)", 1)
            try db.execute("INSERT INTO t (x) VALUES (NULL)")  // NOT NULL constraint
        }) { error in
            XCTAssertEqual((error as? DatabaseError)?.codeName, "SQLITE_CONSTRAINT")
        }
        XCTAssertEqual(try db.scalar("SELECT count(*) FROM t").int, 0)
    }

    func testACommittedTransactionKeepsItsRows() throws {
        let db = try makeDatabase()
        let n = try db.inTransaction { () throws -> Int in
            for i in 0..<10 { try db.execute("INSERT INTO t (x) VALUES (?)", i) }
            return 10
        }
        XCTAssertEqual(n, 10)
        XCTAssertEqual(try db.scalar("SELECT sum(x) FROM t").int, 45)
    }

    func testANestedFailureRollsBackOnlyTheInnerWork() throws {
        let db = try makeDatabase()
        try db.inTransaction {
            try db.execute("INSERT INTO t (x) VALUES (1)")
            XCTAssertThrowsError(try db.inTransaction {
                try db.execute("INSERT INTO t (x) VALUES (2)")
                throw Boom()
            })
            try db.execute("INSERT INTO t (x) VALUES (3)")
        }
        XCTAssertEqual(try db.rows("SELECT x FROM t ORDER BY x").map { try $0.int("x") }, [1, 3])
    }

    func testBindingChecksTheArgumentCount() throws {
        let db = try makeDatabase()
        XCTAssertThrowsError(try db.execute("INSERT INTO t (x) VALUES (?)")) { error in
            XCTAssertTrue("\(error)".contains("takes 1 arguments, 0 given"))
        }
    }

    func testValuesRoundTrip() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE v (a, b, c, d, e)")
        try db.execute("INSERT INTO v VALUES (?, ?, ?, ?, ?)", Int64.min, 2.5, "héllo ✓", [UInt8]([0, 1, 255]), DatabaseValue.null)
        let row = try XCTUnwrap(try db.row("SELECT * FROM v"))
        XCTAssertEqual(try row.value("a"), .integer(Int64.min))
        XCTAssertEqual(try row.value("b"), .real(2.5))
        XCTAssertEqual(try row.value("c"), .text("héllo ✓"))
        XCTAssertEqual(try row.value("d"), .blob([0, 1, 255]))
        XCTAssertEqual(try row.value("e"), .null)
    }
}
