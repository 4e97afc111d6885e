/// A byte-level matcher for JSON conforming to a `JSONSchema`: it says whether a byte may come
/// next, so a generator can drop tokens that would break the document. Objects are produced
/// with their properties in the schema's order; whitespace is allowed (a little) between tokens.
public struct JSONConstraint: Sendable {
    indirect enum Frame: Sendable {
        /// Exact bytes still to come.
        case literal([UInt8], Int)
        /// Any value of the schema.
        case value(JSONSchema)
        /// Inside a string after the opening quote: characters so far, escape state (0 none, 1 after
        /// backslash, 2...5 hex digits of \u remaining + 1), UTF-8 continuation bytes still due.
        case string(count: Int, maxLength: Int?, escape: Int, pending: Int)
        /// A number: state of the JSON number grammar.
        case number(integer: Bool, state: NumberState)
        /// One of several literal texts; `typed` so far.
        case choice([[UInt8]], typed: [UInt8])
        /// Up to `left` whitespace bytes.
        case whitespace(left: Int)
        /// After an array item (or the opening bracket when `count == 0`).
        case arrayNext(items: JSONSchema, count: Int, minItems: Int, maxItems: Int?)
    }

    enum NumberState: Sendable { case start, minus, zero, integer, dot, fraction, exponent, exponentSign, exponentDigits }

    private var stack: [Frame]
    public let schema: JSONSchema

    public init(schema: JSONSchema) {
        self.schema = schema
        stack = [.value(schema)]
    }

    /// True when a complete document has been produced.
    public var isComplete: Bool { stack.isEmpty }

    /// Feeds bytes; false (and the state is unspecified) when they cannot continue the document.
    public mutating func accept<S: Sequence>(_ bytes: S) -> Bool where S.Element == UInt8 {
        for b in bytes where !accept(byte: b) { return false }
        return true
    }

