#if arch(x86_64) && COPYDESK_X86_INT8
import CPUIntrinsics

/// K-quant weights against Q8_K activations with integer byte products (`vpmaddubsw` then
/// `vpmaddwd` against the sub-block scales, ggml's form): bit-identical to the portable kernels
/// in DotProducts+KQuants.swift. Blocks: Q4_K 144 bytes, Q6_K 210, Q8_K 292.
extension DotProducts {
    /// Four 8-bit fields per lane, low nibbles.
    @inlinable static var nibbleMask: SIMD8<Int32> { SIMD8<Int32>(repeating: 0x0F0F_0F0F) }

    /// Byte pattern `[j, zero]` in both 16-bit halves of a lane: with `vpshufb` it widens byte j
    /// of each 128-bit half into two 16-bit words.
    @inlinable @inline(__always)
    static func wordPattern(_ j: Int) -> Int32 { Int32(bitPattern: UInt32(j) | 0x8000 | UInt32(j) << 16 | 0x8000_0000) }

    /// A 64-bit word in every 64-bit quarter of a vector.
    @inlinable @inline(__always)
    static func broadcast(_ word: UInt64) -> SIMD8<Int32> { unsafeBitCast(SIMD4<UInt64>(repeating: word), to: SIMD8<Int32>.self) }

    /// Scale byte k of `scales` (a `broadcast` word) widened into all sixteen 16-bit lanes.
    @inlinable @inline(__always)
    static func scaleWords(_ scales: SIMD8<Int32>, _ k: Int) -> SIMD16<Int16> {
        unsafeBitCast(ByteDot.shuffleBytes(scales, SIMD8<Int32>(repeating: wordPattern(k))), to: SIMD16<Int16>.self)
    }

    /// Lane r: byte r of each 128-bit half's first eight bytes, widened into both 16-bit halves.
    @inlinable @inline(__always)
    static var rowPairPattern: SIMD8<Int32> {
        SIMD8<Int32>(wordPattern(0), wordPattern(1), wordPattern(2), wordPattern(3),
                     wordPattern(4), wordPattern(5), wordPattern(6), wordPattern(7))
    }

    /// Lane k: min k · (activation sum of sub-block k), from the eight mins and the sixteen
    /// 16-element sums (one `vpmaddwd`).
    @inlinable @inline(__always)
    static func minProducts(_ mins: UInt64, sums: SIMD16<Int16>) -> SIMD8<Int32> {
        ByteDot.pairProducts(sums, pairedMins(mins))
    }

    /// The eight mins, each in both 16-bit halves of its lane.
    @inlinable @inline(__always)
    static func pairedMins(_ mins: UInt64) -> SIMD16<Int16> {
        unsafeBitCast(ByteDot.shuffleBytes(broadcast(mins), rowPairPattern), to: SIMD16<Int16>.self)
    }

    /// Σ over sub-blocks of min · activation sum.
    @inlinable @inline(__always)
    static func q4_KMinSum(_ mins: UInt64, sums: UnsafeRawPointer) -> Int32 {
        minProducts(mins, sums: sums.loadUnaligned(as: SIMD16<Int16>.self)).wrappedSum()
    }

    /// The integer sum Σ_s scale_s · Σ q·y over one Q4_K super-block `x` and Q8_K block `y`.
    @inlinable @inline(__always)
    static func q4_KBlockSum(_ x: UnsafeRawPointer, _ scales: UInt64, _ y: UnsafeRawPointer) -> Int32 {
        let sc = broadcast(scales)
        var sum = SIMD8<Int32>()
        for j in 0..<4 {
            let q = (x + 16 + 32 * j).loadUnaligned(as: SIMD8<Int32>.self)
            sum = ByteDot.scaledLanes(sum, q & nibbleMask, (y + 4 + 64 * j).loadUnaligned(as: SIMD8<Int32>.self), scales: scaleWords(sc, 2 * j))
            sum = ByteDot.scaledLanes(sum, (q &>> 4) & nibbleMask, (y + 36 + 64 * j).loadUnaligned(as: SIMD8<Int32>.self), scales: scaleWords(sc, 2 * j + 1))
        }
        return sum.wrappedSum()
    }

