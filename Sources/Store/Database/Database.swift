import CSQLite
import Foundation

/// A connection to one SQLite database file.
///
/// The one place in copydesk that calls the SQLite C API (with `Statement`). A connection
/// belongs to the thread that uses it; it is not `Sendable`. It opens in WAL mode with
/// foreign keys on and a busy timeout, and caches prepared statements by SQL text.
public final class Database {
    let handle: OpaquePointer
    /// The file path (":memory:" for an in-memory database).
    public let path: String
    private var statementCache: [String: Statement] = [:]
    private var transactionDepth = 0

    /// Opens (creating if needed) the database at `path` and checks that it is readable.
    ///
    /// - Throws: `DatabaseError` naming the file when it cannot be opened or is not a database.
    public init(path: String, readOnly: Bool = false, busyTimeoutMilliseconds: Int32 = 5000) throws(DatabaseError) {
        var db: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open database"
            if let db { sqlite3_close_v2(db) }
            throw DatabaseError(code: rc, message: message, path: path)
        }
        self.handle = db
        self.path = path
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, busyTimeoutMilliseconds)
        // Reading the schema is the first thing that touches the file's contents:
        // a damaged or foreign file fails here with SQLITE_NOTADB.
        try execute("SELECT count(*) FROM sqlite_master")
        if !readOnly && path != ":memory:" {
            try execute("PRAGMA journal_mode = WAL")
        }
        try execute("PRAGMA foreign_keys = ON")
    }

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Builds an error from a result code and the connection's last message.
    func error(_ rc: Int32, sql: String?) -> DatabaseError {
        DatabaseError(
            code: rc & 0xff,
            extendedCode: sqlite3_extended_errcode(handle),
            message: String(cString: sqlite3_errmsg(handle)),
            sql: sql,
            path: path
        )
    }

    /// A prepared statement for `sql`, from the cache when it was prepared before.
    public func cachedStatement(_ sql: String) throws(DatabaseError) -> Statement {
        if let statement = statementCache[sql] { return statement }
        let statement = try Statement(database: self, sql: sql)
        statementCache[sql] = statement
        return statement
    }

    /// Runs one statement with arguments, discarding rows.
    public func execute(_ sql: String, _ arguments: any DatabaseValueConvertible...) throws(DatabaseError) {
        try cachedStatement(sql).execute(arguments)
    }

    /// Runs one statement with an argument array, discarding rows.
    public func execute(_ sql: String, arguments: [any DatabaseValueConvertible]) throws(DatabaseError) {
        try cachedStatement(sql).execute(arguments)
    }

    /// Runs a script of several statements separated by semicolons, without arguments.
    public func executeScript(_ sql: String) throws(DatabaseError) {
        var message: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &message)
        if rc != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? "error"
            sqlite3_free(message)
            throw DatabaseError(code: rc & 0xff, extendedCode: rc, message: text, sql: sql, path: path)
        }
    }

    /// All rows of a query.
    public func rows(_ sql: String, _ arguments: any DatabaseValueConvertible...) throws(DatabaseError) -> [Row] {
        try cachedStatement(sql).rows(arguments)
    }

    /// All rows of a query, with an argument array.
    public func rows(_ sql: String, arguments: [any DatabaseValueConvertible]) throws(DatabaseError) -> [Row] {
        try cachedStatement(sql).rows(arguments)
    }

    /// The first row of a query, if any.
    public func row(_ sql: String, _ arguments: any DatabaseValueConvertible...) throws(DatabaseError) -> Row? {
        try cachedStatement(sql).rows(arguments).first
    }

    /// The first column of the first row, or `.null`.
    public func scalar(_ sql: String, _ arguments: any DatabaseValueConvertible...) throws(DatabaseError) -> DatabaseValue {
        try cachedStatement(sql).rows(arguments).first?[0] ?? .null
    }

    /// The rowid of the last inserted row.
    public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last statement.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// The SQLite library version.
    public static var sqliteVersion: String { String(cString: sqlite3_libversion()) }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    ///
    /// Nested calls use savepoints, so an inner failure the caller catches rolls back only
    /// the inner work.
    public func inTransaction<T>(_ body: () throws -> T) throws -> T {
        let savepoint = "copydesk_sp\(transactionDepth)"
        if transactionDepth == 0 {
            try execute("BEGIN IMMEDIATE")
        } else {
            try executeScript("SAVEPOINT \(savepoint)")
        }
        transactionDepth += 1
        do {
            let value = try body()
            transactionDepth -= 1
            if transactionDepth == 0 {
                try execute("COMMIT")
            } else {
                try executeScript("RELEASE \(savepoint)")
            }
            return value
        } catch {
            transactionDepth -= 1
            if transactionDepth == 0 {
                try? execute("ROLLBACK")
            } else {
                try? executeScript("ROLLBACK TO \(savepoint); RELEASE \(savepoint)")
            }
            throw error
        }
    }

    /// True inside `inTransaction`.
    public var isInTransaction: Bool { transactionDepth > 0 }

    /// Runs `PRAGMA integrity_check` and returns its lines ("ok" when sound).
    public func integrityCheck() throws(DatabaseError) -> [String] {
        try rows("PRAGMA integrity_check").map { $0[0].string ?? "" }
    }
}
