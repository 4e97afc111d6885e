/// How the next token is chosen. Temperature 0 is greedy decoding.
public struct SamplerParameters: Sendable, Equatable {
    public var temperature: Float = 0.7
    public var topK: Int = 40
    public var topP: Float = 0.95
    public var minP: Float = 0.05
    /// Divides positive logits (multiplies negative ones) of tokens seen in the last `penaltyLastN`.
    public var repetitionPenalty: Float = 1.0
    /// Subtracts count × penalty from the logits of seen tokens.
    public var frequencyPenalty: Float = 0
    /// Subtracts the penalty once from the logits of seen tokens.
    public var presencePenalty: Float = 0
    public var penaltyLastN: Int = 64
    public var seed: UInt64 = 0

    public init() {}

    /// Greedy decoding, no penalties.
    public static var greedy: SamplerParameters {
        var p = SamplerParameters()
        p.temperature = 0
        return p
    }
}
