import BrandKit
import Foundation
import Store
import TextGeneration

/// A checked version of a piece.
public struct CheckedVersion: Sendable {
    public var piece: Piece
    public var version: Int
    public var text: String
    public var report: CheckReport
}

extension Studio {
    /// The critic for the workspace's brand kit and knowledge base (built on first use), with the
    /// language-model judge unless `judge` (default: the studio's `usesJudge`) is false.
    public func critic(judge: Bool? = nil) throws -> Critic {
        let useJudge = judge ?? usesJudge
        if let cachedCritic, cachedCritic.judged == useJudge { return cachedCritic.critic }
        let judge = useJudge ? try LanguageModelJudge(studio: self) : nil
        let critic = try Critic(brand: .workspace(workspace), knowledge: knowledge(), embedder: embedder(), judge: judge,
                                pronouncingDictionary: models.pronouncingDictionary)
        cachedCritic = (useJudge, critic)
        return critic
    }

    /// Checks the newest version of a piece and records the report (a run, step "check").
    @discardableResult
    public func check(piece id: Int64) throws -> CheckedVersion {
        let db = database
        let piece = try db.piece(id)
        guard let latest = piece.latest else { throw PipelineError(.notFound, "piece \(id) has no version") }
        let text = String(decoding: try db.assetContent(latest.assetHash), as: UTF8.self)
        let channel = Channel(rawValue: piece.channel)
        var inputs = [Run.AssetLink(role: "draft", hash: latest.assetHash)]
        if let brand = try BrandSource.workspace(workspace).hash("brand.toml") { inputs.append(Run.AssetLink(role: "brand", hash: brand)) }
        let start = RunStart(step: .check, modelID: languageModelID.name, modelHash: languageModelID.hash, inputs: inputs)
        return try recordingRun(start, detail: piece.channel) { runID in
            let brief = try piece.briefHash.map { String(decoding: try db.assetContent($0), as: UTF8.self) }
            let report = try critic().check(text, channel: channel, context: brief.map { [$0] } ?? [])
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let asset = try db.storeAsset(Array(try encoder.encode(report)), mediaType: "application/json")
            try db.inTransaction {
                try db.finishRun(runID, outputs: [Run.AssetLink(role: "report", hash: asset.hash)])
                try db.recordCheck(id, version: latest.version, reportHash: asset.hash, score: report.score, passed: report.passed, runID: runID)
            }
            return CheckedVersion(piece: try db.piece(id), version: latest.version, text: text, report: report)
        }
    }

    /// Checks the newest version (unless `checked` is already its check) and puts the piece in review.
    @discardableResult
    public func review(piece id: Int64, note: String? = nil, checked known: CheckedVersion? = nil) throws -> CheckedVersion {
        var checked = try known.flatMap { $0.version == (try database.piece(id).latest?.version) ? $0 : nil } ?? check(piece: id)
        if checked.piece.state != .inReview {
            checked.piece = try database.recordReview(id, state: .inReview, actor: actor, note: note)
        }
        return checked
    }

    /// Revises a piece: safe automatic fixes first, then up to `rounds` re-drafts by the language
    /// model with the findings as feedback. Every version is kept; if a later one scores worse, the
    /// best one is restored as the newest. Returns the newest version, checked.
    @discardableResult
    public func revise(piece id: Int64, rounds: Int = 2, seed: UInt64 = 1, minScore: Int = 0, maxUnverifiable: Int = .max,
                       checked known: CheckedVersion? = nil) throws -> CheckedVersion {
        var current = try known.flatMap { $0.version == (try database.piece(id).latest?.version) ? $0 : nil } ?? check(piece: id)
        var best = current
        /// Done: passes, scores at least `minScore` and keeps at most `maxUnverifiable` unverifiable claims.
        func done(_ r: CheckReport) -> Bool {
            r.passed && r.score >= minScore && r.claims.filter { $0.verdict == .unverifiable }.count <= maxUnverifiable
        }
        /// Passing beats failing; then the higher score.
        func better(_ a: CheckReport, _ b: CheckReport) -> Bool { a.passed != b.passed ? a.passed : a.score > b.score }
        for round in 0...rounds {
            if done(current.report) { break }
            // Safe fixes.
            let (fixed, applied) = try critic().autofix(current.text, report: current.report)
            if !applied.isEmpty, fixed != current.text {
                current = try addVersion(id, text: fixed, step: .autofix, origin: .autofix, notes: applied)
                if better(current.report, best.report) { best = current }
                if done(current.report) { break }
            }
            guard round < rounds else { break }
            // A re-draft with the findings.
            let rewritten = try redraft(current, seed: seed &+ UInt64(round))
            current = try addVersion(id, text: rewritten.text, step: .revise, origin: .revise, notes: [], runID: rewritten.runID)
            if better(current.report, best.report) { best = current }
        }
        if best.version != current.version {
            let db = database
            let hash = try db.storeAsset(text: best.text, mediaType: "text/markdown").hash
            try db.addVersion(to: id, assetHash: hash, runID: nil, origin: .restore, actor: actor, note: "restored v\(best.version), the best-scoring version")
            current = try check(piece: id)
        }
        return current
    }

