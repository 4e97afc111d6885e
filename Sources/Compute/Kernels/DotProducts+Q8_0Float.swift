extension DotProducts {
    /// Q8_0 weights against Q8_0 activations in float SIMD (exact lane sums, as `q4_1q8_1`'s float
    /// kernel). `scales` holds the activation's d per block (at even indices); `yT` holds the activation's int8 values as floats in the same lane-transposed order.
    @inlinable @inline(__always)
    public static func q8_0q8_0(_ w: UnsafeRawPointer, scales: UnsafePointer<Float>, transposed yT: UnsafePointer<Float>,
                                blocks: Int) -> Float {
        var acc = SIMD8<Float>()
        for b in 0..<blocks {
            let wb = w + b * 34
            let words = (wb + 2).loadUnaligned(as: SIMD8<Int32>.self)
            let y = UnsafeRawPointer(yT + b * 32)
            var s = SIMD8<Float>()
            for k in 0..<4 {
                // Byte k of each word, sign-extended: shift it to the top, then arithmetically down.
                let u = toFloat((words &<< Int32(24 - 8 * k)) &>> 24)
                s = s.addingProduct(u, y.loadUnaligned(fromByteOffset: 32 * k, as: SIMD8<Float>.self))
            }
            acc = acc.addingProduct(SIMD8<Float>(repeating: half(wb, 0) * scales[2 * b]), s)
        }
        return sumLanes8(acc[0], acc[1], acc[2], acc[3], acc[4], acc[5], acc[6], acc[7])
    }
}

extension DotProducts {
    /// `q8_0q8_0` with the weight's block scales read from a float table (`d` per block).
    @inlinable @inline(__always)
    public static func q8_0q8_0(_ w: UnsafeRawPointer, weightScales ws: UnsafePointer<Float>, scales: UnsafePointer<Float>,
                                transposed yT: UnsafePointer<Float>, blocks: Int) -> Float {
        var acc = SIMD8<Float>()
        for b in 0..<blocks {
            let words = (w + b * 34 + 2).loadUnaligned(as: SIMD8<Int32>.self)
            let y = UnsafeRawPointer(yT + b * 32)
            var s = SIMD8<Float>()
            for k in 0..<4 {
                let u = toFloat((words &<< Int32(24 - 8 * k)) &>> 24)
                s = s.addingProduct(u, y.loadUnaligned(fromByteOffset: 32 * k, as: SIMD8<Float>.self))
            }
            acc = acc.addingProduct(SIMD8<Float>(repeating: ws[b] * scales[2 * b]), s)
        }
        return sumLanes8(acc[0], acc[1], acc[2], acc[3], acc[4], acc[5], acc[6], acc[7])
    }
}
