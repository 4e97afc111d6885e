extension DotProducts {
    /// The 16 bytes of a Q4_1 block as eight 32-bit lanes: lanes 0-3 are the four words, lanes 4-7
    /// the same words shifted right by 4, so byte k of lane l holds nibble 4l+k in its low bits.
    @inlinable @inline(__always)
    static func nibblePairs(_ qs: UnsafeRawPointer) -> SIMD8<Int32> {
        let words = qs.loadUnaligned(as: SIMD4<UInt32>.self)
        return unsafeBitCast(SIMD8<UInt32>(lowHalf: words, highHalf: words &>> 4), to: SIMD8<Int32>.self)
    }

    /// Lane-wise Int32 → Float written out per lane, which the compiler turns into one vector
    /// conversion everywhere (the generic SIMD initializer is not always inlined).
    @inlinable @inline(__always)
    static func toFloat(_ v: SIMD8<Int32>) -> SIMD8<Float> {
        SIMD8<Float>(Float(v[0]), Float(v[1]), Float(v[2]), Float(v[3]), Float(v[4]), Float(v[5]), Float(v[6]), Float(v[7]))
    }

    /// Nibble 4l+k in lane l, as a float times 2^(8k): masked in place, not shifted; the
    /// transposed activations carry the matching 2^(−8k), so products stay exact.
    @inlinable @inline(__always)
    static func nibble(_ pairs: SIMD8<Int32>, _ k: Int) -> SIMD8<Float> {
        toFloat(pairs & Int32(0x0F << (8 * k)))
    }

    /// Q4_1 weights against Q8_1 activations, in float SIMD, bit-identical to `q4_1q8_1`.
    ///
    /// The activation's int8 values come as floats in lane-transposed order, scaled by powers of
    /// two: for each block, `yT[k·8 + l] = y[4l + k] · 2^(−8k)` (k < 4, l < 8). The weight
    /// nibbles are brought into the same order with a mask and converted exactly, so
    /// `Σ_k u_k·y_k` gives the eight four-product lane sums as exact integers in float (so fused or not, the products and sums are exact), and the
    /// lanes accumulate with fused multiply-adds just as ggml's kernel does. `scales` holds the
    /// activation's (d, s) per block as floats.
    @inlinable @inline(__always)
    public static func q4_1q8_1(_ w: UnsafeRawPointer, scales: UnsafePointer<Float>, transposed yT: UnsafePointer<Float>,
                                blocks: Int) -> Float {
        var acc = SIMD8<Float>()
        var mins: Float = 0
        for b in 0..<blocks {
            let wb = w + b * 20
            let nibbles = nibblePairs(wb + 4)
            let y = UnsafeRawPointer(yT + b * 32)
            // Two short chains instead of one long one (all products and sums are exact).
            let y0 = y.loadUnaligned(as: SIMD8<Float>.self), y1 = y.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self)
            let y2 = y.loadUnaligned(fromByteOffset: 64, as: SIMD8<Float>.self), y3 = y.loadUnaligned(fromByteOffset: 96, as: SIMD8<Float>.self)
            let s01 = (nibble(nibbles, 0) * y0).addingProduct(nibble(nibbles, 1), y1)
            let s23 = (nibble(nibbles, 2) * y2).addingProduct(nibble(nibbles, 3), y3)
            let s = s01 + s23
            let scale = half(wb, 0) * scales[2 * b]
            mins = mins.addingProduct(half(wb, 2), scales[2 * b + 1])
            acc = acc.addingProduct(SIMD8<Float>(repeating: scale), s)
        }
        return sumLanes8(acc[0], acc[1], acc[2], acc[3], acc[4], acc[5], acc[6], acc[7]) + mins
    }

    /// Four activation rows at once (prefill): the nibbles are unpacked once per block.
    /// `yT` rows are `columns` floats apart; `scales` rows `2·blocks` floats apart.
    @inlinable @inline(__always)
    public static func q4_1q8_1x4(_ w: UnsafeRawPointer, scales: UnsafePointer<Float>,
                                  transposed yT: UnsafePointer<Float>, columns: Int, blocks: Int,
                                  out: UnsafeMutablePointer<Float>, outStride: Int) {
        var sums = Q4_1Rows4()
        let rowStride = columns * 4
        for b in 0..<blocks {
            let wb = w + b * 20
            let nibbles = nibblePairs(wb + 4)
            let y = UnsafeRawPointer(yT + b * 32)
            var s0 = SIMD8<Float>(), s1 = SIMD8<Float>(), s2 = SIMD8<Float>(), s3 = SIMD8<Float>()
            for k in 0..<4 {
                let u = nibble(nibbles, k)
                s0 = s0.addingProduct(u, y.loadUnaligned(fromByteOffset: 32 * k, as: SIMD8<Float>.self))
                s1 = s1.addingProduct(u, y.loadUnaligned(fromByteOffset: rowStride + 32 * k, as: SIMD8<Float>.self))
                s2 = s2.addingProduct(u, y.loadUnaligned(fromByteOffset: 2 * rowStride + 32 * k, as: SIMD8<Float>.self))
                s3 = s3.addingProduct(u, y.loadUnaligned(fromByteOffset: 3 * rowStride + 32 * k, as: SIMD8<Float>.self))
            }
            sums.add(s0, s1, s2, s3, dw: half(wb, 0), mw: half(wb, 2), sc: scales + 2 * b, st: 2 * blocks)
        }
        sums.store(out, outStride: outStride)
    }
}