    /// Q4_K · Q8_K, one row (`weights` and `activations` hold `blocks` blocks each).
    @inlinable
    public static func q4_Kq8_K(_ w: UnsafeRawPointer, activations a: UnsafeRawPointer, blocks: Int) -> Float {
        var acc: Float = 0, accMin: Float = 0
        for b in 0..<blocks {
            let x = w + b * 144, y = a + b * 292
            let (scales, mins) = kScalesAndMins(x + 4)
            let dy = y.loadUnaligned(as: Float.self)
            acc = acc.addingProduct(Float(q4_KBlockSum(x, scales, y)), half(x, 0) * dy)
            accMin = accMin.addingProduct(Float(q4_KMinSum(mins, sums: y + 260)), half(x, 2) * dy)
        }
        return acc - accMin
    }

    /// Two Q4_K rows against one activation row (decode): the activation bytes are loaded once.
    @inlinable
    public static func q4_Kq8_KRows2(_ w0: UnsafeRawPointer, _ w1: UnsafeRawPointer, activations a: UnsafeRawPointer,
                                     blocks: Int, prefetch ahead: Int) -> (Float, Float) {
        var acc0: Float = 0, min0: Float = 0, acc1: Float = 0, min1: Float = 0
        // `ahead` bytes on (a later pair of rows): fetched while this pair is computed.
        for b in 0..<blocks {
            let x0 = w0 + b * 144, x1 = w1 + b * 144, y = a + b * 292
            Prefetch.read(x0 + ahead); Prefetch.read(x0 + ahead + 64); Prefetch.read(x0 + ahead + 128)
            Prefetch.read(x1 + ahead); Prefetch.read(x1 + ahead + 64); Prefetch.read(x1 + ahead + 128)
            let (s0, m0) = kScalesAndMins(x0 + 4)
            let (s1, m1) = kScalesAndMins(x1 + 4)
            let sc0 = broadcast(s0), sc1 = broadcast(s1)
            var sum0 = SIMD8<Int32>(), sum1 = SIMD8<Int32>()
            for j in 0..<4 {
                let ylo = (y + 4 + 64 * j).loadUnaligned(as: SIMD8<Int32>.self)
                let yhi = (y + 36 + 64 * j).loadUnaligned(as: SIMD8<Int32>.self)
                let q0 = (x0 + 16 + 32 * j).loadUnaligned(as: SIMD8<Int32>.self)
                let q1 = (x1 + 16 + 32 * j).loadUnaligned(as: SIMD8<Int32>.self)
                sum0 = ByteDot.scaledLanes(sum0, q0 & nibbleMask, ylo, scales: scaleWords(sc0, 2 * j))
                sum0 = ByteDot.scaledLanes(sum0, (q0 &>> 4) & nibbleMask, yhi, scales: scaleWords(sc0, 2 * j + 1))
                sum1 = ByteDot.scaledLanes(sum1, q1 & nibbleMask, ylo, scales: scaleWords(sc1, 2 * j))
                sum1 = ByteDot.scaledLanes(sum1, (q1 &>> 4) & nibbleMask, yhi, scales: scaleWords(sc1, 2 * j + 1))
            }
            let dy = y.loadUnaligned(as: Float.self)
            let sums = (y + 260).loadUnaligned(as: SIMD16<Int16>.self)
            // [I0, I1, M0, M1] in one reduction.
            let totals = SIMD4<Float>(sums4(sum0, sum1, minProducts(m0, sums: sums), minProducts(m1, sums: sums)))
            acc0 = acc0.addingProduct(totals[0], half(x0, 0) * dy)
            acc1 = acc1.addingProduct(totals[1], half(x1, 0) * dy)
            min0 = min0.addingProduct(totals[2], half(x0, 2) * dy)
            min1 = min1.addingProduct(totals[3], half(x1, 2) * dy)
        }
        return (acc0 - min0, acc1 - min1)
    }

    /// The lane sums of four vectors: `[Σa, Σb, Σc, Σd]` (exact).
    @inlinable @inline(__always)
    static func sums4(_ a: SIMD8<Int32>, _ b: SIMD8<Int32>, _ c: SIMD8<Int32>, _ d: SIMD8<Int32>) -> SIMD4<Int32> {
        let h = ByteDot.pairSums(ByteDot.pairSums(a, b), ByteDot.pairSums(c, d))
        return h.lowHalf &+ h.highHalf
    }

