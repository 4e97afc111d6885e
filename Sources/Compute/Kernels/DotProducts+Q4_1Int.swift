#if arch(x86_64) && COPYDESK_X86_INT8
import CPUIntrinsics

extension DotProducts {
    /// The 16 bytes of a Q4_1 block as 32 unsigned bytes: bytes 0-15 the low nibbles, bytes 16-31
    /// the high nibbles, so byte j is weight j of the block (ggml's order).
    @inlinable @inline(__always)
    static func nibbleBytes(_ qs: UnsafeRawPointer) -> SIMD8<Int32> {
        let words = qs.loadUnaligned(as: SIMD4<Int32>.self)
        return SIMD8<Int32>(lowHalf: words, highHalf: words &>> 4) & 0x0F0F_0F0F
    }

    /// Q4_1 weights against Q8_1 activations with integer byte products: bit-identical to
    /// `q4_1q8_1` (lane l of each block sums weights 4l…4l+3 exactly, then the float steps are ggml's).
    ///
    /// `ws` holds the weight's `(d, m)` per block as floats, `scales` the activation's `(d, s)`,
    /// `a` the activation's Q8_1 blocks (36 bytes each).
    @inlinable @inline(__always)
    public static func q4_1q8_1(_ w: UnsafeRawPointer, weightScales ws: UnsafePointer<Float>, scales: UnsafePointer<Float>,
                                activations a: UnsafeRawPointer, blocks: Int) -> Float {
        var acc = SIMD8<Float>()
        var mins: Float = 0
        for b in 0..<blocks {
            let y = (a + b * 36 + 4).loadUnaligned(as: SIMD8<Int32>.self)
            let p = ByteDot.lanes(SIMD8<Int32>(), nibbleBytes(w + b * 20 + 4), y)
            acc = acc.addingProduct(SIMD8<Float>(repeating: ws[2 * b] * scales[2 * b]), toFloat(p))
            mins = mins.addingProduct(ws[2 * b + 1], scales[2 * b + 1])
        }
        return sumLanes8(acc[0], acc[1], acc[2], acc[3], acc[4], acc[5], acc[6], acc[7]) + mins
    }

    /// Two weight rows against one activation row (decode): the activation bytes are loaded once.
    @inlinable @inline(__always)
    public static func q4_1q8_1Rows2(_ w0: UnsafeRawPointer, _ w1: UnsafeRawPointer,
                                     weightScales ws0: UnsafePointer<Float>, _ ws1: UnsafePointer<Float>,
                                     scales: UnsafePointer<Float>, activations a: UnsafeRawPointer, blocks: Int) -> (Float, Float) {
        var acc0 = SIMD8<Float>(), acc1 = SIMD8<Float>()
        var mins0: Float = 0, mins1: Float = 0
        for b in 0..<blocks {
            let y = (a + b * 36 + 4).loadUnaligned(as: SIMD8<Int32>.self)
            let p0 = ByteDot.lanes(SIMD8<Int32>(), nibbleBytes(w0 + b * 20 + 4), y)
            let p1 = ByteDot.lanes(SIMD8<Int32>(), nibbleBytes(w1 + b * 20 + 4), y)
            let da = scales[2 * b], sa = scales[2 * b + 1]
            acc0 = acc0.addingProduct(SIMD8<Float>(repeating: ws0[2 * b] * da), toFloat(p0))
            acc1 = acc1.addingProduct(SIMD8<Float>(repeating: ws1[2 * b] * da), toFloat(p1))
            mins0 = mins0.addingProduct(ws0[2 * b + 1], sa)
            mins1 = mins1.addingProduct(ws1[2 * b + 1], sa)
        }
        return (sumLanes8(acc0[0], acc0[1], acc0[2], acc0[3], acc0[4], acc0[5], acc0[6], acc0[7]) + mins0,
                sumLanes8(acc1[0], acc1[1], acc1[2], acc1[3], acc1[4], acc1[5], acc1[6], acc1[7]) + mins1)
    }

    /// One weight row against four activation rows (prefill): the nibbles are unpacked once per
    /// block. Activation rows are `rowBytes` apart, their scales `2·blocks` floats apart.
    @inlinable @inline(__always)
    public static func q4_1q8_1x4(_ w: UnsafeRawPointer, weightScales ws: UnsafePointer<Float>, scales: UnsafePointer<Float>,
                                  activations a: UnsafeRawPointer, rowBytes: Int, blocks: Int,
                                  out: UnsafeMutablePointer<Float>, outStride: Int) {
        var sums = Q4_1Rows4()
        for b in 0..<blocks {
            let x = nibbleBytes(w + b * 20 + 4)
            let y = a + b * 36 + 4
            let p0 = ByteDot.lanes(SIMD8<Int32>(), x, y.loadUnaligned(as: SIMD8<Int32>.self))
            let p1 = ByteDot.lanes(SIMD8<Int32>(), x, y.loadUnaligned(fromByteOffset: rowBytes, as: SIMD8<Int32>.self))
            let p2 = ByteDot.lanes(SIMD8<Int32>(), x, y.loadUnaligned(fromByteOffset: 2 * rowBytes, as: SIMD8<Int32>.self))
            let p3 = ByteDot.lanes(SIMD8<Int32>(), x, y.loadUnaligned(fromByteOffset: 3 * rowBytes, as: SIMD8<Int32>.self))
            sums.add(toFloat(p0), toFloat(p1), toFloat(p2), toFloat(p3), dw: ws[2 * b], mw: ws[2 * b + 1], sc: scales + 2 * b, st: 2 * blocks)
        }
        sums.store(out, outStride: outStride)
    }
}
#endif
