import ModelFormats

/// Hyper-parameters of a Llama-family transformer, read from GGUF metadata.
public struct ModelConfig: Sendable {
    public let architecture: Architecture
    /// Embedding width (576 for SmolLM2-135M).
    public let dim: Int
    /// Feed-forward width.
    public let hiddenDim: Int
    public let layers: Int
    public let heads: Int
    public let kvHeads: Int
    public let headDim: Int
    public let vocabularySize: Int
    /// The context length the model was trained for.
    public let trainedContext: Int
    public let normEps: Float
    public let ropeBase: Float
    /// Leading dimensions of each head that rotate.
    public let ropeDims: Int
    /// Linear RoPE scaling (1 / factor).
    public let ropeFreqScale: Float

    public var kvDim: Int { kvHeads * headDim }

    public init(file: GGUFFile) throws(TextGenerationError) {
        guard let archName = file.architecture else {
            throw TextGenerationError(.invalidModel, "\(file.path): no general.architecture in the file")
        }
        guard let arch = Architecture.named(archName) else {
            throw TextGenerationError(.unsupportedArchitecture, "\(file.path): architecture '\(archName)' is not supported (supported: \(Architecture.all.map(\.name).joined(separator: ", ")))")
        }
        func int(_ key: String) throws(TextGenerationError) -> Int {
            guard let v = file.int("\(archName).\(key)"), v > 0 else {
                throw TextGenerationError(.invalidModel, "\(file.path): missing or invalid \(archName).\(key)")
            }
            return v
        }
        architecture = arch
        dim = try int("embedding_length")
        hiddenDim = try int("feed_forward_length")
        layers = try int("block_count")
        heads = try int("attention.head_count")
        kvHeads = file.int("\(archName).attention.head_count_kv") ?? heads
        guard dim % heads == 0, heads % kvHeads == 0 else {
            throw TextGenerationError(.invalidModel, "\(file.path): \(heads) heads do not divide embedding \(dim) or \(kvHeads) KV heads")
        }
        headDim = file.int("\(archName).attention.key_length") ?? dim / heads
        trainedContext = try int("context_length")
        normEps = file.float("\(archName).attention.layer_norm_rms_epsilon") ?? 1e-5
        ropeBase = file.float("\(archName).rope.freq_base") ?? 10000
        ropeDims = file.int("\(archName).rope.dimension_count") ?? headDim
        let scalingType = file.string("\(archName).rope.scaling.type") ?? "none"
        let factor = file.float("\(archName).rope.scaling.factor") ?? 1
        switch scalingType {
        case "none": ropeFreqScale = 1
        case "linear": ropeFreqScale = factor > 0 ? 1 / factor : 1
        default:
            throw TextGenerationError(.invalidModel, "\(file.path): rope scaling '\(scalingType)' is not supported (none, linear)")
        }
        let vocab = file.strings("tokenizer.ggml.tokens")?.count ?? 0
        vocabularySize = vocab
    }
}
