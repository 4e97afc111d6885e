/// Scaled dot-product attention for one query head over a half-precision KV cache, with the
/// arithmetic of the reference CPU runtime (non-fused attention):
///
/// - K·q in 16 lanes (lane i takes dimensions i, i+16, ...), fused multiply-adds, then `sum16`.
/// - softmax with `ExactMath.exp` in chunks of 16, chunk sums accumulated in Double.
/// - weights·V in 16 lanes over positions (lane i takes positions i, i+16, ...), then `sum16`.
///
/// The query and the softmax weights are rounded to half precision first. When several queries
/// are processed together (`batched`) both products are 16-lane chains; for a single query the
/// reference uses its half-precision dot product for both instead (four 16-lane accumulators
/// over steps of 64, combined pairwise, then `sum16`).
public enum Attention {
    /// - Parameters:
    ///   - q: [headDim] query (already rotated); headDim must be a multiple of 16.
    ///   - keys, values: base of this KV head in the cache; position j is at `j * stride`.
    ///   - count: positions 0..<count are visible (causal).
    ///   - scores: scratch of at least `count` floats (rounded up to 16).
    ///   - q16: scratch of `headDim` floats.
    ///   - out: [headDim] result.
    public static func head(q: UnsafePointer<Float>, keys: UnsafePointer<UInt16>, values: UnsafePointer<UInt16>,
                            stride: Int, count: Int, headDim: Int, scale: Float, batched: Bool,
                            scores: UnsafeMutablePointer<Float>, q16: UnsafeMutablePointer<Float>,
                            out: UnsafeMutablePointer<Float>) {
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 64) { laneBuffer in
            let lanes = laneBuffer.baseAddress!
            for d in 0..<headDim { q16[d] = Half.toFloat(Half.fromFloat(q[d])) }
            // Scores.
            for j in 0..<count {
                let k = keys + j * stride
                if batched {
                    for i in 0..<16 { lanes[i] = 0 }
                    var c = 0
                    while c < headDim {
                        for i in 0..<16 { lanes[i] = lanes[i].addingProduct(Half.toFloat(k[c + i]), q16[c + i]) }
                        c += 16
                    }
                    scores[j] = ExactMath.sum16(lanes) * scale
                } else {
                    scores[j] = dotHalf(k, q16, count: headDim, accumulators: lanes) * scale
                }
            }
            softmax(scores, count: count)
            for j in 0..<count { scores[j] = Half.toFloat(Half.fromFloat(scores[j])) }
            // Weighted values. Batched: lane i gathers positions i, i+16, ... Single query: four
            // accumulators of 16 lanes over steps of 64 positions, as in `dotHalf`.
            for d in 0..<headDim {
                for i in 0..<64 { lanes[i] = 0 }
                if batched {
                    var j = 0
                    while j < count {
                        let n = min(16, count - j)
                        for i in 0..<n { lanes[i] = lanes[i].addingProduct(Half.toFloat(values[(j + i) * stride + d]), scores[j + i]) }
                        j += 16
                    }
                    out[d] = ExactMath.sum16(lanes)
                } else {
                    var j = 0
                    while j < count {
                        let n = min(64, count - j)
                        for i in 0..<n { lanes[i] = lanes[i].addingProduct(Half.toFloat(values[(j + i) * stride + d]), scores[j + i]) }
                        j += 64
                    }
                    for i in 0..<16 {
                        let x0 = lanes[i] + lanes[32 + i], x1 = lanes[16 + i] + lanes[48 + i]
                        lanes[i] = x0 + x1
                    }
                    out[d] = ExactMath.sum16(lanes)
                }
            }
        }
    }

    /// Half-precision keys · (half-rounded) query with four 16-lane accumulators over steps of 64;
    /// the remainder, if any, is added in Double. `accumulators` is scratch for 64 floats.
    @inline(__always)
    static func dotHalf(_ k: UnsafePointer<UInt16>, _ q: UnsafePointer<Float>, count: Int,
                        accumulators acc: UnsafeMutablePointer<Float>) -> Float {
        for i in 0..<64 { acc[i] = 0 }
        let whole = count / 64 * 64
        var s = 0
        while s < whole {
            for i in 0..<64 { acc[i] = acc[i].addingProduct(Half.toFloat(k[s + i]), q[s + i]) }
            s += 64
        }
        for i in 0..<16 {
            let x0 = acc[i] + acc[32 + i], x1 = acc[16 + i] + acc[48 + i]
            acc[i] = x0 + x1
        }
        var total = Double(ExactMath.sum16(acc))
        for i in whole..<count { total += Double(Half.toFloat(k[i]) * q[i]) }
        return Float(total)
    }

    /// In-place softmax with the reference's order: exponentials in chunks of 16, each chunk
    /// summed with `sum16` and added to a Double total, then scaled by Float(1/total).
    public static func softmax(_ x: UnsafeMutablePointer<Float>, count: Int) {
        var m = -Float.infinity
        for i in 0..<count { m = max(m, x[i]) }
        var total: Double = 0
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 16) { laneBuffer in
            let lanes = laneBuffer.baseAddress!
            var j = 0
            while j < count {
                let n = min(16, count - j)
                for i in 0..<16 { lanes[i] = 0 }
                for i in 0..<n {
                    let e = ExactMath.exp(x[j + i] - m)
                    x[j + i] = e
                    lanes[i] = e
                }
                total += Double(ExactMath.sum16(lanes))
                j += 16
            }
        }
        let inv = Float(1 / total)
        for i in 0..<count { x[i] *= inv }
    }

    /// Stores floats as halves.
    public static func storeHalf(_ x: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<UInt16>, count: Int) {
        for i in 0..<count { dst[i] = Half.fromFloat(x[i]) }
    }
}
