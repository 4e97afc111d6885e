import CSQLite

/// An error reported by SQLite, with the statement and the database file it concerns.
public struct DatabaseError: Error, Sendable, CustomStringConvertible {
    /// The primary SQLite result code (`SQLITE_CONSTRAINT`, `SQLITE_NOTADB`, ...).
    public var code: Int32
    /// The extended result code, when SQLite reported one.
    public var extendedCode: Int32
    /// SQLite's message, or ours for errors detected before reaching SQLite.
    public var message: String
    /// The SQL being prepared or run, when there was one.
    public var sql: String?
    /// The database file.
    public var path: String?

    public init(code: Int32, extendedCode: Int32? = nil, message: String, sql: String? = nil, path: String? = nil) {
        self.code = code
        self.extendedCode = extendedCode ?? code
        self.message = message
        self.sql = sql
        self.path = path
    }

    /// The symbolic name of the primary result code.
    public var codeName: String {
        switch code {
        case SQLITE_ERROR: "SQLITE_ERROR"
        case SQLITE_BUSY: "SQLITE_BUSY"
        case SQLITE_LOCKED: "SQLITE_LOCKED"
        case SQLITE_READONLY: "SQLITE_READONLY"
        case SQLITE_IOERR: "SQLITE_IOERR"
        case SQLITE_CORRUPT: "SQLITE_CORRUPT"
        case SQLITE_FULL: "SQLITE_FULL"
        case SQLITE_CANTOPEN: "SQLITE_CANTOPEN"
        case SQLITE_CONSTRAINT: "SQLITE_CONSTRAINT"
        case SQLITE_MISMATCH: "SQLITE_MISMATCH"
        case SQLITE_MISUSE: "SQLITE_MISUSE"
        case SQLITE_RANGE: "SQLITE_RANGE"
        case SQLITE_NOTADB: "SQLITE_NOTADB"
        default: "SQLite error \(code)"
        }
    }

    /// True when the file is not a database or is damaged.
    public var isCorruption: Bool { code == SQLITE_NOTADB || code == SQLITE_CORRUPT }

    public var description: String {
        var text = ""
        if let path { text += "\(path): " }
        text += "\(codeName): \(message)"
        if isCorruption {
            text += " (the workspace database is damaged or is not a copydesk database; restore it from a backup or move it aside and run `copydesk init`)"
        }
        if let sql { text += "\n  in SQL: \(sql)" }
        return text
    }
}
