import Foundation

/// BERT hyper-parameters from `config.json`.
public struct BertConfig: Sendable {
    public let hidden: Int
    public let layers: Int
    public let heads: Int
    public let intermediate: Int
    public let maxPositions: Int
    public let vocabularySize: Int
    public let layerNormEps: Float

    public var headDim: Int { hidden / heads }

    public init(file: String) throws {
        guard let data = FileManager.default.contents(atPath: file),
              let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw EmbeddingError(.invalidModel, "\(file): cannot read the model configuration (JSON)")
        }
        func int(_ key: String) throws -> Int {
            guard let v = json[key] as? Int, v > 0 else { throw EmbeddingError(.invalidModel, "\(file): missing or invalid '\(key)'") }
            return v
        }
        if let type = json["model_type"] as? String, type != "bert" {
            throw EmbeddingError(.invalidModel, "\(file): model_type '\(type)' is not supported (bert)")
        }
        if let act = json["hidden_act"] as? String, act != "gelu" {
            throw EmbeddingError(.invalidModel, "\(file): hidden_act '\(act)' is not supported (gelu)")
        }
        hidden = try int("hidden_size")
        layers = try int("num_hidden_layers")
        heads = try int("num_attention_heads")
        intermediate = try int("intermediate_size")
        maxPositions = try int("max_position_embeddings")
        vocabularySize = try int("vocab_size")
        layerNormEps = Float(json["layer_norm_eps"] as? Double ?? 1e-12)
        guard hidden % heads == 0 else { throw EmbeddingError(.invalidModel, "\(file): \(heads) heads do not divide \(hidden)") }
    }
}
