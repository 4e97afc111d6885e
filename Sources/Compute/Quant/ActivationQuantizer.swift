/// Quantizes float activations into the 8-bit block formats the quantized dot products consume,
/// with the same arithmetic as ggml's x86 kernels (scale 127/amax, round half to even).
public enum ActivationQuantizer {
    /// `count` floats (a multiple of 32) → Q8_0 blocks (34 bytes each) at `dst`.
    @inlinable
    public static func q8_0(_ x: UnsafePointer<Float>, _ dst: UnsafeMutableRawPointer, count: Int) {
        for b in 0..<(count / 32) {
            let v = x + b * 32
            let block = dst + b * 34
            let (d, _) = quantizeBlock(v, into: (block + 2).assumingMemoryBound(to: Int8.self))
            block.storeBytes(of: Half.fromFloat(d), as: UInt16.self)
        }
    }

    /// `count` floats → Q8_1 blocks (36 bytes: d, s = d·Σq, 32 int8).
    @inlinable
    public static func q8_1(_ x: UnsafePointer<Float>, _ dst: UnsafeMutableRawPointer, count: Int) {
        for b in 0..<(count / 32) {
            let v = x + b * 32
            let block = dst + b * 36
            let (d, sum) = quantizeBlock(v, into: (block + 4).assumingMemoryBound(to: Int8.self))
            block.storeBytes(of: Half.fromFloat(d), as: UInt16.self)
            (block + 2).storeBytes(of: Half.fromFloat(d * Float(sum)), as: UInt16.self)
        }
    }

    /// 32 floats → 32 int8 with scale d = amax/127 (values scaled by 127/amax, rounded half to even).
    @inlinable @inline(__always)
    static func quantizeBlock(_ v: UnsafePointer<Float>, into q: UnsafeMutablePointer<Int8>) -> (d: Float, sum: Int32) {
        var amax: Float = 0
        for j in 0..<32 { amax = max(amax, abs(v[j])) }
        let d = amax / 127
        let id: Float = amax != 0 ? 127 / amax : 0
        var sum: Int32 = 0
        for j in 0..<32 {
            let r = Int32((v[j] * id).rounded(.toNearestOrEven))
            q[j] = Int8(truncatingIfNeeded: r)
            sum &+= r
        }
        return (d, sum)
    }

    /// `count` floats (a multiple of 256) → Q8_K blocks (292 bytes: f32 d, 256 int8, 16 int16 sums
    /// of 16), as ggml's reference does: the element of largest magnitude becomes −127 (scale
    /// −127/max, rounded half to even), `d` is the reciprocal of that scale.
    @inlinable
    public static func q8_K(_ x: UnsafePointer<Float>, _ dst: UnsafeMutableRawPointer, count: Int) {
        for b in 0..<(count / 256) {
            let v = x + b * 256
            let block = dst + b * 292
            let q = (block + 4).assumingMemoryBound(to: Int8.self)
            let sums = (block + 260).assumingMemoryBound(to: Int16.self)
            var amax: Float = 0, signedMax: Float = 0
            for j in 0..<256 where abs(v[j]) > amax {
                amax = abs(v[j])
                signedMax = v[j]
            }
            if amax == 0 {
                block.storeBytes(of: Float(0), as: Float.self)
                q.update(repeating: 0, count: 256)
                sums.update(repeating: 0, count: 16)
                continue
            }
            let iscale = -127 / signedMax
            for j in 0..<256 {
                q[j] = Int8(min(127, Int32((iscale * v[j]).rounded(.toNearestOrEven))))
            }
            for g in 0..<16 {
                var s: Int32 = 0
                for j in 0..<16 { s &+= Int32(q[g * 16 + j]) }
                sums[g] = Int16(truncatingIfNeeded: s)
            }
            block.storeBytes(of: 1 / iscale, as: Float.self)
        }
    }

    /// Quantizes one row for the weight type's dot product; F32 rows are left to the caller.
    @inlinable
    public static func quantize(_ x: UnsafePointer<Float>, for activation: TensorType, into dst: UnsafeMutableRawPointer, count: Int) {
        switch activation {
        case .q8_0: q8_0(x, dst, count: count)
        case .q8_1: q8_1(x, dst, count: count)
        case .q8_K: q8_K(x, dst, count: count)
        default: (dst.assumingMemoryBound(to: Float.self)).update(from: x, count: count)
        }
    }
}
