/// A rectangle of cells.
public struct Rect: Sendable, Equatable {
    public var row: Int
    public var column: Int
    public var height: Int
    public var width: Int

    public init(row: Int, column: Int, height: Int, width: Int) {
        self.row = row
        self.column = column
        self.height = max(0, height)
        self.width = max(0, width)
    }

    /// The inside of a box drawn on this rectangle's edge.
    public var inner: Rect { Rect(row: row + 1, column: column + 1, height: height - 2, width: width - 2) }

    public func contains(row r: Int, column c: Int) -> Bool {
        r >= row && r < row + height && c >= column && c < column + width
    }
}
