/// One cell: a grapheme cluster and its style. A wide character's second cell holds "" so the
/// grid stays aligned with the terminal's.
public struct Cell: Sendable, Equatable {
    public var text: String
    public var style: Style

    public static let blank = Cell(text: " ", style: .plain)
}

/// The screen as a grid of cells, drawn by pure functions of the studio's state and then
/// copied to the terminal in one pass; tests read it back as text.
public struct Canvas: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    public private(set) var cells: [Cell]

    public init(rows: Int, columns: Int) {
        self.rows = max(rows, 0)
        self.columns = max(columns, 0)
        cells = Array(repeating: .blank, count: self.rows * self.columns)
    }

    public subscript(row: Int, column: Int) -> Cell {
        get { cells[row * columns + column] }
        set { cells[row * columns + column] = newValue }
    }

    /// Writes `text` from (row, column), clipped at `limit` cells (default: the line's end);
    /// returns the cells used. A wide character that would straddle the limit is left out.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        guard row >= 0, row < rows, column < columns else { return 0 }
        let end = min(columns, column + (limit ?? columns))
        var x = max(column, 0)
        for c in text {
            if c == "\n" || c == "\r\n" { break }
            let w = CellWidth.of(c)
            if w == 0 { continue }
            if x + w > end { break }
            self[row, x] = Cell(text: String(c), style: style)
            if w == 2 { self[row, x + 1] = Cell(text: "", style: style) }
            x += w
        }
        return x - max(column, 0)
    }

    /// Fills a rectangle with spaces in `style`.
    public mutating func fill(row: Int, column: Int, height: Int, width: Int, style: Style = .plain) {
        for r in max(row, 0)..<min(rows, row + height) {
            for c in max(column, 0)..<min(columns, column + width) { self[r, c] = Cell(text: " ", style: style) }
        }
    }

    /// The text of one row (wide characters once, trailing spaces kept).
    public func text(row: Int) -> String {
        (0..<columns).map { self[row, $0].text }.joined()
    }

    /// Every row's text, trailing spaces removed: what a terminal capture shows.
    public var lines: [String] {
        (0..<rows).map { r in
            var t = text(row: r)
            while t.last == " " { t.removeLast() }
            return t
        }
    }
}
