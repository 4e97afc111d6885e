import Foundation

extension StudioState {
    /// Applies a result the application reports.
    public mutating func apply(_ event: StudioEvent) {
        switch event {
        case .library(let rows):
            let selected = selectedRow
            library = rows
            librarySelection = selected.flatMap { s in rows.firstIndex { $0.kind == s.kind } } ?? rows.firstIndex { $0.isSelectable } ?? 0
        case .opened(let id, let title, let text, let findings, let versions):
            if versionSubject != .piece(id) { markedVersion = nil }
            versionSubject = .piece(id)
            if editor != nil, editTarget == .piece(id) { self.versions = versions; return }
            pieceID = id
            draftTitle = title
            draftText = text
            streaming = false
            draftScroll = 0
            self.findings = findings
            findingSelection = 0
            self.versions = versions
            versionSelection = max(0, versions.count - 1)
            if let i = library.firstIndex(where: { if case .piece(id, _) = $0.kind { true } else { false } }) { librarySelection = i }
        case .jobStarted(let label):
            job = label
            tokensPerSecond = nil
            notice = nil
        case .streamStarted(let title):
            draftTitle = title
            draftText = ""
            draftScroll = 0
            streaming = true
            findings = []
            versions = []
            versionSubject = nil
            markedVersion = nil
        case .token(let text, let rate):
            if streaming { draftText += text }
            tokensPerSecond = rate
        case .streamed(let text):
            if streaming { draftText = text }
        case .progress(let label):
            job = label
        case .jobFinished(let message):
            job = nil
            tokensPerSecond = nil
            streaming = false
            notice = message
        case .jobFailed(let message):
            job = nil
            tokensPerSecond = nil
            streaming = false
            notice = "failed: \(message)"
        case .jobCancelled:
            job = nil
            tokensPerSecond = nil
            streaming = false
            notice = "cancelled; nothing was kept from the cancelled step"
        case .detail(let title, let lines):
            overlay = .detail(title: title, lines: lines, scroll: 0)
        case .diff(let title, let rows):
            // Opened at the first change, two lines of context above it.
            overlay = .diff(title: title, rows: rows, scroll: max(0, (rows.firstIndex { $0.changed } ?? 0) - 2))
        case .templates(let rows):
            if rows.isEmpty {
                notice = "no templates in the workspace (copydesk templates sync records them)"
            } else {
                overlay = .templates(rows: rows, query: "", selection: 0)
            }
        case .templateVersions(let id, let versions):
            if versionSubject != .template(id) { markedVersion = nil }
            versionSubject = .template(id)
            self.versions = versions
            versionSelection = max(0, versions.count - 1)
            focus = .versions
            notice = versions.count > 1 ? "template \(id): space marks a version, v compares it with the selected one"
                : "template \(id) has one version"
        case .notice(let text):
            notice = text
        case .saved(let version):
            savedVersion = version
            notice = version.map { "autosaved as v\($0)" } ?? "autosaved"
        case .editBrief(let path, let text):
            editor = TextEditor(text)
            editTarget = .brief(path: path)
            savedVersion = nil
            draftTitle = (path as NSString).lastPathComponent
            draftText = text
            draftScroll = 0
            streaming = false
            focus = .draft
        }
    }
}
