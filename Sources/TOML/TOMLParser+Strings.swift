extension TOMLParser {
    /// `"..."` with escapes, on one line.
    mutating func parseBasicString() throws(TOMLError) -> String {
        let open = i
        i += 1
        var out: [UInt8] = []
        while true {
            guard let b = peek() else { throw error("the string opened at \(position(at: open)) is never closed with '\"'") }
            switch b {
            case UInt8(ascii: "\""):
                i += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try parseEscape(into: &out)
            case 0x0A, 0x0D:
                throw error("the string opened at \(position(at: open)) reaches the end of the line; use \"\"\" for multi-line strings")
            default:
                if Self.isControl(b) { throw error("control character \(describeByte(at: i)) must be escaped in a string") }
                out.append(b)
                i += 1
            }
        }
    }

    /// `'...'`, taken literally, on one line.
    mutating func parseLiteralString() throws(TOMLError) -> String {
        let open = i
        i += 1
        let start = i
        while true {
            guard let b = peek() else { throw error("the string opened at \(position(at: open)) is never closed with \"'\"") }
            if b == UInt8(ascii: "'") {
                let text = String(decoding: bytes[start..<i], as: UTF8.self)
                i += 1
                return text
            }
            if b == 0x0A || b == 0x0D {
                throw error("the literal string opened at \(position(at: open)) reaches the end of the line; use ''' for multi-line strings")
            }
            if Self.isControl(b) { throw error("control character \(describeByte(at: i)) is not allowed in a literal string") }
            i += 1
        }
    }

    /// `"""..."""`: escapes, line-ending backslashes, a newline right after the opening quotes is dropped.
    mutating func parseMultilineBasicString() throws(TOMLError) -> String {
        try parseMultilineString(quote: UInt8(ascii: "\""), escapes: true)
    }

    /// `'''...'''`, literal, may span lines.
    mutating func parseMultilineLiteralString() throws(TOMLError) -> String {
        try parseMultilineString(quote: UInt8(ascii: "'"), escapes: false)
    }

    /// The body of a multi-line string after its three opening quotes: CRLF becomes LF, control
    /// characters other than tab and newline are refused, and (basic strings) escapes apply.
    mutating func parseMultilineString(quote: UInt8, escapes: Bool) throws(TOMLError) -> String {
        let open = i
        i += 3
        if atNewline() { consumeNewline() }
        var out: [UInt8] = []
        let kind = escapes ? "multi-line string" : "multi-line literal string"
        while true {
            guard let b = peek() else {
                let closing = String(repeating: String(Character(Unicode.Scalar(quote))), count: 3)
                throw error("the \(kind) opened at \(position(at: open)) is never closed with '\(closing)'")
            }
            if b == quote {
                if try takeQuoteRun(b, into: &out) { return String(decoding: out, as: UTF8.self) }
                continue
            }
            if escapes && b == UInt8(ascii: "\\") {
                // A backslash ending a line trims the newline and the whitespace after it.
                var k = 1
                while let c = peek(k), c == 0x20 || c == 0x09 { k += 1 }
                if peek(k) == 0x0A || (peek(k) == 0x0D && peek(k + 1) == 0x0A) {
                    i += k
                    while true {
                        skipWhitespace()
                        if atNewline() { consumeNewline(); continue }
                        break
                    }
                    continue
                }
                try parseEscape(into: &out)
                continue
            }
            if b == 0x0D {
                guard peek(1) == 0x0A else { throw error("a carriage return must be followed by a line feed") }
                out.append(0x0A)
                i += 2
                continue
            }
            if b != 0x0A && Self.isControl(b) {
                throw error(escapes ? "control character \(describeByte(at: i)) must be escaped in a string"
                                    : "control character \(describeByte(at: i)) is not allowed in a literal string")
            }
            out.append(b)
            i += 1
        }
    }

    /// A run of `quote` bytes inside a multi-line string: three to five close it (the extra one or
    /// two belong to the content); fewer are content. Returns true when the string is closed.
    mutating func takeQuoteRun(_ quote: UInt8, into out: inout [UInt8]) throws(TOMLError) -> Bool {
        var run = 0
        while peek(run) == quote { run += 1 }
        guard run >= 3 else {
            out.append(contentsOf: repeatElement(quote, count: run))
            i += run
            return false
        }
        guard run <= 5 else { throw error("too many quotes at the end of a multi-line string", at: i + 5) }
        out.append(contentsOf: repeatElement(quote, count: run - 3))
        i += run
        return true
    }

    /// A backslash escape at `i`, appended as UTF-8.
    mutating func parseEscape(into out: inout [UInt8]) throws(TOMLError) {
        let start = i
        i += 1
        guard let e = peek() else { throw error("unfinished escape at end of input") }
        i += 1
        switch e {
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = e == UInt8(ascii: "u") ? 4 : 8
            var value: UInt32 = 0
            for _ in 0..<count {
                guard let h = peek(), let d = Self.hexDigit(h) else {
                    throw error("\\\(Character(Unicode.Scalar(e))) needs exactly \(count) hexadecimal digits", at: start)
                }
                value = value << 4 | UInt32(d)
                i += 1
            }
            guard let scalar = Unicode.Scalar(value) else {
                throw error("\\\(Character(Unicode.Scalar(e)))\(String(value, radix: 16, uppercase: true)) is not a Unicode scalar value", at: start)
            }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            throw error("invalid escape '\\\(describeByte(at: i - 1))'; valid escapes are \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX", at: start)
        }
    }

    static func hexDigit(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }
}
