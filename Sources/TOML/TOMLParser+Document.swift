/// How a table came to exist; decides whether it may be extended or redefined.
enum TableOrigin {
    /// Created as the parent of a header (`[a.b]` creates `a`); may be defined later.
    case implicit
    /// Defined by a `[header]` or as an element of `[[array]]`.
    case header
    /// Created by a dotted key in the given section.
    case dotted(section: Int)
}

/// A table while the document is being read.
final class Node {
    var keys: [String] = []
    var entries: [String: Entry] = [:]
    var positions: [String: TOMLPosition] = [:]
    var origin: TableOrigin
    var position: TOMLPosition?

    enum Entry {
        case value(TOMLValue)
        case table(Node)
        case arrayOfTables([Node])
    }

    init(origin: TableOrigin, position: TOMLPosition?) {
        self.origin = origin
        self.position = position
    }

    func add(_ key: String, _ entry: Entry, at position: TOMLPosition) {
        keys.append(key)
        entries[key] = entry
        positions[key] = position
    }

    /// The immutable table.
    func freeze() -> TOMLTable {
        var table = TOMLTable()
        table.position = position
        for key in keys {
            let value: TOMLValue
            switch entries[key]! {
            case .value(let v): value = v
            case .table(let node): value = .table(node.freeze())
            case .arrayOfTables(let nodes): value = .array(nodes.map { .table($0.freeze()) })
            }
            table.set(key, value, at: positions[key])
        }
        return table
    }
}

/// A key segment and where it starts.
struct KeyPart {
    let name: String
    let offset: Int
}

