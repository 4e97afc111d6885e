/// Work the state asks the application to do; its results come back as `StudioEvent`s.
public enum Effect: Sendable, Equatable {
    case openPiece(Int64)
    case draft(briefPath: String)
    case check(pieceID: Int64)
    case revise(pieceID: Int64)
    case applyFix(pieceID: Int64, start: Int, end: Int, replacement: String)
    case approve(pieceID: Int64, note: String)
    case reject(pieceID: Int64, note: String)
    /// Versions `from` and `to` of a piece side by side.
    case diff(pieceID: Int64, from: Int, to: Int)
    /// The workspace's templates, for the chooser.
    case listTemplates
    /// A template's versions, into pane 4.
    case listTemplateVersions(templateID: String)
    /// Versions `from` and `to` of a template side by side.
    case templateDiff(templateID: String, from: Int, to: Int)
    case lineage(pieceID: Int64, version: Int)
    /// The editor's text saved: a piece's as a new version, a brief's to its file (autosave, at
    /// most once a second).
    case saveEdit(EditTarget, text: String)
    /// Leaving the editor: its text saved if changed; a piece is then checked and put in review,
    /// a brief is parsed and its errors shown.
    case finishEdit(EditTarget, text: String)
    /// A new brief file in the kit's briefs/, opened in the editor.
    case newBrief
    /// A campaign's approved pieces exported in a format (named as typed; checked when it runs).
    case export(campaign: String, format: String)
    case cancelJob
    case quit
}

/// What the application reports back to the state.
public enum StudioEvent: Sendable, Equatable {
    case library([LibraryRow])
    /// A piece was opened (or changed): its title, text, findings and versions.
    case opened(pieceID: Int64, title: String, text: String, findings: [FindingRow], versions: [VersionRow])
    case jobStarted(String)
    /// Pane 2 starts showing a stream under this title.
    case streamStarted(String)
    case token(String, tokensPerSecond: Double)
    /// The whole streamed text so far (a draft's readable preview), replacing what pane 2 shows.
    case streamed(String)
    case progress(String)
    case jobFinished(String)
    case jobFailed(String)
    case jobCancelled
    /// Lines for the detail overlay.
    case detail(title: String, lines: [String])
    case diff(title: String, rows: [DiffRow])
    /// The workspace's templates: the chooser opens over them.
    case templates([TemplateRow])
    /// A template's versions, oldest first: pane 4 lists them.
    case templateVersions(templateID: String, versions: [VersionRow])
    case notice(String)
    /// The editor's text was saved (as this version of a piece, or nil for a brief file).
    case saved(version: Int?)
    /// A brief file opened in the editor.
    case editBrief(path: String, text: String)
}

/// What the editor is editing.
public enum EditTarget: Sendable, Equatable {
    case piece(Int64)
    case brief(path: String)
}
