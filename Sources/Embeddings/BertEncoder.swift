import Compute
import Foundation
import ModelFormats

/// A BERT encoder over a memory-mapped safetensors file. One thread at a time.
public final class BertEncoder {
    public let config: BertConfig
    let file: SafetensorsFile
    let weights: BertWeights
    let pool: ThreadPool

    public init(safetensors path: String, config: String, threads: Int? = nil) throws {
        self.config = try BertConfig(file: config)
        file = try SafetensorsFile(path: path)
        weights = try BertWeights(file: file, config: self.config)
        pool = ThreadPool(threads: threads)
    }

    public var threads: Int { pool.threadCount }

    /// The last hidden state for one sequence: [ids.count × hidden], row-major.
    public func encode(_ ids: [Int32]) throws -> [Float] {
        try encode(batch: [ids])[0]
    }

    /// The last hidden states of several sequences, computed together: their tokens are stacked
    /// for the matrix products (no padding needed), attention stays within each sequence.
    public func encode(batch: [[Int32]]) throws -> [[Float]] {
        let c = config, h = c.hidden
        for ids in batch {
            guard !ids.isEmpty, ids.count <= c.maxPositions else {
                throw EmbeddingError(.invalidInput, "a sequence needs 1 to \(c.maxPositions) tokens, got \(ids.count)")
            }
            for id in ids where id < 0 || Int(id) >= c.vocabularySize {
                throw EmbeddingError(.invalidInput, "token id \(id) is outside the vocabulary of \(c.vocabularySize)")
            }
        }
        guard !batch.isEmpty else { return [] }
        // Sequence s occupies rows starts[s] ..< starts[s] + batch[s].count.
        var starts: [Int] = []
        var n = 0
        for ids in batch { starts.append(n); n += ids.count }
        let longest = batch.map(\.count).max()!
        // Buffers, allocated once per call: x, q, k, v, ctx, tmp [n × hidden]; inter [n × intermediate];
        // scores [threads × n]; scratch for the matmuls' prepared inputs.
        func floats(_ count: Int) -> UnsafeMutablePointer<Float> {
            let p = UnsafeMutablePointer<Float>.allocate(capacity: count)
            p.initialize(repeating: 0, count: count)
            return p
        }
        let x = floats(n * h), q = floats(n * h), k = floats(n * h), v = floats(n * h), ctx = floats(n * h), tmp = floats(n * h)
        let inter = floats(n * c.intermediate)
        let scores = floats(pool.threadCount * longest)
        let scratch = UnsafeMutableRawPointer.allocate(byteCount: max(h, c.intermediate) * 4 * n + 64, alignment: 64)
        defer {
            for p in [x, q, k, v, ctx, tmp, inter, scores] { p.deallocate() }
            scratch.deallocate()
        }
        let w = weights
        for (s, ids) in batch.enumerated() {
            for (t, id) in ids.enumerated() {
                let row = x + (starts[s] + t) * h
                let word = w.wordEmbeddings + Int(id) * h, pos = w.positionEmbeddings + t * h
                for i in 0..<h { row[i] = word[i] + w.tokenTypeEmbeddings[i] + pos[i] }
                Self.layerNorm(row, weight: w.embeddingNormWeight, bias: w.embeddingNormBias, count: h, eps: c.layerNormEps)
            }
        }
        let lengths = batch.map(\.count)
        let pool = self.pool
        for layer in w.layers {
            if let packed = layer.packedQKV {
                PackedLinear.multiply(packed, x, n: n, into: [q, k, v], outStride: [h, h, h], pool: pool)
            } else {
                MatMul.multiply([layer.query, layer.key, layer.value], x, n: n, into: [q, k, v], scratch: scratch, pool: pool)
            }
            VectorOps.addBias(q, layer.queryBias, rows: n, columns: h)
            VectorOps.addBias(k, layer.keyBias, rows: n, columns: h)
            VectorOps.addBias(v, layer.valueBias, rows: n, columns: h)
            Self.attention(q: q, k: k, v: v, into: ctx, scores: scores, starts: starts, lengths: lengths, longest: longest,
                           heads: c.heads, headDim: c.headDim, pool: pool)
            Self.linear(layer.packedAttentionOut, layer.attentionOut, ctx, n: n, into: tmp, scratch: scratch, pool: pool)
            Self.residualLayerNorm(x, add: tmp, bias: layer.attentionOutBias, weight: layer.attentionNormWeight, normBias: layer.attentionNormBias,
                                   rows: n, count: h, eps: c.layerNormEps, pool: pool)
            Self.linear(layer.packedUp, layer.up, x, n: n, into: inter, scratch: scratch, pool: pool)
            Self.biasGELU(inter, bias: layer.upBias, rows: n, count: c.intermediate, pool: pool)
            Self.linear(layer.packedDown, layer.down, inter, n: n, into: tmp, scratch: scratch, pool: pool)
            Self.residualLayerNorm(x, add: tmp, bias: layer.downBias, weight: layer.outputNormWeight, normBias: layer.outputNormBias,
                                   rows: n, count: h, eps: c.layerNormEps, pool: pool)
        }
        return batch.indices.map { s in Array(UnsafeBufferPointer(start: x + starts[s] * h, count: lengths[s] * h)) }
    }