    /// One Q4_K row against four activation rows `rowBytes` apart (prefill), in the GEMM's order
    /// (`q4_Kq8_KPaired`); writes the four results `outStride` floats apart. The weight nibbles
    /// are unpacked once per sub-block, the four rows' sums reduced together.
    @inlinable
    public static func q4_Kq8_Kx4(_ w: UnsafeRawPointer, activations a: UnsafeRawPointer, rowBytes: Int, blocks: Int,
                                  out: UnsafeMutablePointer<Float>, outStride: Int) {
        var acc = SIMD4<Float>(), accMin = SIMD4<Float>()
        for b in 0..<blocks {
            let x = w + b * 144, y = a + b * 292
            let (scales, mins) = kScalesAndMins(x + 4)
            let dy = SIMD4<Float>(y.loadUnaligned(as: Float.self), y.loadUnaligned(fromByteOffset: rowBytes, as: Float.self),
                                  y.loadUnaligned(fromByteOffset: 2 * rowBytes, as: Float.self),
                                  y.loadUnaligned(fromByteOffset: 3 * rowBytes, as: Float.self))
            let d = half(x, 0) * dy, dmin = half(x, 2) * dy
            let sc = broadcast(scales)
            // Min × activation sum per sub-block, then per pair of sub-blocks, for the four rows.
            let paired = pairedMins(mins)
            @inline(__always) func minProducts(_ t: Int) -> SIMD8<Int32> {
                ByteDot.pairProducts((y + t * rowBytes + 260).loadUnaligned(as: SIMD16<Int16>.self), paired)
            }
            // lanes: [t0 p0, t0 p1, t1 p0, t1 p1 | t0 p2, t0 p3, t1 p2, t1 p3] and the same for t2, t3.
            let m01 = ByteDot.pairSums(minProducts(0), minProducts(1))
            let m23 = ByteDot.pairSums(minProducts(2), minProducts(3))
            // The pairs of sub-blocks in order, written out so every lane index is a constant.
            @inline(__always) func step(_ j: Int, _ ms: SIMD4<Int32>) {
                let q = (x + 16 + 32 * j).loadUnaligned(as: SIMD8<Int32>.self)
                let lo = q & nibbleMask, hi = (q &>> 4) & nibbleMask
                let sl = scaleWords(sc, 2 * j), sh = scaleWords(sc, 2 * j + 1)
                let ylo = y + 4 + 64 * j, yhi = y + 36 + 64 * j
                @inline(__always) func pair(_ t: Int) -> SIMD8<Int32> {
                    let s = ByteDot.scaledLanes(SIMD8<Int32>(), lo, ylo.loadUnaligned(fromByteOffset: t * rowBytes, as: SIMD8<Int32>.self), scales: sl)
                    return ByteDot.scaledLanes(s, hi, yhi.loadUnaligned(fromByteOffset: t * rowBytes, as: SIMD8<Int32>.self), scales: sh)
                }
                acc = acc.addingProduct(SIMD4<Float>(sums4(pair(0), pair(1), pair(2), pair(3))), d)
                accMin = accMin.addingProduct(SIMD4<Float>(ms), dmin)
            }
            step(0, SIMD4<Int32>(m01[0], m01[2], m23[0], m23[2]))
            step(1, SIMD4<Int32>(m01[1], m01[3], m23[1], m23[3]))
            step(2, SIMD4<Int32>(m01[4], m01[6], m23[4], m23[6]))
            step(3, SIMD4<Int32>(m01[5], m01[7], m23[5], m23[7]))
        }
        let r = acc - accMin
        out[0] = r[0]; out[outStride] = r[1]; out[2 * outStride] = r[2]; out[3 * outStride] = r[3]
    }

