/// Everything the studio shows, as a value: input events reduce over it (`handle`), the
/// application's results are applied to it (`apply`), and the screen is a pure function of it
/// (`StudioRenderer`), so all of it is tested without a terminal.
public struct StudioState: Sendable, Equatable {
    public var rows: Int
    public var columns: Int
    public var focus: Pane = .library

    public var library: [LibraryRow] = []
    public var librarySelection = 0

    /// The open piece, if any.
    public var pieceID: Int64?
    public var draftTitle = ""
    public var draftText = ""
    /// The first wrapped line shown in pane 2.
    public var draftScroll = 0
    /// True while a draft streams into pane 2 (it follows the end).
    public var streaming = false

    /// The editor over pane 2, while the open piece or a brief is being edited.
    public var editor: TextEditor?
    /// What the editor edits.
    public var editTarget: EditTarget?
    /// The version the editor's text was last saved as.
    public var savedVersion: Int?

    public var findings: [FindingRow] = []
    public var findingSelection = 0
    /// Pane 4's rows: the versions of `versionSubject`.
    public var versions: [VersionRow] = []
    /// Whose versions pane 4 lists (nil: none yet).
    public var versionSubject: VersionSubject?
    public var versionSelection = 0
    /// A version marked (space in pane 4) to compare with the selected one.
    public var markedVersion: Int?

    public var overlay: Overlay?
    /// The search text per pane (matching rows are marked; `n` moves to the next).
    public var searches: [Pane: String] = [:]

    public var workspace = ""
    public var model = ""
    /// The running job's label, or nil.
    public var job: String?
    public var tokensPerSecond: Double?
    public var notice: String?
    public var quit = false

    public init(rows: Int = 24, columns: Int = 80) {
        self.rows = rows
        self.columns = columns
    }

    /// The selected row of pane 1.
    public var selectedRow: LibraryRow? { library.indices.contains(librarySelection) ? library[librarySelection] : nil }

    /// The selected finding.
    public var selectedFinding: FindingRow? { findings.indices.contains(findingSelection) ? findings[findingSelection] : nil }
}
