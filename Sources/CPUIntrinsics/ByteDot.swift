// Built with -parse-stdlib: the standard library is imported explicitly, and `Builtin` gives the
// LLVM x86 intrinsics that Swift's SIMD types have no spelling for.
import Swift

#if arch(x86_64) && COPYDESK_X86_INT8
/// Byte dot products in 32-bit lanes: the integer core of the quantized kernels.
///
/// Each of the eight 32-bit lanes of the result is the accumulator's lane plus the sum of four
/// products of an unsigned byte of `u` with the signed byte of `s` in the same position. The sums
/// are exact (no saturation is reachable for the inputs the kernels pass: `u` ≤ 255 with `s` in
/// −127…127 through VNNI, `u` ≤ 127 through the AVX2 form).
public enum ByteDot {
    /// `acc + Σ₄ u·s` per lane, with the fastest instruction the build targets.
    @inlinable @inline(__always)
    public static func lanes(_ acc: SIMD8<Int32>, _ u: SIMD8<Int32>, _ s: SIMD8<Int32>) -> SIMD8<Int32> {
        #if COPYDESK_VNNI
        return lanesVNNI(acc, u, s)
        #else
        return lanesAVX2(acc, u, s)
        #endif
    }

    /// AVX2: `vpmaddubsw` (pairs into 16 bits) then `vpmaddwd` against ones (pairs into 32 bits).
    /// Exact when every pair sum fits in 16 bits, as it does for 4-bit and 7-bit unsigned bytes.
    @inlinable @inline(__always)
    public static func lanesAVX2(_ acc: SIMD8<Int32>, _ u: SIMD8<Int32>, _ s: SIMD8<Int32>) -> SIMD8<Int32> {
        let pairs = Builtin.int_x86_avx2_pmadd_ub_sw(unsafeBitCast(u, to: SIMD32<Int8>.self)._storage._value,
                                                     unsafeBitCast(s, to: SIMD32<Int8>.self)._storage._value)
        let ones = SIMD16<Int16>(repeating: 1)._storage._value
        let quads = Builtin.int_x86_avx2_pmadd_wd(pairs, ones)
        return acc &+ unsafeBitCast(quads, to: SIMD8<Int32>.self)
    }

    /// `acc + scale·(Σ₄ u·s)` per lane, the scale given per pair of 16-bit halves (`vpmaddubsw` then
    /// `vpmaddwd` against the scales): ggml's K-quant form. Exact for `u` ≤ 63.
    @inlinable @inline(__always)
    public static func scaledLanes(_ acc: SIMD8<Int32>, _ u: SIMD8<Int32>, _ s: SIMD8<Int32>, scales: SIMD16<Int16>) -> SIMD8<Int32> {
        let pairs = Builtin.int_x86_avx2_pmadd_ub_sw(unsafeBitCast(u, to: SIMD32<Int8>.self)._storage._value,
                                                     unsafeBitCast(s, to: SIMD32<Int8>.self)._storage._value)
        let quads = Builtin.int_x86_avx2_pmadd_wd(pairs, scales._storage._value)
        return acc &+ unsafeBitCast(quads, to: SIMD8<Int32>.self)
    }

    /// `u[2i]·s[2i] + u[2i+1]·s[2i+1]` in 16-bit lane i, unsigned bytes of `u` times signed bytes
    /// of `s` (`vpmaddubsw`; exact while a pair's sum fits 16 bits, as for 4-bit `u`).
    @inlinable @inline(__always)
    public static func bytePairs(_ u: SIMD8<Int32>, _ s: SIMD8<Int32>) -> SIMD16<Int16> {
        unsafeBitCast(Builtin.int_x86_avx2_pmadd_ub_sw(unsafeBitCast(u, to: SIMD32<Int8>.self)._storage._value,
                                                      unsafeBitCast(s, to: SIMD32<Int8>.self)._storage._value),
                      to: SIMD16<Int16>.self)
    }

    /// `a[2i]·b[2i] + a[2i+1]·b[2i+1]` in lane i (`vpmaddwd`).
    @inlinable @inline(__always)
    public static func pairProducts(_ a: SIMD16<Int16>, _ b: SIMD16<Int16>) -> SIMD8<Int32> {
        unsafeBitCast(Builtin.int_x86_avx2_pmadd_wd(a._storage._value, b._storage._value), to: SIMD8<Int32>.self)
    }

