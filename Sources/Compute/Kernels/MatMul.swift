/// Matrix products of encoded weights with float activations, over a thread pool.
public enum MatMul {
    /// Whether this build's quantized products use the integer byte kernels (x86 with AVX2).
    public static var integerKernels: Bool {
        #if arch(x86_64) && COPYDESK_X86_INT8
        return true
        #else
        return false
        #endif
    }

    /// Bytes of scratch `multiply` needs for `n` input rows against `w`.
    public static func scratchBytes(_ w: WeightMatrix, n: Int) -> Int {
        let quantized = (DotProducts.activationBytes(for: w.type, count: w.columns) * n + 63) / 64 * 64
        return quantized + (w.type == .q4_1 || w.type == .q8_0 ? n * w.columns * 4 + n * (w.columns / 32) * 8 : 0)
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
        multiply([w], x, n: n, into: [out], scratch: scratch, pool: pool)
    }

    /// Several matrices of the same type and width applied to the same input (Q, K and V; gate
    /// and up): the input is quantized once and all rows go to the pool as one job.
    public static func multiply(_ ws: [WeightMatrix], _ x: UnsafePointer<Float>, n: Int,
                                into outs: [UnsafeMutablePointer<Float>],
                                scratch: UnsafeMutableRawPointer, pool: ThreadPool) {
        guard let w = ws.first else { return }
        precondition(ws.count == outs.count && ws.allSatisfy { $0.type == w.type && $0.columns == w.columns })
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
        // Q4_1 and Q8_0: the quantized values again as floats, lane-transposed per block
        // (yT[k·8+l] = y[4l+k], times 2^(−8k) for Q4_1).
        let floatsOffset = (aBytes * n + 63) / 64 * 64
        let yf = (scratch + floatsOffset).assumingMemoryBound(to: Float.self)
        // Then the blocks' scales as floats: (d, s) per block, 2·blocks per row.
        let blocks = cols / 32
        let scales = yf + n * cols
        // With integer kernels (x86) the transposed floats are not needed when the weights carry
        // their scale tables: the kernels read the activation bytes in place.
        let integer = MatMul.integerKernels && ws.allSatisfy { $0.scales != nil }
        if w.type == .q4_1 || w.type == .q8_0 {
            let (blockBytes, valuesAt) = w.type == .q4_1 ? (36, 4) : (34, 2)
            for t in 0..<n {
                for b in 0..<blocks {
                    let block = scratch + t * aBytes + b * blockBytes
                    let q = (block + valuesAt).assumingMemoryBound(to: Int8.self)
                    let dst = yf + t * cols + b * 32
                    if integer {
                        // Only the scales.
                    } else if w.type == .q4_1 {
                        // Scaled by 2^(−8k) to match the kernel's unshifted nibbles (exact).
                        for k in 0..<4 {
                            let scale = Float(sign: .plus, exponent: -8 * k, significand: 1)
                            for l in 0..<8 { dst[k * 8 + l] = Float(q[4 * l + k]) * scale }
                        }
                    } else {
                        for k in 0..<4 { for l in 0..<8 { dst[k * 8 + l] = Float(q[4 * l + k]) } }
                    }
                    scales[(t * blocks + b) * 2] = Half.toFloat(block.loadUnaligned(as: UInt16.self))
                    scales[(t * blocks + b) * 2 + 1] = w.type == .q4_1 ? Half.toFloat(block.loadUnaligned(fromByteOffset: 2, as: UInt16.self)) : 0
                }
            }
        }
        let type = w.type
        // Chunks of rows over all matrices; enough chunks that threads finish together.
        let totalRows = ws.reduce(0) { $0 + $1.rows }
        // Decode reads each weight once: long contiguous runs per thread keep the prefetchers streaming.
        // Interleaved Q4_K matrices are taken in whole groups of eight rows.
        let groupRows = ws.allSatisfy { $0.interleaved != nil } ? Q4_KInterleaved.rowsPerGroup : 2
        let chunkRows = n == 1 && type.blockSize == 256 ? max(16, totalRows / (pool.threadCount * 4)) / groupRows * groupRows
            : max(groupRows > 2 ? groupRows : 4, min(64, totalRows / (pool.threadCount * 8)) / groupRows * groupRows)
        var starts: [Int] = []  // first chunk of each matrix
        var chunks = 0
        for m in ws {
            starts.append(chunks)
            chunks += (m.rows + chunkRows - 1) / chunkRows
        }
        pool.run(chunks: chunks) { chunk, _ in
            var which = ws.count - 1
            while starts[which] > chunk { which -= 1 }
            let m = ws[which], out = outs[which]
            let rows = m.rows, rowBytes = m.rowBytes, data = m.data
            let r0 = (chunk - starts[which]) * chunkRows
            let r1 = min(rows, r0 + chunkRows)
            #if arch(x86_64) && COPYDESK_X86_INT8
            if integer, let table = m.scales {
                let blocks = cols / 32
                if type == .q4_1 && n == 1 {
                    rowPairs(r0..<r1, out: out) { r in
                        DotProducts.q4_1q8_1Rows2(data + r * rowBytes, data + (r + 1) * rowBytes,
                                                  weightScales: table + r * blocks * 2, table + (r + 1) * blocks * 2,
                                                  scales: scales, activations: quantized, blocks: blocks)
                    } single: { r in
                        DotProducts.q4_1q8_1(data + r * rowBytes, weightScales: table + r * blocks * 2, scales: scales,
                                             activations: quantized, blocks: blocks)
                    }
                    return
                }
                if type == .q4_1 {
                    for r in r0..<r1 {
                        let row = data + r * rowBytes, rowScales = table + r * blocks * 2
                        var t = 0
                        while t + 4 <= n {
                            DotProducts.q4_1q8_1x4(row, weightScales: rowScales, scales: scales + t * 2 * blocks,
                                                   activations: quantized + t * aBytes, rowBytes: aBytes, blocks: blocks,
                                                   out: out + t * rows + r, outStride: rows)
                            t += 4
                        }
                        while t < n {
                            out[t * rows + r] = DotProducts.q4_1q8_1(row, weightScales: rowScales, scales: scales + t * 2 * blocks,
                                                                     activations: quantized + t * aBytes, blocks: blocks)
                            t += 1
                        }
                    }
                    return
                }
                if type == .q8_0 {
                    eachRowAndToken(r0..<r1, n: n, rows: rows, out: out) { r, t in
                        DotProducts.q8_0q8_0(data + r * rowBytes, weightScales: table + r * blocks, scales: scales + t * 2 * blocks,
                                             activations: quantized + t * aBytes, blocks: blocks)
                    }
                    return
                }
            }
            if type == .q4_K, let groups = m.interleaved, groupRows > 2 {
                let G = Q4_KInterleaved.rowsPerGroup
                let blocks = cols / 256
                let groupBytes = blocks * Q4_KInterleaved.groupBlockBytes
                let grouped = n >= 4 ? n - n % 4 : 0
                for g in (r0 / G)..<(r1 / G) {
                    let group = groups + g * groupBytes
                    var t = 0
                    while t < grouped {
                        DotProducts.q4_KInterleavedGEMM4(group, activations: quantized + t * aBytes, rowBytes: aBytes, blocks: blocks,
                                                         out: out + t * rows + G * g, outStride: rows)
                        t += 4
                    }
                    while t < n {
                        DotProducts.q4_KInterleavedGEMV(group, activations: quantized + t * aBytes, blocks: blocks, out: out + t * rows + G * g)
                        t += 1
                    }
                }
                return
            }
            if type == .q4_K {
                let blocks = cols / 256
                if n == 1 {
                    rowPairs(r0..<r1, out: out) { r in
                        DotProducts.q4_Kq8_KRows2(data + r * rowBytes, data + (r + 1) * rowBytes, activations: quantized, blocks: blocks,
                                                  prefetch: 4 * rowBytes)
                    } single: { r in
                        DotProducts.q4_Kq8_K(data + r * rowBytes, activations: quantized, blocks: blocks)
                    }
                    return
                }
                fours(r0..<r1, n: n, rows: rows, out: out) { r, t, o in
                    DotProducts.q4_Kq8_Kx4(data + r * rowBytes, activations: quantized + t * aBytes, rowBytes: aBytes, blocks: blocks, out: o, outStride: rows)
                } one: { r, t in DotProducts.q4_Kq8_K(data + r * rowBytes, activations: quantized + t * aBytes, blocks: blocks) }
                return
            }
            if type == .q5_K {
                eachRowAndToken(r0..<r1, n: n, rows: rows, out: out) { r, t in
                    DotProducts.q5_Kq8_K(data + r * rowBytes, activations: quantized + t * aBytes, blocks: cols / 256)
                }
                return
            }
            if type == .q6_K && n >= DotProducts.tiledMinimumBatch {
                let blocks = cols / 256
                fours(r0..<r1, n: n, rows: rows, out: out) { r, t, o in
                    DotProducts.q6_Kq8_KTiledx4(data + r * rowBytes, activations: quantized + t * aBytes, rowBytes: aBytes, blocks: blocks, out: o, outStride: rows)
                } one: { r, t in DotProducts.q6_Kq8_KTiled(data + r * rowBytes, activations: quantized + t * aBytes, blocks: blocks) }
                return
            }
            if type == .q6_K {
                let blocks = cols / 256
                fours(r0..<r1, n: n, rows: rows, out: out) { r, t, o in
                    DotProducts.q6_Kq8_Kx4(data + r * rowBytes, activations: quantized + t * aBytes, rowBytes: aBytes, blocks: blocks, out: o, outStride: rows)
                } one: { r, t in DotProducts.q6_Kq8_K(data + r * rowBytes, activations: quantized + t * aBytes, blocks: blocks) }
                return
            }
            #endif
            if type == .q4_1 && n == 1, let table = m.scales {
                let blocks = cols / 32
                rowPairs(r0..<r1, out: out) { r in
                    DotProducts.q4_1q8_1Rows2(data + r * rowBytes, data + (r + 1) * rowBytes,
                                              weightScales: table + r * blocks * 2, table + (r + 1) * blocks * 2,
                                              scales: scales, transposed: yf, blocks: blocks)
                } single: { r in
                    DotProducts.q4_1q8_1(data + r * rowBytes, scales: scales, transposed: yf, blocks: blocks)
                }
                return
            }
            if type == .q4_1 {
                for r in r0..<r1 {
                    let row = data + r * rowBytes
                    var t = 0
                    while t + 4 <= n {
                        DotProducts.q4_1q8_1x4(row, scales: scales + t * 2 * blocks, transposed: yf + t * cols, columns: cols,
                                                blocks: cols / 32, out: out + t * rows + r, outStride: rows)
                        t += 4
                    }
                    while t < n {
                        out[t * rows + r] = DotProducts.q4_1q8_1(row, scales: scales + t * 2 * blocks, transposed: yf + t * cols, blocks: cols / 32)
                        t += 1
                    }
                }
                return
            }
            if type == .q8_0, let table = m.scales {
                let blocks = cols / 32
                eachRowAndToken(r0..<r1, n: n, rows: rows, out: out) { r, t in
                    DotProducts.q8_0q8_0(data + r * rowBytes, weightScales: table + r * blocks, scales: scales + t * 2 * blocks,
                                         transposed: yf + t * cols, blocks: blocks)
                }
                return
            }
            if type == .q8_0 {
                eachRowAndToken(r0..<r1, n: n, rows: rows, out: out) { r, t in
                    DotProducts.q8_0q8_0(data + r * rowBytes, scales: scales + t * 2 * blocks, transposed: yf + t * cols, blocks: cols / 32)
                }
                return
            }
            if type == .f32 && cols % 16 == 0 {
                let xf = quantized.assumingMemoryBound(to: Float.self)
                var r = r0
                // Pairs of rows, four tokens at a time.
                while r + 2 <= r1 && n >= 4 {
                    let row0 = (data + r * rowBytes).assumingMemoryBound(to: Float.self)
                    let row1 = (data + (r + 1) * rowBytes).assumingMemoryBound(to: Float.self)
                    var t = 0
                    while t + 4 <= n {
                        DotProducts.f32x2x4(row0, row1, xf + t * cols, stride: cols, count: cols, out: out + t * rows + r, outStride: rows)
                        t += 4
                    }
                    while t < n {
                        out[t * rows + r] = DotProducts.f32(row0, xf + t * cols, count: cols)
                        out[t * rows + r + 1] = DotProducts.f32(row1, xf + t * cols, count: cols)
                        t += 1
                    }
                    r += 2
                }
                for r in r..<r1 {
                    let row = (data + r * rowBytes).assumingMemoryBound(to: Float.self)
                    var t = 0
                    while t + 4 <= n {
                        DotProducts.f32x4(row, xf + t * cols, stride: cols, count: cols, out: out + t * rows + r, outStride: rows)
                        t += 4
                    }
                    while t < n {
                        out[t * rows + r] = DotProducts.f32(row, xf + t * cols, count: cols)
                        t += 1
                    }
                }
                return
            }
            if type == .q6_K && n >= DotProducts.tiledMinimumBatch {
                eachRowAndToken(r0..<r1, n: n, rows: rows, out: out) { r, t in
                    DotProducts.q6_Kq8_KTiled(data + r * rowBytes, quantized + t * aBytes, blocks: cols / 256)
                }
                return
            }
            if type == .q4_K {
                // llama.cpp's GEMM order for a batch's groups of four tokens, the GEMV's for the rest.
                let grouped = n >= 4 ? n - n % 4 : 0
                eachRowAndToken(r0..<r1, n: n, rows: rows, out: out) { r, t in
                    t < grouped ? DotProducts.q4_Kq8_KPaired(data + r * rowBytes, quantized + t * aBytes, blocks: cols / 256)
                        : DotProducts.q4_Kq8_K(data + r * rowBytes, quantized + t * aBytes, blocks: cols / 256)
                }
                return
            }
            eachRowAndToken(r0..<r1, n: n, rows: rows, out: out) { r, t in
                DotProducts.dot(type, data + r * rowBytes, quantized + t * aBytes, count: cols)
            }
        }
    }

