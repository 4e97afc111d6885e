import Foundation
import XCTest
import ModelCache

final class AddTests: XCTestCase {
    func testAddGGUFRecordsTheFileInPlace() throws {
        let box = try Sandbox()
        let path = box.folder + "/user/My-Model.Q4.gguf"
        try box.write(path, Sandbox.weights) // starts with "GGUF"
        let cache = box.cache(pip: "/unused")
        let entry = try cache.add(path: path)
        XCTAssertEqual(entry.name, "My-Model.Q4")
        XCTAssertEqual(entry.source, .user)
        XCTAssertEqual(entry.format, .gguf)
        XCTAssertNil(entry.package)
        XCTAssertEqual(entry.files, [CachedFile(path: path, sha256: Sandbox.weightsSHA, size: Sandbox.weights.utf8.count)])
        // Not copied: the root holds only the manifest.
        XCTAssertEqual(box.rootListing.filter { $0 != ".lock" }, ["manifest.json"])
        XCTAssertEqual(try cache.entry("My-Model.Q4"), entry)
        XCTAssertTrue(try String(contentsOfFile: cache.manifestPath, encoding: .utf8).contains(path), "absolute path stored")
        XCTAssertTrue(cache.verify().allSatisfy(\.isOK))
        XCTAssertEqual(try cache.fetch("My-Model.Q4"), entry, "fetch returns a user model as it is")
        XCTAssertEqual(try cache.path(of: "My-Model.Q4", file: "My-Model.Q4.gguf"), path)
    }

    func testAddSafetensorsWithAName() throws {
        let box = try Sandbox()
        let header = Array(#"{"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#.utf8)
        var bytes: [UInt8] = []
        for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: UInt64(header.count) >> (8 * UInt64(i)))) }
        bytes += header + [0, 0, 128, 63]
        let path = box.folder + "/weights.safetensors"
        try box.write(path, Data(bytes))
        let entry = try box.cache(pip: "/unused").add(path: path, name: "embedder")
        XCTAssertEqual(entry.name, "embedder")
        XCTAssertEqual(entry.format, .safetensors)
        XCTAssertEqual(entry.files.first?.size, bytes.count)
    }

    func testAddONNX() throws {
        let box = try Sandbox()
        // ir_version = 8, producer_name = "pytorch": the start of a real ModelProto.
        let bytes: [UInt8] = [0x08, 0x08, 0x12, 0x07] + Array("pytorch".utf8) + [0x3a, 0x00]
        let path = box.folder + "/voice.onnx"
        try box.write(path, Data(bytes))
        let entry = try box.cache(pip: "/unused").add(path: path)
        XCTAssertEqual(entry.name, "voice")
        XCTAssertEqual(entry.format, .onnx)

        // The same bytes without the .onnx extension are not taken for ONNX.
        let other = box.folder + "/voice.bin"
        try box.write(other, Data(bytes))
        let error = assertModelCacheError(.unsupportedFormat) { try box.cache(pip: "/unused").add(path: other) }
        XCTAssertTrue(error?.description.contains(".onnx extension") ?? false, "\(String(describing: error))")
    }

    func testAddTextFileIsRefusedNamingTheFile() throws {
        let box = try Sandbox()
        let path = box.folder + "/notes.txt"
        try box.write(path, "hello world, not a model")
        let cache = box.cache(pip: "/unused")
        let error = assertModelCacheError(.unsupportedFormat) { try cache.add(path: path) }
        let text = error?.description ?? ""
        XCTAssertTrue(text.contains(path), text)
        XCTAssertTrue(text.contains("expected a GGUF, ONNX or safetensors file; the first bytes are 68 65 6c 6c 6f 20 77 6f (\"hello wo\")"), text)
        XCTAssertEqual(try cache.entries(), [])
    }

    func testAddRefusesBadInputs() throws {
        let box = try Sandbox()
        let cache = box.cache(pip: "/unused")
        assertModelCacheError(.missingFile) { try cache.add(path: box.folder + "/absent.gguf") }
        try box.write(box.folder + "/empty.gguf", "")
        assertModelCacheError(.unsupportedFormat) { try cache.add(path: box.folder + "/empty.gguf") }
        // A safetensors header length past the end of the file.
        try box.write(box.folder + "/short.safetensors", Data([0xff, 0, 0, 0, 0, 0, 0, 0]) + Data("{}".utf8))
        assertModelCacheError(.unsupportedFormat) { try cache.add(path: box.folder + "/short.safetensors") }
        // A catalog name cannot be taken by a user model.
        try box.write(box.folder + "/tiny.gguf", Sandbox.weights)
        assertModelCacheError(.invalidName) { try cache.add(path: box.folder + "/tiny.gguf") }
        assertModelCacheError(.invalidName) { try cache.add(path: box.folder + "/tiny.gguf", name: "a/b") }
    }

    func testAddingAgainRecordsTheNewHash() throws {
        let box = try Sandbox()
        let path = box.folder + "/m.gguf"
        try box.write(path, Sandbox.weights)
        let cache = box.cache(pip: "/unused")
        _ = try cache.add(path: path)
        try box.write(path, "GGUF changed on purpose")
        let results = cache.verify("m")
        XCTAssertEqual(results.map(\.status), [.mismatch])
        XCTAssertTrue(results[0].message.contains("copydesk models add \(path) --name m"), results[0].message)
        _ = try cache.add(path: path)
        XCTAssertTrue(cache.verify("m").allSatisfy(\.isOK))
        XCTAssertEqual(try cache.entries().count, 1)
    }
}