extension TOMLParser {
    mutating func parseDocument() throws(TOMLError) -> TOMLTable {
        if let bad = Self.firstInvalidUTF8(bytes) {
            throw error("invalid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) at offset \(bad))", at: bad)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        let root = Node(origin: .header, position: TOMLPosition(line: 1, column: 1))
        var current = root
        while true {
            try skipBlank()
            guard let b = peek() else { break }
            if b == UInt8(ascii: "[") {
                current = try parseHeader(root: root)
            } else {
                let keys = try parseKeyValue(into: current, section: section)
                try expectLineEnd(after: "the value of '\(keys.map(\.name).joined(separator: "."))'")
            }
        }
        return root.freeze()
    }

    /// `key = value` at `i`, stored below `table`; returns the key's parts.
    mutating func parseKeyValue(into table: Node, section: Int) throws(TOMLError) -> [KeyPart] {
        let keys = try parseKey()
        skipWhitespace()
        guard peek() == UInt8(ascii: "=") else {
            throw error("expected '=' after the key '\(keys.map(\.name).joined(separator: "."))', found \(describeByte(at: i))")
        }
        i += 1
        skipWhitespace()
        let value = try parseValue()
        try insert(value, at: keys, into: table, section: section)
        return keys
    }

    /// `[a.b]` or `[[a.b]]`; returns the table that following key/value pairs go into.
    mutating func parseHeader(root: Node) throws(TOMLError) -> Node {
        let start = i
        let isArray = peek(1) == UInt8(ascii: "[")
        i += isArray ? 2 : 1
        skipWhitespace()
        let keys = try parseKey()
        skipWhitespace()
        if isArray {
            guard peek() == UInt8(ascii: "]"), peek(1) == UInt8(ascii: "]") else {
                throw error("expected ']]' to close the array-of-tables header, found \(describeByte(at: i))")
            }
            i += 2
        } else {
            guard peek() == UInt8(ascii: "]") else {
                throw error("expected ']' to close the table header, found \(describeByte(at: i))")
            }
            i += 1
        }
        let dotted = keys.map(\.name).joined(separator: ".")
        section += 1
        let headerPosition = position(at: start)
        var table = root
        for part in keys.dropLast() {
            switch table.entries[part.name] {
            case nil:
                let child = Node(origin: .implicit, position: position(at: part.offset))
                table.add(part.name, .table(child), at: position(at: part.offset))
                table = child
            case .table(let child)?:
                table = child
            case .arrayOfTables(let nodes)?:
                table = nodes[nodes.count - 1]
            case .value(let v)?:
                throw error("'\(part.name)' is already a \(v.typeName), not a table", at: part.offset)
            }
        }
        let last = keys[keys.count - 1]
        let result: Node
        switch table.entries[last.name] {
        case nil:
            result = Node(origin: .header, position: headerPosition)
            table.add(last.name, isArray ? .arrayOfTables([result]) : .table(result), at: position(at: last.offset))
        case .table(let existing)?:
            guard !isArray else {
                throw error("'\(dotted)' is already a table and cannot become an array of tables", at: last.offset)
            }
            guard case .implicit = existing.origin else {
                throw error("table '\(dotted)' is defined more than once", at: last.offset)
            }
            existing.origin = .header
            existing.position = headerPosition
            result = existing
        case .arrayOfTables(let nodes)?:
            guard isArray else {
                throw error("'\(dotted)' is already an array of tables and cannot be redefined as a table", at: last.offset)
            }
            result = Node(origin: .header, position: headerPosition)
            table.entries[last.name] = .arrayOfTables(nodes + [result])
        case .value(let v)?:
            throw error("'\(dotted)' is already a \(v.typeName) and cannot be redefined as \(isArray ? "an array of tables" : "a table")", at: last.offset)
        }
        try expectLineEnd(after: "the header [\(isArray ? "[" : "")\(dotted)\(isArray ? "]" : "")]")
        return result
    }

    /// Puts a value at a dotted key below `table`, creating tables for the intermediate keys.
    func insert(_ value: TOMLValue, at keys: [KeyPart], into table: Node, section: Int) throws(TOMLError) {
        var table = table
        for (index, part) in keys.dropLast().enumerated() {
            let soFar = keys[...index].map(\.name).joined(separator: ".")
            switch table.entries[part.name] {
            case nil:
                let child = Node(origin: .dotted(section: section), position: position(at: part.offset))
                table.add(part.name, .table(child), at: position(at: part.offset))
                table = child
            case .table(let child)?:
                switch child.origin {
                case .header:
                    throw error("table '\(soFar)' was defined by a [header]; dotted keys cannot add to it", at: part.offset)
                case .dotted(let s) where s != section:
                    throw error("table '\(soFar)' was defined earlier; dotted keys cannot add to it here", at: part.offset)
                case .implicit:
                    child.origin = .dotted(section: section)
                case .dotted:
                    break
                }
                table = child
            case .arrayOfTables?:
                throw error("'\(soFar)' is an array of tables; dotted keys cannot add to it", at: part.offset)
            case .value(let v)?:
                throw error("'\(soFar)' is already a \(v.typeName), not a table", at: part.offset)
            }
        }
        let last = keys[keys.count - 1]
        guard table.entries[last.name] == nil else {
            throw error("duplicate key '\(keys.map(\.name).joined(separator: "."))'", at: last.offset)
        }
        table.add(last.name, .value(value), at: position(at: last.offset))
    }

    /// A possibly dotted key: bare, "basic" or 'literal' parts separated by dots.
    mutating func parseKey() throws(TOMLError) -> [KeyPart] {
        var parts: [KeyPart] = []
        while true {
            skipWhitespace()
            let start = i
            guard let b = peek() else { throw error("expected a key, found end of input") }
            let name: String
            if b == UInt8(ascii: "\"") {
                if peek(1) == UInt8(ascii: "\""), peek(2) == UInt8(ascii: "\"") {
                    throw error("a multi-line string cannot be a key")
                }
                name = try parseBasicString()
            } else if b == UInt8(ascii: "'") {
                if peek(1) == UInt8(ascii: "'"), peek(2) == UInt8(ascii: "'") {
                    throw error("a multi-line string cannot be a key")
                }
                name = try parseLiteralString()
            } else {
                while let c = peek(), Self.isBareKeyByte(c) { i += 1 }
                guard i > start else {
                    throw error("expected a key (letters, digits, '-', '_' or a quoted string), found \(describeByte(at: i))")
                }
                name = String(decoding: bytes[start..<i], as: UTF8.self)
            }
            parts.append(KeyPart(name: name, offset: start))
            skipWhitespace()
            if peek() == UInt8(ascii: ".") {
                i += 1
                continue
            }
            return parts
        }
    }

    static func isBareKeyByte(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x5F
    }
}
