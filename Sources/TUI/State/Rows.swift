import BrandKit
import FactCheck
import Store

/// A line of pane 1: a campaign heading, a brief file, or a piece with its review state.
public struct LibraryRow: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case campaign
        case brief(path: String)
        case piece(id: Int64, state: Piece.State)
    }

    public var kind: Kind
    public var label: String

    public init(kind: Kind, label: String) {
        self.kind = kind
        self.label = label
    }

    /// Headings are not selectable.
    public var isSelectable: Bool { if case .campaign = kind { false } else { true } }
}

/// A line of pane 3: a claim with its verdict, or a rule finding with its level.
public struct FindingRow: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case claim(ClaimCheck.Verdict)
        case rule(StyleRule.Level)
    }

    public var kind: Kind
    /// What the list shows.
    public var label: String
    /// The span in the draft, in Unicode-scalar offsets.
    public var start: Int
    public var end: Int
    /// Evidence with its source, the reason, the suggestion: what the detail view shows.
    public var detail: [String]
    /// The text a fix puts in place of the span, when the finding offers one.
    public var fix: String?

    public init(kind: Kind, label: String, start: Int, end: Int, detail: [String], fix: String?) {
        self.kind = kind
        self.label = label
        self.start = start
        self.end = end
        self.detail = detail
        self.fix = fix
    }
}

/// A line of pane 4: one version of the open piece, or of a template.
public struct VersionRow: Sendable, Equatable {
    public var version: Int
    /// How a piece's version was made; nil for a template's.
    public var origin: Piece.Origin?
    /// The labels pointing at a template's version (`production`, `staging`…).
    public var labels: [String]
    /// The content hash.
    public var asset: String
    public var createdAt: String

    /// A version of a piece.
    public init(version: Int, origin: Piece.Origin, asset: String, createdAt: String) {
        self.version = version
        self.origin = origin
        self.labels = []
        self.asset = asset
        self.createdAt = createdAt
    }

    /// A version of a template.
    public init(templateVersion version: Int, labels: [String], hash: String, createdAt: String) {
        self.version = version
        self.origin = nil
        self.labels = labels
        self.asset = hash
        self.createdAt = createdAt
    }

    /// What pane 4 shows after the version number: the origin, or the labels.
    public var note: String { origin?.rawValue ?? labels.joined(separator: ",") }
}

/// A line of the template chooser: a template with its newest version and its labels.
public struct TemplateRow: Sendable, Equatable {
    public var id: String
    public var latest: Int
    /// Labels and the versions they point at, e.g. `production=v2`.
    public var labels: [String]

    public init(id: String, latest: Int, labels: [String]) {
        self.id = id
        self.latest = latest
        self.labels = labels
    }
}