    /// Q5_K · Q8_K, one row, in ggml's AVX2 order (`q5_Kq8_K`): eight lanes of scaled sub-block
    /// sums, the fifth bit of each weight taken from the block's 32 high-bit bytes.
    @inlinable
    public static func q5_Kq8_K(_ w: UnsafeRawPointer, activations a: UnsafeRawPointer, blocks: Int) -> Float {
        var acc = SIMD8<Float>()
        var summs: Float = 0
        let one = SIMD8<Int32>(repeating: 0x0101_0101)
        for b in 0..<blocks {
            let x = w + b * 176, y = a + b * 292
            let (scales, mins) = kScalesAndMins(x + 4)
            let sc = broadcast(scales)
            let qh = (x + 16).loadUnaligned(as: SIMD8<Int32>.self)
            var sum = SIMD8<Int32>()
            for j in 0..<4 {
                let q = (x + 48 + 32 * j).loadUnaligned(as: SIMD8<Int32>.self)
                let lo = (q & nibbleMask) | (((qh &>> Int32(2 * j)) & one) &<< 4)
                let hi = ((q &>> 4) & nibbleMask) | (((qh &>> Int32(2 * j + 1)) & one) &<< 4)
                sum = ByteDot.scaledLanes(sum, lo, (y + 4 + 64 * j).loadUnaligned(as: SIMD8<Int32>.self), scales: scaleWords(sc, 2 * j))
                sum = ByteDot.scaledLanes(sum, hi, (y + 36 + 64 * j).loadUnaligned(as: SIMD8<Int32>.self), scales: scaleWords(sc, 2 * j + 1))
            }
            let dy = y.loadUnaligned(as: Float.self)
            let d = dy * half(x, 0), dmin = -dy * half(x, 2)
            summs = summs.addingProduct(dmin, Float(q4_KMinSum(mins, sums: y + 260)))
            acc = acc.addingProduct(SIMD8<Float>(repeating: d), toFloat(sum))
        }
        return sumLanes8(acc[0], acc[1], acc[2], acc[3], acc[4], acc[5], acc[6], acc[7]) + summs
    }

    /// The four groups of 32 six-bit values (unsigned, 0…63) of one 128-weight half of a Q6_K block.
    @inlinable @inline(__always)
    static func q6_KGroups(_ x: UnsafeRawPointer, half h: Int) -> (SIMD8<Int32>, SIMD8<Int32>, SIMD8<Int32>, SIMD8<Int32>) {
        let ql0 = (x + 64 * h).loadUnaligned(as: SIMD8<Int32>.self)
        let ql1 = (x + 64 * h + 32).loadUnaligned(as: SIMD8<Int32>.self)
        let qh = (x + 128 + 32 * h).loadUnaligned(as: SIMD8<Int32>.self)
        let two = SIMD8<Int32>(repeating: 0x0303_0303)
        return ((ql0 & nibbleMask) | ((qh & two) &<< 4),
                (ql1 & nibbleMask) | (((qh &>> 2) & two) &<< 4),
                ((ql0 &>> 4) & nibbleMask) | (((qh &>> 4) & two) &<< 4),
                ((ql1 &>> 4) & nibbleMask) | (((qh &>> 6) & two) &<< 4))
    }

    /// The 16-bit scale vector of group g: scale 2g for lanes 0-3, 2g+1 for lanes 4-7.
    @inlinable @inline(__always)
    static func q6_KScales(_ sc: UnsafePointer<Int8>, _ g: Int) -> SIMD16<Int16> {
        SIMD16<Int16>(lowHalf: SIMD8<Int16>(repeating: Int16(sc[2 * g])), highHalf: SIMD8<Int16>(repeating: Int16(sc[2 * g + 1])))
    }

    /// The eight lane sums of one Q6_K block against one Q8_K block, offset removed.
    @inlinable @inline(__always)
    static func q6_KBlockLanes(_ x: UnsafeRawPointer, _ y: UnsafeRawPointer, scales sc: UnsafePointer<Int8>,
                               scales16: SIMD16<Int16>) -> SIMD8<Int32> {
        var sum = SIMD8<Int32>()
        for h in 0..<2 {
            let (q0, q1, q2, q3) = q6_KGroups(x, half: h)
            let g = 4 * h
            sum = ByteDot.scaledLanes(sum, q0, (y + 4 + 32 * g).loadUnaligned(as: SIMD8<Int32>.self), scales: q6_KScales(sc, g))
            sum = ByteDot.scaledLanes(sum, q1, (y + 36 + 32 * g).loadUnaligned(as: SIMD8<Int32>.self), scales: q6_KScales(sc, g + 1))
            sum = ByteDot.scaledLanes(sum, q2, (y + 68 + 32 * g).loadUnaligned(as: SIMD8<Int32>.self), scales: q6_KScales(sc, g + 2))
            sum = ByteDot.scaledLanes(sum, q3, (y + 100 + 32 * g).loadUnaligned(as: SIMD8<Int32>.self), scales: q6_KScales(sc, g + 3))
        }
        let bsums = (y + 260).loadUnaligned(as: SIMD16<Int16>.self)
        return sum &- (ByteDot.pairProducts(bsums, scales16) &<< 5)
    }