extension DotProducts {
    /// Two weight rows against one activation row (decode), the weights' block scales read from
    /// float tables (`(d, m)` per block): two independent streams through memory and twice the
    /// independent arithmetic per step. Each result equals `q4_1q8_1`'s.
    @inlinable @inline(__always)
    public static func q4_1q8_1Rows2(_ w0: UnsafeRawPointer, _ w1: UnsafeRawPointer,
                                     weightScales ws0: UnsafePointer<Float>, _ ws1: UnsafePointer<Float>,
                                     scales: UnsafePointer<Float>, transposed yT: UnsafePointer<Float>, blocks: Int) -> (Float, Float) {
        var acc0 = SIMD8<Float>(), acc1 = SIMD8<Float>()
        var mins0: Float = 0, mins1: Float = 0
        for b in 0..<blocks {
            let nibbles0 = nibblePairs(w0 + b * 20 + 4)
            let nibbles1 = nibblePairs(w1 + b * 20 + 4)
            let y = UnsafeRawPointer(yT + b * 32)
            let y0 = y.loadUnaligned(as: SIMD8<Float>.self), y1 = y.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self)
            let y2 = y.loadUnaligned(fromByteOffset: 64, as: SIMD8<Float>.self), y3 = y.loadUnaligned(fromByteOffset: 96, as: SIMD8<Float>.self)
            let s0 = (nibble(nibbles0, 0) * y0).addingProduct(nibble(nibbles0, 1), y1)
                + (nibble(nibbles0, 2) * y2).addingProduct(nibble(nibbles0, 3), y3)
            let s1 = (nibble(nibbles1, 0) * y0).addingProduct(nibble(nibbles1, 1), y1)
                + (nibble(nibbles1, 2) * y2).addingProduct(nibble(nibbles1, 3), y3)
            let da = scales[2 * b], sa = scales[2 * b + 1]
            acc0 = acc0.addingProduct(SIMD8<Float>(repeating: ws0[2 * b] * da), s0)
            acc1 = acc1.addingProduct(SIMD8<Float>(repeating: ws1[2 * b] * da), s1)
            mins0 = mins0.addingProduct(ws0[2 * b + 1], sa)
            mins1 = mins1.addingProduct(ws1[2 * b + 1], sa)
        }
        return (sumLanes8(acc0[0], acc0[1], acc0[2], acc0[3], acc0[4], acc0[5], acc0[6], acc0[7]) + mins0,
                sumLanes8(acc1[0], acc1[1], acc1[2], acc1[3], acc1[4], acc1[5], acc1[6], acc1[7]) + mins1)
    }
}
