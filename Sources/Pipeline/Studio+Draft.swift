import Foundation
import Prompts
import Store
import TextGeneration

/// What the drafting model is told about the brand.
public struct BrandVoice: Sendable, Equatable {
    public var name: String
    /// The voice description and traits, as one paragraph.
    public var voice: String
    /// The brand.toml asset, recorded as an input of every draft.
    public var brandAssetHash: String?

    public init(name: String, voice: String, brandAssetHash: String? = nil) {
        self.name = name
        self.voice = voice
        self.brandAssetHash = brandAssetHash
    }
}

/// A finished draft.
public struct DraftResult: Sendable {
    public var piece: Piece
    public var text: String
    public var assetHash: String
    public var runID: Int64
    public var facts: FactSheet
    public var generation: GenerationResult
}

extension Studio {
    /// Drafts one channel of a brief: retrieves facts, renders the channel's template (its
    /// `production` version), generates with `seed`, and records the run and a new piece.
    ///
    /// The same brief, seed, templates, knowledge and model give byte-identical text.
    public func draft(_ brief: Brief, channel: Channel, brand: BrandVoice, seed: UInt64,
                      onText: (String) -> Bool = { _ in true }) throws -> DraftResult {
        let db = database
        let template = try db.labelledTemplate(channel.draftTemplate)
        let system = try db.labelledTemplate("system")
        let facts = try FactSheet.retrieve(for: brief, from: knowledge())
        let systemText = try system.template().render(["brand_name": brand.name, "voice": brand.voice])
        let factsText = Self.factsText(brief, facts)
        let prompt = try template.template()
        let values = [
            "brief": brief.promptText, "product": brief.product, "audience": brief.audience, "goal": brief.goal,
            "key_messages": brief.keyMessages.map { "- " + $0 }.joined(separator: "\n"), "facts": factsText,
            "call_to_action": brief.callToAction, "length": brief.length ?? "short", "word_budget": "75", "brand_name": brand.name,
        ].filter { prompt.inputs.contains($0.key) }
        let userText = try prompt.render(values)
        /// The templates' fixed text: lines of the draft that repeat it are dropped.
        let instructions = [try system.template().body, prompt.body]
        let parameters = prompt.parameters
        let (sampler, maxTokens) = Self.sampler(parameters, seed: seed)

        let briefAsset = try db.storeAsset(text: brief.source, mediaType: "text/markdown")
        let factsAsset = try db.storeAsset(text: factsText, mediaType: "text/markdown")
        let promptAsset = try db.storeAsset(text: "<system>\n\(systemText)\n</system>\n\(userText)", mediaType: "text/plain")
        var inputs = [Run.AssetLink(role: "brief", hash: briefAsset.hash), Run.AssetLink(role: "facts", hash: factsAsset.hash),
                      Run.AssetLink(role: "prompt", hash: promptAsset.hash)]
        if let brandHash = brand.brandAssetHash { inputs.append(Run.AssetLink(role: "brand", hash: brandHash)) }
        let runID = try db.beginRun(RunStart(step: "draft", templateID: template.templateID, templateVersion: template.version,
                                             modelID: languageModelID.name, modelHash: languageModelID.hash,
                                             parameters: Self.parametersJSON(parameters, channel: channel, maxTokens: maxTokens),
                                             seed: seed, inputs: inputs))
        do {
            let model = try languageModel()
            let prompt = model.chatPrompt(user: userText, system: systemText)
            let result = try model.generate(prompt: prompt, maxTokens: maxTokens, sampler: sampler, onText: onText)
            guard !result.text.allSatisfy(\.isWhitespace) else {
                throw PipelineError(.generationFailed, "the model wrote nothing for the \(channel.rawValue) draft")
            }
            let text = ChannelFormat.normalize(result.text, channel: channel, truncated: result.stopReason == .maxTokens,
                                               instructions: instructions)
            let output = try db.storeAsset(text: text, mediaType: "text/markdown")
            let piece: Piece = try db.inTransaction {
                try db.finishRun(runID, outputs: [Run.AssetLink(role: "draft", hash: output.hash)], tokenCount: result.tokens.count)
                return try db.createPiece(briefHash: briefAsset.hash, campaign: brief.campaign, channel: channel.rawValue,
                                          assetHash: output.hash, runID: runID, origin: "draft", actor: actor)
            }
            return DraftResult(piece: piece, text: text, assetHash: output.hash, runID: runID, facts: facts, generation: result)
        } catch {
            try? db.failRun(runID, error: "\(error)", status: "\(error)".contains("cancel") ? .cancelled : .failed)
            throw error
        }
    }

    /// What the draft may state: the brief's key messages, then the best knowledge-base passages
    /// (their first 240 characters), so the prompt stays short enough for a small model.
    static func factsText(_ brief: Brief, _ facts: FactSheet, passages: Int = 3) -> String {
        var lines = brief.keyMessages.map { "- " + $0 }
        for p in facts.passages.prefix(passages) {
            var t = p.text.replacingOccurrences(of: "\n", with: " ")
            if t.count > 240 { t = ChannelFormat.shorten(t, to: 240) + "..." }
            lines.append("- " + t)
        }
        return lines.joined(separator: "\n")
    }

    /// Sampler settings from a template's `[model]` table.
    static func sampler(_ p: ModelParameters, seed: UInt64) -> (SamplerParameters, Int) {
        var s = SamplerParameters()
        if let t = p.temperature { s.temperature = Float(t) }
        if let v = p.topP { s.topP = Float(v) }
        if let v = p.topK { s.topK = v }
        if let v = p.minP { s.minP = Float(v) }
        if let v = p.repetitionPenalty { s.repetitionPenalty = Float(v) }
        s.seed = seed
        return (s, p.maxTokens ?? 256)
    }

    /// Canonical JSON of the generation settings, for the run record.
    static func parametersJSON(_ p: ModelParameters, channel: Channel?, maxTokens: Int) -> String {
        var copy = p
        copy.maxTokens = maxTokens
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var json = (try? String(decoding: encoder.encode(copy), as: UTF8.self)) ?? "{}"
        if let channel { json = String(json.dropLast()) + (json == "{}" ? "" : ",") + "\"channel\":\"\(channel.rawValue)\"}" }
        return json
    }
}
