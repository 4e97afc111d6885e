import Foundation

/// The model file formats ``ModelCache/add(path:name:)`` accepts, recognised by content.
public enum ModelFileFormat: String, Codable, Sendable, CaseIterable {
    /// Starts with the magic bytes `GGUF`.
    case gguf
    /// An 8-byte little-endian header length N, then N bytes of JSON starting with `{`.
    case safetensors
    /// A protobuf `ModelProto`; needs the `.onnx` extension, since protobuf has no magic bytes.
    case onnx

    /// Detects the format of the file at `path` from its first bytes.
    ///
    /// - Throws: ``ModelCacheError`` `.missingFile` when there is no such file, `.unsupportedFormat`
    ///   naming the file and showing its first bytes when it is none of the formats.
    public static func detect(path: String) throws -> ModelFileFormat {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ModelCacheError(.missingFile, "no such file", path: path)
        }
        guard !isFolder.boolValue else {
            throw ModelCacheError(.unsupportedFormat, "is a folder; expected a GGUF, ONNX or safetensors file", path: path)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ModelCacheError(.missingFile, "cannot open the file for reading; check its permissions", path: path)
        }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 16)) ?? Data())
        let size = fileSize(path) ?? head.count
        if let format = detect(head: head, size: size, fileExtension: (path as NSString).pathExtension.lowercased()) {
            return format
        }
        guard !head.isEmpty else {
            throw ModelCacheError(.unsupportedFormat, "the file is empty; expected a GGUF, ONNX or safetensors file", path: path)
        }
        var message = "expected a GGUF, ONNX or safetensors file; the first bytes are \(describe(head))"
        if isModelProtoTag(head) { message += " (this may be ONNX: ONNX files are recognised by the .onnx extension)" }
        throw ModelCacheError(.unsupportedFormat, message, path: path)
    }

    /// The format of a file whose first bytes are `head` (at least 9 of them for safetensors), or nil.
    static func detect(head: [UInt8], size: Int, fileExtension: String) -> ModelFileFormat? {
        if head.starts(with: Array("GGUF".utf8)) { return .gguf }
        if head.count >= 9 {
            var length: UInt64 = 0
            for i in 0..<8 { length |= UInt64(head[i]) << (8 * UInt64(i)) }
            if length >= 2, length < UInt64(size), 8 + length <= UInt64(size), head[8] == UInt8(ascii: "{") {
                return .safetensors
            }
        }
        if fileExtension == "onnx", isModelProtoTag(head) { return .onnx }
        return nil
    }

    /// True when the bytes start with the tag of a field of ONNX's `ModelProto` with its wire type
    /// (ir_version = 1 varint, producer_name... graph = 2...8 and metadata/training/functions as length-delimited).
    static func isModelProtoTag(_ head: [UInt8]) -> Bool {
        var tag: UInt64 = 0
        var shift: UInt64 = 0
        var index = 0
        while index < min(head.count, 3) {
            let byte = head[index]
            tag |= UInt64(byte & 0x7f) << shift
            index += 1
            if byte & 0x80 == 0 { break }
            shift += 7
        }
        guard index > 0, head[index - 1] & 0x80 == 0 else { return false }
        let field = tag >> 3, wireType = tag & 7
        switch field {
        case 1, 5: return wireType == 0            // ir_version, model_version
        case 2, 3, 4, 6, 7, 8, 14, 20, 25: return wireType == 2 // strings, graph, opset_import, metadata, training_info, functions
        default: return false
        }
    }

    /// Hex bytes and, when printable, their text: `68 65 6c 6c 6f ("hello")`.
    static func describe(_ bytes: [UInt8]) -> String {
        let shown = Array(bytes.prefix(8))
        let hex = shown.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined(separator: " ")
        let text = String(shown.map { (0x20..<0x7f).contains($0) ? Character(UnicodeScalar($0)) : "." })
        return "\(hex) (\"\(text)\")"
    }
}
