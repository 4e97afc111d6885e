import Foundation
import XCTest
@testable import ModelFormats

final class SafetensorsTests: XCTestCase {
    func file(header: String, data: [UInt8]) -> [UInt8] {
        let h = Array(header.utf8)
        return withUnsafeBytes(of: UInt64(h.count).littleEndian) { Array($0) } + h + data
    }

    func open(_ bytes: [UInt8]) throws -> SafetensorsFile {
        let path = NSTemporaryDirectory() + "st-\(UUID().uuidString).safetensors"
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try SafetensorsFile(path: path)
    }

    func testReadsTensorsOfEachFloatType() throws {
        let f32 = [Float(1.5), -2].flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian) { Array($0) } }
        let f16 = [Float16(0.5), Float16(-3)].flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian) { Array($0) } }
        let bf16: [UInt8] = [0x80, 0x3F, 0x00, 0x40]  // 1.0, 2.0
        let header = #"{"__metadata__":{"format":"pt"},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F16","shape":[1,2],"data_offsets":[8,12]},"c":{"dtype":"BF16","shape":[2],"data_offsets":[12,16]}}"#
        let st = try open(file(header: header, data: f32 + f16 + bf16))
        XCTAssertEqual(st.metadata["format"], "pt")
        XCTAssertEqual(try st.floats("a"), [1.5, -2])
        XCTAssertEqual(try st.floats("b", shape: [1, 2]), [0.5, -3])
        XCTAssertEqual(try st.floats("c"), [1, 2])
        XCTAssertThrowsError(try st.floats("b", shape: [2])) { XCTAssertEqual(($0 as? ModelFormatError)?.code, .badShape) }
        XCTAssertThrowsError(try st.tensor("zzz")) { XCTAssertEqual(($0 as? ModelFormatError)?.code, .missingTensor) }
    }

    func testCorruptFilesAreClearErrors() {
        func code(_ bytes: [UInt8]) -> ModelFormatError.Code? {
            do { _ = try open(bytes); return nil } catch { return (error as? ModelFormatError)?.code }
        }
        XCTAssertEqual(code([1, 2, 3]), .truncated)
        XCTAssertEqual(code(withUnsafeBytes(of: UInt64(1 << 40).littleEndian) { Array($0) } + [0x7B]), .truncated)
        XCTAssertEqual(code(file(header: "[1, 2]", data: [])), .invalidValue)
        XCTAssertEqual(code(file(header: "{not json", data: [])), .invalidValue)
        XCTAssertEqual(code(file(header: #"{"a":{"dtype":"Q9","shape":[1],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0])), .unknownType)
        XCTAssertEqual(code(file(header: #"{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#, data: Array(repeating: 0, count: 8))), .badShape)
        XCTAssertEqual(code(file(header: #"{"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}"#, data: Array(repeating: 0, count: 8))), .outOfBounds)
        XCTAssertEqual(code(file(header: #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}"#, data: Array(repeating: 0, count: 12))), .invalidValue)
    }

    func testErrorNamesFileAndOffset() {
        XCTAssertThrowsError(try open(file(header: #"{"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}"#, data: []))) { error in
            let e = error as! ModelFormatError
            XCTAssertTrue(e.description.contains(".safetensors: byte "), e.description)
        }
    }
}
