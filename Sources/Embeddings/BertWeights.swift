import Compute
import ModelFormats

/// Views over a BERT safetensors file (F32 weights used in place).
struct BertWeights: @unchecked Sendable {
    struct Layer {
        /// [hidden → hidden] ×4 with biases [hidden]
        let query: WeightMatrix, key: WeightMatrix, value: WeightMatrix, attentionOut: WeightMatrix
        let queryBias: UnsafePointer<Float>, keyBias: UnsafePointer<Float>, valueBias: UnsafePointer<Float>, attentionOutBias: UnsafePointer<Float>
        /// LayerNorm after attention: [hidden] weight and bias
        let attentionNormWeight: UnsafePointer<Float>, attentionNormBias: UnsafePointer<Float>
        /// [hidden → intermediate], [intermediate → hidden]
        let up: WeightMatrix, down: WeightMatrix
        let upBias: UnsafePointer<Float>, downBias: UnsafePointer<Float>
        let outputNormWeight: UnsafePointer<Float>, outputNormBias: UnsafePointer<Float>
        /// The same weights repacked for the tiled product (nil where a width is not a multiple of 32).
        let packedQKV: [PackedLinear]?, packedAttentionOut: PackedLinear?, packedUp: PackedLinear?, packedDown: PackedLinear?
    }

    /// [vocab × hidden], [positions × hidden], [2 × hidden]
    let wordEmbeddings: UnsafePointer<Float>
    let positionEmbeddings: UnsafePointer<Float>
    let tokenTypeEmbeddings: UnsafePointer<Float>
    let embeddingNormWeight: UnsafePointer<Float>, embeddingNormBias: UnsafePointer<Float>
    let layers: [Layer]

    init(file: SafetensorsFile, config c: BertConfig) throws {
        // Some exports prefix every name with "bert.".
        let prefix = file.tensors["bert.embeddings.word_embeddings.weight"] != nil ? "bert." : ""
        func f32(_ name: String, _ shape: [Int]) throws -> UnsafePointer<Float> {
            let t = try file.tensor(prefix + name)
            guard t.dtype == .f32 else { throw EmbeddingError(.invalidModel, "\(file.path): tensor '\(t.name)' is \(t.dtype.rawValue); F32 expected") }
            guard t.shape == shape else { throw EmbeddingError(.invalidModel, "\(file.path): tensor '\(t.name)' has shape \(t.shape), expected \(shape)") }
            return file.data(of: t).assumingMemoryBound(to: Float.self)
        }
        func matrix(_ name: String, rows: Int, columns: Int) throws -> WeightMatrix {
            WeightMatrix(type: .f32, data: UnsafeRawPointer(try f32(name, [rows, columns])), rows: rows, columns: columns)
        }
        let h = c.hidden
        wordEmbeddings = try f32("embeddings.word_embeddings.weight", [c.vocabularySize, h])
        positionEmbeddings = try f32("embeddings.position_embeddings.weight", [c.maxPositions, h])
        tokenTypeEmbeddings = try f32("embeddings.token_type_embeddings.weight", [2, h])
        embeddingNormWeight = try f32("embeddings.LayerNorm.weight", [h])
        embeddingNormBias = try f32("embeddings.LayerNorm.bias", [h])
        var layers: [Layer] = []
        for i in 0..<c.layers {
            let p = "encoder.layer.\(i)."
            layers.append(Layer(
                query: try matrix(p + "attention.self.query.weight", rows: h, columns: h),
                key: try matrix(p + "attention.self.key.weight", rows: h, columns: h),
                value: try matrix(p + "attention.self.value.weight", rows: h, columns: h),
                attentionOut: try matrix(p + "attention.output.dense.weight", rows: h, columns: h),
                queryBias: try f32(p + "attention.self.query.bias", [h]),
                keyBias: try f32(p + "attention.self.key.bias", [h]),
                valueBias: try f32(p + "attention.self.value.bias", [h]),
                attentionOutBias: try f32(p + "attention.output.dense.bias", [h]),
                attentionNormWeight: try f32(p + "attention.output.LayerNorm.weight", [h]),
                attentionNormBias: try f32(p + "attention.output.LayerNorm.bias", [h]),
                up: try matrix(p + "intermediate.dense.weight", rows: c.intermediate, columns: h),
                down: try matrix(p + "output.dense.weight", rows: h, columns: c.intermediate),
                upBias: try f32(p + "intermediate.dense.bias", [c.intermediate]),
                downBias: try f32(p + "output.dense.bias", [h]),
                outputNormWeight: try f32(p + "output.LayerNorm.weight", [h]),
                outputNormBias: try f32(p + "output.LayerNorm.bias", [h]),
                packedQKV: h % PackedLinear.panelWidth == 0 ? try ["query", "key", "value"].map {
                    PackedLinear(try f32(p + "attention.self.\($0).weight", [h, h]), outputs: h, inputs: h)!
                } : nil,
                packedAttentionOut: PackedLinear(try f32(p + "attention.output.dense.weight", [h, h]), outputs: h, inputs: h),
                packedUp: PackedLinear(try f32(p + "intermediate.dense.weight", [c.intermediate, h]), outputs: c.intermediate, inputs: h),
                packedDown: PackedLinear(try f32(p + "output.dense.weight", [h, c.intermediate]), outputs: h, inputs: c.intermediate)))
        }
        self.layers = layers
    }
}
