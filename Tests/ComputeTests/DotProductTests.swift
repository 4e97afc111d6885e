import XCTest
@testable import Compute

/// The fast dot products against a naive reference: decode both sides to floats and sum.
final class DotProductTests: XCTestCase {
    /// A deterministic generator so failures reproduce.
    struct LCG {
        var state: UInt64
        mutating func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 11 }
        mutating func float() -> Float { Float(next() % 2_000_001) / 1_000_000 - 1 }
        mutating func byte() -> UInt8 { UInt8(truncatingIfNeeded: next()) }
    }

    /// Random blocks of `type` with sensible half-precision scales.
    static func randomRow(_ type: TensorType, count: Int, rng: inout LCG) -> [UInt8] {
        var bytes = (0..<type.rowBytes(count)).map { _ in rng.byte() }
        let blocks = count / type.blockSize
        for b in 0..<blocks {
            let base = b * type.blockBytes
            func setHalf(_ offset: Int, _ v: Float) {
                let h = Half.fromFloat(v)
                bytes[base + offset] = UInt8(h & 0xFF)
                bytes[base + offset + 1] = UInt8(h >> 8)
            }
            switch type {
            case .q4_0, .q8_0, .q5_0: setHalf(0, 0.01 + abs(rng.float()) * 0.05)
            case .q4_1, .q5_1: setHalf(0, 0.01 + abs(rng.float()) * 0.05); setHalf(2, rng.float() * 0.2)
            case .q4_K, .q5_K: setHalf(0, 0.001 + abs(rng.float()) * 0.01); setHalf(2, abs(rng.float()) * 0.01)
            case .q6_K: setHalf(208, 0.001 + abs(rng.float()) * 0.01)
            case .f16: setHalf(0, rng.float())
            case .bf16: let v = rng.float().bitPattern >> 16; bytes[base] = UInt8(v & 0xFF); bytes[base + 1] = UInt8(v >> 8)
            case .f32:
                let v = rng.float().bitPattern
                for k in 0..<4 { bytes[base + k] = UInt8(truncatingIfNeeded: v >> (8 * UInt32(k))) }
            default: break
            }
        }
        return bytes
    }

    func normalizedError(_ a: Float, _ b: Float, scale: Float) -> Float { abs(a - b) / max(scale, 1e-6) }

    func testQuantizedDotsMatchNaiveReference() {
        var rng = LCG(state: 42)
        let count = 512
        for type in [TensorType.q4_0, .q4_1, .q5_0, .q5_1, .q8_0, .q4_K, .q5_K, .q6_K, .f16, .bf16, .f32] {
            for _ in 0..<20 {
                let w = Self.randomRow(type, count: count, rng: &rng)
                let x = (0..<count).map { _ in rng.float() }
                let aType = DotProducts.activationType(for: type)
                var prepared = [UInt8](repeating: 0, count: max(aType.rowBytes(count), count * 4))
                x.withUnsafeBufferPointer { xp in
                    prepared.withUnsafeMutableBytes { ActivationQuantizer.quantize(xp.baseAddress!, for: aType, into: $0.baseAddress!, count: count) }
                }
                // Reference: decode the weights and the prepared activations, sum in Double.
                var wf = [Float](repeating: 0, count: count)
                var af = [Float](repeating: 0, count: count)
                w.withUnsafeBytes { Dequantize.row(type, $0.baseAddress!, &wf, count: count) }
                prepared.withUnsafeBytes { Dequantize.row(aType, $0.baseAddress!, &af, count: count) }
                let reference = Float(zip(wf, af).reduce(0.0) { $0 + Double($1.0) * Double($1.1) })
                let scale = Float(zip(wf, af).reduce(0.0) { $0 + abs(Double($1.0) * Double($1.1)) })
                let fast = w.withUnsafeBytes { wp in prepared.withUnsafeBytes { ap in
                    DotProducts.dot(type, wp.baseAddress!, ap.baseAddress!, count: count)
                } }
                // Q8_1 carries s = d·Σq rounded to half precision (as ggml does); the reference uses exact Σq.
                XCTAssertLessThan(normalizedError(fast, reference, scale: scale), type == .q4_1 ? 1e-4 : 1e-5, "\(type)")
                // And the activation quantization itself stays close to the floats.
                let quantError = zip(x, af).map { abs($0 - $1) }.max()!
                XCTAssertLessThan(quantError, aType == .f32 ? 1e-7 : 0.01, "\(aType) quantization of activations")
            }
        }
    }

    func testHalfConversionsMatchPortableCode() {
        for bits in stride(from: 0, through: 0xFFFF, by: 7) {
            let h = UInt16(bits)
            let a = Half.toFloat(h), b = Half.toFloatPortable(h)
            XCTAssertTrue(a == b || (a.isNaN && b.isNaN), "bits \(bits)")
        }
        var rng = LCG(state: 7)
        for _ in 0..<10_000 {
            let f = rng.float() * 70_000
            XCTAssertEqual(Half.fromFloat(f), Half.fromFloatPortable(f), "\(f)")
        }
    }

    func testMatMulOverThreadPoolEqualsRowByRowDots() {
        var rng = LCG(state: 3)
        let rows = 37, cols = 256, n = 3
        let w = Self.randomRow(.q4_1, count: rows * cols, rng: &rng)
        let x = (0..<(n * cols)).map { _ in rng.float() }
        let pool = ThreadPool(threads: 2)
        var out = [Float](repeating: 0, count: n * rows)
        var scratch = [UInt8](repeating: 0, count: 64 * 1024)
        w.withUnsafeBytes { wp in
            let m = WeightMatrix(type: .q4_1, data: wp.baseAddress!, rows: rows, columns: cols)
            scratch.withUnsafeMutableBytes { s in
                MatMul.multiply(m, x, n: n, into: &out, scratch: s.baseAddress!, pool: pool)
            }
            for t in 0..<n {
                var q = [UInt8](repeating: 0, count: TensorType.q8_1.rowBytes(cols))
                x[(t * cols)...].withUnsafeBufferPointer { xp in q.withUnsafeMutableBytes { ActivationQuantizer.q8_1(xp.baseAddress!, $0.baseAddress!, count: cols) } }
                for r in 0..<rows {
                    let expected = q.withUnsafeBytes { DotProducts.q4_1q8_1(wp.baseAddress! + r * m.rowBytes, $0.baseAddress!, blocks: cols / 32) }
                    XCTAssertEqual(out[t * rows + r], expected)
                }
            }
        }
    }
}

