import Foundation

/// A pattern from a brand kit rule: a regular expression in the portable dialect Brand/README.md
/// describes, matched with the word-edge rule (a match never cuts a word in two).
public struct StylePattern: @unchecked Sendable {
    public let source: String
    public let ignoreCase: Bool
    let regex: NSRegularExpression

    /// Compiles `source`, rejecting constructs outside the dialect (lookaround, backreferences,
    /// named groups, inline flags). The error message says what is wrong; the caller adds the place.
    public init(_ source: String, ignoreCase: Bool = false, literal: Bool = false) throws(PatternError) {
        self.source = source
        self.ignoreCase = ignoreCase
        let text = literal ? NSRegularExpression.escapedPattern(for: source) : source
        if !literal { try Self.validate(source) }
        do {
            regex = try NSRegularExpression(pattern: text, options: ignoreCase ? [.caseInsensitive] : [])
        } catch {
            throw PatternError(message: "pattern '\(source)' does not compile as a regular expression")
        }
    }

    /// Why a pattern was refused.
    public struct PatternError: Error, Sendable { public let message: String }

    static func validate(_ s: String) throws(PatternError) {
        let chars = Array(s)
        var i = 0
        var inClass = false
        while i < chars.count {
            let c = chars[i]
            if c == "\\" {
                guard i + 1 < chars.count else { throw PatternError(message: "pattern '\(s)' ends with a lone backslash") }
                let n = chars[i + 1]
                if !inClass, n.isNumber, n != "0" { throw PatternError(message: "pattern '\(s)' uses a backreference (\\\(n)), which is not allowed") }
                if !inClass, n == "k" { throw PatternError(message: "pattern '\(s)' uses a named backreference, which is not allowed") }
                i += 2
                continue
            }
            if inClass {
                if c == "]" { inClass = false }
            } else if c == "[" {
                inClass = true
                if i + 1 < chars.count, chars[i + 1] == "]" { i += 1 }
            } else if c == "(", i + 1 < chars.count, chars[i + 1] == "?" {
                let n = i + 2 < chars.count ? chars[i + 2] : " "
                switch n {
                case ":": break
                case "=", "!": throw PatternError(message: "pattern '\(s)' uses lookahead, which is not allowed")
                case "<":
                    let m = i + 3 < chars.count ? chars[i + 3] : " "
                    if m == "=" || m == "!" { throw PatternError(message: "pattern '\(s)' uses lookbehind, which is not allowed") }
                    throw PatternError(message: "pattern '\(s)' uses a named group, which is not allowed")
                case "P": throw PatternError(message: "pattern '\(s)' uses a named group, which is not allowed")
                default: throw PatternError(message: "pattern '\(s)' uses an inline flag or special group '(?\(n)', which is not allowed")
                }
            }
            i += 1
        }
    }

    /// Every match in `text` that respects the word-edge rule, as Unicode-scalar spans.
    public func matches(in text: String) -> [TextSpan] {
        let index = ScalarIndex(text)
        let ns = text as NSString
        var spans: [TextSpan] = []
        regex.enumerateMatches(in: text, options: [], range: NSRange(location: 0, length: ns.length)) { result, _, _ in
            guard let r = result?.range, r.length > 0 else { return }
            let start = index.scalarOffset(utf16: r.location), end = index.scalarOffset(utf16: r.location + r.length)
            guard index.respectsWordEdges(start, end) else { return }
            spans.append(TextSpan(start: start, end: end, text: ns.substring(with: r)))
        }
        return spans
    }
}

/// Converts UTF-16 offsets (Foundation's) to Unicode-scalar offsets and answers word-edge questions.
struct ScalarIndex {
    let scalars: [Unicode.Scalar]
    /// utf16ToScalar[u] = scalar offset of the scalar starting at UTF-16 offset u.
    let utf16ToScalar: [Int]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        var map: [Int] = []
        map.reserveCapacity(text.utf16.count + 1)
        for (i, s) in scalars.enumerated() {
            map.append(i)
            if s.utf16.count == 2 { map.append(i) }
        }
        map.append(scalars.count)
        utf16ToScalar = map
    }

    func scalarOffset(utf16 u: Int) -> Int { utf16ToScalar[min(u, utf16ToScalar.count - 1)] }

    static func isWord(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic || s.properties.numericType != nil || s == "_" }

    /// A match may not start inside a word or end inside one.
    func respectsWordEdges(_ start: Int, _ end: Int) -> Bool {
        if start > 0, Self.isWord(scalars[start]), Self.isWord(scalars[start - 1]) { return false }
        if end < scalars.count, end > 0, Self.isWord(scalars[end - 1]), Self.isWord(scalars[end]) { return false }
        return true
    }

    func text(_ start: Int, _ end: Int) -> String { String(String.UnicodeScalarView(scalars[start..<end])) }
}
