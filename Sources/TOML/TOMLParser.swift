/// A single-pass TOML 1.0.0 parser over UTF-8 bytes.
///
/// The document is read into a tree of mutable `Node`s, which track how each table was
/// created so that TOML's rules on redefining tables can be enforced, and is then frozen
/// into `TOMLTable` values.
struct TOMLParser {
    let bytes: [UInt8]
    let file: String?
    /// Current byte offset.
    var i = 0
    /// Byte offsets where each line starts, for positions.
    private let lineStarts: [Int]
    /// Increments at every table header; dotted keys may only extend tables of the same section.
    var section = 0
    /// Numbers the inline tables, which are sections of their own.
    var nextInlineSection = -1

    init(bytes: [UInt8], file: String?) {
        self.bytes = bytes
        self.file = file
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        self.lineStarts = starts
    }

    // MARK: Positions and errors

    func position(at offset: Int) -> TOMLPosition {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        let start = lineStarts[lo]
        var column = 1
        var k = start
        while k < min(offset, bytes.count) {
            if bytes[k] & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        return TOMLPosition(line: lo + 1, column: column)
    }

    func error(_ message: String, at offset: Int? = nil) -> TOMLError {
        let p = position(at: offset ?? i)
        return TOMLError(file: file, line: p.line, column: p.column, message: message)
    }

    // MARK: Byte helpers

    var atEnd: Bool { i >= bytes.count }
    func peek(_ ahead: Int = 0) -> UInt8? { i + ahead < bytes.count ? bytes[i + ahead] : nil }

    func describeByte(at offset: Int) -> String {
        guard offset < bytes.count else { return "end of input" }
        let b = bytes[offset]
        switch b {
        case 0x0A: return "a newline"
        case 0x0D: return "a carriage return"
        case 0x09: return "a tab"
        case 0x20...0x7E: return "'\(Character(Unicode.Scalar(b)))'"
        default:
            return "byte 0x\(String(b, radix: 16, uppercase: true))"
        }
    }

    mutating func skipWhitespace() {
        while let b = peek(), b == 0x20 || b == 0x09 { i += 1 }
    }

    /// True when at `\n` or `\r\n`.
    func atNewline() -> Bool {
        guard let b = peek() else { return false }
        return b == 0x0A || (b == 0x0D && peek(1) == 0x0A)
    }

    mutating func consumeNewline() {
        if peek() == 0x0D { i += 1 }
        i += 1
    }

    static func isControl(_ b: UInt8) -> Bool { (b < 0x20 && b != 0x09) || b == 0x7F }

    /// Skips a `#` comment up to (not including) the line end.
    mutating func skipComment() throws(TOMLError) {
        guard peek() == UInt8(ascii: "#") else { return }
        i += 1
        while let b = peek() {
            if b == 0x0A { return }
            if b == 0x0D {
                if peek(1) == 0x0A { return }
                throw error("a carriage return must be followed by a line feed")
            }
            if Self.isControl(b) { throw error("control character \(describeByte(at: i)) is not allowed in a comment") }
            i += 1
        }
    }

    /// Skips whitespace, comments and newlines (inside arrays).
    mutating func skipBlank() throws(TOMLError) {
        while true {
            skipWhitespace()
            if peek() == UInt8(ascii: "#") { try skipComment() }
            if atNewline() { consumeNewline(); continue }
            if peek() == 0x0D { throw error("a carriage return must be followed by a line feed") }
            return
        }
    }

    /// After a key/value pair or a header: optional whitespace and comment, then a newline or the end.
    mutating func expectLineEnd(after what: String) throws(TOMLError) {
        skipWhitespace()
        try skipComment()
        if atEnd { return }
        if atNewline() { consumeNewline(); return }
        throw error("expected a newline after \(what), found \(describeByte(at: i))")
    }

    // MARK: UTF-8

    /// The offset of the first byte that is not valid UTF-8, or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var k = 0
        let n = bytes.count
        while k < n {
            let b = bytes[k]
            if b < 0x80 { k += 1; continue }
            let length: Int
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF: length = 2; scalar = UInt32(b & 0x1F)
            case 0xE0...0xEF: length = 3; scalar = UInt32(b & 0x0F)
            case 0xF0...0xF4: length = 4; scalar = UInt32(b & 0x07)
            default: return k
            }
            guard k + length <= n else { return k }
            for j in 1..<length {
                let c = bytes[k + j]
                guard c & 0xC0 == 0x80 else { return k }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if (length == 3 && scalar < 0x800) || (length == 4 && scalar < 0x10000) || scalar > 0x10FFFF
                || (0xD800...0xDFFF).contains(scalar) {
                return k
            }
            k += length
        }
        return nil
    }
}