    /// Decode (one token): out[r], out[r + 1] = pair(r) two rows at a time, then an odd last row.
    @inline(__always)
    static func rowPairs(_ range: Range<Int>, out: UnsafeMutablePointer<Float>,
                         _ pair: (Int) -> (Float, Float), single: (Int) -> Float) {
        var r = range.lowerBound
        while r + 2 <= range.upperBound {
            (out[r], out[r + 1]) = pair(r)
            r += 2
        }
        if r < range.upperBound { out[r] = single(r) }
    }

    /// Every row of a chunk against the tokens in fours (`four(r, t, out)` writes tokens t…t+3 of
    /// row r, `rows` floats apart, at `out`), then the rest one by one.
    @inline(__always)
    static func fours(_ range: Range<Int>, n: Int, rows: Int, out: UnsafeMutablePointer<Float>,
                      _ four: (Int, Int, UnsafeMutablePointer<Float>) -> Void, one: (Int, Int) -> Float) {
        for r in range {
            var t = 0
            while t + 4 <= n {
                four(r, t, out + t * rows + r)
                t += 4
            }
            while t < n {
                out[t * rows + r] = one(r, t)
                t += 1
            }
        }
    }

    /// out[t][r] = dot(r, t) for the rows of one chunk and every token.
    @inline(__always)
    static func eachRowAndToken(_ range: Range<Int>, n: Int, rows: Int, out: UnsafeMutablePointer<Float>, _ dot: (Int, Int) -> Float) {
        for r in range {
            for t in 0..<n { out[t * rows + r] = dot(r, t) }
        }
    }
}
