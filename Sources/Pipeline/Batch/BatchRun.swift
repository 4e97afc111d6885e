import BrandKit
import Foundation
import Store
import Support

/// How a batch runs.
public struct BatchOptions: Sendable {
    /// List the work without doing it.
    public var dryRun = false
    /// This process's slice of the work: item `i` runs when `i % count == index`.
    public var shard: (index: Int, count: Int) = (0, 1)

    public init() {}
}

/// One item of a batch: a brief's channel, one variant.
public struct BatchItem: Sendable, Encodable {
    public var brief: String
    public var channel: Channel
    public var variant: Int
    /// The hash of every input that decides the result.
    public var key: String
    /// True when a finished run of the same inputs was found and the item was not run again.
    public var skipped: Bool
    @NullEncoded public var outcome: BatchWork.Outcome?
    /// Why the gate held it, or the error that stopped it.
    @NullEncoded public var reason: String?
    @NullEncoded public var piece: Int64?
    @NullEncoded public var score: Int?
    public var tokens: Int
    public var seconds: Double
}

/// What a batch did.
public struct BatchReport: Sendable, Encodable {
    public var campaign: String
    public var items: [BatchItem]
    /// Steps the campaign asked for that do not exist yet, skipped.
    public var skippedSteps: [String]
    public var seconds: Double

    /// True when every item that ran or was found passed its gate.
    public var allPassed: Bool { items.allSatisfy { $0.outcome == .passed } }
}

extension Studio {
    /// Runs a campaign (open the studio with `Studio.open(for:)`, which brings in its kit): every brief's channels (the campaign's override or the brief's own) and
    /// variants, each through its steps and the gate, approved (as "copydesk batch") when it passes.
    ///
    /// Each item is keyed by the hash of its inputs (brief text, kit, template versions, model,
    /// seed, variant, steps, gate) and runs in one transaction with its record, so an item is
    /// either wholly in the workspace or not at all: a re-run, or `--resume` after a crash, skips
    /// finished items and redoes the unfinished one from scratch. An item that fails is recorded
    /// with its error; the others go on.
    public func batch(_ campaign: Campaign, options: BatchOptions = BatchOptions()) throws -> BatchReport {
        let t0 = Date()
        let voice = try BrandVoice.load(from: .workspace(workspace))
        let profile = try critic(judge: usesJudge).profile
        let briefs = try campaign.briefs.map { ($0, try Brief(contentsOf: $0)) }
        var plan: [(file: String, brief: Brief, channel: Channel, variant: Int)] = []
        for (file, brief) in briefs {
            for channel in campaign.channels(for: brief, file: file) {
                for variant in 1...campaign.variants { plan.append((file, brief, channel, variant)) }
            }
        }
        let mine = plan.enumerated().filter { $0.offset % max(1, options.shard.count) == options.shard.index }.map(\.element)
        let clock = ProgressClock(label: "items", total: mine.count)
        var items: [BatchItem] = []
        for (done, p) in mine.enumerated() {
            try job.checkCancelled()
            let key = try workKey(campaign, brief: p.brief, channel: p.channel, variant: p.variant)
            let name = (p.file as NSString).lastPathComponent
            var item = BatchItem(brief: name, channel: p.channel, variant: p.variant, key: key, skipped: false, outcome: nil, reason: nil,
                                 piece: nil, score: nil, tokens: 0, seconds: 0)
            if let finished = try database.batchWork(key), finished.outcome != .failed {
                item.skipped = true
                item.outcome = finished.outcome
                item.reason = finished.reason
                item.piece = finished.pieceID
                item.tokens = finished.tokens
                item.seconds = finished.seconds
                item.score = try finished.pieceID.flatMap { try workspace.pieceView($0).report?.score }
            } else if !options.dryRun {
                item = try runItem(item, campaign: campaign, brief: p.brief, voice: voice, profile: profile)
            }
            items.append(item)
            job.emit(clock.event(done: done + 1))
        }
        let skippedSteps = campaign.steps.filter { $0 == .image || $0 == .voiceover }.map { "\($0.rawValue): this step does not exist yet; skipped" }
        for note in skippedSteps { job.emit(.warning(note)) }
        return BatchReport(campaign: campaign.name, items: items, skippedSteps: skippedSteps, seconds: Date().timeIntervalSince(t0))
    }

