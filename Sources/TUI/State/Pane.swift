/// The studio's four numbered panes.
public enum Pane: Int, CaseIterable, Sendable {
    case library = 1, draft, findings, versions

    public var title: String {
        switch self {
        case .library: "Briefs & pieces"
        case .draft: "Draft"
        case .findings: "Findings"
        case .versions: "Versions"
        }
    }

    /// The next pane for Tab.
    public var next: Pane { Pane(rawValue: rawValue % Pane.allCases.count + 1)! }
}
