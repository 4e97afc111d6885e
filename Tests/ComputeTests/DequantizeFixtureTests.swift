import Foundation
import XCTest
@testable import Compute

/// Block-exact decoding against values from the `gguf` Python package
/// (Tests/Scripts/make_quant_fixtures.py → Tests/Fixtures/quant).
final class DequantizeFixtureTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/quant").path

    func testEveryTypeDecodesLikeTheReference() throws {
        let types: [TensorType] = [.f16, .bf16, .q4_0, .q4_1, .q5_0, .q5_1, .q8_0, .q4_K, .q5_K, .q6_K]
        for type in types {
            let raw = try Data(contentsOf: URL(fileURLWithPath: "\(Self.folder)/\(type).blocks"))
            let expectedData = try Data(contentsOf: URL(fileURLWithPath: "\(Self.folder)/\(type).f32"))
            let expected = expectedData.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
            XCTAssertEqual(raw.count / type.blockBytes * type.blockSize, expected.count, "\(type)")
            var got = [Float](repeating: .nan, count: expected.count)
            raw.withUnsafeBytes { Dequantize.row(type, $0.baseAddress!, &got, count: expected.count) }
            var mismatches = 0
            for i in expected.indices where got[i] != expected[i] {
                // Allow one unit in the last place: numpy may fuse or order the scale products differently.
                if abs(got[i] - expected[i]) > expected[i].ulp.magnitude * 1.01 { mismatches += 1 }
            }
            XCTAssertEqual(mismatches, 0, "\(type): \(mismatches) of \(expected.count) values differ")
        }
    }
}
