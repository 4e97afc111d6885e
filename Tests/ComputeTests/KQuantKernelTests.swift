import XCTest
@testable import Compute

/// The K-quant kernels: Q8_K activations as ggml makes them, and the fast (integer SIMD) row
/// kernels bit-identical to the portable ones, whose float order is ggml's.
final class KQuantKernelTests: XCTestCase {
    func testQ8_KQuantizationFollowsGGML() {
        var x = [Float](repeating: 0, count: 512)
        for i in 0..<256 { x[i] = Float(i % 17) * 0.01 - 0.05 }
        x[40] = -0.9          // the largest magnitude: it becomes −127 whatever its sign (scale −127/max)
        // The second block stays zero: d = 0 and every value and sum 0.
        var q = [UInt8](repeating: 0xAA, count: 2 * 292)
        x.withUnsafeBufferPointer { xp in q.withUnsafeMutableBytes { ActivationQuantizer.q8_K(xp.baseAddress!, $0.baseAddress!, count: 512) } }
        q.withUnsafeBytes { p in
            let d = p.load(as: Float.self)
            XCTAssertEqual(d, 1 / (-127 / Float(-0.9)))
            let values = (0..<256).map { Int(Int8(bitPattern: p[4 + $0])) }
            XCTAssertEqual(values[40], -127)
            for i in 0..<256 where i != 40 {
                XCTAssertEqual(values[i], Int(((-127 / Float(-0.9)) * x[i]).rounded(.toNearestOrEven)), "value \(i)")
            }
            for g in 0..<16 {
                let sum = p.loadUnaligned(fromByteOffset: 260 + 2 * g, as: Int16.self)
                XCTAssertEqual(Int(sum), values[(16 * g)..<(16 * g + 16)].reduce(0, +), "sum \(g)")
            }
            XCTAssertEqual(p.loadUnaligned(fromByteOffset: 292, as: Float.self), 0)
            XCTAssertTrue((0..<288).allSatisfy { p[292 + 4 + $0] == 0 })
        }
    }

    /// MatMul over the pool (decode pairs, odd rows, prefill fours and the remainder) against the
    /// portable kernel, bit for bit.
    func testFastKernelsEqualPortableKernelsBitForBit() {
        var rng = DotProductTests.LCG(state: 2026)
        let rows = 11, cols = 768
        for type in [TensorType.q4_K, .q5_K, .q6_K] {
            for n in [1, 2, 4, 7, 9] {
                let w = DotProductTests.randomRow(type, count: rows * cols, rng: &rng)
                let x = (0..<(n * cols)).map { _ in rng.float() * 4 }
                var out = [Float](repeating: 0, count: n * rows)
                var scratch = [UInt8](repeating: 0, count: 1 << 20)
                let pool = ThreadPool(threads: 2)
                w.withUnsafeBytes { wp in
                    let m = WeightMatrix(type: type, data: wp.baseAddress!, rows: rows, columns: cols)
                    scratch.withUnsafeMutableBytes { s in MatMul.multiply(m, x, n: n, into: &out, scratch: s.baseAddress!, pool: pool) }
                    for t in 0..<n {
                        var q = [UInt8](repeating: 0, count: TensorType.q8_K.rowBytes(cols))
                        x[(t * cols)...].withUnsafeBufferPointer { xp in
                            q.withUnsafeMutableBytes { ActivationQuantizer.q8_K(xp.baseAddress!, $0.baseAddress!, count: cols) }
                        }
                        for r in 0..<rows {
                            let expected = q.withUnsafeBytes { ap -> Float in
                                let row = wp.baseAddress! + r * m.rowBytes
                                switch type {
                                case .q4_K where t < n - n % 4:
                                    return DotProducts.q4_Kq8_KPaired(row, ap.baseAddress!, blocks: cols / 256)
                                case .q4_K: return DotProducts.q4_Kq8_K(row, ap.baseAddress!, blocks: cols / 256)
                                case .q5_K: return DotProducts.q5_Kq8_K(row, ap.baseAddress!, blocks: cols / 256)
                                case .q6_K where n >= DotProducts.tiledMinimumBatch:
                                    return DotProducts.q6_Kq8_KTiled(row, ap.baseAddress!, blocks: cols / 256)
                                default: return DotProducts.q6_Kq8_K(row, ap.baseAddress!, blocks: cols / 256)
                                }
                            }
                            XCTAssertEqual(out[t * rows + r].bitPattern, expected.bitPattern, "\(type) n \(n) token \(t) row \(r): \(out[t * rows + r]) vs \(expected)")
                        }
                    }
                }
            }
        }
    }

