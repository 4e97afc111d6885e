/// One input event, as the terminal layer decodes it.
public enum Key: Sendable, Equatable {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backspace
    /// Delete (forward).
    case delete
    /// Shift with an arrow: extends the selection.
    case shiftLeft, shiftRight, shiftUp, shiftDown
    /// Ctrl with an arrow: moves by word.
    case wordLeft, wordRight
    /// Ctrl with a letter (not C, which is `interrupt`).
    case control(Character)
    /// Ctrl-C: cancels a running job; never kills the studio while one runs.
    case interrupt
    /// The terminal was resized to this many rows and columns.
    case resize(rows: Int, columns: Int)
    /// A mouse click at a cell.
    case click(row: Int, column: Int)
}
