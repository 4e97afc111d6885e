extension TOMLTable {
    /// toml-test's tagged JSON: every scalar as `{"type": ..., "value": "..."}`, tables as objects, arrays as lists.
    public func taggedJSON() -> String {
        var out = ""
        Self.appendTagged(.table(self), to: &out)
        return out
    }

    private static func appendTagged(_ value: TOMLValue, to out: inout String) {
        func tagged(_ type: String, _ text: String) {
            out += "{\"type\":\"\(type)\",\"value\":"
            appendJSONString(text, to: &out)
            out += "}"
        }
        switch value {
        case .string(let s): tagged("string", s)
        case .integer(let i): tagged("integer", String(i))
        case .float(let d):
            if d.isNaN { tagged("float", "nan") }
            else if d.isInfinite { tagged("float", d < 0 ? "-inf" : "inf") }
            else { tagged("float", "\(d)") }
        case .boolean(let b): tagged("bool", b ? "true" : "false")
        case .dateTime(let d): tagged(d.kind.rawValue, d.description)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                appendTagged(item, to: &out)
            }
            out += "]"
        case .table(let t):
            out += "{"
            for (i, key) in t.keys.enumerated() {
                if i > 0 { out += "," }
                appendJSONString(key, to: &out)
                out += ":"
                appendTagged(t[key]!, to: &out)
            }
            out += "}"
        }
    }

    /// A TOML basic string is also a valid JSON string (same escapes, \uXXXX for controls).
    private static func appendJSONString(_ s: String, to out: inout String) {
        out += TOMLValue.quoted(s)
    }
}