    /// Q4_K rows interleaved in groups (the x86 decode and prefill kernels) give the
    /// portable kernels' bits: the GEMV order for single tokens and a batch's remainder, the GEMM
    /// order for its groups of four.
    func testInterleavedQ4_KEqualsPortableKernelsBitForBit() throws {
        var rng = DotProductTests.LCG(state: 77)
        let rows = 48, cols = 512
        for n in [1, 3, 4, 6, 9] {
            let w = DotProductTests.randomRow(.q4_K, count: rows * cols, rng: &rng)
            let x = (0..<(n * cols)).map { _ in rng.float() * 3 }
            var out = [Float](repeating: 0, count: n * rows)
            var scratch = [UInt8](repeating: 0, count: 1 << 20)
            let pool = ThreadPool(threads: 2)
            try w.withUnsafeBytes { wp in
                var m = WeightMatrix(type: .q4_K, data: wp.baseAddress!, rows: rows, columns: cols)
                let table = try XCTUnwrap(Q4_KInterleaved(m))
                m.interleaved = table.pointer
                scratch.withUnsafeMutableBytes { s in MatMul.multiply(m, x, n: n, into: &out, scratch: s.baseAddress!, pool: pool) }
                withExtendedLifetime(table) {}
                for t in 0..<n {
                    var q = [UInt8](repeating: 0, count: TensorType.q8_K.rowBytes(cols))
                    x[(t * cols)...].withUnsafeBufferPointer { xp in
                        q.withUnsafeMutableBytes { ActivationQuantizer.q8_K(xp.baseAddress!, $0.baseAddress!, count: cols) }
                    }
                    for r in 0..<rows {
                        let expected = q.withUnsafeBytes { ap -> Float in
                            let row = wp.baseAddress! + r * m.rowBytes
                            return t < (n >= 4 ? n - n % 4 : 0) ? DotProducts.q4_Kq8_KPaired(row, ap.baseAddress!, blocks: cols / 256)
                                : DotProducts.q4_Kq8_K(row, ap.baseAddress!, blocks: cols / 256)
                        }
                        XCTAssertEqual(out[t * rows + r].bitPattern, expected.bitPattern, "n \(n) token \(t) row \(r): \(out[t * rows + r]) vs \(expected)")
                    }
                }
            }
        }
        XCTAssertNil(Q4_KInterleaved(WeightMatrix(type: .q4_K, data: UnsafeRawPointer(bitPattern: 64)!, rows: 12, columns: 256)),
                     "rows that are not a multiple of the group stay as they are")
    }

    /// The packed 6-bit scales and mins unpack as the reference decoder reads them.
    func testScaleUnpackingMatchesTheDecoder() {
        var rng = DotProductTests.LCG(state: 9)
        for _ in 0..<200 {
            let bytes = (0..<12).map { _ in rng.byte() }
            bytes.withUnsafeBytes { p in
                let (scales, mins) = DotProducts.kScalesAndMins(p.baseAddress!)
                for j in 0..<8 {
                    let (sc, m) = Dequantize.scaleMinK4(j, p.baseAddress!.assumingMemoryBound(to: UInt8.self))
                    XCTAssertEqual(UInt8(truncatingIfNeeded: scales >> UInt64(8 * j)), sc)
                    XCTAssertEqual(UInt8(truncatingIfNeeded: mins >> UInt64(8 * j)), m)
                }
            }
        }
    }
}

/// Pools made and dropped at once: a worker thread that starts after its pool was released must
/// leave quietly (it used to trap reading the deiniting pool).
final class ThreadPoolLifetimeTests: XCTestCase {
    func testShortLivedPoolsShutDownCleanly() {
        var total = 0
        for i in 0..<300 {
            let pool = ThreadPool(threads: 2)
            if i % 3 == 0 { pool.run(chunks: 4) { _, _ in } }
            total += pool.threadCount
        }
        XCTAssertEqual(total, 600)
    }
}
