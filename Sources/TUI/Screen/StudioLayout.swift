/// Where each pane goes for a terminal size: pane 1 over pane 4 on the left, pane 2 over pane 3
/// on the right, then the status bar and the key-hint line.
public struct StudioLayout: Sendable, Equatable {
    public let library: Rect
    public let draft: Rect
    public let findings: Rect
    public let versions: Rect
    public let status: Rect
    public let hints: Rect

    public init(rows: Int, columns: Int) {
        let body = max(0, rows - 2)
        let left = max(20, min(columns / 3, 48))
        let right = max(0, columns - left)
        let upperLeft = max(3, body * 2 / 3)
        let upperRight = max(3, body * 3 / 5)
        library = Rect(row: 0, column: 0, height: upperLeft, width: left)
        versions = Rect(row: upperLeft, column: 0, height: body - upperLeft, width: left)
        draft = Rect(row: 0, column: left, height: upperRight, width: right)
        findings = Rect(row: upperRight, column: left, height: body - upperRight, width: right)
        status = Rect(row: body, column: 0, height: 1, width: columns)
        hints = Rect(row: body + 1, column: 0, height: 1, width: columns)
    }

    public func rect(_ pane: Pane) -> Rect {
        switch pane {
        case .library: library
        case .draft: draft
        case .findings: findings
        case .versions: versions
        }
    }
}
