/// One piece of copy for one channel of a campaign, with its numbered versions and review history.
public struct Piece: Sendable, Equatable {
    /// Where a piece stands in review. History is append-only; the newest event is the state.
    public enum State: String, Sendable, CaseIterable { case draft, inReview = "in_review", approved, rejected }

    /// How a version came to be.
    public enum Origin: String, Sendable, CaseIterable {
        /// The language model's first draft.
        case draft
        /// The critique's safe automatic fixes.
        case autofix
        /// A re-draft with the findings.
        case revise
        /// An earlier, better-scoring version made the newest again.
        case restore
        /// Text an editor brought in or wrote.
        case editor
    }

    /// One text of the piece: the first draft, a revision, or an editor's file.
    public struct Version: Sendable, Equatable {
        public var version: Int
        public var assetHash: String
        /// The run that produced it (nil for text an editor brought in).
        public var runID: Int64?
        public var origin: Origin
        public var createdAt: String
    }

    /// One step in the review history.
    public struct ReviewEvent: Sendable, Equatable {
        public var version: Int
        public var state: State
        public var actor: String
        public var at: String
        public var note: String?
    }

    public var id: Int64
    /// The brief asset it was drafted from (nil for a piece brought in as a file).
    public var briefHash: String?
    public var campaign: String
    public var channel: String
    public var createdAt: String
    public var versions: [Version]
    public var history: [ReviewEvent]

    /// The newest version.
    public var latest: Version? { versions.last }
    /// The current review state (draft when nothing was recorded).
    public var state: State { history.last?.state ?? .draft }
}
