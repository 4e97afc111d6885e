#if arch(x86_64) && COPYDESK_X86_INT8
import CPUIntrinsics
import XCTest

/// The byte dot-product instructions against a plain integer loop, over the value ranges the
/// kernels pass (4-bit and signed 8-bit bytes) and their extremes.
final class ByteDotTests: XCTestCase {
    /// acc + Σ₄ u·s per lane, computed one byte at a time.
    static func naive(_ acc: SIMD8<Int32>, _ u: SIMD32<UInt8>, _ s: SIMD32<Int8>) -> SIMD8<Int32> {
        var r = acc
        for l in 0..<8 { for k in 0..<4 { r[l] &+= Int32(u[4 * l + k]) * Int32(s[4 * l + k]) } }
        return r
    }

    func cases() -> [(SIMD8<Int32>, SIMD32<UInt8>, SIMD32<Int8>)] {
        var rng = DotProductTests.LCG(state: 5)
        var out: [(SIMD8<Int32>, SIMD32<UInt8>, SIMD32<Int8>)] = []
        // Extremes: all-max nibbles against ±127 and −128.
        out.append((.zero, SIMD32(repeating: 15), SIMD32(repeating: 127)))
        out.append((.zero, SIMD32(repeating: 15), SIMD32(repeating: -128)))
        out.append((SIMD8(repeating: -7), SIMD32(repeating: 128), SIMD32(repeating: -127)))
        for _ in 0..<2000 {
            var u = SIMD32<UInt8>(), s = SIMD32<Int8>(), acc = SIMD8<Int32>()
            let wide = rng.float() > 0.5
            for i in 0..<32 {
                u[i] = UInt8(truncatingIfNeeded: Int(rng.float() * 1000 + 1000) % (wide ? 129 : 16))
                s[i] = Int8(truncatingIfNeeded: Int(rng.float() * 1000 + 1000) % 255 - 127)
            }
            for l in 0..<8 { acc[l] = Int32(rng.float() * 10_000) }
            out.append((acc, u, s))
        }
        return out
    }

    func testAVX2FormMatchesNaive() {
        for (acc, u, s) in cases() {
            let got = ByteDot.lanesAVX2(acc, unsafeBitCast(u, to: SIMD8<Int32>.self), unsafeBitCast(s, to: SIMD8<Int32>.self))
            XCTAssertEqual(got, Self.naive(acc, u, s))
        }
    }

    #if COPYDESK_VNNI
    func testVNNIFormMatchesNaive() {
        for (acc, u, s) in cases() {
            let got = ByteDot.lanesVNNI(acc, unsafeBitCast(u, to: SIMD8<Int32>.self), unsafeBitCast(s, to: SIMD8<Int32>.self))
            XCTAssertEqual(got, Self.naive(acc, u, s))
        }
    }
    #endif

    /// vpsignb: |x| as unsigned bytes and sign(x)·y give x·y, zero where x is zero.
    func testSignFormsSignedProducts() {
        var rng = DotProductTests.LCG(state: 9)
        for _ in 0..<500 {
            var x = SIMD32<Int8>(), y = SIMD32<Int8>()
            for i in 0..<32 {
                x[i] = Int8(truncatingIfNeeded: Int(rng.float() * 1000 + 1000) % 256 - 128)
                y[i] = Int8(truncatingIfNeeded: Int(rng.float() * 1000 + 1000) % 255 - 127)
            }
            let xv = unsafeBitCast(x, to: SIMD8<Int32>.self), yv = unsafeBitCast(y, to: SIMD8<Int32>.self)
            let got = ByteDot.lanes(.zero, ByteDot.sign(xv, xv), ByteDot.sign(yv, xv))
            var expected = SIMD8<Int32>()
            for l in 0..<8 { for k in 0..<4 { expected[l] += Int32(x[4 * l + k]) * Int32(y[4 * l + k]) } }
            XCTAssertEqual(got, expected)
        }
    }
}
#endif
