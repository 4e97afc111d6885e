import Foundation

extension StudioState {
    /// Reduces one input event: moves focus and selection, opens overlays, and returns the work
    /// to do. `q` backs out of an overlay and quits at the top level; Esc and Ctrl-C cancel a
    /// running job before anything else.
    public mutating func handle(_ key: Key) -> [Effect] {
        if case .resize(let r, let c) = key {
            rows = r
            columns = c
            return []
        }
        if key == .interrupt || (key == .escape && overlay == nil && (editor == nil || job != nil)) {
            if job != nil { notice = "cancelling…"; return [.cancelJob] }
            if key == .interrupt { overlay = .confirm(prompt: "Quit the studio?", effect: .quit) }
            return []
        }
        if let overlay { return handle(key, in: overlay) }
        if editor != nil { return edit(key) }
        notice = nil
        switch key {
        case .character(let c) where ("1"..."4").contains(c):
            focus = Pane(rawValue: Int(String(c))!)!
        case .tab:
            focus = focus.next
        case .up, .character("k"): move(-1)
        case .down, .character("j"): move(1)
        case .pageUp: move(-10)
        case .pageDown: move(10)
        case .left, .character("h"):
            if focus == .draft || focus == .findings || focus == .versions { focus = .library }
        case .right, .character("l"):
            if focus == .library { focus = .draft }
        case .home: move(-Int.max / 2)
        case .end: move(Int.max / 2)
        case .enter: return run(.open)
        case .character("?"): overlay = .help(filter: "")
        case .character(":"): overlay = .palette(query: "", selection: 0)
        case .character("/"): overlay = .input(prompt: "Search \(focus.title.lowercased()):", text: searches[focus] ?? "", purpose: .search(focus))
        case .character("n"):
            if searches[focus] != nil { nextMatch() } else { return run(.newBrief) }
        case .character("q"):
            quit = true
            return [.quit]
        case .character(" ") where focus == .versions:
            let v = versions.indices.contains(versionSelection) ? versions[versionSelection].version : nil
            markedVersion = markedVersion == v ? nil : v
            notice = markedVersion.map { "v\($0) marked: select another version and press v to compare" }
        case .click(let row, let column):
            click(row: row, column: column)
        case .character(let c):
            if let action = StudioAction.allCases.first(where: { $0.key == String(c) }) { return run(action) }
        default:
            break
        }
        return []
    }

