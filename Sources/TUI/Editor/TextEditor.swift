/// A multi-line text editor as a value: the text, the cursor and an optional selection, with
/// undo and redo. Moves go by character (grapheme cluster), word and line; `up` and `down` go by
/// soft-wrapped lines of a given width, keeping the cell column.
public struct TextEditor: Sendable, Equatable {
    public private(set) var characters: [Character]
    /// The cursor, as a character index (0...count).
    public private(set) var cursor = 0
    /// The selection's other end, when a selection is active.
    public private(set) var anchor: Int?
    private var undoStack: [Snapshot] = []
    private var redoStack: [Snapshot] = []
    /// The cell column `up` and `down` try to keep.
    private var goalColumn: Int?

    struct Snapshot: Sendable, Equatable {
        var characters: [Character]
        var cursor: Int
    }

    public init(_ text: String) {
        characters = Array(text)
    }

    public var text: String { String(characters) }

    /// The selected range, if any.
    public var selection: Range<Int>? {
        guard let anchor, anchor != cursor else { return nil }
        return min(anchor, cursor)..<max(anchor, cursor)
    }

    // MARK: Editing

    /// Types text at the cursor, replacing the selection.
    public mutating func insert(_ s: String) {
        record()
        deleteSelection()
        let new = Array(s)
        characters.insert(contentsOf: new, at: cursor)
        cursor += new.count
        goalColumn = nil
    }

    /// Deletes the selection, or the character before the cursor.
    public mutating func backspace() {
        record()
        if deleteSelection() { return }
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
        goalColumn = nil
    }

    /// Deletes the selection, or the character after the cursor.
    public mutating func deleteForward() {
        record()
        if deleteSelection() { return }
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
        goalColumn = nil
    }

    @discardableResult
    private mutating func deleteSelection() -> Bool {
        guard let range = selection else { anchor = nil; return false }
        characters.removeSubrange(range)
        cursor = range.lowerBound
        anchor = nil
        return true
    }

    private mutating func record() {
        undoStack.append(Snapshot(characters: characters, cursor: cursor))
        if undoStack.count > 500 { undoStack.removeFirst() }
        redoStack = []
    }

    public mutating func undo() {
        guard let s = undoStack.popLast() else { return }
        redoStack.append(Snapshot(characters: characters, cursor: cursor))
        characters = s.characters
        cursor = min(s.cursor, characters.count)
        anchor = nil
    }

    public mutating func redo() {
        guard let s = redoStack.popLast() else { return }
        undoStack.append(Snapshot(characters: characters, cursor: cursor))
        characters = s.characters
        cursor = min(s.cursor, characters.count)
        anchor = nil
    }

    // MARK: Moving

    /// Starts or ends a selection before a move.
    private mutating func prepare(selecting: Bool) {
        if selecting { if anchor == nil { anchor = cursor } } else { anchor = nil }
    }

    public mutating func left(selecting: Bool = false) {
        prepare(selecting: selecting)
        cursor = max(0, cursor - 1)
        goalColumn = nil
    }

    public mutating func right(selecting: Bool = false) {
        prepare(selecting: selecting)
        cursor = min(characters.count, cursor + 1)
        goalColumn = nil
    }

    /// To the start of the previous word.
    public mutating func wordLeft(selecting: Bool = false) {
        prepare(selecting: selecting)
        var i = cursor
        while i > 0, !isWord(characters[i - 1]) { i -= 1 }
        while i > 0, isWord(characters[i - 1]) { i -= 1 }
        cursor = i
        goalColumn = nil
    }

    /// To the end of the next word.
    public mutating func wordRight(selecting: Bool = false) {
        prepare(selecting: selecting)
        var i = cursor
        while i < characters.count, !isWord(characters[i]) { i += 1 }
        while i < characters.count, isWord(characters[i]) { i += 1 }
        cursor = i
        goalColumn = nil
    }

    private func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "'" }

    public mutating func lineStart(selecting: Bool = false) {
        prepare(selecting: selecting)
        while cursor > 0, characters[cursor - 1] != "\n" { cursor -= 1 }
        goalColumn = nil
    }

    public mutating func lineEnd(selecting: Bool = false) {
        prepare(selecting: selecting)
        while cursor < characters.count, characters[cursor] != "\n" { cursor += 1 }
        goalColumn = nil
    }

    /// One wrapped line up or down at `width`, keeping the cell column.
    public mutating func vertical(_ delta: Int, width: Int, selecting: Bool = false) {
        prepare(selecting: selecting)
        let lines = self.lines(width: width)
        let (line, column) = position(in: lines)
        let goal = goalColumn ?? column
        let target = line + delta
        guard lines.indices.contains(target) else {
            cursor = delta < 0 ? 0 : characters.count
            return
        }
        let l = lines[target]
        var used = 0
        var index = l.offsets.first ?? l.start
        for (c, offset) in zip(l.characters, l.offsets) {
            if used + CellWidth.of(c) > goal { break }
            used += CellWidth.of(c)
            index = offset + 1
        }
        if l.characters.isEmpty { index = l.start }
        cursor = min(index, l.end)
        goalColumn = goal
    }

    // MARK: Layout

    /// A wrapped line of the editor's text, with character indices.
    public struct Line: Sendable, Equatable {
        public var characters: [Character]
        public var offsets: [Int]
        /// The index where the line starts, and where it ends (before its newline).
        public var start: Int
        public var end: Int
    }

    /// The text soft-wrapped at `width` cells (the same breaks as the draft view).
    public func lines(width: Int) -> [Line] {
        var out: [Line] = []
        var paragraphStart = 0
        for paragraph in characters.split(separator: "\n", omittingEmptySubsequences: false) {
            let wrapped = TextWrap.lines(String(paragraph), width: width)
            // TextWrap counts scalars; map them back to character indices.
            var scalarToIndex: [Int: Int] = [:]
            var s = 0
            for (i, c) in paragraph.enumerated() {
                scalarToIndex[s] = paragraphStart + i
                s += c.unicodeScalars.count
            }
            for (n, w) in wrapped.enumerated() {
                let offsets = w.offsets.map { scalarToIndex[$0] ?? paragraphStart }
                let start = offsets.first ?? (n == 0 ? paragraphStart : paragraphStart + paragraph.count)
                let next = n + 1 < wrapped.count ? (wrapped[n + 1].offsets.first.map { scalarToIndex[$0] ?? start } ?? start) : paragraphStart + paragraph.count
                out.append(Line(characters: w.characters, offsets: offsets, start: start, end: n + 1 < wrapped.count ? next : paragraphStart + paragraph.count))
            }
            paragraphStart += paragraph.count + 1
        }
        return out
    }

    /// The cursor's wrapped line and cell column.
    public func position(in lines: [Line]) -> (line: Int, column: Int) {
        for (i, l) in lines.enumerated() where cursor >= l.start && (cursor < l.end || (cursor == l.end && (i + 1 == lines.count || lines[i + 1].start > l.end))) {
            var column = 0
            for (c, offset) in zip(l.characters, l.offsets) where offset < cursor { column += CellWidth.of(c) }
            return (i, column)
        }
        return (max(0, lines.count - 1), 0)
    }
}
