#if arch(x86_64) && COPYDESK_X86_INT8
import CPUIntrinsics

/// Q4_K rows rearranged by `Q4_KInterleaved` against Q8_K activations: a group of rows at a time
/// (sixteen in 512-bit registers with AVX-512, else eight),
/// each row's result in its own lane. The integer sums are the per-row kernels' (exact), the float
/// steps the same per row, so the results are bit-identical to `q4_Kq8_K` (one token: the GEMV's
/// order) and `q4_Kq8_KPaired` (groups of four tokens: the GEMM's order).
extension DotProducts {
    /// Lane r: `[a_r, b_r]` as two 16-bit values, from the eight bytes `a` and the eight bytes `b`.
    @inlinable @inline(__always)
    static func rowPairs(_ a: UInt64, _ b: UInt64) -> SIMD16<Int16> {
        let both = unsafeBitCast(SIMD4<UInt64>(a, b, a, b), to: SIMD8<Int32>.self)
        @inline(__always) func lane(_ r: UInt32) -> Int32 { Int32(bitPattern: r | 0x8000 | (8 + r) << 16 | 0x8000_0000) }
        let mask = SIMD8<Int32>(lane(0), lane(1), lane(2), lane(3), lane(4), lane(5), lane(6), lane(7))
        return unsafeBitCast(ByteDot.shuffleBytes(both, mask), to: SIMD16<Int16>.self)
    }

    /// The eight rows' scales of sub-block k, each in both 16-bit halves of its lane.
    @inlinable @inline(__always)
    static func rowScales(_ group: UnsafeRawPointer, _ k: Int) -> SIMD16<Int16> {
        unsafeBitCast(ByteDot.shuffleBytes(broadcast(group.loadUnaligned(fromByteOffset: 32 + 8 * k, as: UInt64.self)), rowPairPattern),
                      to: SIMD16<Int16>.self)
    }

    /// The eight rows' half-precision values at `p` as floats.
    @inlinable @inline(__always)
    static func halves8(_ p: UnsafeRawPointer) -> SIMD8<Float> {
        SIMD8<Float>(half(p, 0), half(p, 2), half(p, 4), half(p, 6), half(p, 8), half(p, 10), half(p, 12), half(p, 14))
    }

    /// `(bsum_2j, bsum_2j+1)` of a Q8_K block as two 16-bit values in every lane.
    @inlinable @inline(__always)
    static func subBlockSums(_ y: UnsafeRawPointer, pair j: Int) -> SIMD16<Int16> {
        let bs = (y + 260 + 8 * j).loadUnaligned(as: SIMD4<Int16>.self)
        let lo = Int32(bs[0]) &+ Int32(bs[1]), hi = Int32(bs[2]) &+ Int32(bs[3])
        return unsafeBitCast(SIMD8<Int32>(repeating: (lo & 0xFFFF) | hi << 16), to: SIMD16<Int16>.self)
    }

    /// The four bytes of activation `y` at `offset`, in every lane.
    @inlinable @inline(__always)
    static func quad(_ y: UnsafeRawPointer, _ offset: Int) -> SIMD8<Int32> {
        SIMD8<Int32>(repeating: y.loadUnaligned(fromByteOffset: offset, as: Int32.self))
    }

    #if COPYDESK_AVX512
    /// Lane r (0…15): byte r of a 16-byte row broadcast to every quarter, widened into both
    /// 16-bit halves (`low`), or into the low half only / high half only.
    @inlinable @inline(__always)
    static func bytePattern16(_ f: (UInt32) -> UInt32) -> SIMD16<Int32> {
        var v = SIMD16<Int32>()
        for r in 0..<16 { v[r] = Int32(bitPattern: f(UInt32(r))) }
        return v
    }

    /// Sixteen bytes at `p` in every 128-bit quarter.
    @inlinable @inline(__always)
    static func quarters(_ p: UnsafeRawPointer) -> SIMD16<Int32> {
        let q = p.loadUnaligned(as: SIMD4<Int32>.self)
        return SIMD16<Int32>(lowHalf: SIMD8<Int32>(lowHalf: q, highHalf: q), highHalf: SIMD8<Int32>(lowHalf: q, highHalf: q))
    }

