/// K-quant weights (256-element super-blocks) against Q8_K activations: the portable kernels.
///
/// Every integer part is exact, so only the float steps decide the result; they follow ggml's
/// x86 kernels, which makes these scalar forms bit-identical to the SIMD ones and to llama.cpp:
/// - Q4_K (llama.cpp repacks it for its 8×8 GEMV/GEMM): an integer sum `I` of scale × product and
///   one `M` of min × activation sums; the row is `fma-chain(I · (d_w·d_y)) − fma-chain(M · (dmin_w·d_y))`.
///   The GEMV (single tokens, and what is left of a batch after groups of four) takes `I` and `M`
///   per super-block; the GEMM (a batch's groups of four tokens) per pair of 32-weight sub-blocks.
/// - Q5_K and Q6_K (ggml's AVX2 dot products): eight 32-bit lanes, lane k holding weights
///   4k…4k+3 of every 32-weight group, each lane turned to float and accumulated with `d_w·d_y`,
///   then summed as an 8-lane register is.
/// - Q6_K in batches of eight tokens or more (ggml's tiled K-quant GEMM): per super-block one
///   integer sum `S`, and the row is the fma-chain of (S · d_w) · d_y.
///
/// Q8_K block (292 bytes): f32 `d` at 0, 256 int8 at 4, 16 int16 sums of 16 at 260.
extension DotProducts {
    /// Batches of at least this many tokens take the tiled GEMM's order for Q6_K (as ggml does).
    public static let tiledMinimumBatch = 8

    /// The eight 6-bit scales and eight 6-bit mins of a Q4_K/Q5_K super-block (12 packed bytes at `p`),
    /// as two 8-byte words: scales in bytes 0-7 of the first, mins in bytes 0-7 of the second.
    @inlinable @inline(__always)
    public static func kScalesAndMins(_ p: UnsafeRawPointer) -> (scales: UInt64, mins: UInt64) {
        let u0 = p.loadUnaligned(as: UInt32.self)
        let u1 = p.loadUnaligned(fromByteOffset: 4, as: UInt32.self)
        let u2 = p.loadUnaligned(fromByteOffset: 8, as: UInt32.self)
        let low6: UInt32 = 0x3F3F_3F3F, low4: UInt32 = 0x0F0F_0F0F, low2: UInt32 = 0x0303_0303
        let scalesLo = u0 & low6
        let scalesHi = (u2 & low4) | (((u0 >> 6) & low2) << 4)
        let minsLo = u1 & low6
        let minsHi = ((u2 >> 4) & low4) | (((u1 >> 6) & low2) << 4)
        return (UInt64(scalesLo) | UInt64(scalesHi) << 32, UInt64(minsLo) | UInt64(minsHi) << 32)
    }

    /// Byte `i` of a little-endian word.
    @inlinable @inline(__always)
    static func byte(_ word: UInt64, _ i: Int) -> Int32 { Int32(truncatingIfNeeded: (word >> UInt64(8 * i)) & 0xFF) }

    /// Σ over sub-blocks s of mins[s] · (activation sums of s's two 16-element halves).
    @inlinable @inline(__always)
    static func kMinSum(_ mins: UInt64, sums: UnsafeRawPointer) -> Int32 {
        let bs = sums.assumingMemoryBound(to: Int16.self)
        var m: Int32 = 0
        for s in 0..<8 { m &+= byte(mins, s) &* (Int32(bs[2 * s]) &+ Int32(bs[2 * s + 1])) }
        return m
    }

    /// scale_2j · Σ(sub-block 2j) + scale_2j+1 · Σ(sub-block 2j+1) of a Q4_K block `x` against a
    /// Q8_K block `y`: the low and high nibbles of the same 32 bytes.
    @inlinable @inline(__always)
    static func q4_KPairSum(_ x: UnsafeRawPointer, _ y: UnsafeRawPointer, _ scales: UInt64, pair j: Int) -> Int32 {
        let qs = (x + 16).assumingMemoryBound(to: UInt8.self)
        let ys = (y + 4).assumingMemoryBound(to: Int8.self)
        var lo: Int32 = 0, hi: Int32 = 0
        for l in 0..<32 {
            let q = qs[32 * j + l]
            lo &+= Int32(q & 0x0F) &* Int32(ys[64 * j + l])
            hi &+= Int32(q >> 4) &* Int32(ys[64 * j + 32 + l])
        }
        return byte(scales, 2 * j) &* lo &+ byte(scales, 2 * j + 1) &* hi
    }

