import Compute

/// A float weight matrix repacked at load for a register-tiled matrix product: out = x · Wᵀ.
///
/// W is [outputs × inputs] row-major (PyTorch's Linear layout). It is stored as panels of 32
/// outputs: panel p holds, for each input k, W[32p ..< 32p + 32][k] as 32 consecutive floats, so the
/// kernel broadcasts one x value and multiplies it with two 16-wide vectors of weights. With
/// AVX-512 each 16-wide vector is one register.
final class PackedLinear: @unchecked Sendable {
    static let panelWidth = 32
    /// Rows of x per register tile: 6 rows × 2 vectors = 12 accumulators (AVX-512: 12 of 32
    /// registers; AVX2 splits each vector in two, so it takes 3 rows).
    #if COPYDESK_AVX512
    static let tileRows = 6
    #else
    static let tileRows = 3
    #endif

    let inputs: Int
    let outputs: Int
    /// [outputs / 32 panels × inputs × 32]
    let panels: UnsafeMutablePointer<Float>

    /// Packs `w`, or returns nil when the outputs are not a multiple of 32.
    init?(_ w: UnsafePointer<Float>, outputs: Int, inputs: Int) {
        guard outputs % Self.panelWidth == 0, inputs > 0 else { return nil }
        self.inputs = inputs
        self.outputs = outputs
        panels = .allocate(capacity: outputs * inputs)
        for p in 0..<(outputs / Self.panelWidth) {
            let panel = panels + p * inputs * Self.panelWidth
            for j in 0..<Self.panelWidth {
                let row = w + (p * Self.panelWidth + j) * inputs
                for k in 0..<inputs { panel[k * Self.panelWidth + j] = row[k] }
            }
        }
    }

    deinit { panels.deallocate() }

    /// out[t][o] = Σ_k x[t][k] · W[o][k] for t < n; `out` rows are `outStride` floats apart.
    func multiply(_ x: UnsafePointer<Float>, n: Int, into out: UnsafeMutablePointer<Float>, outStride: Int, pool: ThreadPool) {
        Self.multiply([self], x, n: n, into: [out], outStride: [outStride], pool: pool)
    }

    /// Several matrices with the same inputs (Q, K, V) in one job over the pool.
    static func multiply(_ ms: [PackedLinear], _ x: UnsafePointer<Float>, n: Int, into outs: [UnsafeMutablePointer<Float>],
                         outStride: [Int], pool: ThreadPool) {
        guard let first = ms.first, n > 0 else { return }
        let k = first.inputs
        // Jobs: (matrix, panel, block of rows). Blocks of 48 rows keep a panel (k × 32 floats) and
        // the rows' inputs in cache.
        let rowBlock = 48
        let blocks = (n + rowBlock - 1) / rowBlock
        var jobs: [(matrix: Int, panel: Int)] = []
        for (i, m) in ms.enumerated() { for p in 0..<(m.outputs / panelWidth) { jobs.append((i, p)) } }
        jobs.withUnsafeBufferPointer { jb in
            pool.run(chunks: jb.count * blocks) { job, _ in
                let (which, panel) = jb[job / blocks]
                let block = job % blocks
                let m = ms[which]
                let b = UnsafePointer(m.panels + panel * k * panelWidth)
                let ldc = outStride[which]
                let r1 = min(n, (block + 1) * rowBlock)
                var r = block * rowBlock
                while r + tileRows <= r1 {
                    tile(x + r * k, k: k, b: b, out: outs[which] + r * ldc + panel * panelWidth, ldc: ldc)
                    r += tileRows
                }
                while r < r1 {
                    row(x + r * k, k: k, b: b, out: outs[which] + r * ldc + panel * panelWidth)
                    r += 1
                }
            }
        }
    }

