/// One screen line of wrapped text: its characters, each with the Unicode-scalar offset it has in
/// the whole text (so spans given in scalar offsets, like a check's claims, can be coloured).
public struct WrappedLine: Equatable, Sendable {
    public var characters: [Character]
    /// The scalar offset of each character in the source text.
    public var offsets: [Int]

    public var text: String { String(characters) }
    public var width: Int { characters.reduce(0) { $0 + CellWidth.of($1) } }
}

/// Soft wrapping to a width in cells: breaks after spaces where it can, inside a word only when
/// the word alone is wider than the line; explicit newlines always break.
public enum TextWrap {
    public static func lines(_ text: String, width: Int) -> [WrappedLine] {
        let width = max(1, width)
        var out: [WrappedLine] = []
        var offset = 0
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = WrappedLine(characters: [], offsets: [])
            var used = 0
            // Where the last space in `current` is, to break after it.
            var lastSpace: Int?
            for c in paragraph {
                let w = CellWidth.of(c)
                if used + w > width && !current.characters.isEmpty {
                    if c == " " {
                        // A space at the break is dropped.
                        out.append(current)
                        current = WrappedLine(characters: [], offsets: [])
                        used = 0
                        lastSpace = nil
                        offset += c.unicodeScalars.count
                        continue
                    }
                    if let space = lastSpace, space + 1 < current.characters.count {
                        let carried = WrappedLine(characters: Array(current.characters[(space + 1)...]), offsets: Array(current.offsets[(space + 1)...]))
                        current.characters.removeSubrange((space + 1)...)
                        current.offsets.removeSubrange((space + 1)...)
                        out.append(current)
                        current = carried
                        used = carried.width
                    } else {
                        out.append(current)
                        current = WrappedLine(characters: [], offsets: [])
                        used = 0
                    }
                    lastSpace = nil
                }
                if c == " " { lastSpace = current.characters.count }
                current.characters.append(c)
                current.offsets.append(offset)
                used += w
                offset += c.unicodeScalars.count
            }
            out.append(current)
            offset += 1 // the newline
        }
        return out
    }
}
