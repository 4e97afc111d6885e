/// Elementary functions computed the way ggml's vectorised CPU kernels compute them, so that
/// softmax and SiLU give the same bits as the reference runtime.
///
/// The exponential is the classic range-reduced polynomial (from Arm's optimized-routines,
/// maximum error about 1.5 ulp): n = round(x / ln 2), b = x − n·ln 2 in two parts, a degree-5
/// polynomial in b, scaled by 2ⁿ.
public enum ExactMath {
    @inlinable @inline(__always)
    public static func exp(_ x: Float) -> Float {
        let shifter: Float = 0x1.8p23
        let z = shifterProduct(x, shifter)
        let n = z - shifter
        guard abs(n) <= 192 else {
            // Far out of range, or NaN/−∞ input: the reference flushes to 0 or +∞.
            return n > 0 ? .infinity : 0
        }
        let b = reduce(x, n)
        let u = b * b
        let inner = Float(0x1.573e2ep-5).addingProduct(0x1.0e4020p-7, b)
        let second = Float(0x1.fffdb6p-2).addingProduct(0x1.555e66p-3, b)
        let first = Float(1).addingProduct(0x1.ffffecp-1, b)
        let j = first.addingProduct(second.addingProduct(inner, u), u)
        return Float(sign: .plus, exponent: Int(n), significand: j)
    }

    /// fma(x, 1/ln2, shifter): rounds x/ln2 to an integer held in the low mantissa bits.
    @inlinable @inline(__always)
    static func shifterProduct(_ x: Float, _ shifter: Float) -> Float { shifter.addingProduct(x, 0x1.715476p+0) }

    /// x − n·ln2, with ln2 split in a high and a low part.
    @inlinable @inline(__always)
    static func reduce(_ x: Float, _ n: Float) -> Float {
        let hi = x.addingProduct(-n, 0x1.62e4p-1)
        return hi.addingProduct(-n, 0x1.7f7d1cp-20)
    }

    /// x / (1 + e^−x)
    @inlinable @inline(__always)
    public static func silu(_ x: Float) -> Float { x / (1 + exp(0 - x)) }

    /// The horizontal sum of a 16-lane register as the reference computes it: halves, quarters, pairs.
    @inlinable @inline(__always)
    public static func sum16(_ v: UnsafePointer<Float>) -> Float {
        let a0 = v[0] + v[8], a1 = v[1] + v[9], a2 = v[2] + v[10], a3 = v[3] + v[11]
        let a4 = v[4] + v[12], a5 = v[5] + v[13], a6 = v[6] + v[14], a7 = v[7] + v[15]
        let b0 = a0 + a4, b1 = a1 + a5, b2 = a2 + a6, b3 = a3 + a7
        return (b0 + b2) + (b1 + b3)
    }
}
