import Foundation

/// Writes small GGUF files for tests: metadata of every value type and a few tensors.
struct GGUFBuilder {
    var version: UInt32 = 3
    var alignment = 32
    var metadata: [(String, [UInt8])] = []
    var tensors: [(name: String, shape: [UInt64], type: UInt32, data: [UInt8])] = []

    static func le<T: FixedWidthInteger>(_ v: T) -> [UInt8] { withUnsafeBytes(of: v.littleEndian) { Array($0) } }
    static func str(_ s: String) -> [UInt8] { le(UInt64(s.utf8.count)) + Array(s.utf8) }

    mutating func add(_ key: String, type: UInt32, _ payload: [UInt8]) { metadata.append((key, Self.le(type) + payload)) }
    mutating func add(_ key: String, u32 v: UInt32) { add(key, type: 4, Self.le(v)) }
    mutating func add(_ key: String, string v: String) { add(key, type: 8, Self.str(v)) }
    mutating func add(_ key: String, f32 v: Float) { add(key, type: 6, Self.le(v.bitPattern)) }
    mutating func add(_ key: String, strings: [String]) {
        add(key, type: 9, Self.le(UInt32(8)) + Self.le(UInt64(strings.count)) + strings.flatMap(Self.str))
    }

    func build() -> [UInt8] {
        var out: [UInt8] = Array("GGUF".utf8) + Self.le(version) + Self.le(UInt64(tensors.count)) + Self.le(UInt64(metadata.count))
        for (k, v) in metadata { out += Self.str(k) + v }
        var offset = 0
        var offsets: [Int] = []
        for t in tensors {
            offsets.append(offset)
            offset += (t.data.count + alignment - 1) / alignment * alignment
        }
        for (t, o) in zip(tensors, offsets) {
            out += Self.str(t.name) + Self.le(UInt32(t.shape.count))
            for d in t.shape { out += Self.le(d) }
            out += Self.le(t.type) + Self.le(UInt64(o))
        }
        while out.count % alignment != 0 { out.append(0) }
        for (i, t) in tensors.enumerated() {
            out += t.data
            // Pad between tensors; the file ends right after the last one.
            while i < tensors.count - 1 && out.count % alignment != 0 { out.append(0) }
        }
        return out
    }

    /// A file with every metadata type and two tensors (F32 [4,2], Q8_0 [32,1]).
    static func sample() -> GGUFBuilder {
        var b = GGUFBuilder()
        b.add("general.architecture", string: "llama")
        b.add("u8", type: 0, [200])
        b.add("i8", type: 1, [0xFF])
        b.add("u16", type: 2, le(UInt16(60000)))
        b.add("i16", type: 3, le(Int16(-300)))
        b.add("u32", u32: 4_000_000_000)
        b.add("i32", type: 5, le(Int32(-70000)))
        b.add("f32", f32: 1.5)
        b.add("bool", type: 7, [1])
        b.add("u64", type: 10, le(UInt64(1) << 40))
        b.add("i64", type: 11, le(Int64(-5)))
        b.add("f64", type: 12, le(Double(2.25).bitPattern))
        b.add("tokens", strings: ["<s>", "hello", "wörld"])
        b.add("nested", type: 9, le(UInt32(9)) + le(UInt64(1)) + le(UInt32(4)) + le(UInt64(2)) + le(UInt32(7)) + le(UInt32(8)))
        let f32 = (0..<8).flatMap { le(Float($0).bitPattern) }
        b.tensors.append(("a.weight", [4, 2], 0, f32))
        let q8: [UInt8] = le(UInt16(0x3C00)) + (0..<32).map { UInt8(truncatingIfNeeded: $0 - 16) }
        b.tensors.append(("b.weight", [32, 1], 8, q8))
        return b
    }
}