    /// The sixteen rows' scales of sub-block k, each in both 16-bit halves of its lane.
    @inlinable @inline(__always)
    static func rowScales16(_ group: UnsafeRawPointer, _ k: Int) -> SIMD32<Int16> {
        let mask = bytePattern16 { r in r | 0x8000 | r << 16 | 0x8000_0000 }
        return unsafeBitCast(ByteDot.shuffleBytes(quarters(group + Q4_KInterleaved.scalesOffset + 16 * k), mask), to: SIMD32<Int16>.self)
    }

    /// Lane r: `[min_2j, min_2j+1]` of row r as two 16-bit values.
    @inlinable @inline(__always)
    static func rowMins16(_ group: UnsafeRawPointer, pair j: Int) -> SIMD32<Int16> {
        let low = bytePattern16 { r in r | 0xFFFF_FF00 }
        let high = bytePattern16 { r in 0x80 | 0x8000 | r << 16 | 0x8000_0000 }
        let base = group + Q4_KInterleaved.minsOffset + 32 * j
        return unsafeBitCast(ByteDot.shuffleBytes(quarters(base), low) | ByteDot.shuffleBytes(quarters(base + 16), high), to: SIMD32<Int16>.self)
    }

    /// The sixteen rows' half-precision values at `p` as floats.
    @inlinable @inline(__always)
    static func halves16(_ p: UnsafeRawPointer) -> SIMD16<Float> {
        SIMD16<Float>(lowHalf: halves8(p), highHalf: halves8(p + 16))
    }

    @inlinable @inline(__always)
    static func toFloat(_ v: SIMD16<Int32>) -> SIMD16<Float> { SIMD16<Float>(lowHalf: toFloat(v.lowHalf), highHalf: toFloat(v.highHalf)) }

    @inlinable @inline(__always)
    static var nibbleMask16: SIMD16<Int32> { SIMD16<Int32>(repeating: 0x0F0F_0F0F) }

    /// The four bytes of activation `y` at `offset`, in every lane.
    @inlinable @inline(__always)
    static func quad16(_ y: UnsafeRawPointer, _ offset: Int) -> SIMD16<Int32> {
        SIMD16<Int32>(repeating: y.loadUnaligned(fromByteOffset: offset, as: Int32.self))
    }

    /// `(bsum_2j, bsum_2j+1)` in every lane.
    @inlinable @inline(__always)
    static func subBlockSums16(_ y: UnsafeRawPointer, pair j: Int) -> SIMD32<Int16> {
        let bs = (y + 260 + 8 * j).loadUnaligned(as: SIMD4<Int16>.self)
        let lo = Int32(bs[0]) &+ Int32(bs[1]), hi = Int32(bs[2]) &+ Int32(bs[3])
        return unsafeBitCast(SIMD16<Int32>(repeating: (lo & 0xFFFF) | hi << 16), to: SIMD32<Int16>.self)
    }

    /// Sixteen interleaved Q4_K rows against one activation row (decode): `out[0..<16]`.
    @inlinable
    public static func q4_KInterleavedGEMV(_ group: UnsafeRawPointer, activations a: UnsafeRawPointer, blocks: Int,
                                           out: UnsafeMutablePointer<Float>) {
        var acc = SIMD16<Float>(), accMin = SIMD16<Float>()
        let qs = Q4_KInterleaved.qsOffset
        for b in 0..<blocks {
            let g = group + b * Q4_KInterleaved.groupBlockBytes, y = a + b * 292
            Prefetch.read(g + 2 * Q4_KInterleaved.groupBlockBytes)
            var total = SIMD16<Int32>(), mins = SIMD16<Int32>()
            for j in 0..<4 {
                var lo = SIMD32<Int16>(), hi = SIMD32<Int16>()
                for e in 0..<8 {
                    let q = (g + qs + (8 * j + e) * 64).loadUnaligned(as: SIMD16<Int32>.self)
                    lo &+= ByteDot.bytePairs(q & nibbleMask16, quad16(y, 4 + 64 * j + 4 * e))
                    hi &+= ByteDot.bytePairs((q &>> 4) & nibbleMask16, quad16(y, 36 + 64 * j + 4 * e))
                }
                total &+= ByteDot.pairProducts(lo, rowScales16(g, 2 * j)) &+ ByteDot.pairProducts(hi, rowScales16(g, 2 * j + 1))
                mins &+= ByteDot.pairProducts(rowMins16(g, pair: j), subBlockSums16(y, pair: j))
            }
            let dy = SIMD16<Float>(repeating: y.loadUnaligned(as: Float.self))
            acc = acc.addingProduct(toFloat(total), halves16(g) * dy)
            accMin = accMin.addingProduct(toFloat(mins), halves16(g + Q4_KInterleaved.dminOffset) * dy)
        }
        UnsafeMutableRawPointer(out).storeBytes(of: acc - accMin, as: SIMD16<Float>.self)
    }