    /// Whitespace allowed where a newline and indentation are usual, and after a colon.
    static let blockSpace = 10
    static let inlineSpace = 2

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    public mutating func accept(byte b: UInt8) -> Bool {
        while let top = stack.popLast() {
            switch top {
            case .whitespace(let left):
                if Self.isSpace(b) && left > 0 {
                    stack.append(.whitespace(left: left - 1))
                    return true
                }
                continue // not whitespace: pass the byte on

            case .literal(let bytes, let i):
                guard bytes[i] == b else { return false }
                if i + 1 < bytes.count { stack.append(.literal(bytes, i + 1)) }
                return true

            case .value(let schema):
                switch schema {
                case let .object(properties, _):
                    guard b == UInt8(ascii: "{") else { return false }
                    var frames: [Frame] = [.literal(Array("}".utf8), 0), .whitespace(left: Self.blockSpace)]
                    for (index, (key, sub)) in properties.enumerated().reversed() {
                        frames.append(.value(sub))
                        frames.append(.whitespace(left: Self.inlineSpace))
                        frames.append(.literal(Array(Self.quoted(key).utf8) + [UInt8(ascii: ":")], 0))
                        frames.append(.whitespace(left: Self.blockSpace))
                        if index > 0 { frames.append(.literal([UInt8(ascii: ",")], 0)) }
                    }
                    stack += frames
                    return true
                case let .array(items, minItems, maxItems):
                    guard b == UInt8(ascii: "[") else { return false }
                    stack.append(.arrayNext(items: items, count: 0, minItems: minItems, maxItems: maxItems))
                    stack.append(.whitespace(left: Self.blockSpace))
                    return true
                case let .string(maxLength):
                    guard b == UInt8(ascii: "\"") else { return false }
                    stack.append(.string(count: 0, maxLength: maxLength, escape: 0, pending: 0))
                    return true
                case let .number(integer):
                    stack.append(.number(integer: integer, state: .start))
                    continue
                case .boolean:
                    stack.append(.choice([Array("true".utf8), Array("false".utf8)], typed: []))
                    continue
                case let .enumeration(texts):
                    stack.append(.choice(texts.map { Array($0.utf8) }, typed: []))
                    continue
                }

            case let .string(count, maxLength, escape, pending):
                if pending > 0 {
                    // Only continuation bytes may follow a multi-byte lead.
                    guard b & 0xC0 == 0x80 else { return false }
                    stack.append(.string(count: count, maxLength: maxLength, escape: 0, pending: pending - 1))
                    return true
                }
                if escape == 1 {
                    switch b {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                         UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        stack.append(.string(count: count + 1, maxLength: maxLength, escape: 0, pending: 0))
                    case UInt8(ascii: "u"):
                        stack.append(.string(count: count + 1, maxLength: maxLength, escape: 5, pending: 0))
                    default: return false
                    }
                    return true
                }
                if escape >= 2 {
                    let hex = Self.isDigit(b) || (b >= 0x61 && b <= 0x66) || (b >= 0x41 && b <= 0x46)
                    guard hex else { return false }
                    stack.append(.string(count: count, maxLength: maxLength, escape: escape == 2 ? 0 : escape - 1, pending: 0))
                    return true
                }
                if b == UInt8(ascii: "\"") { return true }
                if b < 0x20 || b & 0xC0 == 0x80 || b >= 0xF8 { return false }
                // Count characters (not UTF-8 continuation bytes) against maxLength.
                let next = count + 1
                if let maxLength, next > maxLength { return false }
                let due = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0
                stack.append(.string(count: next, maxLength: maxLength, escape: b == UInt8(ascii: "\\") ? 1 : 0, pending: due))
                return true

            case let .number(integer, state):
                if let nextState = Self.step(state, b, integer: integer) {
                    stack.append(.number(integer: integer, state: nextState))
                    return true
                }
                // The number ends here if it is complete; the byte goes to the parent.
                switch state {
                case .zero, .integer, .fraction, .exponentDigits: continue
                default: return false
                }

            case let .choice(options, typed):
                let extended = typed + [b]
                if options.contains(where: { $0.starts(with: extended) }) {
                    if options.contains(extended) && !options.contains(where: { $0.count > extended.count && $0.starts(with: extended) }) {
                        return true
                    }
                    stack.append(.choice(options, typed: extended))
                    return true
                }
                if options.contains(typed) { continue }
                return false

            case let .arrayNext(items, count, minItems, maxItems):
                if b == UInt8(ascii: "]") && count >= minItems { return true }
                if count == 0 {
                    guard maxItems.map({ $0 > 0 }) ?? true else { return false }
                    stack.append(.arrayNext(items: items, count: 1, minItems: minItems, maxItems: maxItems))
                    stack.append(.whitespace(left: Self.blockSpace))
                    stack.append(.value(items))
                    continue
                }
                guard b == UInt8(ascii: ","), maxItems.map({ count < $0 }) ?? true else { return false }
                stack.append(.arrayNext(items: items, count: count + 1, minItems: minItems, maxItems: maxItems))
                stack.append(.whitespace(left: Self.blockSpace))
                stack.append(.value(items))
                stack.append(.whitespace(left: Self.blockSpace))
                return true
            }
        }
        return false
    }

    static func step(_ s: NumberState, _ b: UInt8, integer: Bool) -> NumberState? {
        let digit = isDigit(b)
        switch s {
        case .start: return b == UInt8(ascii: "-") ? .minus : b == UInt8(ascii: "0") ? .zero : digit ? .integer : nil
        case .minus: return b == UInt8(ascii: "0") ? .zero : digit ? .integer : nil
        case .zero, .integer:
            if s == .integer && digit { return .integer }
            if integer { return nil }
            if b == UInt8(ascii: ".") { return .dot }
            if b == UInt8(ascii: "e") || b == UInt8(ascii: "E") { return .exponent }
            return nil
        case .dot: return digit ? .fraction : nil
        case .fraction:
            if digit { return .fraction }
            return b == UInt8(ascii: "e") || b == UInt8(ascii: "E") ? .exponent : nil
        case .exponent: return b == UInt8(ascii: "+") || b == UInt8(ascii: "-") ? .exponentSign : digit ? .exponentDigits : nil
        case .exponentSign, .exponentDigits: return digit ? .exponentDigits : nil
        }
    }

    /// True when the document may end here (a number at top level ends at end of input).
    public var canEnd: Bool {
        if stack.isEmpty { return true }
        if stack.count == 1, case let .number(_, state) = stack[0] {
            return state == .zero || state == .integer || state == .fraction || state == .exponentDigits
        }
        if stack.count == 1, case let .choice(options, typed) = stack[0] { return options.contains(typed) }
        return false
    }

    static func quoted(_ key: String) -> String {
        var out = "\""
        for s in key.unicodeScalars {
            switch s {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(s)
            }
        }
        return out + "\""
    }
}
