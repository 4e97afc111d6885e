import Foundation
import Store
import Support
import TextGeneration

/// A prompt for the language model, as `copydesk generate` takes it.
public struct GenerationRequest: Sendable {
    /// The user's message, or the whole prompt when `raw`.
    public var prompt: String
    public var system: String?
    /// Tokenize the prompt as given (special tokens parsed), without the chat template.
    public var raw = false
    public var maxTokens = 256
    public var sampler = SamplerParameters()
    /// Constrain the output to JSON matching this schema, with the schema's text for the record.
    public var schema: (schema: JSONSchema, source: String)?

    public init(prompt: String, system: String? = nil) {
        self.prompt = prompt
        self.system = system
    }
}

extension Studio {
    /// Answers a prompt with the language model, streaming through the job's token events and
    /// `onText`, and records the run (step `generate`: the prompt in, the text out); a cancelled
    /// generation is recorded as cancelled and throws `Cancelled`.
    /// Returns the result and the run's id.
    public func generate(_ request: GenerationRequest, onText: (String) -> Bool = { _ in true }) throws -> (result: GenerationResult, runID: Int64) {
        let db = database
        let promptText = request.system.map { "<system>\n\($0)\n</system>\n<user>\n\(request.prompt)\n</user>" } ?? request.prompt
        let promptAsset = try db.storeAsset(text: promptText, mediaType: "text/plain")
        var inputs = [Run.AssetLink(role: "prompt", hash: promptAsset.hash)]
        if let schema = request.schema {
            inputs.append(Run.AssetLink(role: "schema", hash: try db.storeAsset(text: schema.source, mediaType: "application/schema+json").hash))
        }
        let start = RunStart(step: .generate, modelID: languageModelID.name, modelHash: languageModelID.hash,
                             parameters: Self.parametersJSON(request, contextLength: contextLength), seed: request.sampler.seed, inputs: inputs)
        return try recordingRun(start) { runID in
            let model = try languageModel()
            let tokens = request.raw ? model.tokenizer.encode(request.prompt, parseSpecial: true)
                                     : model.chatPrompt(user: request.prompt, system: request.system)
            let result = try generate(model, prompt: tokens, maxTokens: request.maxTokens, sampler: request.sampler,
                                      schema: request.schema?.schema, onText: onText)
            if result.stopReason == .cancelled { throw Cancelled() }
            let output = try db.storeAsset(text: result.text, mediaType: "text/plain")
            try db.finishRun(runID, outputs: [Run.AssetLink(role: "text", hash: output.hash)], tokenCount: result.tokens.count)
            return (result, runID)
        }
    }

    /// Canonical JSON of a request's generation settings (keys sorted).
    static func parametersJSON(_ r: GenerationRequest, contextLength: Int) -> String {
        let s = r.sampler
        let fields = ["\"context\":\(contextLength)", "\"max_tokens\":\(r.maxTokens)", "\"min_p\":\(s.minP)", "\"raw\":\(r.raw)",
                      "\"repetition_penalty\":\(s.repetitionPenalty)", "\"temperature\":\(s.temperature)", "\"top_k\":\(s.topK)", "\"top_p\":\(s.topP)"]
        return "{" + fields.joined(separator: ",") + "}"
    }
}