    /// Sixteen interleaved Q4_K rows against four activation rows `rowBytes` apart (prefill), in
    /// the GEMM's order; row r of token t goes to `out[t·outStride + r]`.
    @inlinable
    public static func q4_KInterleavedGEMM4(_ group: UnsafeRawPointer, activations a: UnsafeRawPointer, rowBytes: Int, blocks: Int,
                                            out: UnsafeMutablePointer<Float>, outStride: Int) {
        var acc0 = SIMD16<Float>(), acc1 = SIMD16<Float>(), acc2 = SIMD16<Float>(), acc3 = SIMD16<Float>()
        var min0 = SIMD16<Float>(), min1 = SIMD16<Float>(), min2 = SIMD16<Float>(), min3 = SIMD16<Float>()
        let qs = Q4_KInterleaved.qsOffset
        for b in 0..<blocks {
            let g = group + b * Q4_KInterleaved.groupBlockBytes, y = a + b * 292
            let dw = halves16(g), dmin = halves16(g + Q4_KInterleaved.dminOffset)
            @inline(__always) func dy(_ t: Int) -> SIMD16<Float> { SIMD16<Float>(repeating: y.loadUnaligned(fromByteOffset: t * rowBytes, as: Float.self)) }
            let d0 = dw * dy(0), d1 = dw * dy(1), d2 = dw * dy(2), d3 = dw * dy(3)
            let m0 = dmin * dy(0), m1 = dmin * dy(1), m2 = dmin * dy(2), m3 = dmin * dy(3)
            for j in 0..<4 {
                var lo0 = SIMD32<Int16>(), lo1 = SIMD32<Int16>(), lo2 = SIMD32<Int16>(), lo3 = SIMD32<Int16>()
                var hi0 = SIMD32<Int16>(), hi1 = SIMD32<Int16>(), hi2 = SIMD32<Int16>(), hi3 = SIMD32<Int16>()
                for e in 0..<8 {
                    let q = (g + qs + (8 * j + e) * 64).loadUnaligned(as: SIMD16<Int32>.self)
                    let ql = q & nibbleMask16, qh = (q &>> 4) & nibbleMask16
                    let lo = 4 + 64 * j + 4 * e, hi = lo + 32
                    lo0 &+= ByteDot.bytePairs(ql, quad16(y, lo)); hi0 &+= ByteDot.bytePairs(qh, quad16(y, hi))
                    lo1 &+= ByteDot.bytePairs(ql, quad16(y, rowBytes + lo)); hi1 &+= ByteDot.bytePairs(qh, quad16(y, rowBytes + hi))
                    lo2 &+= ByteDot.bytePairs(ql, quad16(y, 2 * rowBytes + lo)); hi2 &+= ByteDot.bytePairs(qh, quad16(y, 2 * rowBytes + hi))
                    lo3 &+= ByteDot.bytePairs(ql, quad16(y, 3 * rowBytes + lo)); hi3 &+= ByteDot.bytePairs(qh, quad16(y, 3 * rowBytes + hi))
                }
                let sl = rowScales16(g, 2 * j), sh = rowScales16(g, 2 * j + 1)
                let mp = rowMins16(g, pair: j)
                @inline(__always) func pair(_ lo: SIMD32<Int16>, _ hi: SIMD32<Int16>) -> SIMD16<Float> {
                    toFloat(ByteDot.pairProducts(lo, sl) &+ ByteDot.pairProducts(hi, sh))
                }
                @inline(__always) func minSum(_ t: Int) -> SIMD16<Float> {
                    toFloat(ByteDot.pairProducts(mp, subBlockSums16(y + t * rowBytes, pair: j)))
                }
                acc0 = acc0.addingProduct(pair(lo0, hi0), d0); min0 = min0.addingProduct(minSum(0), m0)
                acc1 = acc1.addingProduct(pair(lo1, hi1), d1); min1 = min1.addingProduct(minSum(1), m1)
                acc2 = acc2.addingProduct(pair(lo2, hi2), d2); min2 = min2.addingProduct(minSum(2), m2)
                acc3 = acc3.addingProduct(pair(lo3, hi3), d3); min3 = min3.addingProduct(minSum(3), m3)
            }
        }
        UnsafeMutableRawPointer(out).storeBytes(of: acc0 - min0, as: SIMD16<Float>.self)
        UnsafeMutableRawPointer(out + outStride).storeBytes(of: acc1 - min1, as: SIMD16<Float>.self)
        UnsafeMutableRawPointer(out + 2 * outStride).storeBytes(of: acc2 - min2, as: SIMD16<Float>.self)
        UnsafeMutableRawPointer(out + 3 * outStride).storeBytes(of: acc3 - min3, as: SIMD16<Float>.self)
    }
    #else
    /// Eight interleaved Q4_K rows against one activation row (decode): `out[0..<8]`.
    @inlinable
    public static func q4_KInterleavedGEMV(_ group: UnsafeRawPointer, activations a: UnsafeRawPointer, blocks: Int,
                                           out: UnsafeMutablePointer<Float>) {
        var acc = SIMD8<Float>(), accMin = SIMD8<Float>()
        for b in 0..<blocks {
            let g = group + b * Q4_KInterleaved.groupBlockBytes, y = a + b * 292
            Prefetch.read(g + 4 * Q4_KInterleaved.groupBlockBytes)
            var total = SIMD8<Int32>(), mins = SIMD8<Int32>()
            for j in 0..<4 {
                var lo = SIMD16<Int16>(), hi = SIMD16<Int16>()
                for e in 0..<8 {
                    let q = (g + 160 + (8 * j + e) * 32).loadUnaligned(as: SIMD8<Int32>.self)
                    lo &+= ByteDot.bytePairs(q & nibbleMask, quad(y, 4 + 64 * j + 4 * e))
                    hi &+= ByteDot.bytePairs((q &>> 4) & nibbleMask, quad(y, 36 + 64 * j + 4 * e))
                }
                total &+= ByteDot.pairProducts(lo, rowScales(g, 2 * j)) &+ ByteDot.pairProducts(hi, rowScales(g, 2 * j + 1))
                let m = rowPairs(g.loadUnaligned(fromByteOffset: 96 + 16 * j, as: UInt64.self),
                                 g.loadUnaligned(fromByteOffset: 104 + 16 * j, as: UInt64.self))
                mins &+= ByteDot.pairProducts(m, subBlockSums(y, pair: j))
            }
            let dy = SIMD8<Float>(repeating: y.loadUnaligned(as: Float.self))
            acc = acc.addingProduct(toFloat(total), halves8(g) * dy)
            accMin = accMin.addingProduct(toFloat(mins), halves8(g + 16) * dy)
        }
        let r = acc - accMin
        UnsafeMutableRawPointer(out).storeBytes(of: r, as: SIMD8<Float>.self)
    }

