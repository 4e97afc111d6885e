import Foundation
import Store
import TextGeneration

/// The language model as a fact-check judge for claims the deterministic rules cannot decide:
/// the `factcheck-judge` template, greedy decoding, and output constrained to
/// `{"verdict": "supported" | "contradicted" | "unverifiable", "reason": string}`.
public final class LanguageModelJudge {
    /// The judge's answer.
    public struct Ruling: Sendable, Equatable, Decodable {
        public var verdict: String
        public var reason: String
    }

    static let schema = #"""
        {"type": "object", "properties": {
            "verdict": {"type": "string", "enum": ["supported", "contradicted", "unverifiable"]},
            "reason": {"type": "string"}},
         "required": ["verdict", "reason"]}
        """#

    let studio: Studio
    let schema: JSONSchema
    /// Rulings already given in this session, by prompt (greedy decoding gives the same answer).
    private var memo: [String: Ruling] = [:]

    public init(studio: Studio) throws {
        self.studio = studio
        schema = try JSONSchema(json: Data(Self.schema.utf8))
    }

    /// Asks the model about one claim, recording the run (step "judge").
    public func rule(claim: String, evidence: [String]) throws -> Ruling {
        let db = studio.database
        let version = try db.labelledTemplate("factcheck-judge")
        let template = try version.template()
        let evidenceText = evidence.isEmpty ? "(none)" : evidence.map { "- " + $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n")
        let prompt = try template.render(["claim": claim, "evidence": evidenceText])
        if let known = memo[prompt] { return known }
        let (sampler, maxTokens) = Studio.sampler(template.parameters, seed: 0)
        let promptAsset = try db.storeAsset(text: prompt, mediaType: "text/plain")
        let start = RunStart(step: .judge, templateID: version.templateID, templateVersion: version.version,
                             modelID: studio.languageModelID.name, modelHash: studio.languageModelID.hash,
                             parameters: Studio.parametersJSON(template.parameters, channel: nil, maxTokens: maxTokens),
                             seed: 0, inputs: [Run.AssetLink(role: "prompt", hash: promptAsset.hash)])
        return try studio.recordingRun(start) { runID in
            let model = try studio.languageModel()
            let result = try studio.generate(model, prompt: model.chatPrompt(user: prompt), maxTokens: maxTokens, sampler: sampler, schema: schema)
            let ruling: Ruling
            do {
                ruling = try JSONDecoder().decode(Ruling.self, from: Data(result.text.utf8))
            } catch {
                // A document cut off by the token limit: the verdict is still usable if it came first.
                guard let verdict = ["supported", "contradicted", "unverifiable"].first(where: { result.text.contains("\"\($0)\"") }) else {
                    throw PipelineError(.generationFailed, "the judge's answer is not complete JSON: \(result.text)")
                }
                ruling = Ruling(verdict: verdict, reason: "")
            }
            let output = try db.storeAsset(text: result.text, mediaType: "application/json")
            try db.finishRun(runID, outputs: [Run.AssetLink(role: "ruling", hash: output.hash)], tokenCount: result.tokens.count)
            memo[prompt] = ruling
            return ruling
        }
    }
}
