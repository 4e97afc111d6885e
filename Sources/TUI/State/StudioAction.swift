/// What an editor can do, by name (the command palette) and by key.
public enum StudioAction: String, CaseIterable, Sendable {
    case newBrief = "new brief"
    case open
    case draft, check, revise
    case applyFix = "apply fix"
    case approve, reject, diff, lineage, edit, search
    case image, voiceover, export
    /// Pick a template to list its versions in pane 4.
    case templates
    case cancel
    case help, palette, quit

    /// The key that runs it outside the palette.
    public var key: String {
        switch self {
        case .newBrief: "n"
        case .open: "Enter"
        case .draft: "d"
        case .check: "c"
        case .revise: "r"
        case .applyFix: "f"
        case .approve: "a"
        case .reject: "x"
        case .diff: "v"
        case .lineage: "L"
        case .edit: "e"
        case .search: "/"
        case .image: "i"
        case .voiceover: "o"
        case .export: "E"
        case .templates: "T"
        case .cancel: "Esc"
        case .help: "?"
        case .palette: ":"
        case .quit: "q"
        }
    }

    public var summary: String {
        switch self {
        case .newBrief: "write a new brief"
        case .open: "open the selected brief or piece"
        case .draft: "draft the selected brief's channels, streaming into pane 2"
        case .check: "fact-check and critique the open piece"
        case .revise: "revise the open piece: safe fixes, then re-drafts"
        case .applyFix: "apply the selected finding's suggestion as a new version"
        case .approve: "approve the open piece, with a note"
        case .reject: "reject the open piece, with a note"
        case .diff: "compare the selected version with the marked one, or with the newest"
        case .lineage: "show how the open version came to be"
        case .edit: "edit the open piece"
        case .search: "search in the focused pane"
        case .image: "render a hero image"
        case .voiceover: "record a voiceover"
        case .export: "export approved pieces"
        case .templates: "pick a template: its versions in pane 4, to compare two"
        case .cancel: "cancel the running job, or close an overlay"
        case .help: "show the keys"
        case .palette: "run any action by name"
        case .quit: "back out, or quit at the top level"
        }
    }

    /// Palette entries: the actions worth typing.
    public static var paletteActions: [StudioAction] { allCases.filter { $0 != .palette && $0 != .cancel } }

    /// Actions whose name fuzzily matches `query` (its letters in order), best first: a match at
    /// the start of the name or of a word beats one inside a word, a shorter name beats a longer.
    public static func matching(_ query: String) -> [StudioAction] {
        let q = query.lowercased().filter { !$0.isWhitespace }
        guard !q.isEmpty else { return paletteActions }
        return paletteActions.compactMap { action -> (StudioAction, Int)? in
            guard let score = FuzzyMatch.score(q, action.rawValue) else { return nil }
            return (action, score)
        }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.rawValue.count < $1.0.rawValue.count }.map(\.0)
    }
}