    /// Eight interleaved Q4_K rows against four activation rows `rowBytes` apart (prefill), in
    /// the GEMM's order; row r of token t goes to `out[t·outStride + r]`.
    @inlinable
    public static func q4_KInterleavedGEMM4(_ group: UnsafeRawPointer, activations a: UnsafeRawPointer, rowBytes: Int, blocks: Int,
                                            out: UnsafeMutablePointer<Float>, outStride: Int) {
        var acc0 = SIMD8<Float>(), acc1 = SIMD8<Float>(), acc2 = SIMD8<Float>(), acc3 = SIMD8<Float>()
        var min0 = SIMD8<Float>(), min1 = SIMD8<Float>(), min2 = SIMD8<Float>(), min3 = SIMD8<Float>()
        for b in 0..<blocks {
            let g = group + b * Q4_KInterleaved.groupBlockBytes, y = a + b * 292
            let dw = halves8(g), dmin = halves8(g + 16)
            @inline(__always) func dy(_ t: Int) -> SIMD8<Float> { SIMD8<Float>(repeating: y.loadUnaligned(fromByteOffset: t * rowBytes, as: Float.self)) }
            let d0 = dw * dy(0), d1 = dw * dy(1), d2 = dw * dy(2), d3 = dw * dy(3)
            let m0 = dmin * dy(0), m1 = dmin * dy(1), m2 = dmin * dy(2), m3 = dmin * dy(3)
            for j in 0..<4 {
                var lo0 = SIMD16<Int16>(), lo1 = SIMD16<Int16>(), lo2 = SIMD16<Int16>(), lo3 = SIMD16<Int16>()
                var hi0 = SIMD16<Int16>(), hi1 = SIMD16<Int16>(), hi2 = SIMD16<Int16>(), hi3 = SIMD16<Int16>()
                for e in 0..<8 {
                    let q = (g + 160 + (8 * j + e) * 32).loadUnaligned(as: SIMD8<Int32>.self)
                    let ql = q & nibbleMask, qh = (q &>> 4) & nibbleMask
                    let lo = 4 + 64 * j + 4 * e, hi = lo + 32
                    lo0 &+= ByteDot.bytePairs(ql, quad(y, lo)); hi0 &+= ByteDot.bytePairs(qh, quad(y, hi))
                    lo1 &+= ByteDot.bytePairs(ql, quad(y, rowBytes + lo)); hi1 &+= ByteDot.bytePairs(qh, quad(y, rowBytes + hi))
                    lo2 &+= ByteDot.bytePairs(ql, quad(y, 2 * rowBytes + lo)); hi2 &+= ByteDot.bytePairs(qh, quad(y, 2 * rowBytes + hi))
                    lo3 &+= ByteDot.bytePairs(ql, quad(y, 3 * rowBytes + lo)); hi3 &+= ByteDot.bytePairs(qh, quad(y, 3 * rowBytes + hi))
                }
                let sl = rowScales(g, 2 * j), sh = rowScales(g, 2 * j + 1)
                let mp = rowPairs(g.loadUnaligned(fromByteOffset: 96 + 16 * j, as: UInt64.self),
                                  g.loadUnaligned(fromByteOffset: 104 + 16 * j, as: UInt64.self))
                @inline(__always) func pair(_ lo: SIMD16<Int16>, _ hi: SIMD16<Int16>) -> SIMD8<Float> {
                    toFloat(ByteDot.pairProducts(lo, sl) &+ ByteDot.pairProducts(hi, sh))
                }
                @inline(__always) func minSum(_ t: Int) -> SIMD8<Float> {
                    toFloat(ByteDot.pairProducts(mp, subBlockSums(y + t * rowBytes, pair: j)))
                }
                acc0 = acc0.addingProduct(pair(lo0, hi0), d0); min0 = min0.addingProduct(minSum(0), m0)
                acc1 = acc1.addingProduct(pair(lo1, hi1), d1); min1 = min1.addingProduct(minSum(1), m1)
                acc2 = acc2.addingProduct(pair(lo2, hi2), d2); min2 = min2.addingProduct(minSum(2), m2)
                acc3 = acc3.addingProduct(pair(lo3, hi3), d3); min3 = min3.addingProduct(minSum(3), m3)
            }
        }
        UnsafeMutableRawPointer(out).storeBytes(of: acc0 - min0, as: SIMD8<Float>.self)
        UnsafeMutableRawPointer(out + outStride).storeBytes(of: acc1 - min1, as: SIMD8<Float>.self)
        UnsafeMutableRawPointer(out + 2 * outStride).storeBytes(of: acc2 - min2, as: SIMD8<Float>.self)
        UnsafeMutableRawPointer(out + 3 * outStride).storeBytes(of: acc3 - min3, as: SIMD8<Float>.self)
    }
    #endif
}
#endif
