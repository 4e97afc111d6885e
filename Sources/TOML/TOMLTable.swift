/// A TOML table: keys in the order they were written, their values, and where each key was defined.
public struct TOMLTable: Sendable, Hashable {
    /// Keys in source order.
    public private(set) var keys: [String] = []
    private var values: [String: TOMLValue] = [:]
    private var positions: [String: TOMLPosition] = [:]
    /// Where the table itself was opened (header, dotted key or inline brace), if known.
    public internal(set) var position: TOMLPosition?

    public init() {}

    public subscript(key: String) -> TOMLValue? { values[key] }

    /// Where `key` was written in the source.
    public func position(of key: String) -> TOMLPosition? { positions[key] }

    public var isEmpty: Bool { keys.isEmpty }
    public var count: Int { keys.count }

    /// Sets a value, appending the key if it is new.
    public mutating func set(_ key: String, _ value: TOMLValue, at position: TOMLPosition? = nil) {
        if values[key] == nil { keys.append(key) }
        values[key] = value
        if let position { positions[key] = position }
    }

    /// The value at a dotted path of keys (`["model", "temperature"]`).
    public func value(at path: [String]) -> TOMLValue? {
        guard let first = path.first, let value = values[first] else { return nil }
        if path.count == 1 { return value }
        return value.table?.value(at: Array(path.dropFirst()))
    }

    /// A key written bare when it can be, quoted otherwise.
    static func keyText(_ key: String) -> String {
        let bare = !key.isEmpty && key.unicodeScalars.allSatisfy { s in
            (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") || s == "-" || s == "_"
        }
        return bare ? key : TOMLValue.quoted(key)
    }
}