    /// x · Wᵀ with the packed weights when there are some, else the generic product.
    static func linear(_ packed: PackedLinear?, _ w: WeightMatrix, _ x: UnsafePointer<Float>, n: Int, into out: UnsafeMutablePointer<Float>,
                       scratch: UnsafeMutableRawPointer, pool: ThreadPool) {
        if let packed {
            packed.multiply(x, n: n, into: out, outStride: packed.outputs, pool: pool)
        } else {
            MatMul.multiply(w, x, n: n, into: out, scratch: scratch, pool: pool)
        }
    }

    /// Bidirectional multi-head attention within each sequence of the stacked batch.
    static func attention(q qp: UnsafePointer<Float>, k kp: UnsafePointer<Float>, v vp: UnsafePointer<Float>,
                          into op: UnsafeMutablePointer<Float>, scores sp: UnsafeMutablePointer<Float>,
                          starts: [Int], lengths: [Int], longest: Int,
                          heads: Int, headDim: Int, pool: ThreadPool) {
        let h = heads * headDim
        let scale = 1 / Float(headDim).squareRoot()
        // One job per (token, head) over all sequences; `owner[row]` is the token's sequence.
        var owner: [Int] = []
        for (s, len) in lengths.enumerated() { owner += repeatElement(s, count: len) }
        let total = owner.count
        owner.withUnsafeBufferPointer { ob in
            pool.run(chunks: total * heads) { job, thread in
                let row = job / heads, head = job % heads
                let seq = ob[row]
                let first = starts[seq], n = lengths[seq]
                let s = sp + thread * longest
                let qrow = qp + row * h + head * headDim
                let o = op + row * h + head * headDim
                if headDim == 32 {
                    // Two 16-wide halves per head row (MiniLM and most small BERTs).
                    let q0 = load(qrow), q1 = load(qrow + 16)
                    var m = -Float.infinity
                    for j in 0..<n {
                        let krow = kp + (first + j) * h + head * headDim
                        s[j] = (q0 * load(krow)).addingProduct(q1, load(krow + 16)).sum() * scale
                        m = max(m, s[j])
                    }
                    var sum: Float = 0
                    for j in 0..<n { s[j] = expf(s[j] - m); sum += s[j] }
                    let inv = 1 / sum
                    var o0 = SIMD16<Float>(), o1 = SIMD16<Float>()
                    for j in 0..<n {
                        let p = SIMD16<Float>(repeating: s[j] * inv)
                        let vrow = vp + (first + j) * h + head * headDim
                        o0 = o0.addingProduct(p, load(vrow))
                        o1 = o1.addingProduct(p, load(vrow + 16))
                    }
                    store(o0, o)
                    store(o1, o + 16)
                    return
                }
                var m = -Float.infinity
                for j in 0..<n {
                    s[j] = DotProducts.f32(qrow, kp + (first + j) * h + head * headDim, count: headDim) * scale
                    m = max(m, s[j])
                }
                var sum: Float = 0
                for j in 0..<n { s[j] = expf(s[j] - m); sum += s[j] }
                let inv = 1 / sum
                for d in 0..<headDim { o[d] = 0 }
                for j in 0..<n {
                    let p = s[j] * inv
                    let vrow = vp + (first + j) * h + head * headDim
                    for d in 0..<headDim { o[d] += p * vrow[d] }
                }
            }
        }
    }

    /// erf(x) by Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7), branch-free so the
    /// GELU loop vectorises.
    @inline(__always)
    static func erf(_ x: Float) -> Float {
        let a = abs(x)
        let t = 1 / (1 + 0.3275911 * a)
        let poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
        let y = 1 - poly * ExactMath.exp(-a * a)
        return x < 0 ? -y : y
    }

    /// In-place LayerNorm: (x − mean) / sqrt(var + eps) · weight + bias.
    static func layerNorm(_ x: UnsafeMutablePointer<Float>, weight: UnsafePointer<Float>, bias: UnsafePointer<Float>, count: Int, eps: Float) {
        var mean: Float = 0
        for i in 0..<count { mean += x[i] }
        mean /= Float(count)
        var variance: Float = 0
        for i in 0..<count { let d = x[i] - mean; variance += d * d }
        variance /= Float(count)
        let inv = 1 / (variance + eps).squareRoot()
        for i in 0..<count { x[i] = (x[i] - mean) * inv * weight[i] + bias[i] }
    }
}