    /// `tileRows` rows of x against one panel.
    @inline(__always)
    static func tile(_ a: UnsafePointer<Float>, k: Int, b: UnsafePointer<Float>, out: UnsafeMutablePointer<Float>, ldc: Int) {
        #if COPYDESK_AVX512
        var c00 = SIMD16<Float>(), c01 = SIMD16<Float>(), c10 = SIMD16<Float>(), c11 = SIMD16<Float>()
        var c20 = SIMD16<Float>(), c21 = SIMD16<Float>(), c30 = SIMD16<Float>(), c31 = SIMD16<Float>()
        var c40 = SIMD16<Float>(), c41 = SIMD16<Float>(), c50 = SIMD16<Float>(), c51 = SIMD16<Float>()
        for i in 0..<k {
            let bp = UnsafeRawPointer(b + i * panelWidth)
            let b0 = bp.loadUnaligned(as: SIMD16<Float>.self), b1 = bp.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self)
            let a0 = SIMD16<Float>(repeating: a[i]), a1 = SIMD16<Float>(repeating: a[k + i]), a2 = SIMD16<Float>(repeating: a[2 * k + i])
            c00 = c00.addingProduct(a0, b0); c01 = c01.addingProduct(a0, b1)
            c10 = c10.addingProduct(a1, b0); c11 = c11.addingProduct(a1, b1)
            c20 = c20.addingProduct(a2, b0); c21 = c21.addingProduct(a2, b1)
            let a3 = SIMD16<Float>(repeating: a[3 * k + i]), a4 = SIMD16<Float>(repeating: a[4 * k + i]), a5 = SIMD16<Float>(repeating: a[5 * k + i])
            c30 = c30.addingProduct(a3, b0); c31 = c31.addingProduct(a3, b1)
            c40 = c40.addingProduct(a4, b0); c41 = c41.addingProduct(a4, b1)
            c50 = c50.addingProduct(a5, b0); c51 = c51.addingProduct(a5, b1)
        }
        store(c00, c01, out)
        store(c10, c11, out + ldc)
        store(c20, c21, out + 2 * ldc)
        store(c30, c31, out + 3 * ldc)
        store(c40, c41, out + 4 * ldc)
        store(c50, c51, out + 5 * ldc)
        #else
        var c00 = SIMD16<Float>(), c01 = SIMD16<Float>(), c10 = SIMD16<Float>(), c11 = SIMD16<Float>()
        var c20 = SIMD16<Float>(), c21 = SIMD16<Float>()
        for i in 0..<k {
            let bp = UnsafeRawPointer(b + i * panelWidth)
            let b0 = bp.loadUnaligned(as: SIMD16<Float>.self), b1 = bp.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self)
            let a0 = SIMD16<Float>(repeating: a[i]), a1 = SIMD16<Float>(repeating: a[k + i]), a2 = SIMD16<Float>(repeating: a[2 * k + i])
            c00 = c00.addingProduct(a0, b0); c01 = c01.addingProduct(a0, b1)
            c10 = c10.addingProduct(a1, b0); c11 = c11.addingProduct(a1, b1)
            c20 = c20.addingProduct(a2, b0); c21 = c21.addingProduct(a2, b1)
        }
        store(c00, c01, out)
        store(c10, c11, out + ldc)
        store(c20, c21, out + 2 * ldc)
        #endif
    }

    /// One row of x against one panel.
    @inline(__always)
    static func row(_ a: UnsafePointer<Float>, k: Int, b: UnsafePointer<Float>, out: UnsafeMutablePointer<Float>) {
        var c0 = SIMD16<Float>(), c1 = SIMD16<Float>()
        for i in 0..<k {
            let bp = UnsafeRawPointer(b + i * panelWidth)
            let a0 = SIMD16<Float>(repeating: a[i])
            c0 = c0.addingProduct(a0, bp.loadUnaligned(as: SIMD16<Float>.self))
            c1 = c1.addingProduct(a0, bp.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self))
        }
        store(c0, c1, out)
    }

    @inline(__always)
    static func store(_ lo: SIMD16<Float>, _ hi: SIMD16<Float>, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: lo, as: SIMD16<Float>.self)
        UnsafeMutableRawPointer(p + 16).storeBytes(of: hi, as: SIMD16<Float>.self)
    }
}
