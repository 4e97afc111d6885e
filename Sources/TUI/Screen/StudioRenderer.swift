import Foundation
import BrandKit
import FactCheck
import Store

/// Draws the studio's state onto a canvas: a pure function, so layout, wrapping and colours are
/// tested as text.
public enum StudioRenderer {
    public static func render(_ s: StudioState) -> Canvas {
        var canvas = Canvas(rows: s.rows, columns: s.columns)
        guard s.rows >= 6, s.columns >= 30 else {
            canvas.put("Make the terminal larger (at least 30×6).", row: 0, column: 0)
            return canvas
        }
        let layout = StudioLayout(rows: s.rows, columns: s.columns)
        for pane in Pane.allCases {
            box(&canvas, layout.rect(pane), title: title(pane, s), focused: s.focus == pane)
        }
        library(&canvas, s, layout.library.inner)
        draft(&canvas, s, layout.draft.inner)
        findings(&canvas, s, layout.findings.inner)
        versions(&canvas, s, layout.versions.inner)
        statusBar(&canvas, s, layout.status)
        hints(&canvas, s, layout.hints)
        if let overlay = s.overlay { self.overlay(&canvas, overlay, s) }
        return canvas
    }

    static func title(_ pane: Pane, _ s: StudioState) -> String {
        var t = "\(pane.rawValue) \(pane.title)"
        if pane == .draft, s.editor != nil {
            if case .brief(let path) = s.editTarget { t += ": editing brief \((path as NSString).lastPathComponent)" } else {
                t += ": editing" + (s.savedVersion.map { " (saved as v\($0))" } ?? "")
            }
        }
        else if pane == .draft, !s.draftTitle.isEmpty { t += ": \(s.draftTitle)" }
        if pane == .versions, case .template(let id) = s.versionSubject {
            // The template's id first where the pane is narrow.
            let long = "\(pane.rawValue) Template \(id)"
            t = CellWidth.of(long) <= StudioLayout(rows: s.rows, columns: s.columns).versions.width - 6 ? long : "\(pane.rawValue) \(id)"
        }
        if let search = s.searches[pane] { t += " /\(search)" }
        return t
    }

    /// The first row to show so that `selection` stays visible in `height` rows.
    public static func firstVisible(selection: Int, count: Int, height: Int) -> Int {
        guard height > 0, count > height, selection >= height else { return 0 }
        return min(selection - height + 1, count - height)
    }

    static func box(_ c: inout Canvas, _ r: Rect, title: String, focused: Bool) {
        guard r.height >= 2, r.width >= 2 else { return }
        let style = focused ? Style(foreground: .cyan, bold: true) : Style.dim
        let right = r.column + r.width - 1, bottom = r.row + r.height - 1
        c.put("┌" + String(repeating: "─", count: r.width - 2) + "┐", row: r.row, column: r.column, style: style)
        for row in (r.row + 1)..<bottom {
            c.put("│", row: row, column: r.column, style: style)
            c.put("│", row: row, column: right, style: style)
        }
        c.put("└" + String(repeating: "─", count: r.width - 2) + "┘", row: bottom, column: r.column, style: style)
        c.put(" " + CellWidth.truncate(title, to: r.width - 6) + " ", row: r.row, column: r.column + 2, style: focused ? Style(foreground: .cyan, bold: true) : .bold)
    }

    /// A list pane: its rows scrolled so the selection shows, the selected row bold across the
    /// pane (in reverse when the pane has the focus), or `empty` in dim when there are none.
    static func list(_ c: inout Canvas, _ r: Rect, rows: [(text: String, style: Style)], selection: Int, focused: Bool, empty: String) {
        guard r.height > 0 else { return }
        if rows.isEmpty {
            c.put(empty, row: r.row, column: r.column, style: .dim, limit: r.width)
            return
        }
        let first = firstVisible(selection: selection, count: rows.count, height: r.height)
        for (i, row) in rows.enumerated().dropFirst(first).prefix(r.height) {
            let y = r.row + i - first
            var style = row.style
            if i == selection {
                style.reverse = focused
                style.bold = true
                c.fill(row: y, column: r.column, height: 1, width: r.width, style: style)
            }
            c.put(CellWidth.truncate(row.text, to: r.width), row: y, column: r.column, style: style, limit: r.width)
        }
    }

    static func library(_ c: inout Canvas, _ s: StudioState, _ r: Rect) {
        let search = s.searches[.library]?.lowercased()
        let rows = s.library.map { row -> (String, Style) in
            var style: Style
            switch row.kind {
            case .campaign: style = .bold
            case .brief: style = .plain
            case .piece(_, let state): style = Style(foreground: color(state))
            }
            if let search, row.label.lowercased().contains(search) { style.underline = true }
            return (row.label, style)
        }
        list(&c, r, rows: rows, selection: s.librarySelection, focused: s.focus == .library, empty: "No briefs or pieces yet.")
    }

