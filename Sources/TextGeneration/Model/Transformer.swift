import Compute
import ModelFormats
import Support

/// A Llama-family decoder over a memory-mapped GGUF file: the weights, the run state and the
/// KV cache. Belongs to one thread at a time.
public final class Transformer {
    public let config: ModelConfig
    public let file: GGUFFile
    let weights: ModelWeights
    let state: RunState
    let pool: ThreadPool
    /// Positions filled in the KV cache.
    public private(set) var position = 0

    /// Context positions available.
    public var contextLength: Int { state.contextLength }

    /// - Parameters:
    ///   - contextLength: the most positions (default: what the model was trained for). The KV cache
    ///     starts small and doubles as the context fills, so a long context costs memory only once used.
    ///   - threads: compute threads (default: active processors).
    ///   - cancellation: checked before each weight matrix is prepared and before the run state is
    ///     allocated; when it is set, loading stops with an error whose code is `.cancelled`.
    public init(file: GGUFFile, contextLength: Int? = nil, threads: Int? = nil, maxBatch: Int = 512,
                cancellation: CancellationToken? = nil) throws(TextGenerationError) {
        func check() throws(TextGenerationError) {
            if cancellation?.isCancelled == true { throw TextGenerationError(.cancelled, "cancelled while loading the model") }
        }
        try check()
        let config = try ModelConfig(file: file)
        self.config = config
        self.file = file
        weights = try ModelWeights(file: file, config: config, checkpoint: check)
        try check()
        pool = ThreadPool(threads: threads)
        let ctx = max(16, min(contextLength ?? config.trainedContext, config.trainedContext))
        state = RunState(config: config, contextLength: ctx, maxBatch: maxBatch, threads: pool.threadCount)
    }

    /// The thread count in use.
    public var threads: Int { pool.threadCount }

    /// Forgets the KV cache.
    public func reset() { position = 0 }

    /// Rewinds to an earlier position (to reuse a shared prompt prefix).
    public func rewind(to pos: Int) { position = min(position, max(0, pos)) }

    /// Runs one token at the next position and returns the logits.
    public func forward(token: Int32) throws(TextGenerationError) -> UnsafeBufferPointer<Float> {
        try forward(tokens: [token])
    }

    /// Runs `tokens` at the next positions (prefill in batches) and returns the last position's logits.
    ///
    /// When `cancellation` is asked to stop between two batches, the positions run so far are
    /// forgotten and the error's code is `.cancelled`.
    public func forward(tokens: [Int32], cancellation: CancellationToken? = nil) throws(TextGenerationError) -> UnsafeBufferPointer<Float> {
        guard !tokens.isEmpty else { throw TextGenerationError(.invalidArgument, "no tokens to run") }
        guard position + tokens.count <= state.contextLength else {
            throw TextGenerationError(.contextFull, "the context is full: \(position) + \(tokens.count) tokens exceed the \(state.contextLength)-token context; shorten the prompt or raise --context")
        }
        for t in tokens where t < 0 || Int(t) >= config.vocabularySize {
            throw TextGenerationError(.invalidArgument, "token id \(t) is outside the vocabulary of \(config.vocabularySize)")
        }
        state.reserve(position + tokens.count, filled: position)
        var start = 0
        let first = position
        while start < tokens.count {
            if cancellation?.isCancelled == true {
                position = first
                throw TextGenerationError(.cancelled, "cancelled")
            }
            let n = min(state.maxBatch, tokens.count - start)
            tokens[start..<(start + n)].withUnsafeBufferPointer { batch in
                forwardBatch(batch, last: start + n == tokens.count)
            }
            start += n
        }
        return UnsafeBufferPointer(start: state.logits, count: config.vocabularySize)
    }

