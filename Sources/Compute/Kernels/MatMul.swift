/// Matrix products of encoded weights with float activations, over a thread pool.
public enum MatMul {
    /// Bytes of scratch `multiply` needs for `n` input rows against `w`.
    public static func scratchBytes(_ w: WeightMatrix, n: Int) -> Int {
        let quantized = (DotProducts.activationBytes(for: w.type, count: w.columns) * n + 63) / 64 * 64
        return quantized + (w.type == .q4_1 || w.type == .q8_0 ? n * w.columns * 4 : 0)
    }

    /// out[t][r] = Σ_c x[t][c] · W[r][c] for t < n.
    ///
    /// - Parameters:
    ///   - x: n × columns floats, row-major.
    ///   - out: n × rows floats, row-major (rows = w.rows).
    ///   - scratch: at least `scratchBytes(w, n:)` bytes for the quantized activations.
    public static func multiply(_ w: WeightMatrix, _ x: UnsafePointer<Float>, n: Int,
                                into out: UnsafeMutablePointer<Float>,
                                scratch: UnsafeMutableRawPointer, pool: ThreadPool) {
        let cols = w.columns
        let aType = DotProducts.activationType(for: w.type)
        let aBytes = aType.rowBytes(cols)
        let quantized: UnsafeRawPointer
        if aType == .f32 {
            quantized = UnsafeRawPointer(x)
        } else {
            for t in 0..<n { ActivationQuantizer.quantize(x + t * cols, for: aType, into: scratch + t * aBytes, count: cols) }
            quantized = UnsafeRawPointer(scratch)
        }
        // Q4_1: the quantized values again as floats, lane-transposed per block (yT[k·8+l] = y[4l+k]).
        let floatsOffset = (aBytes * n + 63) / 64 * 64
        let yf = (scratch + floatsOffset).assumingMemoryBound(to: Float.self)
        if w.type == .q4_1 || w.type == .q8_0 {
            let (blockBytes, valuesAt) = w.type == .q4_1 ? (36, 4) : (34, 2)
            for t in 0..<n {
                for b in 0..<(cols / 32) {
                    let q = (scratch + t * aBytes + b * blockBytes + valuesAt).assumingMemoryBound(to: Int8.self)
                    let dst = yf + t * cols + b * 32
                    for k in 0..<4 { for l in 0..<8 { dst[k * 8 + l] = Float(q[4 * l + k]) } }
                }
            }
        }
        let rowBytes = w.rowBytes
        let type = w.type
        let rows = w.rows
        let data = w.data
        // Chunks of rows; enough chunks that threads finish together.
        let chunkRows = max(4, min(64, rows / (pool.threadCount * 8)))
        let chunks = (rows + chunkRows - 1) / chunkRows
        pool.run(chunks: chunks) { chunk, _ in
            let r0 = chunk * chunkRows
            let r1 = min(rows, r0 + chunkRows)
            if type == .q4_1 {
                for r in r0..<r1 {
                    let row = data + r * rowBytes
                    var t = 0
                    while t + 4 <= n {
                        DotProducts.q4_1q8_1x4(row, quantized + t * aBytes, activationStride: aBytes, transposed: yf + t * cols, columns: cols,
                                                blocks: cols / 32, out: out + t * rows + r, outStride: rows)
                        t += 4
                    }
                    while t < n {
                        out[t * rows + r] = DotProducts.q4_1q8_1(row, quantized + t * aBytes, transposed: yf + t * cols, blocks: cols / 32)
                        t += 1
                    }
                }
                return
            }
            if type == .q8_0 {
                for r in r0..<r1 {
                    let row = data + r * rowBytes
                    for t in 0..<n {
                        out[t * rows + r] = DotProducts.q8_0q8_0(row, quantized + t * aBytes, transposed: yf + t * cols, blocks: cols / 32)
                    }
                }
                return
            }
            for r in r0..<r1 {
                let row = data + r * rowBytes
                for t in 0..<n {
                    out[t * rows + r] = DotProducts.dot(type, row, quantized + t * aBytes, count: cols)
                }
            }
        }
    }
}
