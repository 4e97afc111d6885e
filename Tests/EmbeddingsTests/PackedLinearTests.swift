import Compute
import XCTest
@testable import Embeddings

/// The tiled product and the vectorised GELU against naive references.
final class PackedLinearTests: XCTestCase {
    func testPackedProductMatchesNaive() {
        var seed: UInt64 = 42
        func next() -> Float {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Float(Int64(bitPattern: seed >> 11) % 2001 - 1000) / 1000
        }
        let pool = ThreadPool(threads: 2)
        for (outputs, inputs, n) in [(64, 48, 1), (96, 384, 7), (32, 17, 13), (1152, 384, 50)] {
            let w = (0..<(outputs * inputs)).map { _ in next() }
            let x = (0..<(n * inputs)).map { _ in next() }
            let packed = w.withUnsafeBufferPointer { PackedLinear($0.baseAddress!, outputs: outputs, inputs: inputs)! }
            var out = [Float](repeating: .nan, count: n * outputs)
            x.withUnsafeBufferPointer { xp in out.withUnsafeMutableBufferPointer { op in
                packed.multiply(xp.baseAddress!, n: n, into: op.baseAddress!, outStride: outputs, pool: pool)
            } }
            var errorSquares = 0.0, normSquares = 0.0
            for t in 0..<n {
                for o in 0..<outputs {
                    var expected = 0.0
                    for k in 0..<inputs { expected += Double(x[t * inputs + k]) * Double(w[o * inputs + k]) }
                    errorSquares += (Double(out[t * outputs + o]) - expected) * (Double(out[t * outputs + o]) - expected)
                    normSquares += expected * expected
                }
            }
            XCTAssertLessThan((errorSquares / normSquares).squareRoot(), 1e-6, "\(outputs)×\(inputs), n \(n)")
        }
        XCTAssertNil(PackedLinear([Float](repeating: 0, count: 30 * 4), outputs: 30, inputs: 4))
    }

    func testVectorGELUMatchesScalarErf() {
        var values: [Float] = stride(from: Float(-12), through: 12, by: 0.01).map { $0 }
        values += [0, -0, 1e-8, -1e-8, 30, -30, 100, -100]
        while values.count % 16 != 0 { values.append(0.5) }
        for i in stride(from: 0, to: values.count, by: 16) {
            let v = SIMD16<Float>(values[i..<(i + 16)])
            let e = BertEncoder.erf16(v)
            for l in 0..<16 {
                XCTAssertEqual(e[l], BertEncoder.erf(v[l]), accuracy: 2e-7, "erf(\(v[l]))")
            }
        }
    }
}