    /// The forward pass for `n` tokens at positions position..<position+n.
    private func forwardBatch(_ tokens: UnsafeBufferPointer<Int32>, last: Bool) {
        let c = config, s = state
        let n = tokens.count
        let dim = c.dim, kvDim = c.kvDim, qDim = c.heads * c.headDim, hidden = c.hiddenDim
        let pos0 = position
        for (t, token) in tokens.enumerated() {
            weights.tokenEmbedding.decodeRow(Int(token), into: s.x + t * dim)
        }
        let scale = 1 / Float(c.headDim).squareRoot()
        let group = c.heads / c.kvHeads
        for (l, w) in weights.layers.enumerated() {
            // Attention block.
            for t in 0..<n {
                VectorOps.rmsNorm(s.x + t * dim, weight: w.attentionNorm, into: s.xb + t * dim, count: dim, eps: c.normEps)
            }
            if w.sameQKVType {
                MatMul.multiply([w.wq, w.wk, w.wv], s.xb, n: n, into: [s.q, s.k, s.v], scratch: s.scratch, pool: pool)
            } else {
                MatMul.multiply(w.wq, s.xb, n: n, into: s.q, scratch: s.scratch, pool: pool)
                MatMul.multiply(w.wk, s.xb, n: n, into: s.k, scratch: s.scratch, pool: pool)
                MatMul.multiply(w.wv, s.xb, n: n, into: s.v, scratch: s.scratch, pool: pool)
            }
            if let b = w.bq { VectorOps.addBias(s.q, b, rows: n, columns: qDim) }
            if let b = w.bk { VectorOps.addBias(s.k, b, rows: n, columns: kvDim) }
            if let b = w.bv { VectorOps.addBias(s.v, b, rows: n, columns: kvDim) }
            let padded = s.paddedCapacity
            let layerKeys = s.keyCache + l * s.capacity * kvDim
            let layerValues = s.valueCacheT + l * kvDim * padded
            for t in 0..<n {
                VectorOps.ropeTable(position: pos0 + t, dims: c.ropeDims, base: c.ropeBase, freqScale: c.ropeFreqScale,
                                     freqFactors: weights.ropeFreqFactors, cos: s.ropeCos, sin: s.ropeSin)
                VectorOps.rope(s.q + t * qDim, heads: c.heads, headDim: c.headDim, dims: c.ropeDims, neox: c.architecture.ropeNeox, cos: s.ropeCos, sin: s.ropeSin)
                VectorOps.rope(s.k + t * kvDim, heads: c.kvHeads, headDim: c.headDim, dims: c.ropeDims, neox: c.architecture.ropeNeox, cos: s.ropeCos, sin: s.ropeSin)
                Attention.store(key: s.k + t * kvDim, value: s.v + t * kvDim, position: pos0 + t, kvDim: kvDim,
                                keys: layerKeys, valuesT: layerValues, valueStride: padded)
            }
            let heads = c.heads, headDim = c.headDim
            pool.run(chunks: n * heads) { job, thread in
                let t = job / heads, h = job % heads
                let g = h / group
                Attention.head(q: s.q + t * qDim + h * headDim,
                               keys: layerKeys + g * headDim, stride: kvDim,
                               valuesT: layerValues + g * headDim * padded, valueStride: padded,
                               count: pos0 + t + 1, headDim: headDim, scale: scale, batched: n > 1,
                               scores: s.scores + thread * padded, q16: s.q16 + thread * headDim,
                               out: s.xb2 + t * qDim + h * headDim)
            }
            MatMul.multiply(w.wo, s.xb2, n: n, into: s.xb, scratch: s.scratch, pool: pool)
            VectorOps.add(s.x, s.xb, count: n * dim)

            // Feed-forward block.
            for t in 0..<n {
                VectorOps.rmsNorm(s.x + t * dim, weight: w.ffnNorm, into: s.xb + t * dim, count: dim, eps: c.normEps)
            }
            if w.gate.type == w.up.type {
                MatMul.multiply([w.gate, w.up], s.xb, n: n, into: [s.hb, s.hb2], scratch: s.scratch, pool: pool)
            } else {
                MatMul.multiply(w.gate, s.xb, n: n, into: s.hb, scratch: s.scratch, pool: pool)
                MatMul.multiply(w.up, s.xb, n: n, into: s.hb2, scratch: s.scratch, pool: pool)
            }
            VectorOps.swiGLU(s.hb, s.hb2, count: n * hidden)
            MatMul.multiply(w.down, s.hb, n: n, into: s.xb, scratch: s.scratch, pool: pool)
            VectorOps.add(s.x, s.xb, count: n * dim)
        }
        position += n
        if last {
            let lastRow = s.x + (n - 1) * dim
            VectorOps.rmsNorm(lastRow, weight: weights.outputNorm, into: s.xb, count: dim, eps: c.normEps)
            MatMul.multiply(weights.output, s.xb, n: 1, into: s.logits, scratch: s.scratch, pool: pool)
        }
    }
}
