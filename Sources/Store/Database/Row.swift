import CSQLite

/// One result row: values by column index and by column name.
public struct Row: Sendable {
    /// Column names, in select order.
    public let columns: [String]
    /// Values, in select order.
    public let values: [DatabaseValue]

    public init(columns: [String], values: [DatabaseValue]) {
        self.columns = columns
        self.values = values
    }

    /// The value at a column index.
    public subscript(index: Int) -> DatabaseValue { values[index] }

    /// The value of a named column; a column the query did not select is an error.
    public func value(_ name: String) throws(DatabaseError) -> DatabaseValue {
        guard let i = columns.firstIndex(of: name) else {
            throw DatabaseError(code: SQLITE_RANGE, message: "no column '\(name)' in the result (it has \(columns.joined(separator: ", ")))")
        }
        return values[i]
    }

    /// A text column; NULL or another type is an error.
    public func string(_ name: String) throws(DatabaseError) -> String {
        guard let v = try optionalString(name) else { throw Self.null(name, expected: "text") }
        return v
    }

    /// An integer column; NULL or another type is an error.
    public func int(_ name: String) throws(DatabaseError) -> Int {
        Int(try int64(name))
    }

    /// A 64-bit integer column; NULL or another type is an error.
    public func int64(_ name: String) throws(DatabaseError) -> Int64 {
        guard let v = try optionalInt64(name) else { throw Self.null(name, expected: "an integer") }
        return v
    }

    /// An integer column, or nil when NULL; another type is an error.
    public func optionalInt(_ name: String) throws(DatabaseError) -> Int? {
        try optionalInt64(name).map { Int($0) }
    }

    /// A 64-bit integer column, or nil when NULL; another type is an error.
    public func optionalInt64(_ name: String) throws(DatabaseError) -> Int64? {
        let v = try value(name)
        if v.isNull { return nil }
        guard let n = v.int64 else { throw Self.mismatch(name, v, expected: "an integer") }
        return n
    }

    /// A text column, or nil when NULL; another type is an error.
    public func optionalString(_ name: String) throws(DatabaseError) -> String? {
        let v = try value(name)
        if v.isNull { return nil }
        guard let text = v.string else { throw Self.mismatch(name, v, expected: "text") }
        return text
    }

    private static func null(_ name: String, expected: String) -> DatabaseError {
        DatabaseError(code: SQLITE_MISMATCH, message: "column '\(name)' is NULL where \(expected) was expected")
    }

    private static func mismatch(_ name: String, _ value: DatabaseValue, expected: String) -> DatabaseError {
        DatabaseError(code: SQLITE_MISMATCH, message: "column '\(name)' holds \(value) where \(expected) was expected")
    }
}
