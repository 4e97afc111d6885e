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
    /// Read-only lines: evidence, a lineage chain.
    case detail(title: String, lines: [String], scroll: Int)
    /// Two versions side by side.
    case diff(title: String, rows: [DiffRow], scroll: Int)
    /// The template chooser: the templates, what was typed to filter them, the selected match.
    case templates(rows: [TemplateRow], query: String, selection: Int)
}

/// One row of a side-by-side diff: the old line, the new line, and whether they differ.
public struct DiffRow: Sendable, Equatable {
    public var old: String?
    public var new: String?
    public var changed: Bool

    public init(old: String?, new: String?, changed: Bool) {
        self.old = old
        self.new = new
        self.changed = changed
    }
}

/// What typed text is for.
public enum InputPurpose: Sendable, Equatable {
    case approveNote(pieceID: Int64)
    case rejectNote(pieceID: Int64)
    case search(Pane)
    /// The format to export a campaign's approved pieces in.
    case exportFormat(campaign: String)
}
