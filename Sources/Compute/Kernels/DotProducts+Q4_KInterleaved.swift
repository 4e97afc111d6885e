#if arch(x86_64) && COPYDESK_X86_INT8
import CPUIntrinsics

/// Q4_K rows rearranged by `Q4_KInterleaved` against Q8_K activations: eight rows at a time,
/// each row's result in its own lane. The integer sums are the per-row kernels' (exact), the float
/// steps the same per row, so the results are bit-identical to `q4_Kq8_K` (one token: the GEMV's
/// order) and `q4_Kq8_KPaired` (groups of four tokens: the GEMM's order).
extension DotProducts {
    /// Lane r: byte r of each 128-bit half's first eight bytes, widened into both 16-bit halves.
    @inlinable @inline(__always)
    static var rowPairPattern: SIMD8<Int32> {
        SIMD8<Int32>(wordPattern(0), wordPattern(1), wordPattern(2), wordPattern(3),
                     wordPattern(4), wordPattern(5), wordPattern(6), wordPattern(7))
    }

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
}
#endif
