/// Dot products of one encoded weight row with one prepared activation row.
public enum DotProducts {
    /// The activation encoding each weight type's fast path consumes.
    @inlinable
    public static func activationType(for weight: TensorType) -> TensorType {
        switch weight {
        case .q4_0, .q8_0: return .q8_0
        case .q4_1: return .q8_1
        case .q4_K, .q5_K, .q6_K: return .q8_K
        default: return .f32
        }
    }

    /// Bytes of a prepared activation row of `count` elements.
    @inlinable
    public static func activationBytes(for weight: TensorType, count: Int) -> Int {
        activationType(for: weight).rowBytes(count)
    }

    /// Dispatches on the weight type. `a` was prepared by `ActivationQuantizer.quantize`.
    @inlinable
    public static func dot(_ type: TensorType, _ w: UnsafeRawPointer, _ a: UnsafeRawPointer, count: Int) -> Float {
        switch type {
        case .q4_1: return q4_1q8_1(w, a, blocks: count / 32)
        case .q8_0: return q8_0q8_0(w, a, blocks: count / 32)
        case .q4_0: return q4_0q8_0(w, a, blocks: count / 32)
        case .q4_K: return q4_Kq8_K(w, a, blocks: count / 256)
        case .q5_K: return q5_Kq8_K(w, a, blocks: count / 256)
        case .q6_K: return q6_Kq8_K(w, a, blocks: count / 256)
        case .f32: return f32(w.assumingMemoryBound(to: Float.self), a.assumingMemoryBound(to: Float.self), count: count)
        default: return generic(type, w, a.assumingMemoryBound(to: Float.self), count: count)
        }
    }

    @inlinable @inline(__always)
    static func half(_ p: UnsafeRawPointer, _ offset: Int) -> Float {
        Half.toFloat(p.loadUnaligned(fromByteOffset: offset, as: UInt16.self))
    }

    /// Σ over 32-element blocks: d_w·d_a·Σ(nibble·q) + m_w·s_a.
    ///
    /// Accumulates in eight lanes (lane l holds elements 4l..4l+3 of every block) and sums the
    /// lanes pairwise at the end, the order ggml's AVX2 kernel uses, so results agree bit for bit.
    @inlinable
    public static func q4_1q8_1(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, blocks: Int) -> Float {
        var l0: Float = 0, l1: Float = 0, l2: Float = 0, l3: Float = 0
        var l4: Float = 0, l5: Float = 0, l6: Float = 0, l7: Float = 0
        var mins: Float = 0
        let wq = w.assumingMemoryBound(to: UInt8.self)
        let aq = a.assumingMemoryBound(to: Int8.self)
        for b in 0..<blocks {
            let qs = wq + b * 20 + 4
            let ys = aq + b * 36 + 4
            @inline(__always) func lane(_ l: Int) -> Float {
                var s: Int32 = 0
                for j in (4 * l)..<(4 * l + 4) {
                    let q = j < 16 ? qs[j] & 0x0F : qs[j - 16] >> 4
                    s &+= Int32(q) &* Int32(ys[j])
                }
                return Float(s)
            }
            let wb = w + b * 20, ab = a + b * 36
            let scale = half(wb, 0) * half(ab, 0)
            mins = mins.addingProduct(half(wb, 2), half(ab, 2))
            l0 = l0.addingProduct(scale, lane(0)); l1 = l1.addingProduct(scale, lane(1))
            l2 = l2.addingProduct(scale, lane(2)); l3 = l3.addingProduct(scale, lane(3))
            l4 = l4.addingProduct(scale, lane(4)); l5 = l5.addingProduct(scale, lane(5))
            l6 = l6.addingProduct(scale, lane(6)); l7 = l7.addingProduct(scale, lane(7))
        }
        return sumLanes8(l0, l1, l2, l3, l4, l5, l6, l7) + mins
    }

    /// ((a0+a4)+(a2+a6)) + ((a1+a5)+(a3+a7)): the horizontal sum of an 8-lane register.
    @inlinable @inline(__always)
    public static func sumLanes8(_ a0: Float, _ a1: Float, _ a2: Float, _ a3: Float,
                                 _ a4: Float, _ a5: Float, _ a6: Float, _ a7: Float) -> Float {
        let r0 = a0 + a4, r1 = a1 + a5, r2 = a2 + a6, r3 = a3 + a7
        return (r0 + r2) + (r1 + r3)
    }

    /// Σ over blocks: d_w·d_a·Σ(q_w·q_a).
    @inlinable
    public static func q8_0q8_0(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, blocks: Int) -> Float {
        var acc: Float = 0
        let wq = w.assumingMemoryBound(to: Int8.self)
        let aq = a.assumingMemoryBound(to: Int8.self)
        for b in 0..<blocks {
            let xs = wq + b * 34 + 2
            let ys = aq + b * 34 + 2
            var sum: Int32 = 0
            for j in 0..<32 { sum &+= Int32(xs[j]) &* Int32(ys[j]) }
            acc = acc.addingProduct(half(w + b * 34, 0) * half(a + b * 34, 0), Float(sum))
        }
        return acc
    }

    /// Σ over blocks: d_w·d_a·Σ((nibble−8)·q_a).
    @inlinable
    public static func q4_0q8_0(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, blocks: Int) -> Float {
        var acc: Float = 0
        let wq = w.assumingMemoryBound(to: UInt8.self)
        let aq = a.assumingMemoryBound(to: Int8.self)
        for b in 0..<blocks {
            let qs = wq + b * 18 + 2
            let ys = aq + b * 34 + 2
            var sum: Int32 = 0
            for j in 0..<16 {
                let q = qs[j]
                sum &+= (Int32(q & 0x0F) &- 8) &* Int32(ys[j]) &+ (Int32(q >> 4) &- 8) &* Int32(ys[j + 16])
            }
            acc = acc.addingProduct(half(w + b * 18, 0) * half(a + b * 34, 0), Float(sum))
        }
        return acc
    }

    /// Float dot product, 16 lanes at a time.
    @inlinable
    public static func f32(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, count: Int) -> Float {
        var acc = SIMD16<Float>()
        var i = 0
        while i + 16 <= count {
            let a = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD16<Float>.self)
            let b = UnsafeRawPointer(y + i).loadUnaligned(as: SIMD16<Float>.self)
            acc.addProduct(a, b)
            i += 16
        }
        var sum = acc.sum()
        while i < count {
            sum += x[i] * y[i]
            i += 1
        }
        return sum
    }

    /// Any type against float activations: decode a block at a time on the stack.
    @inlinable
    public static func generic(_ type: TensorType, _ w: UnsafeRawPointer, _ a: UnsafePointer<Float>, count: Int) -> Float {
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 256) { buffer in
            let tmp = buffer.baseAddress!
            var sum: Float = 0
            let bs = type.blockSize
            if bs == 1 {
                for i in 0..<count {
                    Dequantize.block(type, w + i * type.blockBytes, tmp)
                    sum += tmp[0] * a[i]
                }
                return sum
            }
            for b in 0..<(count / bs) {
                Dequantize.block(type, w + b * type.blockBytes, tmp)
                sum += f32(tmp, a + b * bs, count: bs)
            }
            return sum
        }
    }
}