    /// Runs a named action (from its key or the palette).
    public mutating func run(_ action: StudioAction) -> [Effect] {
        switch action {
        case .open:
            switch focus {
            case .library:
                guard let row = selectedRow else { return [] }
                switch row.kind {
                case .piece(let id, _):
                    focus = .draft
                    return [.openPiece(id)]
                case .brief:
                    return run(.draft)
                case .campaign:
                    return []
                }
            case .findings:
                guard let f = selectedFinding else { return [] }
                overlay = .detail(title: f.label, lines: f.detail, scroll: 0)
                return []
            case .versions:
                return run(.diff)
            case .draft:
                return []
            }
        case .draft:
            guard job == nil else { notice = "a job is running (Esc cancels it)"; return [] }
            guard let row = selectedRow, case .brief(let path) = row.kind else {
                notice = "select a brief in pane 1 to draft it"
                return []
            }
            focus = .draft
            return [.draft(briefPath: path)]
        case .check, .revise:
            guard job == nil else { notice = "a job is running (Esc cancels it)"; return [] }
            guard let id = pieceID else { notice = "open a piece first (pane 1, Enter)"; return [] }
            return [action == .check ? .check(pieceID: id) : .revise(pieceID: id)]
        case .applyFix:
            guard job == nil else { notice = "a job is running (Esc cancels it)"; return [] }
            guard let id = pieceID, let f = selectedFinding else { notice = "select a finding in pane 3"; return [] }
            guard let fix = f.fix else { notice = "this finding offers no fix"; return [] }
            return [.applyFix(pieceID: id, start: f.start, end: f.end, replacement: fix)]
        case .approve, .reject:
            guard let id = pieceID else { notice = "open a piece first (pane 1, Enter)"; return [] }
            overlay = .input(prompt: action == .approve ? "Approve with a note:" : "Reject with a note:", text: "",
                             purpose: action == .approve ? .approveNote(pieceID: id) : .rejectNote(pieceID: id))
            return []
        case .diff, .lineage:
            guard let subject = versionSubject, !versions.isEmpty else {
                notice = "open a piece first (pane 1, Enter), or pick a template (T)"
                return []
            }
            let v = versions.indices.contains(versionSelection) ? versions[versionSelection].version : versions[versions.count - 1].version
            if action == .lineage {
                guard case .piece(let id) = subject else { notice = "lineage is kept for a piece's versions: open a piece (pane 1, Enter)"; return [] }
                return [.lineage(pieceID: id, version: v)]
            }
            let newest = versions[versions.count - 1].version
            let pair: (from: Int, to: Int)
            if let marked = markedVersion, marked != v {
                pair = (min(marked, v), max(marked, v))
            } else {
                guard versions.count > 1 else {
                    notice = if case .piece = subject { "the piece has one version" } else { "the template has one version" }
                    return []
                }
                pair = v == newest ? (versions[versions.count - 2].version, newest) : (v, newest)
            }
            switch subject {
            case .piece(let id): return [.diff(pieceID: id, from: pair.from, to: pair.to)]
            case .template(let id): return [.templateDiff(templateID: id, from: pair.from, to: pair.to)]
            }
        case .templates:
            return [.listTemplates]
        case .edit:
            guard job == nil else { notice = "a job is running (Esc cancels it)"; return [] }
            if focus == .library, let row = selectedRow, case .brief(let path) = row.kind {
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { notice = "cannot read \(path)"; return [] }
                apply(.editBrief(path: path, text: text))
                return []
            }
            guard let id = pieceID else { notice = "open a piece first (pane 1, Enter), or select a brief"; return [] }
            editor = TextEditor(draftText)
            editTarget = .piece(id)
            savedVersion = versions.last?.version
            focus = .draft
            streaming = false
        case .newBrief:
            guard job == nil else { notice = "a job is running (Esc cancels it)"; return [] }
            return [.newBrief]
        case .export:
            guard let campaign = currentCampaign else { notice = "open a piece or select a campaign's row to export it"; return [] }
            overlay = .input(prompt: "Export the approved pieces of “\(campaign)” as (hugo, jekyll, astro, eleventy, decap, sanity, contentful, json):",
                             text: "hugo", purpose: .exportFormat(campaign: campaign))
        case .image, .voiceover:
            notice = "\(action.rawValue): this step does not exist yet"
        case .search:
            overlay = .input(prompt: "Search \(focus.title.lowercased()):", text: searches[focus] ?? "", purpose: .search(focus))
        case .cancel:
            if job != nil { return [.cancelJob] }
        case .help:
            overlay = .help(filter: "")
        case .palette:
            overlay = .palette(query: "", selection: 0)
        case .quit:
            quit = true
            return [.quit]
        }
        return []
    }