    /// The 16 int8 scales of a Q6_K block widened to 16 bits.
    @inlinable @inline(__always)
    static func q6_KScales16(_ sc: UnsafePointer<Int8>) -> SIMD16<Int16> {
        SIMD16<Int16>(Int16(sc[0]), Int16(sc[1]), Int16(sc[2]), Int16(sc[3]), Int16(sc[4]), Int16(sc[5]), Int16(sc[6]), Int16(sc[7]),
                      Int16(sc[8]), Int16(sc[9]), Int16(sc[10]), Int16(sc[11]), Int16(sc[12]), Int16(sc[13]), Int16(sc[14]), Int16(sc[15]))
    }

    /// Q6_K · Q8_K, one row.
    @inlinable
    public static func q6_Kq8_K(_ w: UnsafeRawPointer, activations a: UnsafeRawPointer, blocks: Int, prefetch ahead: Int = 0) -> Float {
        var acc = SIMD8<Float>()
        for b in 0..<blocks {
            let x = w + b * 210, y = a + b * 292
            if ahead != 0 { Prefetch.read(x + ahead); Prefetch.read(x + ahead + 64); Prefetch.read(x + ahead + 128); Prefetch.read(x + ahead + 192) }
            let sc = (x + 192).assumingMemoryBound(to: Int8.self)
            let lanes = q6_KBlockLanes(x, y, scales: sc, scales16: q6_KScales16(sc))
            acc = acc.addingProduct(SIMD8<Float>(repeating: y.loadUnaligned(as: Float.self) * half(x, 208)), toFloat(lanes))
        }
        return sumLanes8(acc[0], acc[1], acc[2], acc[3], acc[4], acc[5], acc[6], acc[7])
    }

    /// The eight lane sums (offset not yet removed) of one Q6_K block against four Q8_K blocks
    /// `rowBytes` apart: the six-bit values are unpacked once for the four.
    @inlinable @inline(__always)
    static func q6_KLanes4(_ x: UnsafeRawPointer, _ y: UnsafeRawPointer, rowBytes: Int, scales sc: UnsafePointer<Int8>)
        -> (SIMD8<Int32>, SIMD8<Int32>, SIMD8<Int32>, SIMD8<Int32>) {
        var s0 = SIMD8<Int32>(), s1 = SIMD8<Int32>(), s2 = SIMD8<Int32>(), s3 = SIMD8<Int32>()
        for h in 0..<2 {
            let (q0, q1, q2, q3) = q6_KGroups(x, half: h)
            @inline(__always) func group(_ q: SIMD8<Int32>, _ g: Int) {
                let scales = q6_KScales(sc, g)
                let yg = y + 4 + 32 * g
                s0 = ByteDot.scaledLanes(s0, q, yg.loadUnaligned(as: SIMD8<Int32>.self), scales: scales)
                s1 = ByteDot.scaledLanes(s1, q, yg.loadUnaligned(fromByteOffset: rowBytes, as: SIMD8<Int32>.self), scales: scales)
                s2 = ByteDot.scaledLanes(s2, q, yg.loadUnaligned(fromByteOffset: 2 * rowBytes, as: SIMD8<Int32>.self), scales: scales)
                s3 = ByteDot.scaledLanes(s3, q, yg.loadUnaligned(fromByteOffset: 3 * rowBytes, as: SIMD8<Int32>.self), scales: scales)
            }
            group(q0, 4 * h); group(q1, 4 * h + 1); group(q2, 4 * h + 2); group(q3, 4 * h + 3)
        }
        return (s0, s1, s2, s3)
    }

    /// Q6_K · Q8_K, one row, in the tiled GEMM's order (`q6_Kq8_KTiled`).
    @inlinable
    public static func q6_Kq8_KTiled(_ w: UnsafeRawPointer, activations a: UnsafeRawPointer, blocks: Int) -> Float {
        var acc: Float = 0
        for b in 0..<blocks {
            let x = w + b * 210, y = a + b * 292
            let sc = (x + 192).assumingMemoryBound(to: Int8.self)
            let total = q6_KBlockLanes(x, y, scales: sc, scales16: q6_KScales16(sc)).wrappedSum()
            let scaled = Float(total) * half(x, 208)
            acc = acc.addingProduct(scaled, y.loadUnaligned(as: Float.self))
        }
        return acc
    }

