/// A bounds-checked little-endian cursor over the GGUF header.
struct GGUFReader {
    let bytes: UnsafeRawBufferPointer
    let path: String
    var offset = 0

    init(bytes: UnsafeRawBufferPointer, path: String) {
        self.bytes = bytes
        self.path = path
    }

    mutating func need(_ n: Int, _ what: String) throws(ModelFormatError) {
        guard n >= 0, offset <= bytes.count - n else {
            throw ModelFormatError(.truncated, "the file ends while reading \(what) (needs \(n) bytes, \(bytes.count - offset) left)", path: path, offset: offset)
        }
    }

    mutating func load<T: FixedWidthInteger>(_: T.Type, _ what: String) throws(ModelFormatError) -> T {
        try need(MemoryLayout<T>.size, what)
        let v = T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
        offset += MemoryLayout<T>.size
        return v
    }

    mutating func u32() throws(ModelFormatError) -> UInt32 { try load(UInt32.self, "a 32-bit integer") }
    mutating func u64() throws(ModelFormatError) -> UInt64 { try load(UInt64.self, "a 64-bit integer") }

    mutating func string() throws(ModelFormatError) -> String {
        let at = offset
        let length = try u64()
        guard length <= UInt64(bytes.count - offset) else {
            throw ModelFormatError(.truncated, "string length \(length) runs past the end of the file", path: path, offset: at)
        }
        let n = Int(length)
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + n)]), as: UTF8.self)
        offset += n
        return text
    }

    mutating func value(type: UInt32, depth: Int) throws(ModelFormatError) -> GGUFValue {
        let at = offset - 4
        switch type {
        case 0: return .uint8(try load(UInt8.self, "a u8"))
        case 1: return .int8(try load(Int8.self, "an i8"))
        case 2: return .uint16(try load(UInt16.self, "a u16"))
        case 3: return .int16(try load(Int16.self, "an i16"))
        case 4: return .uint32(try load(UInt32.self, "a u32"))
        case 5: return .int32(try load(Int32.self, "an i32"))
        case 6: return .float32(Float(bitPattern: try load(UInt32.self, "an f32")))
        case 7:
            let b = try load(UInt8.self, "a bool")
            guard b <= 1 else { throw ModelFormatError(.invalidValue, "bool value \(b) is neither 0 nor 1", path: path, offset: offset - 1) }
            return .bool(b == 1)
        case 8: return .string(try string())
        case 9:
            guard depth < 4 else { throw ModelFormatError(.invalidValue, "arrays nested too deeply", path: path, offset: at) }
            let elementType = try u32()
            let countOffset = offset
            let count = try u64()
            guard count <= UInt64(bytes.count - offset) else {
                throw ModelFormatError(.invalidValue, "array of \(count) items cannot fit in the rest of the file", path: path, offset: countOffset)
            }
            var items: [GGUFValue] = []
            items.reserveCapacity(Int(count))
            for _ in 0..<Int(count) { items.append(try value(type: elementType, depth: depth + 1)) }
            return .array(items)
        case 10: return .uint64(try u64())
        case 11: return .int64(try load(Int64.self, "an i64"))
        case 12: return .float64(Double(bitPattern: try u64()))
        default:
            throw ModelFormatError(.unknownType, "unknown metadata value type \(type)", path: path, offset: at)
        }
    }
}
