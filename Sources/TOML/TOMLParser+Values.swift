extension TOMLParser {
    /// Any value: string, boolean, number, date-time, array or inline table.
    mutating func parseValue() throws(TOMLError) -> TOMLValue {
        guard let b = peek() else { throw error("expected a value, found end of input") }
        switch b {
        case UInt8(ascii: "\""):
            if peek(1) == UInt8(ascii: "\""), peek(2) == UInt8(ascii: "\"") { return .string(try parseMultilineBasicString()) }
            return .string(try parseBasicString())
        case UInt8(ascii: "'"):
            if peek(1) == UInt8(ascii: "'"), peek(2) == UInt8(ascii: "'") { return .string(try parseMultilineLiteralString()) }
            return .string(try parseLiteralString())
        case UInt8(ascii: "["):
            return try parseArray()
        case UInt8(ascii: "{"):
            return try parseInlineTable()
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            if matches("true") { i += 4; return .boolean(true) }
            if matches("false") { i += 5; return .boolean(false) }
            throw error("expected a value; did you mean true or false? (strings need quotes)")
        default:
            return try parseNumberOrDateTime()
        }
    }

    /// True when the upcoming bytes spell `word` and the word ends there.
    func matches(_ word: String) -> Bool {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else { return false }
        if let next = peek(w.count), Self.isBareKeyByte(next) { return false }
        return true
    }

    mutating func parseArray() throws(TOMLError) -> TOMLValue {
        let open = i
        i += 1
        var items: [TOMLValue] = []
        while true {
            try skipBlank()
            guard let b = peek() else { throw error("the array opened at \(position(at: open)) is never closed with ']'") }
            if b == UInt8(ascii: "]") { i += 1; return .array(items) }
            items.append(try parseValue())
            try skipBlank()
            guard let c = peek() else { throw error("the array opened at \(position(at: open)) is never closed with ']'") }
            if c == UInt8(ascii: ",") { i += 1; continue }
            if c == UInt8(ascii: "]") { i += 1; return .array(items) }
            throw error("expected ',' or ']' in the array, found \(describeByte(at: i))")
        }
    }

    mutating func parseInlineTable() throws(TOMLError) -> TOMLValue {
        let open = i
        i += 1
        let node = Node(origin: .header, position: position(at: open))
        let ownSection = nextInlineSection
        nextInlineSection -= 1
        skipWhitespace()
        if peek() == UInt8(ascii: "}") { i += 1; return .table(node.freeze()) }
        while true {
            _ = try parseKeyValue(into: node, section: ownSection)
            skipWhitespace()
            guard let c = peek() else { throw error("the inline table opened at \(position(at: open)) is never closed with '}'") }
            if c == UInt8(ascii: ",") {
                i += 1
                skipWhitespace()
                if peek() == UInt8(ascii: "}") { throw error("a trailing comma is not allowed in an inline table") }
                continue
            }
            if c == UInt8(ascii: "}") { i += 1; return .table(node.freeze()) }
            throw error("expected ',' or '}' in the inline table (which must fit on one line), found \(describeByte(at: i))")
        }
    }
}
