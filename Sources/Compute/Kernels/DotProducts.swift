/// Dot products of one encoded weight row with one prepared activation row.
public enum DotProducts {
    /// The activation encoding each weight type's fast path consumes.
    @inlinable
    public static func activationType(for weight: TensorType) -> TensorType {
        switch weight {
        case .q4_0, .q8_0: return .q8_0
        case .q4_1: return .q8_1
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
        case .f32: return f32(w.assumingMemoryBound(to: Float.self), a.assumingMemoryBound(to: Float.self), count: count)
        default: return generic(type, w, a.assumingMemoryBound(to: Float.self), count: count)
        }
    }

    @inlinable @inline(__always)
    static func half(_ p: UnsafeRawPointer, _ offset: Int) -> Float {
        Half.toFloat(p.loadUnaligned(fromByteOffset: offset, as: UInt16.self))
    }

    /// Σ over 32-element blocks: d_w·d_a·Σ(nibble·q) + m_w·s_a.
    @inlinable
    public static func q4_1q8_1(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, blocks: Int) -> Float {
        var acc: Float = 0
        var mins: Float = 0
        for b in 0..<blocks {
            let wb = w + b * 20
            let ab = a + b * 36
            let qs = wb.loadUnaligned(fromByteOffset: 4, as: SIMD16<UInt8>.self)
            let y = ab.loadUnaligned(fromByteOffset: 4, as: SIMD32<Int8>.self)
            let lo = SIMD16<Int16>(truncatingIfNeeded: qs & 0x0F)
            let hi = SIMD16<Int16>(truncatingIfNeeded: qs &>> 4)
            let p = lo &* SIMD16<Int16>(truncatingIfNeeded: y.lowHalf) &+ hi &* SIMD16<Int16>(truncatingIfNeeded: y.highHalf)
            let sum = SIMD16<Int32>(truncatingIfNeeded: p).wrappedSum()
            acc = acc.addingProduct(half(wb, 0) * half(ab, 0), Float(sum))
            mins = mins.addingProduct(half(wb, 2), half(ab, 2))
        }
        return acc + mins
    }

    /// Σ over blocks: d_w·d_a·Σ(q_w·q_a).
    @inlinable
    public static func q8_0q8_0(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, blocks: Int) -> Float {
        var acc: Float = 0
        for b in 0..<blocks {
            let wb = w + b * 34
            let ab = a + b * 34
            let x = SIMD32<Int16>(truncatingIfNeeded: wb.loadUnaligned(fromByteOffset: 2, as: SIMD32<Int8>.self))
            let y = SIMD32<Int16>(truncatingIfNeeded: ab.loadUnaligned(fromByteOffset: 2, as: SIMD32<Int8>.self))
            let p = x &* y
            let sum = SIMD16<Int32>(truncatingIfNeeded: p.lowHalf) &+ SIMD16<Int32>(truncatingIfNeeded: p.highHalf)
            acc = acc.addingProduct(half(wb, 0) * half(ab, 0), Float(sum.wrappedSum()))
        }
        return acc
    }

    /// Σ over blocks: d_w·d_a·Σ((nibble−8)·q_a).
    @inlinable
    public static func q4_0q8_0(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, blocks: Int) -> Float {
        var acc: Float = 0
        for b in 0..<blocks {
            let wb = w + b * 18
            let ab = a + b * 34
            let qs = wb.loadUnaligned(fromByteOffset: 2, as: SIMD16<UInt8>.self)
            let y = ab.loadUnaligned(fromByteOffset: 2, as: SIMD32<Int8>.self)
            let lo = SIMD16<Int16>(truncatingIfNeeded: qs & 0x0F) &- 8
            let hi = SIMD16<Int16>(truncatingIfNeeded: qs &>> 4) &- 8
            let p = lo &* SIMD16<Int16>(truncatingIfNeeded: y.lowHalf) &+ hi &* SIMD16<Int16>(truncatingIfNeeded: y.highHalf)
            acc = acc.addingProduct(half(wb, 0) * half(ab, 0), Float(SIMD16<Int32>(truncatingIfNeeded: p).wrappedSum()))
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