    /// Runs one item in a transaction with its record; a failure is recorded on its own.
    func runItem(_ start: BatchItem, campaign: Campaign, brief: Brief, voice: BrandVoice, profile: BrandProfile) throws -> BatchItem {
        var item = start
        let t0 = Date()
        let db = database
        do {
            try db.inTransaction {
                let firstRun = (try db.runs(limit: 1).first?.id ?? 0) + 1
                let seed = campaign.seed &+ UInt64(item.variant - 1)
                let draft = try self.draft(brief, channel: item.channel, brand: voice, seed: seed)
                var checked: CheckedVersion?
                if campaign.steps.contains(.check) || campaign.steps.contains(.revise) {
                    var current = try review(piece: draft.piece.id)
                    if campaign.steps.contains(.revise), Self.gateReason(current.report, campaign.gate, profile) != nil {
                        let revised = try revise(piece: draft.piece.id, rounds: 2, seed: seed, minScore: campaign.gate.minScore ?? profile.review.minScore,
                                                 maxUnverifiable: profile.review.maxUnverifiable, checked: current)
                        current = try review(piece: draft.piece.id, note: "after revision", checked: revised)
                    }
                    checked = current
                }
                let reason = checked.map { Self.gateReason($0.report, campaign.gate, profile) } ?? "not checked (the campaign's steps have no check)"
                if let reason {
                    item.outcome = .held
                    item.reason = reason
                } else if let c = checked {
                    _ = try db.recordReview(draft.piece.id, state: .approved, actor: "copydesk batch",
                                            note: "campaign \(campaign.name): passed its gate with score \(c.report.score)")
                    item.outcome = .passed
                }
                item.piece = draft.piece.id
                item.score = checked?.report.score
                item.tokens = try db.runs(limit: 10_000).prefix { $0.id >= firstRun }.compactMap(\.tokenCount).reduce(0, +)
                item.seconds = Date().timeIntervalSince(t0)
                try db.record(BatchWork(key: item.key, campaign: campaign.name, brief: item.brief, channel: item.channel.rawValue, variant: item.variant,
                                        pieceID: item.piece, outcome: item.outcome ?? .held, reason: item.reason, tokens: item.tokens, seconds: item.seconds))
            }
        } catch {
            if error.isCancellation { throw error }
            item.outcome = .failed
            item.reason = "\(error)"
            item.seconds = Date().timeIntervalSince(t0)
            try db.record(BatchWork(key: item.key, campaign: campaign.name, brief: item.brief, channel: item.channel.rawValue, variant: item.variant,
                                    pieceID: nil, outcome: .failed, reason: item.reason, tokens: 0, seconds: item.seconds))
        }
        return item
    }

    /// Why a checked piece fails the campaign's gate, or nil when it passes: contradicted claims,
    /// error findings, the score, and the kit's allowance of unverifiable claims.
    static func gateReason(_ r: CheckReport, _ gate: Campaign.Gate, _ profile: BrandProfile) -> String? {
        let contradicted = r.claims(.contradicted).count
        let errors = r.findings.filter { $0.level == .error }.count
        if contradicted > gate.maxContradicted { return "\(contradicted) contradicted claim\(contradicted == 1 ? "" : "s") (at most \(gate.maxContradicted))" }
        if errors > gate.maxErrors { return "\(errors) error finding\(errors == 1 ? "" : "s") (at most \(gate.maxErrors))" }
        let minScore = gate.minScore ?? profile.review.minScore
        if r.score < minScore { return "score \(r.score) is below \(minScore)" }
        var kit = profile.review
        kit.minScore = minScore
        return holdReason(r, gate: kit)
    }

    /// The hash of everything that decides an item's result.
    func workKey(_ campaign: Campaign, brief: Brief, channel: Channel, variant: Int) throws -> String {
        let db = database
        var parts = ["brief:" + brief.source, "channel:" + channel.rawValue, "variant:\(variant)", "seed:\(campaign.seed)",
                     "steps:" + campaign.steps.map(\.rawValue).joined(separator: ","),
                     "gate:\(campaign.gate.maxContradicted),\(campaign.gate.maxErrors),\(campaign.gate.minScore.map(String.init) ?? "kit")",
                     "model:" + (languageModelID.hash ?? "-"), "judge:\(usesJudge)"]
        parts.append("brand:" + (try BrandSource.workspace(workspace).hash("brand.toml") ?? "-"))
        for id in ["system", "draft-plan", channel.draftTemplate, "revise", "factcheck-judge"] {
            parts.append("template:\(id):" + ((try? db.labelledTemplate(id).contentHash) ?? "-"))
        }
        parts.append("knowledge:" + (try knowledge().documents().map { "\($0.path)=\($0.contentHash)" }.joined(separator: ",")))
        return SHA256.hash(Array(parts.joined(separator: "\n").utf8)).hex
    }
}

/// A campaign's batch and its exports.
public struct CampaignRun: Sendable {
    public var report: BatchReport
    public var exports: [ExportReport]
}

extension Studio {
    /// `copydesk batch`: runs the campaign, then (unless it is a dry run) exports it to each of its
    /// `[export]` formats under `out/<format>`.
    public func run(campaign: Campaign, options: BatchOptions = BatchOptions()) throws -> CampaignRun {
        let report = try batch(campaign, options: options)
        var exports: [ExportReport] = []
        if !options.dryRun, let out = campaign.exportOut {
            for format in campaign.exportFormats {
                var request = ExportRequest(format: format, out: (out as NSString).appendingPathComponent(format.rawValue), campaign: campaign.name)
                request.locale = try critic(judge: usesJudge).profile.locale
                exports.append(try workspace.export(request))
            }
        }
        return CampaignRun(report: report, exports: exports)
    }
}
