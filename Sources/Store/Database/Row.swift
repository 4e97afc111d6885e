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

    /// The value of a named column, or `.null` if there is no such column.
    public subscript(name: String) -> DatabaseValue {
        guard let i = columns.firstIndex(of: name) else { return .null }
        return values[i]
    }

    /// A text column; empty when NULL.
    public func string(_ name: String) -> String { self[name].string ?? "" }
    /// An integer column; zero when NULL.
    public func int(_ name: String) -> Int { self[name].int ?? 0 }
    /// An integer column, or nil when NULL.
    public func optionalInt(_ name: String) -> Int? { self[name].int }
    /// A text column, or nil when NULL.
    public func optionalString(_ name: String) -> String? { self[name].string }
}
