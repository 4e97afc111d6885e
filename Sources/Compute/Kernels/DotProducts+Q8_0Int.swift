#if arch(x86_64) && COPYDESK_X86_INT8
import CPUIntrinsics

extension DotProducts {
    /// Q8_0 weights against Q8_0 activations with integer byte products, bit-identical to
    /// `q8_0q8_0`: signed × signed bytes become |x| × sign(x)·y, ggml's x86 form.
    ///
    /// `ws` holds the weight's `d` per block as floats, `scales` the activation's `d` at even
    /// indices, `a` the activation's Q8_0 blocks (34 bytes each).
    @inlinable @inline(__always)
    public static func q8_0q8_0(_ w: UnsafeRawPointer, weightScales ws: UnsafePointer<Float>, scales: UnsafePointer<Float>,
                                activations a: UnsafeRawPointer, blocks: Int) -> Float {
        var acc = SIMD8<Float>()
        for b in 0..<blocks {
            let x = (w + b * 34 + 2).loadUnaligned(as: SIMD8<Int32>.self)
            let y = (a + b * 34 + 2).loadUnaligned(as: SIMD8<Int32>.self)
            let p = ByteDot.lanes(SIMD8<Int32>(), ByteDot.sign(x, x), ByteDot.sign(y, x))
            acc = acc.addingProduct(SIMD8<Float>(repeating: ws[b] * scales[2 * b]), toFloat(p))
        }
        return sumLanes8(acc[0], acc[1], acc[2], acc[3], acc[4], acc[5], acc[6], acc[7])
    }
}
#endif
