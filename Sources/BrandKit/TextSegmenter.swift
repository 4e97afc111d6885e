/// Splits copy into words and sentences as Brand/README.md defines them, with Unicode scalar offsets.
///
/// A word is a run of non-space characters holding at least one letter or digit. A sentence ends at
/// `.`, `!` or `?` (with any closing quotes or brackets) followed by whitespace or the end of the text,
/// at a blank line, and at the end of a heading or list item; common abbreviations and a point
/// between digits do not end one.
public enum TextSegmenter {
    static let abbreviations: Set<String> = ["a.m.", "p.m.", "e.g.", "i.e.", "etc.", "vs.", "mr.", "mrs.", "ms.", "dr.", "st."]
    static let closers: Set<Unicode.Scalar> = ["\"", "'", ")", "]", "}", "\u{201D}", "\u{2019}", "»"]

    /// The words of `text`, in order.
    public static func words(in text: String) -> [TextSpan] {
        words(in: Array(text.unicodeScalars), from: 0, to: text.unicodeScalars.count)
    }

    /// The sentences of `text`, in order, trimmed of surrounding whitespace; empty ones are dropped.
    public static func sentences(in text: String) -> [TextSpan] {
        let s = Array(text.unicodeScalars)
        var result: [TextSpan] = []
        var start = 0
        var i = 0
        var lineStart = 0
        func emit(_ end: Int) {
            if let span = trimmed(s, start, end) { result.append(span) }
            start = end
        }
        while i < s.count {
            let c = s[i]
            if c == "\n" {
                // A blank line, or the end of a heading or list item, ends the sentence.
                let line = String(String.UnicodeScalarView(s[lineStart..<i]))
                let next = i + 1
                var j = next
                while j < s.count, s[j] == " " || s[j] == "\t" || s[j] == "\r" { j += 1 }
                let blank = j < s.count && s[j] == "\n"
                if blank || isHeadingOrListItem(line) || (j < s.count && startsListItem(s, j)) {
                    emit(i)
                }
                lineStart = next
                i = next
                continue
            }
            if c == "." || c == "!" || c == "?" {
                var j = i + 1
                while j < s.count, s[j] == "." || s[j] == "!" || s[j] == "?" { j += 1 }
                while j < s.count, closers.contains(s[j]) { j += 1 }
                let atBoundary = j == s.count || s[j].properties.isWhitespace
                if atBoundary && !(c == "." && isAbbreviation(s, i)) {
                    emit(j)
                    i = j
                    continue
                }
                i = j
                continue
            }
            i += 1
        }
        emit(s.count)
        return result
    }

    // MARK: - Helpers

    static func words(in s: [Unicode.Scalar], from: Int, to: Int) -> [TextSpan] {
        var result: [TextSpan] = []
        var i = from
        while i < to {
            while i < to, s[i].properties.isWhitespace { i += 1 }
            let begin = i
            var hasAlnum = false
            while i < to, !s[i].properties.isWhitespace {
                if s[i].properties.isAlphabetic || s[i].properties.numericType != nil { hasAlnum = true }
                i += 1
            }
            if i > begin && hasAlnum {
                result.append(TextSpan(start: begin, end: i, text: String(String.UnicodeScalarView(s[begin..<i]))))
            }
        }
        return result
    }

    static func trimmed(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> TextSpan? {
        var a = start, b = end
        while a < b, s[a].properties.isWhitespace { a += 1 }
        while b > a, s[b - 1].properties.isWhitespace { b -= 1 }
        guard a < b else { return nil }
        return TextSpan(start: a, end: b, text: String(String.UnicodeScalarView(s[a..<b])))
    }

    /// Whether the `.` at `dot` belongs to an abbreviation or sits between digits.
    static func isAbbreviation(_ s: [Unicode.Scalar], _ dot: Int) -> Bool {
        if dot > 0, dot + 1 < s.count, s[dot - 1].properties.numericType != nil, s[dot + 1].properties.numericType != nil { return true }
        var a = dot
        while a > 0, !s[a - 1].properties.isWhitespace { a -= 1 }
        var word = String(String.UnicodeScalarView(s[a...dot])).lowercased()
        while let first = word.unicodeScalars.first, closers.contains(first) || first == "(" || first == "\"" || first == "\u{201C}" {
            word.unicodeScalars.removeFirst()
        }
        return abbreviations.contains(word)
    }

    static func isHeadingOrListItem(_ line: String) -> Bool {
        let t = line.drop { $0 == " " || $0 == "\t" }
        if t.hasPrefix("#") { return true }
        return startsListItem(Array(t.unicodeScalars), 0)
    }

    /// Whether a list marker (`- `, `* `, `+ `, `1. `, `1) `) starts at `i`.
    static func startsListItem(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        guard i < s.count else { return false }
        if s[i] == "-" || s[i] == "*" || s[i] == "+" || s[i] == "•" {
            return i + 1 < s.count && s[i + 1] == " "
        }
        var j = i
        while j < s.count, ("0"..."9").contains(s[j]) { j += 1 }
        return j > i && j + 1 < s.count && (s[j] == "." || s[j] == ")") && s[j + 1] == " "
    }
}