    private mutating func handle(_ key: Key, in overlay: Overlay) -> [Effect] {
        switch overlay {
        case .help(let filter):
            switch key {
            case .escape, .character("q") where filter.isEmpty, .enter: self.overlay = nil
            case .backspace: self.overlay = .help(filter: String(filter.dropLast()))
            case .character(let c): self.overlay = .help(filter: filter + String(c))
            default: break
            }
        case .palette(let query, let selection):
            let matches = StudioAction.matching(query)
            switch key {
            case .escape: self.overlay = nil
            case .up: self.overlay = .palette(query: query, selection: max(0, selection - 1))
            case .down: self.overlay = .palette(query: query, selection: min(max(0, matches.count - 1), selection + 1))
            case .backspace: self.overlay = .palette(query: String(query.dropLast()), selection: 0)
            case .enter:
                self.overlay = nil
                guard matches.indices.contains(selection) else { return [] }
                return run(matches[selection])
            case .character(let c): self.overlay = .palette(query: query + String(c), selection: 0)
            default: break
            }
        case .input(let prompt, let text, let purpose):
            switch key {
            case .escape: self.overlay = nil
            case .backspace: self.overlay = .input(prompt: prompt, text: String(text.dropLast()), purpose: purpose)
            case .character(let c): self.overlay = .input(prompt: prompt, text: text + String(c), purpose: purpose)
            case .enter:
                self.overlay = nil
                switch purpose {
                case .approveNote(let id): return [.approve(pieceID: id, note: text)]
                case .rejectNote(let id): return [.reject(pieceID: id, note: text)]
                case .exportFormat(let campaign): return [.export(campaign: campaign, format: text.trimmingCharacters(in: .whitespaces))]
                case .search(let pane):
                    searches[pane] = text.isEmpty ? nil : text
                    if !text.isEmpty { focus = pane; nextMatch(includingCurrent: true) }
                }
            default: break
            }
        case .confirm(_, let effect):
            switch key {
            case .character("y"), .character("Y"), .enter:
                self.overlay = nil
                if effect == .quit { quit = true }
                return [effect]
            case .character("n"), .character("N"), .escape, .character("q"): self.overlay = nil
            default: break
            }
        case .templates(let rows, let query, let selection):
            let matches = Self.matching(rows, query)
            switch key {
            case .escape: self.overlay = nil
            case .up: self.overlay = .templates(rows: rows, query: query, selection: max(0, selection - 1))
            case .down: self.overlay = .templates(rows: rows, query: query, selection: min(max(0, matches.count - 1), selection + 1))
            case .backspace: self.overlay = .templates(rows: rows, query: String(query.dropLast()), selection: 0)
            case .character(let c): self.overlay = .templates(rows: rows, query: query + String(c), selection: 0)
            case .enter:
                guard matches.indices.contains(selection) else { return [] }
                self.overlay = nil
                return [.listTemplateVersions(templateID: matches[selection].id)]
            default: break
            }
        case .diff(let title, let rows, let scroll):
            switch key {
            case .escape, .character("q"), .enter: self.overlay = nil
            case .down, .character("j"): self.overlay = .diff(title: title, rows: rows, scroll: min(max(0, rows.count - 1), scroll + 1))
            case .up, .character("k"): self.overlay = .diff(title: title, rows: rows, scroll: max(0, scroll - 1))
            case .pageDown: self.overlay = .diff(title: title, rows: rows, scroll: min(max(0, rows.count - 1), scroll + 10))
            case .pageUp: self.overlay = .diff(title: title, rows: rows, scroll: max(0, scroll - 10))
            default: break
            }
        case .detail(let title, let lines, let scroll):
            switch key {
            case .escape, .character("q"), .enter: self.overlay = nil
            case .down, .character("j"): self.overlay = .detail(title: title, lines: lines, scroll: min(max(0, lines.count - 1), scroll + 1))
            case .up, .character("k"): self.overlay = .detail(title: title, lines: lines, scroll: max(0, scroll - 1))
            case .pageDown: self.overlay = .detail(title: title, lines: lines, scroll: min(max(0, lines.count - 1), scroll + 10))
            case .pageUp: self.overlay = .detail(title: title, lines: lines, scroll: max(0, scroll - 10))
            default: break
            }
        }
        return []
    }