    /// One Q6_K row against four activation rows `rowBytes` apart, in the tiled GEMM's order.
    @inlinable
    public static func q6_Kq8_KTiledx4(_ w: UnsafeRawPointer, activations a: UnsafeRawPointer, rowBytes: Int, blocks: Int,
                                       out: UnsafeMutablePointer<Float>, outStride: Int) {
        var acc = SIMD4<Float>()
        for b in 0..<blocks {
            let x = w + b * 210, y = a + b * 292
            let sc = (x + 192).assumingMemoryBound(to: Int8.self)
            let sc16 = q6_KScales16(sc)
            let (s0, s1, s2, s3) = q6_KLanes4(x, y, rowBytes: rowBytes, scales: sc)
            @inline(__always) func corrected(_ s: SIMD8<Int32>, _ row: Int) -> SIMD8<Int32> {
                s &- (ByteDot.pairProducts((y + row * rowBytes + 260).loadUnaligned(as: SIMD16<Int16>.self), sc16) &<< 5)
            }
            let totals = SIMD4<Float>(sums4(corrected(s0, 0), corrected(s1, 1), corrected(s2, 2), corrected(s3, 3)))
            let dy = SIMD4<Float>(y.loadUnaligned(as: Float.self), y.loadUnaligned(fromByteOffset: rowBytes, as: Float.self),
                                  y.loadUnaligned(fromByteOffset: 2 * rowBytes, as: Float.self),
                                  y.loadUnaligned(fromByteOffset: 3 * rowBytes, as: Float.self))
            let scaled = totals * half(x, 208)
            acc = acc.addingProduct(scaled, dy)
        }
        out[0] = acc[0]; out[outStride] = acc[1]; out[2 * outStride] = acc[2]; out[3 * outStride] = acc[3]
    }

    /// One Q6_K row against four activation rows `rowBytes` apart (prefill).
    @inlinable
    public static func q6_Kq8_Kx4(_ w: UnsafeRawPointer, activations a: UnsafeRawPointer, rowBytes: Int, blocks: Int,
                                  out: UnsafeMutablePointer<Float>, outStride: Int) {
        var acc0 = SIMD8<Float>(), acc1 = SIMD8<Float>(), acc2 = SIMD8<Float>(), acc3 = SIMD8<Float>()
        for b in 0..<blocks {
            let x = w + b * 210, y = a + b * 292
            let sc = (x + 192).assumingMemoryBound(to: Int8.self)
            let sc16 = q6_KScales16(sc)
            let (s0, s1, s2, s3) = q6_KLanes4(x, y, rowBytes: rowBytes, scales: sc)
            let dw = half(x, 208)
            func finish(_ s: SIMD8<Int32>, _ row: Int, _ acc: inout SIMD8<Float>) {
                let yr = y + row * rowBytes
                let lanes = s &- (ByteDot.pairProducts((yr + 260).loadUnaligned(as: SIMD16<Int16>.self), sc16) &<< 5)
                acc = acc.addingProduct(SIMD8<Float>(repeating: yr.loadUnaligned(as: Float.self) * dw), toFloat(lanes))
            }
            finish(s0, 0, &acc0); finish(s1, 1, &acc1); finish(s2, 2, &acc2); finish(s3, 3, &acc3)
        }
        out[0] = sumLanes8(acc0[0], acc0[1], acc0[2], acc0[3], acc0[4], acc0[5], acc0[6], acc0[7])
        out[outStride] = sumLanes8(acc1[0], acc1[1], acc1[2], acc1[3], acc1[4], acc1[5], acc1[6], acc1[7])
        out[2 * outStride] = sumLanes8(acc2[0], acc2[1], acc2[2], acc2[3], acc2[4], acc2[5], acc2[6], acc2[7])
        out[3 * outStride] = sumLanes8(acc3[0], acc3[1], acc3[2], acc3[3], acc3[4], acc3[5], acc3[6], acc3[7])
    }
}
#endif
