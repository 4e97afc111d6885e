/// Quantizes float activations into the 8-bit block formats the quantized dot products consume,
/// with the same arithmetic as ggml's x86 kernels (scale 127/amax, round half to even).
public enum ActivationQuantizer {
    /// `count` floats (a multiple of 32) → Q8_0 blocks (34 bytes each) at `dst`.
    @inlinable
    public static func q8_0(_ x: UnsafePointer<Float>, _ dst: UnsafeMutableRawPointer, count: Int) {
        for b in 0..<(count / 32) {
            let v = UnsafeRawPointer(x + b * 32).loadUnaligned(as: SIMD32<Float>.self)
            let amax = pointwiseMax(v, -v).max()
            let d = amax / 127
            let id: Float = amax != 0 ? 127 / amax : 0
            let q = SIMD32<Int8>(truncatingIfNeeded: SIMD32<Int32>((v * id).rounded(.toNearestOrEven)))
            let block = dst + b * 34
            block.storeBytes(of: Half.fromFloat(d), as: UInt16.self)
            (block + 2).storeBytes(of: q, as: SIMD32<Int8>.self)
        }
    }

    /// `count` floats → Q8_1 blocks (36 bytes: d, s = d·Σq, 32 int8).
    @inlinable
    public static func q8_1(_ x: UnsafePointer<Float>, _ dst: UnsafeMutableRawPointer, count: Int) {
        for b in 0..<(count / 32) {
            let v = UnsafeRawPointer(x + b * 32).loadUnaligned(as: SIMD32<Float>.self)
            let amax = pointwiseMax(v, -v).max()
            let d = amax / 127
            let id: Float = amax != 0 ? 127 / amax : 0
            let qi = SIMD32<Int32>((v * id).rounded(.toNearestOrEven))
            let q = SIMD32<Int8>(truncatingIfNeeded: qi)
            let block = dst + b * 36
            block.storeBytes(of: Half.fromFloat(d), as: UInt16.self)
            (block + 2).storeBytes(of: Half.fromFloat(d * Float(qi.wrappedSum())), as: UInt16.self)
            (block + 4).storeBytes(of: q, as: SIMD32<Int8>.self)
        }
    }

    /// Quantizes one row for the weight type's dot product; F32 rows are left to the caller.
    @inlinable
    public static func quantize(_ x: UnsafePointer<Float>, for activation: TensorType, into dst: UnsafeMutableRawPointer, count: Int) {
        switch activation {
        case .q8_0: q8_0(x, dst, count: count)
        case .q8_1: q8_1(x, dst, count: count)
        default: (dst.assumingMemoryBound(to: Float.self)).update(from: x, count: count)
        }
    }
}
