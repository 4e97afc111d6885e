/// What covers the panes for a moment.
public enum Overlay: Sendable, Equatable {
    /// The keys, filtered by what was typed.
    case help(filter: String)
    /// The command palette: the query and the selected match.
    case palette(query: String, selection: Int)
    /// A line of text to type (a review note, a search).
    case input(prompt: String, text: String, purpose: InputPurpose)
    /// A yes/no question.
    case confirm(prompt: String, effect: Effect)
    /// Read-only lines: evidence, a diff, a lineage chain.
    case detail(title: String, lines: [String], scroll: Int)
}

/// What typed text is for.
public enum InputPurpose: Sendable, Equatable {
    case approveNote(pieceID: Int64)
    case rejectNote(pieceID: Int64)
    case search(Pane)
}
