extension DotProducts {
    /// One weight row against four activation rows: the row's nibbles are unpacked once and used
    /// four times (prefill). Each result is accumulated exactly as `q4_1q8_1` does (eight lanes,
    /// pairwise lane sum), so batched and single-token passes agree bit for bit.
    /// Results go to `out[0]`, `out[outStride]`, `out[2·outStride]`, `out[3·outStride]`.
    @inlinable
    public static func q4_1q8_1x4(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, activationStride: Int, blocks: Int,
                                  out: UnsafeMutablePointer<Float>, outStride: Int) {
        let wq = w.assumingMemoryBound(to: UInt8.self)
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 4 * 8 + 4) { accBuffer in
            withUnsafeTemporaryAllocation(of: Int8.self, capacity: 32) { unpackedBuffer in
                let acc = accBuffer.baseAddress!
                let mins = acc + 32
                let u = unpackedBuffer.baseAddress!
                for i in 0..<36 { acc[i] = 0 }
                for b in 0..<blocks {
                    let qs = wq + b * 20 + 4
                    for j in 0..<16 {
                        u[j] = Int8(bitPattern: qs[j] & 0x0F)
                        u[j + 16] = Int8(bitPattern: qs[j] >> 4)
                    }
                    let wb = w + b * 20
                    let dw = half(wb, 0), mw = half(wb, 2)
                    for t in 0..<4 {
                        let ab = a + t * activationStride + b * 36
                        let ys = (ab + 4).assumingMemoryBound(to: Int8.self)
                        let scale = dw * half(ab, 0)
                        mins[t] = mins[t].addingProduct(mw, half(ab, 2))
                        let lanes = acc + 8 * t
                        for l in 0..<8 {
                            var s: Int32 = 0
                            for j in (4 * l)..<(4 * l + 4) { s &+= Int32(u[j]) &* Int32(ys[j]) }
                            lanes[l] = lanes[l].addingProduct(scale, Float(s))
                        }
                    }
                }
                for t in 0..<4 {
                    let l = acc + 8 * t
                    out[t * outStride] = sumLanes8(l[0], l[1], l[2], l[3], l[4], l[5], l[6], l[7]) + mins[t]
                }
            }
        }
    }
}
