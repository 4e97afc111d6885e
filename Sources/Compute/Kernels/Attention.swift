import Foundation

/// Scaled dot-product attention for one query head over a half-precision KV cache.
///
/// Follows ggml's non-fused CPU path: the query is rounded to half precision before the
/// K·q products, and the softmax weights are rounded to half precision before weighting V.
public enum Attention {
    /// - Parameters:
    ///   - q: [headDim] query (already rotated).
    ///   - keys, values: base of this KV head in the cache; position j is at `j * stride`.
    ///   - count: positions 0..<count are visible (causal).
    ///   - scores: scratch of at least `count` floats.
    ///   - q16: scratch of `headDim` halves.
    ///   - out: [headDim] result.
    public static func head(q: UnsafePointer<Float>, keys: UnsafePointer<UInt16>, values: UnsafePointer<UInt16>,
                            stride: Int, count: Int, headDim: Int, scale: Float,
                            scores: UnsafeMutablePointer<Float>, q16: UnsafeMutablePointer<Float>,
                            out: UnsafeMutablePointer<Float>) {
        for d in 0..<headDim { q16[d] = Half.toFloat(Half.fromFloat(q[d])) }
        for j in 0..<count {
            let k = keys + j * stride
            var acc = SIMD8<Float>()
            var d = 0
            while d + 8 <= headDim {
                let kh = UnsafeRawPointer(k + d).loadUnaligned(as: SIMD8<UInt16>.self)
                let kf = SIMD8<Float>(Half.toFloat(kh[0]), Half.toFloat(kh[1]), Half.toFloat(kh[2]), Half.toFloat(kh[3]),
                                      Half.toFloat(kh[4]), Half.toFloat(kh[5]), Half.toFloat(kh[6]), Half.toFloat(kh[7]))
                acc.addProduct(kf, UnsafeRawPointer(q16 + d).loadUnaligned(as: SIMD8<Float>.self))
                d += 8
            }
            var s = acc.sum()
            while d < headDim { s += Half.toFloat(k[d]) * q16[d]; d += 1 }
            scores[j] = s * scale
        }
        VectorOps.softmax(scores, count: count)
        for d in 0..<headDim { out[d] = 0 }
        for j in 0..<count {
            let w = Half.toFloat(Half.fromFloat(scores[j]))
            let v = values + j * stride
            var d = 0
            while d + 8 <= headDim {
                let vh = UnsafeRawPointer(v + d).loadUnaligned(as: SIMD8<UInt16>.self)
                let vf = SIMD8<Float>(Half.toFloat(vh[0]), Half.toFloat(vh[1]), Half.toFloat(vh[2]), Half.toFloat(vh[3]),
                                      Half.toFloat(vh[4]), Half.toFloat(vh[5]), Half.toFloat(vh[6]), Half.toFloat(vh[7]))
                var o = UnsafeRawPointer(out + d).loadUnaligned(as: SIMD8<Float>.self)
                o.addProduct(vf, SIMD8<Float>(repeating: w))
                UnsafeMutableRawPointer(out + d).storeBytes(of: o, as: SIMD8<Float>.self)
                d += 8
            }
            while d < headDim { out[d] += Half.toFloat(v[d]) * w; d += 1 }
        }
    }

    /// Stores floats as halves.
    public static func storeHalf(_ x: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<UInt16>, count: Int) {
        for i in 0..<count { dst[i] = Half.fromFloat(x[i]) }
    }
}