    /// Q4_K weights · Q8_K activations (portable form).
    @inlinable
    public static func q4_Kq8_K(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, blocks: Int) -> Float {
        var acc: Float = 0, accMin: Float = 0
        for b in 0..<blocks {
            let x = w + b * 144, y = a + b * 292
            let (scales, mins) = kScalesAndMins(x + 4)
            var total: Int32 = 0
            for j in 0..<4 { total &+= q4_KPairSum(x, y, scales, pair: j) }
            let dy = y.loadUnaligned(as: Float.self)
            acc = acc.addingProduct(Float(total), half(x, 0) * dy)
            accMin = accMin.addingProduct(Float(kMinSum(mins, sums: y + 260)), half(x, 2) * dy)
        }
        return acc - accMin
    }

    /// Q4_K weights · Q8_K activations in the GEMM's order (one fused step per pair of sub-blocks),
    /// for tokens in a batch's groups of four (portable form).
    @inlinable
    public static func q4_Kq8_KPaired(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, blocks: Int) -> Float {
        var acc: Float = 0, accMin: Float = 0
        for b in 0..<blocks {
            let x = w + b * 144, y = a + b * 292
            let (scales, mins) = kScalesAndMins(x + 4)
            let bs = (y + 260).assumingMemoryBound(to: Int16.self)
            let dy = y.loadUnaligned(as: Float.self)
            let d = half(x, 0) * dy, dmin = half(x, 2) * dy
            for j in 0..<4 {
                let pair = q4_KPairSum(x, y, scales, pair: j)
                let m = byte(mins, 2 * j) &* (Int32(bs[4 * j]) &+ Int32(bs[4 * j + 1]))
                    &+ byte(mins, 2 * j + 1) &* (Int32(bs[4 * j + 2]) &+ Int32(bs[4 * j + 3]))
                acc = acc.addingProduct(Float(pair), d)
                accMin = accMin.addingProduct(Float(m), dmin)
            }
        }
        return acc - accMin
    }

    /// The unsigned 6-bit value (0…63) of element `e` of a Q6_K block: four low bits from `ql`,
    /// two high bits from `qh`, in ggml's layout (halves of 128, groups of 32).
    @inlinable @inline(__always)
    static func q6_KValue(_ ql: UnsafePointer<UInt8>, _ qh: UnsafePointer<UInt8>, _ e: Int) -> Int32 {
        let half128 = e / 128, g = (e % 128) / 32, l = e % 32
        let low = ql[64 * half128 + 32 * (g & 1) + l]
        let nibble = g < 2 ? low & 0x0F : low >> 4
        let high = (qh[32 * half128 + l] >> UInt8(2 * g)) & 3
        return Int32(nibble | high << 4)
    }

    /// Q6_K weights · Q8_K activations in the tiled GEMM's order, for batches of eight tokens or
    /// more (portable form).
    @inlinable
    public static func q6_Kq8_KTiled(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, blocks: Int) -> Float {
        var acc: Float = 0
        for b in 0..<blocks {
            let x = w + b * 210, y = a + b * 292
            let ql = x.assumingMemoryBound(to: UInt8.self)
            let qh = (x + 128).assumingMemoryBound(to: UInt8.self)
            let sc = (x + 192).assumingMemoryBound(to: Int8.self)
            let ys = (y + 4).assumingMemoryBound(to: Int8.self)
            let bs = (y + 260).assumingMemoryBound(to: Int16.self)
            var total: Int32 = 0
            for s in 0..<16 {
                var raw: Int32 = 0
                for e in (16 * s)..<(16 * s + 16) {
                    raw &+= q6_KValue(ql, qh, e) &* Int32(ys[e])
                }
                total &+= Int32(sc[s]) &* (raw &- 32 &* Int32(bs[s]))
            }
            let scaled = Float(total) * half(x, 208)
            acc = acc.addingProduct(scaled, y.loadUnaligned(as: Float.self))
        }
        return acc
    }

