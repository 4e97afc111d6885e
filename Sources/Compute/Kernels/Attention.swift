/// Scaled dot-product attention for one query head, with the arithmetic of the reference CPU
/// runtime (non-fused attention over a half-precision KV cache):
///
/// - The query and the softmax weights are rounded to half precision; keys and values are the
///   cache's halves (given here already widened to float, which is exact).
/// - Batched queries (prefill): K·q and weights·V are 16-lane chains of fused multiply-adds
///   (lane i takes elements i, i+16, ...), then `ExactMath.sum16`.
/// - A single query (decode): both use four 16-lane accumulators over steps of 64, combined
///   pairwise, then `sum16` (the reference's half-precision dot product).
/// - softmax with `ExactMath.exp` in chunks of 16, chunk sums accumulated in Double.
public enum Attention {
    /// - Parameters:
    ///   - q: [headDim] query (already rotated); headDim must be a multiple of 16.
    ///   - keys: [count × stride] keys of this KV head as floats (position j at `j * stride`).
    ///   - valuesT: [headDim × valueStride] values of this KV head transposed (dimension d's
    ///     positions at `d * valueStride`), zero from `count` up to the next multiple of 64.
    ///   - scores: scratch of `count` rounded up to 64 floats.
    ///   - q16: scratch of `headDim` floats.
    ///   - out: [headDim] result.
    public static func head(q: UnsafePointer<Float>, keys: UnsafePointer<Float>, stride: Int,
                            valuesT: UnsafePointer<Float>, valueStride: Int,
                            count: Int, headDim: Int, scale: Float, batched: Bool,
                            scores: UnsafeMutablePointer<Float>, q16: UnsafeMutablePointer<Float>,
                            out: UnsafeMutablePointer<Float>) {
        for d in 0..<headDim { q16[d] = Half.toFloat(Half.fromFloat(q[d])) }
        let qv = UnsafeRawPointer(q16)
        for j in 0..<count {
            let k = UnsafeRawPointer(keys + j * stride)
            if batched {
                var acc = SIMD16<Float>()
                var c = 0
                while c < headDim {
                    acc = acc.addingProduct(k.loadUnaligned(fromByteOffset: 4 * c, as: SIMD16<Float>.self),
                                            qv.loadUnaligned(fromByteOffset: 4 * c, as: SIMD16<Float>.self))
                    c += 16
                }
                scores[j] = sum16(acc) * scale
            } else {
                scores[j] = dot64(k, qv, count: headDim) * scale
            }
        }
        softmax(scores, count: count)
        let padded = (count + 63) / 64 * 64
        for j in 0..<count { scores[j] = Half.toFloat(Half.fromFloat(scores[j])) }
        for j in count..<padded { scores[j] = 0 }
        let p = UnsafeRawPointer(scores)
        for d in 0..<headDim {
            let v = UnsafeRawPointer(valuesT + d * valueStride)
            if batched {
                var acc = SIMD16<Float>()
                var j = 0
                while j < count {
                    acc = acc.addingProduct(v.loadUnaligned(fromByteOffset: 4 * j, as: SIMD16<Float>.self),
                                            p.loadUnaligned(fromByteOffset: 4 * j, as: SIMD16<Float>.self))
                    j += 16
                }
                out[d] = sum16(acc)
            } else {
                out[d] = dot64(v, p, count: padded)
            }
        }
    }

    /// Four 16-lane accumulators over steps of 64 (`count` a multiple of 16; a tail beyond the
    /// last whole step of 64 is added in Double, as the reference does).
    @inline(__always)
    static func dot64(_ x: UnsafeRawPointer, _ y: UnsafeRawPointer, count: Int) -> Float {
        var a0 = SIMD16<Float>(), a1 = SIMD16<Float>(), a2 = SIMD16<Float>(), a3 = SIMD16<Float>()
        let whole = count / 64 * 64
        var s = 0
        while s < whole {
            let o = 4 * s
            a0 = a0.addingProduct(x.loadUnaligned(fromByteOffset: o, as: SIMD16<Float>.self), y.loadUnaligned(fromByteOffset: o, as: SIMD16<Float>.self))
            a1 = a1.addingProduct(x.loadUnaligned(fromByteOffset: o + 64, as: SIMD16<Float>.self), y.loadUnaligned(fromByteOffset: o + 64, as: SIMD16<Float>.self))
            a2 = a2.addingProduct(x.loadUnaligned(fromByteOffset: o + 128, as: SIMD16<Float>.self), y.loadUnaligned(fromByteOffset: o + 128, as: SIMD16<Float>.self))
            a3 = a3.addingProduct(x.loadUnaligned(fromByteOffset: o + 192, as: SIMD16<Float>.self), y.loadUnaligned(fromByteOffset: o + 192, as: SIMD16<Float>.self))
            s += 64
        }
        var total = Double(sum16((a0 + a2) + (a1 + a3)))
        let xf = x.assumingMemoryBound(to: Float.self), yf = y.assumingMemoryBound(to: Float.self)
        for i in whole..<count { total += Double(xf[i] * yf[i]) }
        return Float(total)
    }

    @inline(__always)
    static func sum16(_ v: SIMD16<Float>) -> Float {
        let a = v.lowHalf + v.highHalf
        let b = a.lowHalf + a.highHalf
        return (b[0] + b[2]) + (b[1] + b[3])
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

    /// Appends one position to a layer's cache: the key at `keys[position]`, the value into
    /// column `position` of the transposed values; both rounded to half precision.
    public static func store(key: UnsafePointer<Float>, value: UnsafePointer<Float>, position: Int, kvDim: Int,
                             keys: UnsafeMutablePointer<Float>, valuesT: UnsafeMutablePointer<Float>, valueStride: Int) {
        let k = keys + position * kvDim
        for i in 0..<kvDim {
            k[i] = Half.toFloat(Half.fromFloat(key[i]))
            valuesT[i * valueStride + position] = Half.toFloat(Half.fromFloat(value[i]))
        }
    }
}
