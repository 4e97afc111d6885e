import Compute

/// Every buffer the forward pass needs, allocated once for a batch of up to `maxBatch` tokens
/// and a context of `contextLength` positions.
final class RunState {
    let maxBatch: Int
    let contextLength: Int
    /// [maxBatch × dim] residual stream
    let x: UnsafeMutablePointer<Float>
    /// [maxBatch × dim] normalised input / projection output
    let xb: UnsafeMutablePointer<Float>
    /// [maxBatch × dim] attention output before the output projection
    let xb2: UnsafeMutablePointer<Float>
    /// [maxBatch × heads·headDim]
    let q: UnsafeMutablePointer<Float>
    /// [maxBatch × kvDim]
    let k: UnsafeMutablePointer<Float>
    let v: UnsafeMutablePointer<Float>
    /// [maxBatch × hidden] gate and up projections
    let hb: UnsafeMutablePointer<Float>
    let hb2: UnsafeMutablePointer<Float>
    /// [vocab] logits of the last position
    let logits: UnsafeMutablePointer<Float>
    /// Quantized activations for the largest matmul input.
    let scratch: UnsafeMutableRawPointer
    /// [threads × paddedCapacity] attention scores, [threads × headDim] rounded queries
    private(set) var scores: UnsafeMutablePointer<Float>
    let q16: UnsafeMutablePointer<Float>
    /// [layers × capacity × kvDim] keys, rounded to half precision and held as floats
    private(set) var keyCache: UnsafeMutablePointer<Float>
    /// [layers × kvDim × paddedCapacity] values, rounded to half precision, transposed
    private(set) var valueCacheT: UnsafeMutablePointer<Float>
    /// Positions the KV cache holds now (it grows, up to `contextLength`, as the context fills).
    private(set) var capacity: Int
    /// `capacity` rounded up to 64 (row stride of `valueCacheT`, length of score rows).
    var paddedCapacity: Int { (capacity + 63) / 64 * 64 }
    private let layers: Int, kvDim: Int, threads: Int
    /// [ropeDims/2] cos and sin for the position being processed
    let ropeCos: UnsafeMutablePointer<Float>
    let ropeSin: UnsafeMutablePointer<Float>

    init(config c: ModelConfig, contextLength: Int, maxBatch: Int, threads: Int) {
        self.maxBatch = maxBatch
        self.contextLength = contextLength
        let qDim = c.heads * c.headDim
        func floats(_ n: Int) -> UnsafeMutablePointer<Float> {
            let p = UnsafeMutablePointer<Float>.allocate(capacity: n)
            p.initialize(repeating: 0, count: n)
            return p
        }
        x = floats(maxBatch * c.dim)
        xb = floats(maxBatch * max(c.dim, qDim))
        xb2 = floats(maxBatch * max(c.dim, qDim))
        q = floats(maxBatch * qDim)
        k = floats(maxBatch * c.kvDim)
        v = floats(maxBatch * c.kvDim)
        hb = floats(maxBatch * c.hiddenDim)
        hb2 = floats(maxBatch * c.hiddenDim)
        logits = floats(max(c.vocabularySize, 1))
        let widest = max(c.dim, c.hiddenDim, qDim)
        // Quantized rows (Q8_1 for 32-blocks, Q8_K for 256-blocks), then the Q4_1/Q8_0 float copies and scales.
        let quantizedRow = max((widest / 32 + 1) * 36, (widest / 256 + 1) * 292)
        scratch = UnsafeMutableRawPointer.allocate(byteCount: maxBatch * quantizedRow + widest * 4 * maxBatch + (widest / 32) * 8 * maxBatch + 128, alignment: 64)
        layers = c.layers
        kvDim = c.kvDim
        self.threads = threads
        capacity = min(contextLength, Self.initialCapacity)
        let padded = (capacity + 63) / 64 * 64
        scores = floats(threads * padded)
        q16 = floats(threads * c.headDim)
        // Keys are only read at positions already written, so they are left uninitialised.
        keyCache = .allocate(capacity: c.layers * capacity * c.kvDim)
        valueCacheT = floats(c.layers * c.kvDim * padded)
        ropeCos = floats(c.ropeDims / 2 + 1)
        ropeSin = floats(c.ropeDims / 2 + 1)
    }

    /// Positions the cache starts with.
    static let initialCapacity = 512

    /// Makes room for `positions` positions (at most `contextLength`), keeping what the first
    /// `filled` positions hold: the cache doubles, so a long context costs memory only once used.
    func reserve(_ positions: Int, filled: Int) {
        guard positions > capacity else { return }
        let newCapacity = min(contextLength, max(positions, 2 * capacity))
        let oldPadded = paddedCapacity
        let newPadded = (newCapacity + 63) / 64 * 64
        let keys = UnsafeMutablePointer<Float>.allocate(capacity: layers * newCapacity * kvDim)
        let values = UnsafeMutablePointer<Float>.allocate(capacity: layers * kvDim * newPadded)
        values.initialize(repeating: 0, count: layers * kvDim * newPadded)
        for l in 0..<layers {
            (keys + l * newCapacity * kvDim).update(from: keyCache + l * capacity * kvDim, count: filled * kvDim)
            for row in 0..<kvDim {
                (values + (l * kvDim + row) * newPadded).update(from: valueCacheT + (l * kvDim + row) * oldPadded, count: filled)
            }
        }
        keyCache.deallocate()
        valueCacheT.deallocate()
        scores.deallocate()
        keyCache = keys
        valueCacheT = values
        scores = .allocate(capacity: threads * newPadded)
        scores.initialize(repeating: 0, count: threads * newPadded)
        capacity = newCapacity
    }

    deinit {
        for p in [x, xb, xb2, q, k, v, hb, hb2, logits, scores, q16, ropeCos, ropeSin, keyCache, valueCacheT] { p.deallocate() }
        scratch.deallocate()
    }
}