    static func color(_ state: Piece.State) -> TerminalColor? {
        switch state {
        case .approved: .green
        case .inReview: .yellow
        case .rejected: .red
        case .draft: nil
        }
    }

    /// Pane 2: the text wrapped to the pane, each claim coloured by its verdict, rule errors
    /// underlined, the selected finding in reverse; while streaming it follows the end.
    static func draft(_ c: inout Canvas, _ s: StudioState, _ r: Rect) {
        guard r.height > 0, r.width > 0 else { return }
        if let e = s.editor { return editor(&c, e, scroll: s.draftScroll, r) }
        if s.draftText.isEmpty {
            let hint = s.streaming ? "waiting for the model…" : "Select a brief and press d to draft it, or a piece and Enter to open it."
            c.put(CellWidth.truncate(hint, to: r.width), row: r.row, column: r.column, style: .dim, limit: r.width)
            return
        }
        let lines = TextWrap.lines(s.draftText, width: r.width)
        let first = s.streaming ? max(0, lines.count - r.height) : min(s.draftScroll, max(0, lines.count - 1))
        let selected = s.focus == .findings ? s.selectedFinding : nil
        for (i, line) in lines.enumerated().dropFirst(first).prefix(r.height) {
            var x = r.column
            for (ch, offset) in zip(line.characters, line.offsets) {
                var style = Style.plain
                for f in s.findings where f.start <= offset && offset < f.end {
                    switch f.kind {
                    case .claim(let v): style.foreground = color(v)
                    case .rule(let level): if level == .error { style.underline = true } else if style.foreground == nil { style.foreground = .magenta }
                    }
                }
                if let sel = selected, sel.start <= offset, offset < sel.end { style.reverse = true }
                x += c.put(String(ch), row: r.row + i - first, column: x, style: style, limit: r.column + r.width - x)
            }
        }
    }

    /// Pane 2 while editing: the text, the selection in reverse, the cursor as a reverse cell.
    static func editor(_ c: inout Canvas, _ e: TextEditor, scroll: Int, _ r: Rect) {
        let lines = e.lines(width: r.width)
        let (cursorLine, cursorColumn) = e.position(in: lines)
        let selection = e.selection
        for (i, line) in lines.enumerated().dropFirst(scroll).prefix(r.height) {
            var x = r.column
            for (ch, index) in zip(line.characters, line.offsets) {
                let selected = selection?.contains(index) ?? false
                x += c.put(String(ch), row: r.row + i - scroll, column: x, style: selected ? .reverse : .plain, limit: r.column + r.width - x)
            }
        }
        let y = r.row + cursorLine - scroll
        let x = r.column + min(cursorColumn, r.width - 1)
        if y >= r.row, y < r.row + r.height {
            var cell = c[y, x]
            if cell.text.isEmpty, x > r.column { return }
            cell.style.reverse.toggle()
            c[y, x] = cell
        }
    }

    /// Old lines on the left, new on the right, each wrapped to its half; changes coloured.
    static func sideBySide(_ c: inout Canvas, _ rows: ArraySlice<DiffRow>, _ r: Rect) {
        let half = max(1, (r.width - 3) / 2)
        var y = r.row
        for row in rows {
            let left = TextWrap.lines(row.old ?? "", width: half), right = TextWrap.lines(row.new ?? "", width: half)
            for i in 0..<max(left.count, right.count) {
                guard y < r.row + r.height else { return }
                if i < left.count {
                    c.put(left[i].text, row: y, column: r.column, style: row.changed && row.old != nil ? Style(foreground: .red) : .plain, limit: half)
                }
                c.put("│", row: y, column: r.column + half + 1, style: .dim)
                if i < right.count {
                    c.put(right[i].text, row: y, column: r.column + half + 3, style: row.changed && row.new != nil ? Style(foreground: .green) : .plain, limit: half)
                }
                y += 1
            }
        }
    }

    /// A verdict's colour: an exact shade (24-bit where the terminal has it), whose nearest
    /// palette colour is green, red or yellow.
    public static func color(_ v: ClaimCheck.Verdict) -> TerminalColor {
        switch v {
        case .supported: .rgb(RGB(0x5FBF5F))
        case .contradicted: .rgb(RGB(0xE5484D))
        case .unverifiable: .rgb(RGB(0xE5C03B))
        }
    }

    static func findings(_ c: inout Canvas, _ s: StudioState, _ r: Rect) {
        let rows = s.findings.map { f -> (String, Style) in
            let (mark, color): (String, TerminalColor?) = switch f.kind {
            case .claim(.supported): ("✓", color(.supported))
            case .claim(.contradicted): ("✗", color(.contradicted))
            case .claim(.unverifiable): ("?", color(.unverifiable))
            case .rule(.error): ("E", .red)
            case .rule(.warning): ("W", .magenta)
            case .rule(.suggestion): ("S", nil)
            }
            return ("\(mark) \(f.label)", Style(foreground: color))
        }
        list(&c, r, rows: rows, selection: s.findingSelection, focused: s.focus == .findings,
             empty: s.pieceID == nil ? "Findings appear here after a check." : "No claims or findings.")
    }

