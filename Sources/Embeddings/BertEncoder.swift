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
        let c = config, h = c.hidden, n = ids.count
        guard n > 0, n <= c.maxPositions else {
            throw EmbeddingError(.invalidInput, "a sequence needs 1 to \(c.maxPositions) tokens, got \(n)")
        }
        for id in ids where id < 0 || Int(id) >= c.vocabularySize {
            throw EmbeddingError(.invalidInput, "token id \(id) is outside the vocabulary of \(c.vocabularySize)")
        }
        // Buffers, allocated once per call: x, q, k, v, ctx, tmp [n × hidden]; inter [n × intermediate];
        // scores [threads × n]; scratch for the matmuls' prepared inputs.
        func floats(_ count: Int) -> UnsafeMutablePointer<Float> {
            let p = UnsafeMutablePointer<Float>.allocate(capacity: count)
            p.initialize(repeating: 0, count: count)
            return p
        }
        let x = floats(n * h), q = floats(n * h), k = floats(n * h), v = floats(n * h), ctx = floats(n * h), tmp = floats(n * h)
        let inter = floats(n * c.intermediate)
        let scores = floats(pool.threadCount * n)
        let scratch = UnsafeMutableRawPointer.allocate(byteCount: max(h, c.intermediate) * 4 * n + 64, alignment: 64)
        defer {
            for p in [x, q, k, v, ctx, tmp, inter, scores] { p.deallocate() }
            scratch.deallocate()
        }
        let w = weights
        for t in 0..<n {
            let row = x + t * h
            let word = w.wordEmbeddings + Int(ids[t]) * h, pos = w.positionEmbeddings + t * h
            for i in 0..<h { row[i] = word[i] + w.tokenTypeEmbeddings[i] + pos[i] }
            Self.layerNorm(row, weight: w.embeddingNormWeight, bias: w.embeddingNormBias, count: h, eps: c.layerNormEps)
        }
        let pool = self.pool
        let sqrtHalf = Float(0.5).squareRoot()
        for layer in w.layers {
            MatMul.multiply([layer.query, layer.key, layer.value], x, n: n, into: [q, k, v], scratch: scratch, pool: pool)
            VectorOps.addBias(q, layer.queryBias, rows: n, columns: h)
            VectorOps.addBias(k, layer.keyBias, rows: n, columns: h)
            VectorOps.addBias(v, layer.valueBias, rows: n, columns: h)
            Self.attention(q: q, k: k, v: v, into: ctx, scores: scores, n: n, heads: c.heads, headDim: c.headDim, pool: pool)
            MatMul.multiply(layer.attentionOut, ctx, n: n, into: tmp, scratch: scratch, pool: pool)
            for t in 0..<n {
                let row = x + t * h, add = tmp + t * h
                for i in 0..<h { row[i] += add[i] + layer.attentionOutBias[i] }
                Self.layerNorm(row, weight: layer.attentionNormWeight, bias: layer.attentionNormBias, count: h, eps: c.layerNormEps)
            }
            MatMul.multiply(layer.up, x, n: n, into: inter, scratch: scratch, pool: pool)
            for t in 0..<n {
                let row = inter + t * c.intermediate
                for i in 0..<c.intermediate {
                    let z = row[i] + layer.upBias[i]
                    row[i] = 0.5 * z * (1 + erff(z * sqrtHalf))
                }
            }
            MatMul.multiply(layer.down, inter, n: n, into: tmp, scratch: scratch, pool: pool)
            for t in 0..<n {
                let row = x + t * h, add = tmp + t * h
                for i in 0..<h { row[i] += add[i] + layer.downBias[i] }
                Self.layerNorm(row, weight: layer.outputNormWeight, bias: layer.outputNormBias, count: h, eps: c.layerNormEps)
            }
        }
        return Array(UnsafeBufferPointer(start: x, count: n * h))
    }

    /// Bidirectional multi-head attention over all n positions.
    static func attention(q qp: UnsafePointer<Float>, k kp: UnsafePointer<Float>, v vp: UnsafePointer<Float>,
                          into op: UnsafeMutablePointer<Float>, scores sp: UnsafeMutablePointer<Float>,
                          n: Int, heads: Int, headDim: Int, pool: ThreadPool) {
        let h = heads * headDim
        let scale = 1 / Float(headDim).squareRoot()
                pool.run(chunks: n * heads) { job, thread in
                    let t = job / heads, head = job % heads
                    let s = sp + thread * n
                    let qrow = qp + t * h + head * headDim
                    var m = -Float.infinity
                    for j in 0..<n {
                        s[j] = DotProducts.f32(qrow, kp + j * h + head * headDim, count: headDim) * scale
                        m = max(m, s[j])
                    }
                    var sum: Float = 0
                    for j in 0..<n { s[j] = expf(s[j] - m); sum += s[j] }
                    let inv = 1 / sum
                    let o = op + t * h + head * headDim
                    for d in 0..<headDim { o[d] = 0 }
                    for j in 0..<n {
                        let p = s[j] * inv
                        let vrow = vp + j * h + head * headDim
                        for d in 0..<headDim { o[d] += p * vrow[d] }
                    }
                }
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
