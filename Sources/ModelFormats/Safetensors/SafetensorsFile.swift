import Foundation

/// A safetensors file, memory-mapped: an 8-byte little-endian header length, a JSON header
/// naming each tensor's dtype, shape and byte range, then the data, used in place.
public final class SafetensorsFile: @unchecked Sendable {
    /// Element types a safetensors header can name.
    public enum DType: String, Sendable {
        case f32 = "F32", f16 = "F16", bf16 = "BF16", f64 = "F64"
        case i64 = "I64", i32 = "I32", i16 = "I16", i8 = "I8", u8 = "U8", bool = "BOOL"

        public var size: Int {
            switch self {
            case .f64, .i64: return 8
            case .f32, .i32: return 4
            case .f16, .bf16, .i16: return 2
            case .i8, .u8, .bool: return 1
            }
        }
    }

    /// One tensor's place in the file.
    public struct Tensor: Sendable {
        public let name: String
        public let dtype: DType
        public let shape: [Int]
        /// Absolute byte offset of the data.
        public let offset: Int
        public let byteCount: Int
        public var elementCount: Int { shape.reduce(1, *) }
    }

    public let path: String
    public let tensors: [String: Tensor]
    public let metadata: [String: String]
    let mapping: MappedFile

    public convenience init(path: String) throws(ModelFormatError) {
        try self.init(mapping: MappedFile(path: path))
    }

    /// - Throws: `ModelFormatError` naming the file and byte offset: truncated header, header
    ///   that is not a JSON object, unknown dtype, shape and byte range that disagree, data past
    ///   the end of the file or overlapping another tensor.
    public init(mapping: MappedFile) throws(ModelFormatError) {
        self.mapping = mapping
        path = mapping.path
        let bytes = mapping.bytes
        guard bytes.count >= 8 else {
            throw ModelFormatError(.truncated, "not a safetensors file: fewer than 8 bytes", path: path, offset: 0)
        }
        let headerLength = UInt64(littleEndian: bytes.loadUnaligned(as: UInt64.self))
        guard headerLength >= 2, headerLength <= UInt64(bytes.count - 8) else {
            throw ModelFormatError(.truncated, "header length \(headerLength) does not fit in the \(bytes.count)-byte file (is this a safetensors file?)", path: path, offset: 0)
        }
        let header = Data(UnsafeRawBufferPointer(rebasing: bytes[8..<(8 + Int(headerLength))]))
        guard header.first == UInt8(ascii: "{"),
              let object = try? JSONSerialization.jsonObject(with: header), let dict = object as? [String: Any] else {
            throw ModelFormatError(.invalidValue, "the header is not a JSON object", path: path, offset: 8)
        }
        let dataStart = 8 + Int(headerLength)
        let dataSize = bytes.count - dataStart
        var tensors: [String: Tensor] = [:]
        var metadata: [String: String] = [:]
        for (name, value) in dict {
            if name == "__metadata__" {
                for (k, v) in value as? [String: Any] ?? [:] { metadata[k] = "\(v)" }
                continue
            }
            guard let info = value as? [String: Any], let dtypeText = info["dtype"] as? String,
                  let shape = info["shape"] as? [Int], let range = info["data_offsets"] as? [Int], range.count == 2 else {
                throw ModelFormatError(.invalidValue, "tensor '\(name)' needs dtype, shape and data_offsets", path: path, offset: 8)
            }
            guard let dtype = DType(rawValue: dtypeText) else {
                throw ModelFormatError(.unknownType, "tensor '\(name)' has unknown dtype '\(dtypeText)'", path: path, offset: 8)
            }
            guard shape.allSatisfy({ $0 >= 0 }), range[0] >= 0, range[1] >= range[0] else {
                throw ModelFormatError(.badShape, "tensor '\(name)' has a negative dimension or a reversed byte range", path: path, offset: 8)
            }
            let (count, overflow) = shape.reduce((1, false)) { acc, d in
                let (m, o) = acc.0.multipliedReportingOverflow(by: d); return (m, acc.1 || o)
            }
            guard !overflow, count * dtype.size == range[1] - range[0] else {
                throw ModelFormatError(.badShape, "tensor '\(name)' shape \(shape) of \(dtype.rawValue) needs \(count * dtype.size) bytes, its range has \(range[1] - range[0])", path: path, offset: dataStart + range[0])
            }
            guard range[1] <= dataSize else {
                throw ModelFormatError(.outOfBounds, "tensor '\(name)' ends at byte \(dataStart + range[1]), past the end of the \(bytes.count)-byte file", path: path, offset: dataStart + range[0])
            }
            tensors[name] = Tensor(name: name, dtype: dtype, shape: shape, offset: dataStart + range[0], byteCount: range[1] - range[0])
        }
        let sorted = tensors.values.sorted { $0.offset < $1.offset }
        for (a, b) in zip(sorted, sorted.dropFirst()) where a.offset + a.byteCount > b.offset {
            throw ModelFormatError(.invalidValue, "tensors '\(a.name)' and '\(b.name)' overlap", path: path, offset: b.offset)
        }
        self.tensors = tensors
        self.metadata = metadata
    }

    /// A tensor by name, or an error naming it.
    public func tensor(_ name: String) throws(ModelFormatError) -> Tensor {
        guard let t = tensors[name] else {
            throw ModelFormatError(.missingTensor, "the file has no tensor named '\(name)'", path: path)
        }
        return t
    }

    /// The tensor's bytes in place.
    public func data(of tensor: Tensor) -> UnsafeRawPointer { mapping.bytes.baseAddress! + tensor.offset }

    /// A float tensor's values as F32 (F32 in place; F16 and BF16 widened into a new array).
    public func floats(_ name: String, shape expected: [Int]? = nil) throws(ModelFormatError) -> [Float] {
        let t = try tensor(name)
        if let expected, expected != t.shape {
            throw ModelFormatError(.badShape, "tensor '\(name)' has shape \(t.shape), expected \(expected)", path: path, offset: t.offset)
        }
        let p = data(of: t)
        switch t.dtype {
        case .f32:
            return (0..<t.elementCount).map { p.loadUnaligned(fromByteOffset: 4 * $0, as: Float.self) }
        case .f16:
            return (0..<t.elementCount).map { Float(Float16(bitPattern: p.loadUnaligned(fromByteOffset: 2 * $0, as: UInt16.self))) }
        case .bf16:
            return (0..<t.elementCount).map { Float(bitPattern: UInt32(p.loadUnaligned(fromByteOffset: 2 * $0, as: UInt16.self)) << 16) }
        default:
            throw ModelFormatError(.unknownType, "tensor '\(name)' is \(t.dtype.rawValue), not a float type", path: path, offset: t.offset)
        }
    }
}