    static func versions(_ c: inout Canvas, _ s: StudioState, _ r: Rect) {
        let rows = s.versions.map { v in ("\(s.markedVersion == v.version ? "*" : " ")v\(v.version) \(v.note) \(v.asset.prefix(10))", Style.plain) }
        list(&c, r, rows: rows, selection: s.versionSelection, focused: s.focus == .versions, empty: "Versions of the open piece (T: a template's).")
    }

    static func statusBar(_ c: inout Canvas, _ s: StudioState, _ r: Rect) {
        c.fill(row: r.row, column: 0, height: 1, width: r.width, style: .reverse)
        // What changes comes first, so a narrow terminal cuts the workspace path, not the job.
        var parts: [String] = []
        if let job = s.job {
            parts.append(job + (s.tokensPerSecond.map { String(format: " %.1f tok/s", $0) } ?? ""))
        } else {
            parts.append("idle")
        }
        if let notice = s.notice { parts.append(notice) }
        parts += [s.model, s.workspace]
        c.put(CellWidth.truncate(" " + parts.filter { !$0.isEmpty }.joined(separator: " │ "), to: r.width), row: r.row, column: 0, style: .reverse)
    }

    static func hints(_ c: inout Canvas, _ s: StudioState, _ r: Rect) {
        let common = "1-4/Tab panes  ? help  : palette  q quit"
        let pane: String = switch s.focus {
        case .library: "↑↓ select  Enter open  d draft  e edit brief  n new brief"
        case .draft: "↑↓ scroll  e edit  c check  r revise  a approve  x reject"
        case .findings: "↑↓ select  Enter evidence  f apply fix"
        case .versions: "↑↓ select  space mark  v diff  L lineage  T templates"
        }
        let text = s.editor != nil ? "Esc done (saves and checks)  ^Z undo  ^Y redo  Shift-arrows select  ^A/^E line start/end"
            : s.job != nil ? "Esc/Ctrl-C cancel the job  " + pane : pane + "  " + common
        c.put(CellWidth.truncate(text, to: r.width), row: r.row, column: 0, style: .dim)
    }

    /// A centred box over the panes.
    static func overlay(_ c: inout Canvas, _ o: Overlay, _ s: StudioState) {
        let width = min(s.columns - 4, max(40, s.columns * 3 / 4))
        let height = min(s.rows - 4, max(8, s.rows * 2 / 3))
        let rect = Rect(row: (s.rows - height) / 2, column: (s.columns - width) / 2, height: height, width: width)
        c.fill(row: rect.row, column: rect.column, height: rect.height, width: rect.width)
        let inner = rect.inner
        var lines: [(String, Style)] = []
        let title: String
        switch o {
        case .help(let filter):
            title = "Keys" + (filter.isEmpty ? " (type to filter, Esc closes)" : ": \(filter)")
            let rows = StudioAction.allCases.map { "\($0.key.padding(toLength: 6, withPad: " ", startingAt: 0)) \($0.rawValue): \($0.summary)" }
                + ["1-4    focus a pane", "Tab    next pane", "↑↓ jk  move", "←→ hl  move between panes", "n      next search match"]
            lines = rows.filter { filter.isEmpty || $0.lowercased().contains(filter.lowercased()) }.map { ($0, Style.plain) }
        case .palette(let query, let selection):
            title = "Run an action"
            lines = [(": " + query + "▏", Style.bold)]
            for (i, a) in StudioAction.matching(query).enumerated() {
                lines.append(("\(a.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)) \(a.summary)", i == selection ? .reverse : .plain))
            }
        case .input(let prompt, let text, _):
            title = prompt
            lines = [(text + "▏", .bold), ("", .plain), ("Enter to confirm, Esc to cancel", .dim)]
        case .confirm(let prompt, _):
            title = prompt
            lines = [("y yes   n no", .bold)]
        case .detail(let t, let all, let scroll):
            title = t
            lines = all.dropFirst(scroll).map { ($0, Style.plain) }
        case .templates(let rows, let query, let selection):
            title = "Templates: Enter lists the versions in pane 4"
            lines = [(": " + query + "▏", Style.bold)]
            for (i, t) in StudioState.matching(rows, query).enumerated() {
                let text = "\(t.id.padding(toLength: 18, withPad: " ", startingAt: 0)) v\(t.latest)  \(t.labels.joined(separator: " "))"
                lines.append((text, i == selection ? .reverse : .plain))
            }
        case .diff(let t, let rows, let scroll):
            box(&c, rect, title: t, focused: true)
            sideBySide(&c, rows.dropFirst(scroll), inner)
            return
        }
        box(&c, rect, title: title, focused: true)
        var y = inner.row
        for (text, style) in lines {
            for line in TextWrap.lines(text, width: max(1, inner.width)) {
                guard y < inner.row + inner.height else { return }
                c.put(line.text, row: y, column: inner.column, style: style, limit: inner.width)
                y += 1
            }
        }
    }
}
