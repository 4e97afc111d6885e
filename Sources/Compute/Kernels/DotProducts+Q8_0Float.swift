extension DotProducts {
    /// Q8_0 weights against Q8_0 activations in float SIMD (exact lane sums, as `q4_1q8_1`'s float
    /// kernel). `scales` holds the activation's d per block (at even indices); `yT` holds the activation's int8 values as floats in the same lane-transposed order.
    @inlinable @inline(__always)
    public static func q8_0q8_0(_ w: UnsafeRawPointer, scales: UnsafePointer<Float>, transposed yT: UnsafePointer<Float>,
                                blocks: Int) -> Float {
        var acc = SIMD8<Float>()
        let magic = SIMD8<UInt32>(repeating: 0x4B00_0000)
        // Bytes are stored with the sign bit flipped (x + 128), then 2²³ + 128 is taken off.
        let offset = SIMD8<Float>(repeating: 8_388_608 + 128)
        for b in 0..<blocks {
            let wb = w + b * 34
            let words = (wb + 2).loadUnaligned(as: SIMD8<UInt32>.self)
            let y = UnsafeRawPointer(yT + b * 32)
            var s = SIMD8<Float>()
            for k in 0..<4 {
                let bytes = ((words &>> UInt32(8 * k)) & 0xFF) ^ 0x80
                let u = unsafeBitCast(bytes | magic, to: SIMD8<Float>.self) - offset
                s = s.addingProduct(u, y.loadUnaligned(fromByteOffset: 32 * k, as: SIMD8<Float>.self))
            }
            acc = acc.addingProduct(SIMD8<Float>(repeating: half(wb, 0) * scales[2 * b]), s)
        }
        return sumLanes8(acc[0], acc[1], acc[2], acc[3], acc[4], acc[5], acc[6], acc[7])
    }
}