    /// Stores `text` as the next version (recording a run for automatic fixes) and checks it.
    func addVersion(_ id: Int64, text: String, step: RunStep, origin: Piece.Origin, notes: [String], runID given: Int64? = nil) throws -> CheckedVersion {
        let db = database
        let asset = try db.storeAsset(text: text, mediaType: "text/markdown")
        var runID = given
        if runID == nil {
            let noteAsset = try db.storeAsset(text: notes.joined(separator: "\n"), mediaType: "text/plain")
            let start = RunStart(step: step, inputs: [Run.AssetLink(role: "draft", hash: try db.piece(id).latest!.assetHash),
                                                      Run.AssetLink(role: "fixes", hash: noteAsset.hash)])
            runID = try recordingRun(start) { runID in
                try db.finishRun(runID, outputs: [Run.AssetLink(role: "draft", hash: asset.hash)])
                return runID
            }
        }
        try db.addVersion(to: id, assetHash: asset.hash, runID: runID, origin: origin, actor: actor, note: notes.isEmpty ? nil : notes.joined(separator: "; "))
        return try check(piece: id)
    }

    /// The language model's rewrite of a version with its findings (the `revise` template).
    func redraft(_ v: CheckedVersion, seed: UInt64) throws -> (text: String, runID: Int64) {
        let db = database
        let version = try db.labelledTemplate("revise")
        let template = try version.template()
        var problems = v.report.findings.filter { $0.level != .suggestion }.map { "- \($0.message)" }
        problems += v.report.claims.filter { $0.verdict == .contradicted }.map { "- Wrong: \"\($0.text)\". \($0.suggestion.map { "Write: \"\($0)\"" } ?? $0.reason)" }
        problems += v.report.claims.filter { $0.verdict == .unverifiable }.map { "- Not in the facts: \"\($0.text)\". Remove it or say only what the facts say." }
        let facts = v.report.claims.flatMap(\.evidence).prefix(4).map { "- " + $0.text.replacingOccurrences(of: "\n", with: " ") }
        let channel = Channel(rawValue: v.piece.channel) ?? .blog
        let layout = CopyLayout(channel: channel)
        let values = ["draft": v.text, "findings": problems.prefix(8).joined(separator: "\n"), "facts": facts.joined(separator: "\n"),
                      "fields": layout.fieldsText]
            .filter { template.inputs.contains($0.key) }
        // The brief's call to action ends the rewrite as it ended the draft.
        let brief = v.piece.briefHash.flatMap { try? Brief(source: String(decoding: try db.assetContent($0), as: UTF8.self), file: "brief") }
        let prompt = try template.render(values)
        let (sampler, maxTokens) = Self.sampler(template.parameters, seed: seed)
        let promptAsset = try db.storeAsset(text: prompt, mediaType: "text/plain")
        let start = RunStart(step: .revise, templateID: version.templateID, templateVersion: version.version,
                             modelID: languageModelID.name, modelHash: languageModelID.hash,
                             parameters: Self.parametersJSON(template.parameters, channel: Channel(rawValue: v.piece.channel), maxTokens: maxTokens),
                             seed: seed, inputs: [Run.AssetLink(role: "draft", hash: v.piece.latest!.assetHash), Run.AssetLink(role: "prompt", hash: promptAsset.hash)])
        return try recordingRun(start, detail: v.piece.channel) { runID in
            let model = try languageModel()
            let result = try generate(model, prompt: model.chatPrompt(user: prompt), maxTokens: maxTokens, sampler: sampler, schema: try layout.schema())
            let text = FigureStyle.matching(try layout.render(result.text, callToAction: brief?.callToAction ?? ""),
                                            sources: (brief?.source ?? "") + "\n" + (try knowledge().allText()))
            let output = try db.storeAsset(text: text, mediaType: "text/markdown")
            try db.finishRun(runID, outputs: [Run.AssetLink(role: "draft", hash: output.hash)], tokenCount: result.tokens.count)
            return (text, runID)
        }
    }
}
