extension DotProducts {
    /// The running sums of one Q4_1 weight row against four activation rows (the prefill kernels):
    /// per row, eight float lanes of scaled block sums and the minimum terms, in ggml's order.
    @usableFromInline
    struct Q4_1Rows4 {
        @usableFromInline var acc0 = SIMD8<Float>(), acc1 = SIMD8<Float>(), acc2 = SIMD8<Float>(), acc3 = SIMD8<Float>()
        @usableFromInline var m0: Float = 0, m1: Float = 0, m2: Float = 0, m3: Float = 0

        @inlinable init() {}

        /// Adds one block: `s0…s3` are the exact lane sums for the four rows, `dw`/`mw` the weight's
        /// scale and minimum, `sc` the first row's activation `(d, s)` for this block, rows `st` floats apart.
        @inlinable @inline(__always)
        mutating func add(_ s0: SIMD8<Float>, _ s1: SIMD8<Float>, _ s2: SIMD8<Float>, _ s3: SIMD8<Float>,
                          dw: Float, mw: Float, sc: UnsafePointer<Float>, st: Int) {
            acc0 = acc0.addingProduct(SIMD8<Float>(repeating: dw * sc[0]), s0)
            acc1 = acc1.addingProduct(SIMD8<Float>(repeating: dw * sc[st]), s1)
            acc2 = acc2.addingProduct(SIMD8<Float>(repeating: dw * sc[2 * st]), s2)
            acc3 = acc3.addingProduct(SIMD8<Float>(repeating: dw * sc[3 * st]), s3)
            m0 = m0.addingProduct(mw, sc[1])
            m1 = m1.addingProduct(mw, sc[st + 1])
            m2 = m2.addingProduct(mw, sc[2 * st + 1])
            m3 = m3.addingProduct(mw, sc[3 * st + 1])
        }

        /// Writes the four dot products `outStride` floats apart.
        @inlinable @inline(__always)
        func store(_ out: UnsafeMutablePointer<Float>, outStride: Int) {
            out[0] = sumLanes8(acc0[0], acc0[1], acc0[2], acc0[3], acc0[4], acc0[5], acc0[6], acc0[7]) + m0
            out[outStride] = sumLanes8(acc1[0], acc1[1], acc1[2], acc1[3], acc1[4], acc1[5], acc1[6], acc1[7]) + m1
            out[2 * outStride] = sumLanes8(acc2[0], acc2[1], acc2[2], acc2[3], acc2[4], acc2[5], acc2[6], acc2[7]) + m2
            out[3 * outStride] = sumLanes8(acc3[0], acc3[1], acc3[2], acc3[3], acc3[4], acc3[5], acc3[6], acc3[7]) + m3
        }
    }
}
