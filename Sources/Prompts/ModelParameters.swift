/// Generation settings declared in a template's `[model]` table.
public struct ModelParameters: Sendable, Equatable, Codable {
    public var temperature: Double?
    public var topP: Double?
    public var topK: Int?
    public var minP: Double?
    public var maxTokens: Int?
    public var repetitionPenalty: Double?
    /// The model name in the cache, when the template asks for a particular one.
    public var model: String?

    public init(temperature: Double? = nil, topP: Double? = nil, topK: Int? = nil, minP: Double? = nil,
                maxTokens: Int? = nil, repetitionPenalty: Double? = nil, model: String? = nil) {
        self.temperature = temperature
        self.topP = topP
        self.topK = topK
        self.minP = minP
        self.maxTokens = maxTokens
        self.repetitionPenalty = repetitionPenalty
        self.model = model
    }

    enum CodingKeys: String, CodingKey {
        case temperature, topP = "top_p", topK = "top_k", minP = "min_p", maxTokens = "max_tokens"
        case repetitionPenalty = "repetition_penalty", model
    }
}
