/// Reference dequantization of every supported type: clear scalar code, one block at a time.
/// The fast dot products are tested against these.
public enum Dequantize {
    @inlinable @inline(__always)
    static func half(_ p: UnsafeRawPointer, _ offset: Int) -> Float {
        Half.toFloat(p.loadUnaligned(fromByteOffset: offset, as: UInt16.self))
    }

    /// Decodes `count` elements (a multiple of the block size) starting at `src` into `dst`.
    public static func row(_ type: TensorType, _ src: UnsafeRawPointer, _ dst: UnsafeMutablePointer<Float>, count: Int) {
        let blocks = count / type.blockSize
        for b in 0..<blocks {
            block(type, src + b * type.blockBytes, dst + b * type.blockSize)
        }
    }

    /// Decodes one block of `type.blockSize` elements.
    public static func block(_ type: TensorType, _ p: UnsafeRawPointer, _ y: UnsafeMutablePointer<Float>) {
        let u8 = p.assumingMemoryBound(to: UInt8.self)
        switch type {
        case .f32:
            y[0] = p.loadUnaligned(as: Float.self)
        case .f16:
            y[0] = half(p, 0)
        case .bf16:
            y[0] = Half.bf16ToFloat(p.loadUnaligned(as: UInt16.self))
        case .q4_0:
            let d = half(p, 0)
            let qs = u8 + 2
            for j in 0..<16 {
                y[j] = Float(Int(qs[j] & 0x0F) - 8) * d
                y[j + 16] = Float(Int(qs[j] >> 4) - 8) * d
            }
        case .q4_1:
            let d = half(p, 0), m = half(p, 2)
            let qs = u8 + 4
            for j in 0..<16 {
                y[j] = Float(qs[j] & 0x0F) * d + m
                y[j + 16] = Float(qs[j] >> 4) * d + m
            }
        case .q5_0:
            let d = half(p, 0)
            let qh = p.loadUnaligned(fromByteOffset: 2, as: UInt32.self)
            let qs = u8 + 6
            for j in 0..<16 {
                let h0 = UInt8(truncatingIfNeeded: ((qh >> UInt32(j)) << 4) & 0x10)
                let h1 = UInt8(truncatingIfNeeded: (qh >> UInt32(j + 12)) & 0x10)
                y[j] = Float(Int((qs[j] & 0x0F) | h0) - 16) * d
                y[j + 16] = Float(Int((qs[j] >> 4) | h1) - 16) * d
            }
        case .q5_1:
            let d = half(p, 0), m = half(p, 2)
            let qh = p.loadUnaligned(fromByteOffset: 4, as: UInt32.self)
            let qs = u8 + 8
            for j in 0..<16 {
                let h0 = UInt8(truncatingIfNeeded: ((qh >> UInt32(j)) << 4) & 0x10)
                let h1 = UInt8(truncatingIfNeeded: (qh >> UInt32(j + 12)) & 0x10)
                y[j] = Float((qs[j] & 0x0F) | h0) * d + m
                y[j + 16] = Float((qs[j] >> 4) | h1) * d + m
            }
        case .q8_0:
            let d = half(p, 0)
            let qs = UnsafeRawPointer(u8 + 2).assumingMemoryBound(to: Int8.self)
            for j in 0..<32 { y[j] = Float(qs[j]) * d }
        case .q8_1:
            let d = half(p, 0)
            let qs = UnsafeRawPointer(u8 + 4).assumingMemoryBound(to: Int8.self)
            for j in 0..<32 { y[j] = Float(qs[j]) * d }
        case .q8_K:
            let d = p.loadUnaligned(as: Float.self)
            let qs = UnsafeRawPointer(u8 + 4).assumingMemoryBound(to: Int8.self)
            for j in 0..<256 { y[j] = Float(qs[j]) * d }
        case .q4_K:
            let d = half(p, 0), dmin = half(p, 2)
            let scales = u8 + 4
            var q = u8 + 16
            var out = y
            var s = 0
            for _ in stride(from: 0, to: 256, by: 64) {
                let (sc1, m1) = scaleMinK4(s, scales)
                let (sc2, m2) = scaleMinK4(s + 1, scales)
                let d1 = d * Float(sc1), mm1 = dmin * Float(m1)
                let d2 = d * Float(sc2), mm2 = dmin * Float(m2)
                for l in 0..<32 { out[l] = d1 * Float(q[l] & 0x0F) - mm1 }
                for l in 0..<32 { out[l + 32] = d2 * Float(q[l] >> 4) - mm2 }
                out += 64
                q += 32
                s += 2
            }
        case .q5_K:
            let d = half(p, 0), dmin = half(p, 2)
            let scales = u8 + 4
            let qh = u8 + 16
            var ql = u8 + 48
            var out = y
            var s = 0
            var u1: UInt8 = 1, u2: UInt8 = 2
            for _ in stride(from: 0, to: 256, by: 64) {
                let (sc1, m1) = scaleMinK4(s, scales)
                let (sc2, m2) = scaleMinK4(s + 1, scales)
                let d1 = d * Float(sc1), mm1 = dmin * Float(m1)
                let d2 = d * Float(sc2), mm2 = dmin * Float(m2)
                for l in 0..<32 { out[l] = d1 * Float(Int(ql[l] & 0x0F) + (qh[l] & u1 != 0 ? 16 : 0)) - mm1 }
                for l in 0..<32 { out[l + 32] = d2 * Float(Int(ql[l] >> 4) + (qh[l] & u2 != 0 ? 16 : 0)) - mm2 }
                out += 64
                ql += 32
                s += 2
                u1 <<= 2
                u2 <<= 2
            }
        case .q6_K:
            let d = half(p, 208)
            var ql = u8
            var qh = u8 + 128
            var sc = UnsafeRawPointer(u8 + 192).assumingMemoryBound(to: Int8.self)
            var out = y
            for _ in stride(from: 0, to: 256, by: 128) {
                for l in 0..<32 {
                    let i = l / 16
                    let q1 = Int((ql[l] & 0x0F) | ((qh[l] >> 0) & 3) << 4) - 32
                    let q2 = Int((ql[l + 32] & 0x0F) | ((qh[l] >> 2) & 3) << 4) - 32
                    let q3 = Int((ql[l] >> 4) | ((qh[l] >> 4) & 3) << 4) - 32
                    let q4 = Int((ql[l + 32] >> 4) | ((qh[l] >> 6) & 3) << 4) - 32
                    out[l] = d * Float(sc[i]) * Float(q1)
                    out[l + 32] = d * Float(sc[i + 2]) * Float(q2)
                    out[l + 64] = d * Float(sc[i + 4]) * Float(q3)
                    out[l + 96] = d * Float(sc[i + 6]) * Float(q4)
                }
                out += 128
                ql += 64
                qh += 32
                sc += 8
            }
        }
    }

    /// The 6-bit scale and min of sub-block `j` in a K-quant's 12 packed scale bytes.
    @inline(__always)
    static func scaleMinK4(_ j: Int, _ q: UnsafePointer<UInt8>) -> (UInt8, UInt8) {
        if j < 4 {
            return (q[j] & 63, q[j + 4] & 63)
        }
        return ((q[j + 4] & 0x0F) | ((q[j - 4] >> 6) << 4), (q[j + 4] >> 4) | ((q[j] >> 6) << 4))
    }
}
