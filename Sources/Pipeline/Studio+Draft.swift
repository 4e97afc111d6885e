import BrandKit
import Foundation
import Knowledge
import Prompts
import Store
import Support
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
    /// The plan: its idea and the facts it chose.
    public var plan: DraftPlan
    /// The copy step's generation (the plan's tokens are counted in the run).
    public var generation: GenerationResult
}

/// Step 1 of a draft: the facts it will use and its one idea.
public struct DraftPlan: Sendable, Equatable, Decodable {
    public var angle: String
    /// The brief's key message the piece carries first.
    public var keyMessage: String?
    public var facts: [String]

    enum CodingKeys: String, CodingKey { case angle, keyMessage = "key_message", facts }

    /// The key message, then the other facts.
    public var chosen: [String] { (keyMessage.map { [$0] } ?? []) + facts.filter { $0 != keyMessage } }
}

extension Studio {
    /// Drafts one channel of a brief in the workspace's brand voice (see
    /// `draft(_:channel:brand:seed:onText:)`); the knowledge base must hold the brand's facts.
    public func draft(_ brief: Brief, channel: Channel, seed: UInt64, onText: (String) -> Bool = { _ in true }) throws -> DraftResult {
        guard try !KnowledgeBase.isEmpty(database) else {
            throw PipelineError(.invalidState, "the knowledge base is empty: add the brand's facts first (`copydesk kb add`)")
        }
        return try draft(brief, channel: channel, brand: try BrandVoice.load(from: .workspace(workspace)), seed: seed, onText: onText)
    }