/// The float SIMD kernels must give the integer kernels' bits exactly (the golden tests depend on it).
final class FloatKernelIdentityTests: XCTestCase {
    func testQ4_1AndQ8_0FloatKernelsAreBitIdentical() {
        var rng = DotProductTests.LCG(state: 11)
        let rows = 9, cols = 576
        // Prefill (6 tokens) and decode (1 token), with and without the float scale tables.
        let cases = [TensorType.q4_1, .q8_0].flatMap { t in [6, 1].flatMap { n in [false, true].map { (t, n, $0) } } }
        for (type, n, withTable) in cases {
            let w = DotProductTests.randomRow(type, count: rows * cols, rng: &rng)
            let x = (0..<(n * cols)).map { _ in rng.float() * 3 }
            let pool = ThreadPool(threads: 2)
            var out = [Float](repeating: 0, count: n * rows)
            var scratch = [UInt8](repeating: 0, count: 1 << 20)
            w.withUnsafeBytes { wp in
                var m = WeightMatrix(type: type, data: wp.baseAddress!, rows: rows, columns: cols)
                let table = withTable ? BlockScaleTable(m) : nil
                m.scales = table?.pointer
                scratch.withUnsafeMutableBytes { s in MatMul.multiply(m, x, n: n, into: &out, scratch: s.baseAddress!, pool: pool) }
                withExtendedLifetime(table) {}
                let aType = DotProducts.activationType(for: type)
                for t in 0..<n {
                    var q = [UInt8](repeating: 0, count: aType.rowBytes(cols))
                    x[(t * cols)...].withUnsafeBufferPointer { xp in
                        q.withUnsafeMutableBytes { ActivationQuantizer.quantize(xp.baseAddress!, for: aType, into: $0.baseAddress!, count: cols) }
                    }
                    for r in 0..<rows where type == .q4_1 {
                        let expected = q.withUnsafeBytes { DotProducts.q4_1q8_1(wp.baseAddress! + r * m.rowBytes, $0.baseAddress!, blocks: cols / 32) }
                        XCTAssertEqual(out[t * rows + r].bitPattern, expected.bitPattern, "\(type) n \(n) table \(withTable) token \(t) row \(r)")
                    }
                    for r in 0..<rows where type == .q8_0 {
                        let expected = q.withUnsafeBytes { DotProducts.q8_0q8_0(wp.baseAddress! + r * m.rowBytes, $0.baseAddress!, blocks: cols / 32) }
                        XCTAssertEqual(out[t * rows + r], expected, accuracy: abs(expected) * 1e-5 + 1e-5, "\(type) token \(t) row \(r)")
                    }
                }
            }
        }
    }
}
