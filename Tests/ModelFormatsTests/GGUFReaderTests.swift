import Compute
import Foundation
import XCTest
@testable import ModelFormats

final class GGUFReaderTests: XCTestCase {
    func open(_ bytes: [UInt8]) throws -> GGUFFile {
        let path = NSTemporaryDirectory() + "gguf-\(UUID().uuidString).gguf"
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try GGUFFile(path: path)
    }

    func testReadsEveryMetadataTypeAndTensors() throws {
        let file = try open(GGUFBuilder.sample().build())
        XCTAssertEqual(file.version, 3)
        XCTAssertEqual(file.architecture, "llama")
        XCTAssertEqual(file.int("u8"), 200)
        XCTAssertEqual(file.int("i8"), -1)
        XCTAssertEqual(file.int("u16"), 60000)
        XCTAssertEqual(file.int("i16"), -300)
        XCTAssertEqual(file.int("u32"), 4_000_000_000)
        XCTAssertEqual(file.int("i32"), -70000)
        XCTAssertEqual(file.float("f32"), 1.5)
        XCTAssertEqual(file.metadata["bool"]?.bool, true)
        XCTAssertEqual(file.int("u64"), 1 << 40)
        XCTAssertEqual(file.int("i64"), -5)
        XCTAssertEqual(file.float("f64"), 2.25)
        XCTAssertEqual(file.strings("tokens"), ["<s>", "hello", "wörld"])
        XCTAssertEqual(file.metadata["nested"]?.array?.first?.array?.compactMap(\.int), [7, 8])
        XCTAssertEqual(file.metadataKeys.first, "general.architecture")
        let a = try file.tensor("a.weight")
        XCTAssertEqual(a.shape, [4, 2])
        XCTAssertEqual(a.type, .f32)
        XCTAssertEqual(a.offset % 32, 0)
        XCTAssertEqual(file.data(of: a).load(fromByteOffset: 4 * 5, as: Float.self), 5)
        let b = try file.tensor("b.weight")
        XCTAssertEqual(b.type, .q8_0)
        XCTAssertEqual(b.byteCount, 34)
        var decoded = [Float](repeating: 0, count: 32)
        Dequantize.row(.q8_0, file.data(of: b), &decoded, count: 32)
        XCTAssertEqual(decoded[0], -16)
        XCTAssertEqual(decoded[31], 15)
        XCTAssertThrowsError(try file.tensor("missing")) { XCTAssertEqual(($0 as? ModelFormatError)?.code, .missingTensor) }
    }

    func testBadMagicAndVersionNameTheOffset() {
        var bytes = GGUFBuilder.sample().build()
        bytes[0] = UInt8(ascii: "X")
        XCTAssertThrowsError(try open(bytes)) { error in
            let e = error as! ModelFormatError
            XCTAssertEqual(e.code, .badMagic)
            XCTAssertEqual(e.offset, 0)
            XCTAssertTrue(e.description.contains("byte 0"), e.description)
        }
        var b = GGUFBuilder.sample()
        b.version = 7
        XCTAssertThrowsError(try open(b.build())) { XCTAssertEqual(($0 as! ModelFormatError).code, .unsupportedVersion) }
    }

    func testEveryTruncationIsAnErrorNotACrash() {
        let bytes = GGUFBuilder.sample().build()
        for length in stride(from: 0, to: bytes.count, by: 1) {
            XCTAssertThrowsError(try open(Array(bytes[..<length])), "length \(length)") { error in
                let e = error as! ModelFormatError
                if length > 0 { XCTAssertNotNil(e.offset, "length \(length): \(e)") }
            }
        }
    }

    func testAbsurdCountsAndOffsetsAreRejected() {
        var bytes = GGUFBuilder.sample().build()
        // Tensor count at byte 8.
        for (i, b) in GGUFBuilder.le(UInt64.max / 2).enumerated() { bytes[8 + i] = b }
        XCTAssertThrowsError(try open(bytes)) { XCTAssertEqual(($0 as! ModelFormatError).offset, 8) }
        var b = GGUFBuilder.sample()
        b.tensors[1].type = 99
        XCTAssertThrowsError(try open(b.build())) { XCTAssertEqual(($0 as! ModelFormatError).code, .unknownType) }
        b = GGUFBuilder.sample()
        b.tensors[0].shape = [4, 1 << 30]
        XCTAssertThrowsError(try open(b.build())) { error in
            let code = (error as! ModelFormatError).code
            XCTAssertTrue(code == .outOfBounds || code == .invalidValue, "\(code)")
        }
    }

    /// Fuzz-style: flip bytes of the header at random; every outcome is a parse or a clean error.
    func testMutatedHeadersNeverCrash() {
        let original = GGUFBuilder.sample().build()
        var state: UInt64 = 0x9E3779B97F4A7C15
        func next() -> Int { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return Int(state % 1_000_003) }
        var errors = 0
        for _ in 0..<600 {
            var bytes = original
            for _ in 0..<(1 + next() % 4) {
                let at = next() % min(bytes.count, 420)
                bytes[at] = UInt8(truncatingIfNeeded: next())
            }
            do { _ = try open(bytes) } catch { errors += 1; XCTAssertTrue(error is ModelFormatError) }
        }
        XCTAssertGreaterThan(errors, 100)
    }

    func testMissingFileIsAClearError() {
        XCTAssertThrowsError(try GGUFFile(path: "/nonexistent/model.gguf")) { error in
            let e = error as! ModelFormatError
            XCTAssertEqual(e.code, .openFailed)
            XCTAssertTrue(e.description.contains("/nonexistent/model.gguf"))
        }
    }
}