    /// The templates whose id fuzzily matches `query`, best first (all of them, in order, for none).
    static func matching(_ rows: [TemplateRow], _ query: String) -> [TemplateRow] {
        guard query.contains(where: { !$0.isWhitespace }) else { return rows }
        return rows.enumerated().compactMap { i, row in FuzzyMatch.score(query, row.id).map { (row, $0, i) } }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.2 < $1.2 }.map(\.0)
    }

    /// A key while editing: Esc leaves the editor (saving and checking), everything else edits.
    mutating func edit(_ key: Key) -> [Effect] {
        guard var e = editor, let target = editTarget else { return [] }
        let width = max(1, StudioLayout(rows: rows, columns: columns).draft.inner.width)
        switch key {
        case .escape:
            editor = nil
            editTarget = nil
            draftText = e.text
            return [.finishEdit(target, text: e.text)]
        case .character(let c): e.insert(String(c))
        case .enter: e.insert("\n")
        case .tab: e.insert("  ")
        case .backspace: e.backspace()
        case .delete: e.deleteForward()
        case .left: e.left()
        case .right: e.right()
        case .up: e.vertical(-1, width: width)
        case .down: e.vertical(1, width: width)
        case .shiftLeft: e.left(selecting: true)
        case .shiftRight: e.right(selecting: true)
        case .shiftUp: e.vertical(-1, width: width, selecting: true)
        case .shiftDown: e.vertical(1, width: width, selecting: true)
        case .wordLeft: e.wordLeft()
        case .wordRight: e.wordRight()
        case .home, .control("a"): e.lineStart()
        case .end, .control("e"): e.lineEnd()
        case .pageUp: for _ in 0..<10 { e.vertical(-1, width: width) }
        case .pageDown: for _ in 0..<10 { e.vertical(1, width: width) }
        case .control("z"): e.undo()
        case .control("y"): e.redo()
        default: break
        }
        editor = e
        draftText = e.text
        // Keep the cursor in view.
        let inner = StudioLayout(rows: rows, columns: columns).draft.inner
        let line = e.position(in: e.lines(width: width)).line
        if line < draftScroll { draftScroll = line }
        if line >= draftScroll + inner.height { draftScroll = line - inner.height + 1 }
        return []
    }

    /// The campaign of the open piece, or of the selected row in pane 1.
    var currentCampaign: String? {
        var row = librarySelection
        if focus != .library, let id = pieceID,
           let i = library.firstIndex(where: { if case .piece(id, _) = $0.kind { true } else { false } }) {
            row = i
        }
        guard library.indices.contains(row) else { return nil }
        // The heading at or above the row names its campaign.
        return library[...row].last { $0.kind == .campaign }?.label
    }

    /// Moves the focused pane's selection (or pane 2's scroll) by `delta`.
    mutating func move(_ delta: Int) {
        switch focus {
        case .library:
            guard !library.isEmpty else { return }
            var i = max(0, min(library.count - 1, librarySelection + delta))
            let step = delta < 0 ? -1 : 1
            while library.indices.contains(i), !library[i].isSelectable { i += step }
            if !library.indices.contains(i) {
                i = librarySelection
            }
            librarySelection = i
        case .draft:
            streaming = false
            draftScroll = max(0, draftScroll + delta)
        case .findings:
            guard !findings.isEmpty else { return }
            findingSelection = max(0, min(findings.count - 1, findingSelection + delta))
            scrollToSelectedFinding()
        case .versions:
            guard !versions.isEmpty else { return }
            versionSelection = max(0, min(versions.count - 1, versionSelection + delta))
        }
    }

    /// Moves to the next row of the focused pane that contains its search text.
    mutating func nextMatch(includingCurrent: Bool = false) {
        guard let text = searches[focus]?.lowercased(), !text.isEmpty else { return }
        let labels: [String]
        let current: Int
        switch focus {
        case .library: labels = library.map(\.label); current = librarySelection
        case .findings: labels = findings.map(\.label); current = findingSelection
        case .versions: labels = versions.map { "v\($0.version) \($0.note)" }; current = versionSelection
        case .draft:
            let lines = TextWrap.lines(draftText, width: max(1, StudioLayout(rows: rows, columns: columns).draft.inner.width))
            labels = lines.map(\.text); current = draftScroll
        }
        guard !labels.isEmpty else { return }
        for step in (includingCurrent ? 0 : 1)...labels.count {
            let i = (current + step) % labels.count
            if labels[i].lowercased().contains(text) {
                switch focus {
                case .library: librarySelection = i
                case .findings: findingSelection = i; scrollToSelectedFinding()
                case .versions: versionSelection = i
                case .draft: draftScroll = i; streaming = false
                }
                return
            }
        }
        notice = "no match for “\(text)”"
    }

    /// Scrolls pane 2 so the selected finding's span is in view.
    mutating func scrollToSelectedFinding() {
        guard let f = selectedFinding else { return }
        let inner = StudioLayout(rows: rows, columns: columns).draft.inner
        let lines = TextWrap.lines(draftText, width: max(1, inner.width))
        guard let line = lines.firstIndex(where: { ($0.offsets.last ?? -1) >= f.start }) else { return }
        if line < draftScroll || line >= draftScroll + inner.height {
            draftScroll = max(0, line - inner.height / 3)
        }
        streaming = false
    }

    /// Focuses the pane under a click and selects the row clicked.
    mutating func click(row: Int, column: Int) {
        let layout = StudioLayout(rows: rows, columns: columns)
        for pane in Pane.allCases where layout.rect(pane).contains(row: row, column: column) {
            focus = pane
            let index = row - layout.rect(pane).inner.row
            switch pane {
            case .library:
                let first = StudioRenderer.firstVisible(selection: librarySelection, count: library.count, height: layout.library.inner.height)
                if library.indices.contains(first + index), library[first + index].isSelectable { librarySelection = first + index }
            case .findings:
                let first = StudioRenderer.firstVisible(selection: findingSelection, count: findings.count, height: layout.findings.inner.height)
                if findings.indices.contains(first + index) { findingSelection = first + index; scrollToSelectedFinding() }
            case .versions:
                if versions.indices.contains(index) { versionSelection = index }
            case .draft:
                break
            }
        }
    }
}