    /// Q5_K weights · Q8_K activations (portable form).
    @inlinable
    public static func q5_Kq8_K(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, blocks: Int) -> Float {
        var lanes = SIMD8<Float>()
        var summs: Float = 0
        for b in 0..<blocks {
            let x = w + b * 176, y = a + b * 292
            let (scales, mins) = kScalesAndMins(x + 4)
            let qh = (x + 16).assumingMemoryBound(to: UInt8.self)
            let qs = (x + 48).assumingMemoryBound(to: UInt8.self)
            let ys = (y + 4).assumingMemoryBound(to: Int8.self)
            let dy = y.loadUnaligned(as: Float.self)
            let d = dy * half(x, 0)
            let dmin = -dy * half(x, 2)
            summs = summs.addingProduct(dmin, Float(kMinSum(mins, sums: y + 260)))
            for k in 0..<8 {
                var s: Int32 = 0
                for j in 0..<4 {
                    var lo: Int32 = 0, hi: Int32 = 0
                    for l in (4 * k)..<(4 * k + 4) {
                        let h = qh[l]
                        let q0 = Int32(qs[32 * j + l] & 0x0F) | Int32((h >> UInt8(2 * j)) & 1) << 4
                        let q1 = Int32(qs[32 * j + l] >> 4) | Int32((h >> UInt8(2 * j + 1)) & 1) << 4
                        lo &+= q0 &* Int32(ys[64 * j + l])
                        hi &+= q1 &* Int32(ys[64 * j + 32 + l])
                    }
                    s &+= byte(scales, 2 * j) &* lo &+ byte(scales, 2 * j + 1) &* hi
                }
                lanes[k] = lanes[k].addingProduct(d, Float(s))
            }
        }
        return sumLanes8(lanes[0], lanes[1], lanes[2], lanes[3], lanes[4], lanes[5], lanes[6], lanes[7]) + summs
    }

    /// Q6_K weights · Q8_K activations (portable form). The 6-bit values are taken unsigned and
    /// the offset of 32 is removed through the activation sums, as ggml does.
    @inlinable
    public static func q6_Kq8_K(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, blocks: Int) -> Float {
        var lanes = SIMD8<Float>()
        for b in 0..<blocks {
            let x = w + b * 210, y = a + b * 292
            let ql = x.assumingMemoryBound(to: UInt8.self)
            let qh = (x + 128).assumingMemoryBound(to: UInt8.self)
            let sc = (x + 192).assumingMemoryBound(to: Int8.self)
            let ys = (y + 4).assumingMemoryBound(to: Int8.self)
            let bs = (y + 260).assumingMemoryBound(to: Int16.self)
            let d = y.loadUnaligned(as: Float.self) * half(x, 208)
            for k in 0..<8 {
                var s: Int32 = 0
                for g in 0..<8 {
                    var p: Int32 = 0
                    for l in (4 * k)..<(4 * k + 4) { p &+= q6_KValue(ql, qh, 32 * g + l) &* Int32(ys[32 * g + l]) }
                    s &+= Int32(sc[2 * g + (k >= 4 ? 1 : 0)]) &* p
                }
                s &-= 32 &* (Int32(bs[2 * k]) &* Int32(sc[2 * k]) &+ Int32(bs[2 * k + 1]) &* Int32(sc[2 * k + 1]))
                lanes[k] = lanes[k].addingProduct(d, Float(s))
            }
        }
        return sumLanes8(lanes[0], lanes[1], lanes[2], lanes[3], lanes[4], lanes[5], lanes[6], lanes[7])
    }
}