    /// Drafts one channel of a brief in two steps with the language model, both constrained to
    /// JSON: a plan (the `draft-plan` template: which numbered facts to use, and the idea), then
    /// the copy in the channel's parts with their length limits (the channel's template, in the
    /// same conversation), rendered to text. Records the run and a new piece.
    ///
    /// The same brief, seed, templates, knowledge and model give byte-identical text.
    public func draft(_ brief: Brief, channel: Channel, brand: BrandVoice, seed: UInt64,
                      onText: (String) -> Bool = { _ in true }) throws -> DraftResult {
        let db = database
        let planVersion = try db.labelledTemplate("draft-plan")
        let template = try db.labelledTemplate(channel.draftTemplate)
        let system = try db.labelledTemplate("system")
        let sheet = try FactSheet.retrieve(for: brief, from: knowledge())
        let facts = FactList(brief: brief, sheet: sheet)
        let layout = CopyLayout(channel: channel)
        let systemText = try system.template().render(["brand_name": brand.name, "voice": brand.voice])
        let planPrompt = try planVersion.template()
        let planText = try planPrompt.render([
            "channel": channel.noun, "product": brief.product, "audience": brief.audience, "goal": brief.goal,
            "facts": facts.text, "call_to_action": brief.callToAction, "brand_name": brand.name,
            "key_messages": facts.items.filter { $0.source == nil }.map(\.id).joined(separator: ", "),
        ].filter { planPrompt.inputs.contains($0.key) })
        let copyPrompt = try template.template()
        let (planSampler, planTokens) = Self.sampler(planPrompt.parameters, seed: seed)
        let (sampler, maxTokens) = Self.sampler(copyPrompt.parameters, seed: seed)

        let briefAsset = try db.storeAsset(text: brief.source, mediaType: "text/markdown")
        let factsAsset = try db.storeAsset(text: facts.text, mediaType: "text/markdown")
        var messages = [ChatTemplate.Message(role: "system", content: systemText), ChatTemplate.Message(role: "user", content: planText)]
        let promptAsset = try db.storeAsset(text: Self.transcript(messages), mediaType: "text/plain")
        var inputs = [Run.AssetLink(role: "brief", hash: briefAsset.hash), Run.AssetLink(role: "facts", hash: factsAsset.hash),
                      Run.AssetLink(role: "prompt", hash: promptAsset.hash)]
        if let brandHash = brand.brandAssetHash { inputs.append(Run.AssetLink(role: "brand", hash: brandHash)) }
        let start = RunStart(step: .draft, templateID: template.templateID, templateVersion: template.version,
                             modelID: languageModelID.name, modelHash: languageModelID.hash,
                             parameters: Self.parametersJSON(copyPrompt.parameters, channel: channel, maxTokens: maxTokens),
                             seed: seed, inputs: inputs)
        return try recordingRun(start, detail: channel.rawValue) { runID in
            let model = try languageModel()
            // Step 1: the plan.
            let planResult = try generate(model, prompt: model.chatPrompt(messages), maxTokens: planTokens, sampler: planSampler,
                                          schema: try Self.planSchema(facts))
            var plan = (try? JSONDecoder().decode(DraftPlan.self, from: Data(planResult.text.utf8))) ?? DraftPlan(angle: "", facts: [])
            plan.angle = CopyLayout.fit(CopyLayout.clean(plan.angle), 160)
            if facts.selected(plan.chosen).isEmpty { plan.facts = facts.items.prefix(3).map(\.id) }
            // Step 2: the copy, from the chosen facts, in the channel's parts.
            let chosen = facts.selected(plan.chosen)
            let copyText = try copyPrompt.render([
                "product": brief.product, "audience": brief.audience, "angle": plan.angle.isEmpty ? "what the \(brief.product) does for the reader" : plan.angle,
                "facts": chosen.map { "- " + $0.text }.joined(separator: "\n"), "fields": layout.fieldsText,
                "call_to_action": brief.callToAction, "brand_name": brand.name, "word_budget": "75", "length": brief.length ?? "short",
            ].filter { copyPrompt.inputs.contains($0.key) })
            messages.append(ChatTemplate.Message(role: "assistant", content: planResult.text))
            messages.append(ChatTemplate.Message(role: "user", content: copyText))
            let transcriptAsset = try db.storeAsset(text: Self.transcript(messages), mediaType: "text/plain")
            let planAsset = try db.storeAsset(text: planResult.text, mediaType: "application/json")
            let copyAsset = { try db.storeAsset(text: $0, mediaType: "application/json") }
            let result = try generate(model, prompt: model.chatPrompt(messages), maxTokens: maxTokens, sampler: sampler,
                                      schema: try layout.schema(), reusingPrefix: true, onText: onText)
            if result.stopReason == .cancelled { throw Cancelled() }
            let document = try copyAsset(result.text)
            let text = FigureStyle.matching(try layout.render(result.text, callToAction: brief.callToAction),
                                            sources: brief.source + "\n" + (try knowledge().allText()))
            guard (try? CopyText.validate(text)) != nil else {
                throw PipelineError(.generationFailed, "the model wrote nothing for the \(channel.rawValue) draft")
            }
            let output = try db.storeAsset(text: text, mediaType: "text/markdown")
            let piece: Piece = try db.inTransaction {
                // The whole conversation is an output: its second prompt holds the plan the model wrote.
                try db.finishRun(runID, outputs: [Run.AssetLink(role: "plan", hash: planAsset.hash), Run.AssetLink(role: "transcript", hash: transcriptAsset.hash),
                                                  Run.AssetLink(role: "copy", hash: document.hash),
                                                  Run.AssetLink(role: "draft", hash: output.hash)],
                                 tokenCount: planResult.tokens.count + result.tokens.count)
                return try db.createPiece(briefHash: briefAsset.hash, campaign: brief.campaign, channel: channel.rawValue,
                                          assetHash: output.hash, runID: runID, origin: .draft, actor: actor)
            }
            return DraftResult(piece: piece, text: text, assetHash: output.hash, runID: runID, facts: sheet, plan: plan, generation: result)
        }
    }

    /// `{"angle": string, "key_message": one of the brief's key messages' ids, "facts": [1 to 3 of
    /// the list's ids]}`: every piece carries at least one key message.
    static func planSchema(_ facts: FactList) throws -> JSONSchema {
        let ids = facts.items.map { "\"\($0.id)\"" }.joined(separator: ", ")
        let keys = facts.items.filter { $0.source == nil }.map { "\"\($0.id)\"" }
        let most = min(3, facts.items.count)
        let key = keys.isEmpty ? "" : #""key_message": {"enum": [\#(keys.joined(separator: ", "))]}, "#
        let text = #"{"type": "object", "properties": {"angle": {"type": "string", "maxLength": 160}, \#(key)"facts": {"type": "array", "items": {"enum": [\#(ids)]}, "minItems": 1, "maxItems": \#(most)}}, "required": ["angle", \#(keys.isEmpty ? "" : #""key_message", "#)"facts"]}"#
        return try JSONSchema(json: Data(text.utf8))
    }

    /// A conversation as stored for lineage: each turn under its role.
    static func transcript(_ messages: [ChatTemplate.Message]) -> String {
        messages.map { "<\($0.role)>\n\($0.content)\n</\($0.role)>" }.joined(separator: "\n")
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
