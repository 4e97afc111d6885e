/// Whose versions pane 4 lists: the open piece's, or a template's (picked with `templates`).
public enum VersionSubject: Sendable, Equatable {
    case piece(Int64)
    case template(String)
}