    /// Bytes of `a` picked by `mask` within each 128-bit half (`vpshufb`): mask byte i selects
    /// byte `mask[i] & 15` of the same half, or zero when its top bit is set.
    @inlinable @inline(__always)
    public static func shuffleBytes(_ a: SIMD8<Int32>, _ mask: SIMD8<Int32>) -> SIMD8<Int32> {
        unsafeBitCast(Builtin.int_x86_avx2_pshuf_b(unsafeBitCast(a, to: SIMD32<Int8>.self)._storage._value,
                                                   unsafeBitCast(mask, to: SIMD32<Int8>.self)._storage._value),
                      to: SIMD8<Int32>.self)
    }

    /// Adjacent pairs added within each 128-bit half (`vphaddd`): lanes 0-1 from `a`'s pairs 0-1,
    /// lanes 2-3 from `b`'s pairs 0-1, lanes 4-5 from `a`'s pairs 2-3, lanes 6-7 from `b`'s pairs 2-3.
    @inlinable @inline(__always)
    public static func pairSums(_ a: SIMD8<Int32>, _ b: SIMD8<Int32>) -> SIMD8<Int32> {
        unsafeBitCast(Builtin.int_x86_avx2_phadd_d(a._storage._value, b._storage._value), to: SIMD8<Int32>.self)
    }

    #if COPYDESK_AVX512
    /// `bytePairs` on 512-bit registers.
    @inlinable @inline(__always)
    public static func bytePairs(_ u: SIMD16<Int32>, _ s: SIMD16<Int32>) -> SIMD32<Int16> {
        unsafeBitCast(Builtin.int_x86_avx512_pmaddubs_w_512(unsafeBitCast(u, to: SIMD64<Int8>.self)._storage._value,
                                                           unsafeBitCast(s, to: SIMD64<Int8>.self)._storage._value),
                      to: SIMD32<Int16>.self)
    }

    /// `pairProducts` on 512-bit registers.
    @inlinable @inline(__always)
    public static func pairProducts(_ a: SIMD32<Int16>, _ b: SIMD32<Int16>) -> SIMD16<Int32> {
        unsafeBitCast(Builtin.int_x86_avx512_pmaddw_d_512(a._storage._value, b._storage._value), to: SIMD16<Int32>.self)
    }

    /// `shuffleBytes` on 512-bit registers (within each 128-bit quarter).
    @inlinable @inline(__always)
    public static func shuffleBytes(_ a: SIMD16<Int32>, _ mask: SIMD16<Int32>) -> SIMD16<Int32> {
        unsafeBitCast(Builtin.int_x86_avx512_pshuf_b_512(unsafeBitCast(a, to: SIMD64<Int8>.self)._storage._value,
                                                        unsafeBitCast(mask, to: SIMD64<Int8>.self)._storage._value),
                      to: SIMD16<Int32>.self)
    }
    #endif

    #if COPYDESK_VNNI
    /// AVX-VNNI / AVX512-VNNI: one `vpdpbusd`.
    @inlinable @inline(__always)
    public static func lanesVNNI(_ acc: SIMD8<Int32>, _ u: SIMD8<Int32>, _ s: SIMD8<Int32>) -> SIMD8<Int32> {
        unsafeBitCast(Builtin.int_x86_avx512_vpdpbusd_256(acc._storage._value, u._storage._value, s._storage._value),
                      to: SIMD8<Int32>.self)
    }
    #endif

    /// `a` with each byte negated where the matching byte of `b` is negative and zeroed where it
    /// is zero (`vpsignb`): |x| and sign(x)·y for signed-by-signed products.
    @inlinable @inline(__always)
    public static func sign(_ a: SIMD8<Int32>, _ b: SIMD8<Int32>) -> SIMD8<Int32> {
        unsafeBitCast(Builtin.int_x86_avx2_psign_b(unsafeBitCast(a, to: SIMD32<Int8>.self)._storage._value,
                                                   unsafeBitCast(b, to: SIMD32<Int8>.self)._storage._value),
                      to: SIMD8<Int32>.self)
    }
}
#endif

/// Software prefetch hints.
public enum Prefetch {
    /// Asks the cache hierarchy for the 64-byte line at `p` (`prefetcht0` on x86); never faults.
    @inlinable @inline(__always)
    public static func read(_ p: UnsafeRawPointer) {
        Builtin.int_prefetch_RawPointer(p._rawValue, Int32(0)._value, Int32(3)._value, Int32(1)._value)
    }
}
