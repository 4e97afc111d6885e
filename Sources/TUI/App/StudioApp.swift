import Dispatch
import Foundation
import Pipeline
import Prompts
import Store
import Support
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The studio: the screen loop on the calling thread, the studio's work on a `StudioWorker`.
/// Keys reduce over `StudioState`; the effects they ask for run as jobs whose events come back
/// through an inbox; the screen is redrawn from the state.
public final class StudioApp {
    let options: StudioOptions
    let kit: String?
    let worker: StudioWorker
    let inbox = EventInbox()
    var state: StudioState
    /// The running job's token.
    var cancellation: CancellationToken?

    /// - Parameters:
    ///   - kit: the brand kit folder whose `briefs/` pane 1 lists (nil: none).
    public init(options: StudioOptions, kit: String?) {
        self.options = options
        self.kit = kit
        worker = StudioWorker { try Studio.open(options) }
        state = StudioState()
        let home = NSHomeDirectory()
        let dir = options.workspaceDirectory
        state.workspace = dir.hasPrefix(home + "/") ? "~" + dir.dropFirst(home.count) : dir
        state.model = options.languageModel
    }

    /// Runs until the editor quits or a signal asks to stop; the terminal is restored in every case.
    public func run(on terminal: TerminalDevice = Terminal()) throws {
        try terminal.start()
        defer { terminal.stop() }
        let stop = Atomic<Int32>(0)
        var sources: [DispatchSourceSignal] = []
        for sig in [SIGTERM, SIGHUP, SIGINT] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { stop.store(sig, ordering: .relaxed) }
            source.resume()
            sources.append(source)
        }
        defer { sources.forEach { $0.cancel() } }
        let size = terminal.size
        state.rows = size.rows
        state.columns = size.columns
        reload()
        var dirty = true
        while !state.quit {
            let signalled = stop.exchange(0, ordering: .relaxed)
            if signalled == SIGINT {
                perform(state.handle(.interrupt))
                dirty = true
            } else if signalled != 0 {
                cancellation?.cancel()
                break
            }
            for event in inbox.drain() {
                switch event {
                case .jobFinished, .jobFailed, .jobCancelled:
                    cancellation = nil
                    reload()
                default:
                    break
                }
                state.apply(event)
                dirty = true
            }
            if dirty {
                terminal.draw(StudioRenderer.render(state))
                dirty = false
            }
            if let key = terminal.readKey() {
                perform(state.handle(key))
                dirty = true
            }
            autosave()
        }
        cancellation?.cancel()
        // What the editor holds is saved before the studio goes.
        if let editor = state.editor, let target = state.editTarget, editor.text != savedText {
            let done = DispatchSemaphore(value: 0)
            let text = editor.text
            worker.submit(Job(), { studio in try Self.save(target, text, studio) }) { _ in done.signal() }
            _ = done.wait(timeout: .now() + 5)
        }
    }

    /// The editor's text when it was last saved (or opened).
    var savedText: String?
    var lastSave = Date.distantPast

    /// Saves the editor's text as a new version at most once a second while it changes.
    func autosave() {
        guard let editor = state.editor, let target = state.editTarget else { savedText = nil; return }
        if savedText == nil { savedText = editor.text; return }
        guard editor.text != savedText, Date().timeIntervalSince(lastSave) >= 1 else { return }
        savedText = editor.text
        lastSave = Date()
        perform(.saveEdit(target, text: editor.text))
    }

    /// Saves an editor's text: a piece's as its next version (returned), a brief's to its file
    /// (written to a temporary file, then renamed over it).
    static func save(_ target: EditTarget, _ text: String, _ studio: Studio) throws -> Int? {
        switch target {
        case .piece(let id): return try studio.saveEdit(piece: id, text: text)
        case .brief(let path):
            try AtomicFile.write(Data(text.utf8), to: path)
            return nil
        }
    }

    /// Reads pane 1's briefs and pieces again.
    func reload() {
        let inbox = self.inbox, kit = self.kit
        worker.submit(Job(), { studio in try Self.library(studio, kit: kit) }) { result in
            switch result {
            case .success(let rows): inbox.post(.library(rows))
            case .failure(let error): inbox.post(.notice("cannot read the workspace: \(error)"))
            }
        }
    }

    func perform(_ effects: [Effect]) {
        for effect in effects { perform(effect) }
    }

    func perform(_ effect: Effect) {
        let inbox = self.inbox, kit = self.kit
        switch effect {
        case .quit:
            cancellation?.cancel()
            return
        case .cancelJob:
            cancellation?.cancel()
            return
        case .openPiece(let id):
            worker.submit(Job(), { studio in try Self.opened(studio, id) }) { result in
                switch result {
                case .success(let e): inbox.post(e)
                case .failure(let error): inbox.post(.notice("\(error)"))
                }
            }
            return
        case .saveEdit(let target, let text):
            worker.submit(Job(), { studio in
                let version = try Self.save(target, text, studio)
                if case .piece(let id) = target { return (version, Optional(try Self.opened(studio, id))) }
                return (version, nil)
            }) { result in
                switch result {
                case .success(let (version, opened)):
                    if let opened { inbox.post(opened) }
                    inbox.post(.saved(version: version))
                case .failure(let error): inbox.post(.notice("autosave failed: \(error)"))
                }
            }
            return
        case .listTemplates, .listTemplateVersions, .templateDiff:
            // Reads of the workspace: quick, so not jobs (a running job's token stays the one Esc cancels).
            worker.submit(Job(), { studio in try Self.templates(effect, studio) }) { result in
                switch result {
                case .success(let e): inbox.post(e)
                case .failure(let error): inbox.post(.notice("\(error)"))
                }
            }
            return
        case .newBrief:
            guard let kit else { state.apply(.notice("no brand kit: start the studio with --brand DIR")); return }
            do {
                let (path, text) = try Self.newBrief(in: kit)
                state.apply(.editBrief(path: path, text: text))
                reload()
            } catch {
                state.apply(.notice("cannot create a brief: \(error)"))
            }
            return
        default:
            break
        }
        let token = CancellationToken()
        cancellation = token
        let job = Job(cancellation: token) { event in
            switch event {
            case .tokens(_, _, let rate): inbox.post(.token("", tokensPerSecond: rate))
            case .stepStarted(let step, let detail): inbox.post(.progress(detail.isEmpty ? step.rawValue : "\(step.rawValue) \(detail)"))
            case .progress(let label, let fraction, _): inbox.post(.progress("\(label) \(Int(fraction * 100))%"))
            case .warning(let text), .note(let text): inbox.post(.notice(text))
            case .stepFinished: break
            }
        }
        inbox.post(.jobStarted(Self.label(effect)))
        worker.submit(job, { studio in try Self.run(effect, studio: studio, kit: kit, inbox: inbox) }) { result in
            switch result {
            case .success(let message): inbox.post(.jobFinished(message))
            case .failure(let error) where error.isCancellation: inbox.post(.jobCancelled)
            case .failure(let error): inbox.post(.jobFailed("\(error)"))
            }
        }
    }

    static func label(_ e: Effect) -> String {
        switch e {
        case .draft: "drafting"
        case .check: "checking"
        case .revise: "revising"
        case .applyFix: "applying the fix"
        case .approve: "approving"
        case .reject: "rejecting"
        case .diff: "comparing"
        case .lineage: "tracing lineage"
        case .finishEdit: "saving and checking"
        case .export: "exporting"
        default: "working"
        }
    }

    /// Runs one effect on the worker; returns the notice shown when it is done.
    static func run(_ effect: Effect, studio: Studio, kit: String?, inbox: EventInbox) throws -> String {
        switch effect {
        case .draft(let path):
            let brief = try Brief(contentsOf: path)
            var last: Int64?
            for channel in brief.channels {
                inbox.post(.streamStarted("\(brief.campaign): \(channel.rawValue)"))
                var document = ""
                let draft = try studio.draft(brief, channel: channel, seed: 1) { text in
                    document += text
                    inbox.post(.streamed(CopyLayout.preview(document)))
                    return true
                }
                inbox.post(.library(try library(studio, kit: kit)))
                _ = try studio.review(piece: draft.piece.id)
                inbox.post(try opened(studio, draft.piece.id))
                last = draft.piece.id
            }
            return "drafted and checked \(brief.channels.count) piece\(brief.channels.count == 1 ? "" : "s")" + (last.map { "; piece \($0) is open" } ?? "")
        case .check(let id):
            let checked = try studio.review(piece: id)
            inbox.post(try opened(studio, id))
            return "checked: score \(checked.report.score), \(checked.report.passed ? "passes" : "does not pass")"
        case .revise(let id):
            _ = try studio.revise(piece: id)
            let checked = try studio.review(piece: id)
            inbox.post(try opened(studio, id))
            return "revised to v\(checked.version): score \(checked.report.score)"
        case .applyFix(let id, let start, let end, let replacement):
            let fixed = try studio.applyFix(piece: id, start: start, end: end, replacement: replacement)
            let checked = try studio.review(piece: id, note: "fix applied in the studio", checked: fixed)
            inbox.post(try opened(studio, id))
            return "fix applied as v\(checked.version): score \(checked.report.score)"
        case .approve(let id, let note), .reject(let id, let note):
            let approve = if case .approve = effect { true } else { false }
            let piece = try studio.database.piece(id)
            guard let latest = piece.latest else { throw PipelineError(.notFound, "piece \(id) has no version") }
            _ = try studio.workspace.decide(asset: latest.assetHash, approve ? .approved : .rejected, actor: studio.actor,
                                            note: note.isEmpty ? nil : note)
            inbox.post(try opened(studio, id))
            return "piece \(id) v\(latest.version) \(approve ? "approved" : "rejected")"
        case .diff(let id, let from, let to):
            let diff = LineDiff(old: try studio.workspace.text(ofPiece: id, version: from), new: try studio.workspace.text(ofPiece: id, version: to))
            inbox.post(.diff(title: "Piece \(id): v\(from) ← old │ new → v\(to)", rows: sideBySide(diff)))
            return "v\(from) and v\(to) side by side"
        case .lineage(let id, let version):
            let piece = try studio.database.piece(id)
            guard let v = piece.versions.first(where: { $0.version == version }) else { throw PipelineError(.notFound, "no version \(version)") }
            let node = try studio.database.lineage(of: v.assetHash)
            inbox.post(.detail(title: "Lineage of piece \(id) v\(version)", lines: lineageLines(node, depth: 0)))
            return "lineage of v\(version)"
        case .finishEdit(.piece(let id), let text):
            let version = try studio.saveEdit(piece: id, text: text)
            let checked = try studio.review(piece: id, note: "edited in the studio")
            inbox.post(try opened(studio, id))
            return "saved as v\(version) and checked: score \(checked.report.score)"
        case .finishEdit(.brief(let path), let text):
            try AtomicFile.write(Data(text.utf8), to: path)
            do {
                let brief = try Brief(source: text, file: (path as NSString).lastPathComponent)
                return "saved \((path as NSString).lastPathComponent): \(brief.campaign), \(brief.channels.count) channel\(brief.channels.count == 1 ? "" : "s"); d drafts it"
            } catch {
                return "saved, but the brief is not valid yet: \(error)"
            }
        case .export(let campaign, let name):
            guard let format = ExportFormat(rawValue: name.lowercased()) else {
                throw PipelineError(.invalidInput, "unknown format “\(name)”; expected \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let out = (studio.workspace.directory as NSString).appendingPathComponent("export/\(format.rawValue)")
            let report = try studio.workspace.export(ExportRequest(format: format, out: out, campaign: campaign))
            return "exported \(report.pieces) approved piece\(report.pieces == 1 ? "" : "s") of \(campaign) as \(format.rawValue) to \(report.out)"
        case .openPiece, .saveEdit, .newBrief, .listTemplates, .listTemplateVersions, .templateDiff, .cancelJob, .quit:
            return ""
        }
    }

    /// The template chooser's rows, a template's versions for pane 4, or two versions side by side.
    static func templates(_ effect: Effect, _ studio: Studio) throws -> StudioEvent {
        switch effect {
        case .listTemplateVersions(let id):
            let versions = try studio.workspace.templateVersions(id)
            return .templateVersions(templateID: id, versions: versions.map {
                VersionRow(templateVersion: $0.version, labels: $0.labels, hash: $0.contentHash, createdAt: $0.createdAt)
            })
        case .templateDiff(let id, let from, let to):
            let compared = try studio.workspace.templateDiff(id, from: "v\(from)", to: "v\(to)")
            return .diff(title: "Template \(id): v\(from) ← old │ new → v\(to)", rows: sideBySide(compared.diff))
        default:
            return .templates(try studio.workspace.templates().map { latest in
                let labelled = try studio.workspace.templateVersions(latest.templateID).flatMap { v in v.labels.map { "\($0)=v\(v.version)" } }
                return TemplateRow(id: latest.templateID, latest: latest.version, labels: labelled)
            })
        }
    }

    /// A new brief file from a skeleton, under the first free name `briefs/new-brief-N.md`.
    static func newBrief(in kit: String) throws -> (String, String) {
        let dir = (kit as NSString).appendingPathComponent("briefs")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var n = 1
        while FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent("new-brief-\(n).md")) { n += 1 }
        let path = (dir as NSString).appendingPathComponent("new-brief-\(n).md")
        let text = """
            +++
            campaign = "New campaign \(n)"
            product = "The product"
            audience = "Who the copy is for"
            goal = "What the campaign should achieve"
            key_messages = [
              "The first thing the copy must say",
            ]
            call_to_action = "What the reader should do"
            channels = ["email", "social"]
            +++
            What the campaign is about, for the writer: the background, what to stress, what to avoid.

            """
        try AtomicFile.write(Data(text.utf8), to: path)
        return (path, text)
    }

    /// A diff's edits as side-by-side rows: runs of removed lines beside the added ones that
    /// replace them.
    static func sideBySide(_ diff: LineDiff) -> [DiffRow] {
        var rows: [DiffRow] = []
        var removed: [String] = [], added: [String] = []
        func flush() {
            for i in 0..<max(removed.count, added.count) {
                rows.append(DiffRow(old: i < removed.count ? removed[i] : nil, new: i < added.count ? added[i] : nil, changed: true))
            }
            removed = []
            added = []
        }
        for edit in diff.edits {
            switch edit {
            case .same(let line): flush(); rows.append(DiffRow(old: line, new: line, changed: false))
            case .removed(let line): if !added.isEmpty { flush() }; removed.append(line)
            case .added(let line): added.append(line)
            }
        }
        flush()
        return rows
    }

    static func lineageLines(_ node: LineageNode, depth: Int) -> [String] {
        let indent = String(repeating: "  ", count: depth)
        var line = "\(indent)\(node.role ?? "asset") \(node.asset.hash.prefix(12)) (\(node.asset.mediaType))"
        if let run = node.producedBy {
            line += " ← run \(run.id) \(run.step.rawValue)"
            if let t = run.templateID { line += ", template \(t)@v\(run.templateVersion ?? 0)" }
            if let m = run.modelID { line += ", model \(m) \(run.modelHash?.prefix(12) ?? "")" }
            if let seed = run.seed { line += ", seed \(seed)" }
        }
        return [line] + node.inputs.flatMap { lineageLines($0, depth: depth + 1) }
    }

    /// A piece as pane 2, 3 and 4 show it.
    static func opened(_ studio: Studio, _ id: Int64) throws -> StudioEvent {
        let view = try studio.workspace.pieceView(id)
        var rows: [FindingRow] = []
        if let r = view.report {
            for c in r.claims {
                var detail = ["Claim: \(c.text)", "Verdict: \(c.verdict.rawValue) (decided by \(c.decidedBy.rawValue))", c.reason]
                for e in c.evidence { detail.append("Evidence from \(e.source): \(e.text)") }
                if let s = c.suggestion { detail.append("Suggested: \(s)") }
                rows.append(FindingRow(kind: .claim(c.verdict), label: c.text, start: c.start, end: c.end, detail: detail, fix: c.suggestion))
            }
            for f in r.findings {
                var detail = ["Rule: \(f.rule) (\(f.level.rawValue))", f.message]
                if !f.text.isEmpty { detail.append("Text: \(f.text)") }
                if let rep = f.replacement { detail.append("Suggested: \(rep)") }
                rows.append(FindingRow(kind: .rule(f.level), label: "\(f.rule): \(f.message)", start: f.start, end: f.end, detail: detail,
                                       fix: f.replacement))
            }
        }
        let score = view.report.map { " · score \($0.score)" } ?? ""
        let latest = view.piece.latest
        return .opened(pieceID: id, title: "\(view.piece.campaign) · \(view.piece.channel) v\(latest?.version ?? 0) · \(view.piece.state.rawValue)\(score)",
                       text: view.text, findings: rows,
                       versions: view.piece.versions.map { VersionRow(version: $0.version, origin: $0.origin, asset: $0.assetHash, createdAt: $0.createdAt) })
    }

    /// Pane 1: each campaign with its brief files and its pieces.
    static func library(_ studio: Studio, kit: String?) throws -> [LibraryRow] {
        try library(studio.database, kit: kit)
    }

    static func library(_ db: Database, kit: String?) throws -> [LibraryRow] {
        var campaigns: [String] = []
        var briefs: [String: [String]] = [:]
        if let kit, let files = try? Brief.files(inKit: kit) {
            for f in files {
                guard let b = try? Brief(contentsOf: f) else { continue }
                if briefs[b.campaign] == nil { campaigns.append(b.campaign) }
                briefs[b.campaign, default: []].append(f)
            }
        }
        let pieces = try db.pieces(limit: 500).reversed()
        for p in pieces where !campaigns.contains(p.campaign) { campaigns.append(p.campaign) }
        var rows: [LibraryRow] = []
        for campaign in campaigns {
            rows.append(LibraryRow(kind: .campaign, label: campaign))
            for f in briefs[campaign] ?? [] {
                rows.append(LibraryRow(kind: .brief(path: f), label: "  brief \((f as NSString).lastPathComponent)"))
            }
            for p in pieces where p.campaign == campaign {
                rows.append(LibraryRow(kind: .piece(id: p.id, state: p.state),
                                       label: "  #\(p.id) \(p.channel) v\(p.latest?.version ?? 0) \(p.state.rawValue.replacingOccurrences(of: "_", with: " "))"))
            }
        }
        return rows
    }
}
