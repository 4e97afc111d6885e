import Compute

/// A GGUF v2/v3 model file, memory-mapped: metadata, tensor infos, and tensor data used in place.
public final class GGUFFile: @unchecked Sendable {
    public let path: String
    public let version: Int
    /// Metadata in file order.
    public let metadataKeys: [String]
    public let metadata: [String: GGUFValue]
    /// Tensors in file order.
    public let tensors: [GGUFTensorInfo]
    public let tensorsByName: [String: GGUFTensorInfo]
    public let alignment: Int
    /// Absolute offset of the tensor data section.
    public let dataOffset: Int
    let mapping: MappedFile

    /// Opens and validates a GGUF file.
    ///
    /// - Throws: `ModelFormatError` with the byte offset for a bad magic, unsupported version,
    ///   absurd counts, truncation, unknown types, or tensor data outside the file.
    public convenience init(path: String) throws(ModelFormatError) {
        try self.init(mapping: MappedFile(path: path))
    }

    public init(mapping: MappedFile) throws(ModelFormatError) {
        self.mapping = mapping
        self.path = mapping.path
        var r = GGUFReader(bytes: mapping.bytes, path: mapping.path)
        let magic = try r.u32()
        guard magic == 0x4655_4747 else {
            throw ModelFormatError(.badMagic, "not a GGUF file: expected the magic bytes 'GGUF', found \(Self.printable(mapping.bytes.prefix(4)))", path: path, offset: 0)
        }
        let version = Int(try r.u32())
        guard version == 2 || version == 3 else {
            throw ModelFormatError(.unsupportedVersion, "GGUF version \(version) is not supported (expected 2 or 3)", path: path, offset: 4)
        }
        self.version = version
        let tensorCountOffset = r.offset
        let tensorCount = try r.u64()
        let kvCount = try r.u64()
        // Each tensor info takes at least 8+4+8+4+8 bytes, each key/value at least 8+4+1.
        guard tensorCount <= UInt64(mapping.bytes.count / 32) else {
            throw ModelFormatError(.invalidValue, "tensor count \(tensorCount) is impossible for a \(mapping.bytes.count)-byte file", path: path, offset: tensorCountOffset)
        }
        guard kvCount <= UInt64(mapping.bytes.count / 13) else {
            throw ModelFormatError(.invalidValue, "metadata count \(kvCount) is impossible for a \(mapping.bytes.count)-byte file", path: path, offset: tensorCountOffset + 8)
        }
        var keys: [String] = []
        var metadata: [String: GGUFValue] = [:]
        for _ in 0..<Int(kvCount) {
            let keyOffset = r.offset
            let key = try r.string()
            let value = try r.value(type: try r.u32(), depth: 0)
            guard metadata[key] == nil else {
                throw ModelFormatError(.invalidValue, "metadata key '\(key)' appears twice", path: path, offset: keyOffset)
            }
            keys.append(key)
            metadata[key] = value
        }
        self.metadataKeys = keys
        self.metadata = metadata
        var alignment = 32
        if let a = metadata["general.alignment"] {
            guard let v = a.int, v > 0, v & (v - 1) == 0, v <= 1 << 20 else {
                throw ModelFormatError(.invalidValue, "general.alignment must be a power of two, found \(a)", path: path)
            }
            alignment = v
        }
        self.alignment = alignment

        var raw: [(name: String, shape: [Int], type: TensorType, relative: Int, at: Int)] = []
        for _ in 0..<Int(tensorCount) {
            let at = r.offset
            let name = try r.string()
            let dims = try r.u32()
            guard dims >= 1 && dims <= 4 else {
                throw ModelFormatError(.invalidValue, "tensor '\(name)' has \(dims) dimensions (expected 1 to 4)", path: path, offset: at)
            }
            var shape: [Int] = []
            for _ in 0..<dims {
                let dimOffset = r.offset
                let d = try r.u64()
                guard d >= 1, d <= 1 << 40 else {
                    throw ModelFormatError(.invalidValue, "tensor '\(name)' has dimension \(d)", path: path, offset: dimOffset)
                }
                shape.append(Int(d))
            }
            let typeOffset = r.offset
            let rawType = try r.u32()
            guard let type = TensorType(rawValue: Int(rawType)) else {
                throw ModelFormatError(.unknownType, "tensor '\(name)' has unknown or unsupported type \(rawType)", path: path, offset: typeOffset)
            }
            let relative = try r.u64()
            guard relative <= UInt64(mapping.bytes.count) else {
                throw ModelFormatError(.outOfBounds, "tensor '\(name)' data offset \(relative) is past the end of the file", path: path, offset: typeOffset + 4)
            }
            raw.append((name, shape, type, Int(relative), at))
        }
        let dataOffset = (r.offset + alignment - 1) / alignment * alignment
        self.dataOffset = dataOffset
        var infos: [GGUFTensorInfo] = []
        var byName: [String: GGUFTensorInfo] = [:]
        for t in raw {
            guard t.shape[0] % t.type.blockSize == 0 else {
                throw ModelFormatError(.badShape, "tensor '\(t.name)' has \(t.shape[0]) columns, not a multiple of the \(t.type) block size \(t.type.blockSize)", path: path, offset: t.at)
            }
            let (elements, overflow) = t.shape.reduce((1, false)) { acc, d in
                let (m, o) = acc.0.multipliedReportingOverflow(by: d)
                return (m, acc.1 || o)
            }
            guard !overflow, elements <= mapping.bytes.count * 16 else {
                throw ModelFormatError(.invalidValue, "tensor '\(t.name)' shape \(t.shape) is impossibly large", path: path, offset: t.at)
            }
            let bytes = elements / t.type.blockSize * t.type.blockBytes
            let start = dataOffset + t.relative
            guard t.relative % alignment == 0 else {
                throw ModelFormatError(.invalidValue, "tensor '\(t.name)' data offset \(t.relative) is not aligned to \(alignment)", path: path, offset: t.at)
            }
            guard start + bytes <= mapping.bytes.count else {
                throw ModelFormatError(.outOfBounds, "tensor '\(t.name)' needs bytes \(start)..<\(start + bytes) but the file has \(mapping.bytes.count)", path: path, offset: start)
            }
            guard byName[t.name] == nil else {
                throw ModelFormatError(.invalidValue, "tensor '\(t.name)' appears twice", path: path, offset: t.at)
            }
            let info = GGUFTensorInfo(name: t.name, shape: t.shape, type: t.type, offset: start, byteCount: bytes)
            infos.append(info)
            byName[t.name] = info
        }
        self.tensors = infos
        self.tensorsByName = byName
    }

    /// The encoded bytes of a tensor, in place in the mapping.
    /// Lets the file's pages of `byteCount` bytes at `p` leave memory (see ``MappedFile/release(_:byteCount:)``).
    public func release(_ p: UnsafeRawPointer, byteCount: Int) { mapping.release(p, byteCount: byteCount) }

    public func data(of tensor: GGUFTensorInfo) -> UnsafeRawPointer {
        mapping.bytes.baseAddress! + tensor.offset
    }

    /// A tensor by name, or an error naming it.
    public func tensor(_ name: String) throws(ModelFormatError) -> GGUFTensorInfo {
        guard let t = tensorsByName[name] else {
            throw ModelFormatError(.missingTensor, "the file has no tensor named '\(name)'", path: path)
        }
        return t
    }

    /// Total size of the file in bytes.
    public var fileSize: Int { mapping.bytes.count }

    static func printable(_ bytes: UnsafeRawBufferPointer.SubSequence) -> String {
        bytes.map { b in (0x20...0x7E).contains(b) ? String(Character(Unicode.Scalar(b))) : "\\x" + String(b, radix: 16) }.joined()
    }
}
