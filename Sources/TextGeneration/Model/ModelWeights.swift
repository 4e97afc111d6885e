import Compute
import ModelFormats

/// Views over the memory-mapped weights; nothing is copied or dequantized at load.
struct ModelWeights: @unchecked Sendable {
    struct Layer {
        /// [dim] F32
        let attentionNorm: UnsafePointer<Float>
        /// [dim → dim], [dim → kvDim], [dim → kvDim]
        let wq: WeightMatrix, wk: WeightMatrix, wv: WeightMatrix
        /// Biases [dim], [kvDim], [kvDim] (Qwen2)
        let bq: UnsafePointer<Float>?, bk: UnsafePointer<Float>?, bv: UnsafePointer<Float>?
        /// [dim → dim]
        let wo: WeightMatrix
        /// [dim] F32
        let ffnNorm: UnsafePointer<Float>
        /// [dim → hidden] ×2, [hidden → dim]
        let gate: WeightMatrix, up: WeightMatrix, down: WeightMatrix

        /// Q, K and V share an encoding, so one job can run all three.
        var sameQKVType: Bool { wq.type == wk.type && wk.type == wv.type }
    }

    /// [vocab rows × dim]
    let tokenEmbedding: WeightMatrix
    let layers: [Layer]
    /// [dim] F32
    let outputNorm: UnsafePointer<Float>
    /// [dim → vocab]; the embedding when tied.
    let output: WeightMatrix
    /// [ropeDims / 2] F32: per-frequency divisors of the rotation angle (Llama 3.1 `rope_freqs.weight`).
    let ropeFreqFactors: UnsafePointer<Float>?

    /// Float copies of the Q4_1 and Q8_0 block scales (owned here; the matrices point into them).
    let scaleTables: [BlockScaleTable]
    /// Q4_K matrices rearranged for the x86 kernels (owned here; the matrices point into them).
    let interleavedTables: [Q4_KInterleaved]

    /// - Parameter checkpoint: called before each weight matrix is built (the work of loading:
    ///   scale tables, rearranged copies); what it throws stops the load.
    init(file: GGUFFile, config c: ModelConfig, checkpoint: () throws(TextGenerationError) -> Void = {}) throws(TextGenerationError) {
        var tables: [BlockScaleTable] = []
        var interleavedTables: [Q4_KInterleaved] = []
        func matrix(_ name: String, rows: Int, columns: Int, interleave: Bool = true) throws(TextGenerationError) -> WeightMatrix {
            try checkpoint()
            let t: GGUFTensorInfo
            do { t = try file.tensor(name) } catch { throw TextGenerationError(.invalidModel, wrapping: error) }
            guard t.columns == columns, t.rows == rows else {
                throw TextGenerationError(.invalidModel, "\(file.path): tensor '\(name)' has shape \(t.shape), expected [\(columns), \(rows)]")
            }
            guard t.type != .q8_1 else {
                throw TextGenerationError(.invalidModel, "\(file.path): tensor '\(name)' has type Q8_1, which is not a storage type")
            }
            var w = WeightMatrix(type: t.type, data: file.data(of: t), rows: rows, columns: columns)
            if w.type == .q4_1 || w.type == .q8_0, let table = BlockScaleTable(w) {
                tables.append(table)
                w.scales = table.pointer
            }
            if MatMul.integerKernels, interleave, let table = Q4_KInterleaved(w) {
                interleavedTables.append(table)
                w.interleaved = table.pointer
                // The kernels read only the rearranged copy: the file's pages can leave memory.
                file.release(w.data, byteCount: w.rows * w.rowBytes)
            }
            return w
        }
        func vector(_ name: String, _ count: Int) throws(TextGenerationError) -> UnsafePointer<Float> {
            let t: GGUFTensorInfo
            do { t = try file.tensor(name) } catch { throw TextGenerationError(.invalidModel, wrapping: error) }
            guard t.type == .f32, t.elementCount == count else {
                throw TextGenerationError(.invalidModel, "\(file.path): tensor '\(name)' must be F32 with \(count) elements (is \(t.type) \(t.shape))")
            }
            return file.data(of: t).assumingMemoryBound(to: Float.self)
        }
        // The embedding is read a row at a time (and as the output head when tied): kept as in the file.
        tokenEmbedding = try matrix("token_embd.weight", rows: c.vocabularySize, columns: c.dim, interleave: false)
        var layers: [Layer] = []
        for i in 0..<c.layers {
            let p = "blk.\(i)."
            layers.append(Layer(
                attentionNorm: try vector(p + "attn_norm.weight", c.dim),
                wq: try matrix(p + "attn_q.weight", rows: c.heads * c.headDim, columns: c.dim),
                wk: try matrix(p + "attn_k.weight", rows: c.kvDim, columns: c.dim),
                wv: try matrix(p + "attn_v.weight", rows: c.kvDim, columns: c.dim),
                bq: c.architecture.qkvBias ? try vector(p + "attn_q.bias", c.heads * c.headDim) : nil,
                bk: c.architecture.qkvBias ? try vector(p + "attn_k.bias", c.kvDim) : nil,
                bv: c.architecture.qkvBias ? try vector(p + "attn_v.bias", c.kvDim) : nil,
                wo: try matrix(p + "attn_output.weight", rows: c.dim, columns: c.heads * c.headDim),
                ffnNorm: try vector(p + "ffn_norm.weight", c.dim),
                gate: try matrix(p + "ffn_gate.weight", rows: c.hiddenDim, columns: c.dim),
                up: try matrix(p + "ffn_up.weight", rows: c.hiddenDim, columns: c.dim),
                down: try matrix(p + "ffn_down.weight", rows: c.dim, columns: c.hiddenDim)))
        }
        self.layers = layers
        outputNorm = try vector("output_norm.weight", c.dim)
        if file.tensorsByName["output.weight"] != nil {
            output = try matrix("output.weight", rows: c.vocabularySize, columns: c.dim)
        } else {
            output = tokenEmbedding
        }
        ropeFreqFactors = file.tensorsByName["rope_freqs.weight"] != nil ? try vector("rope_freqs.weight", c.ropeDims / 2) : nil
        scaleTables = tables
        self.interleavedTables = interleavedTables
    }
}
