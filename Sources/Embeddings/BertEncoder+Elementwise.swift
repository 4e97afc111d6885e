import Compute

/// The encoder's row-wise steps (residual + bias + LayerNorm, bias + GELU), in 16-wide SIMD
/// and spread over the thread pool by rows.
extension BertEncoder {
    /// For each of `n` rows: x += add + bias, then LayerNorm with `weight` and `bias2`.
    static func residualLayerNorm(_ x: UnsafeMutablePointer<Float>, add: UnsafePointer<Float>, bias: UnsafePointer<Float>,
                                  weight: UnsafePointer<Float>, normBias: UnsafePointer<Float>, rows n: Int, count: Int,
                                  eps: Float, pool: ThreadPool) {
        pool.run(chunks: n) { t, _ in
            let row = x + t * count, a = add + t * count
            if count % 16 == 0 {
                for i in stride(from: 0, to: count, by: 16) { store(load(row + i) + load(a + i) + load(bias + i), row + i) }
            } else {
                for i in 0..<count { row[i] += a[i] + bias[i] }
            }
            layerNorm(row, weight: weight, bias: normBias, count: count, eps: eps)
        }
    }

    /// For each of `n` rows: x = GELU(x + bias), with the erf form of GELU.
    static func biasGELU(_ x: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, rows n: Int, count: Int, pool: ThreadPool) {
        let sqrtHalf = Float(0.5).squareRoot()
        pool.run(chunks: n) { t, _ in
            let row = x + t * count
            var i = 0
            while i + 16 <= count {
                let z = load(row + i) + load(bias + i)
                store(0.5 * z * (1 + erf16(z * sqrtHalf)), row + i)
                i += 16
            }
            while i < count {
                let z = row[i] + bias[i]
                row[i] = 0.5 * z * (1 + erf(z * sqrtHalf))
                i += 1
            }
        }
    }

    /// Abramowitz and Stegun 7.1.26 (maximum error 1.5e-7), sixteen lanes at once.
    @inline(__always)
    static func erf16(_ x: SIMD16<Float>) -> SIMD16<Float> {
        let a = x.replacing(with: -x, where: x .< 0)
        let t = SIMD16<Float>(repeating: 1) / (SIMD16<Float>(repeating: 1) + 0.3275911 * a)
        var poly = SIMD16<Float>(repeating: 1.061405429)
        poly = poly * t + -1.453152027
        poly = poly * t + 1.421413741
        poly = poly * t + -0.284496736
        poly = poly * t + 0.254829592
        poly = poly * t
        let y = SIMD16<Float>(repeating: 1) - poly * exp16(SIMD16<Float>() - a * a)
        return y.replacing(with: -y, where: x .< 0)
    }

    /// e^x for x ≤ 0 (0 below −87), by the same range reduction and polynomial as `ExactMath.exp`.
    @inline(__always)
    static func exp16(_ x: SIMD16<Float>) -> SIMD16<Float> {
        let clamped = x.replacing(with: -87, where: x .< -87)
        let shifter = SIMD16<Float>(repeating: 0x1.8p23)
        let z = shifter.addingProduct(clamped, SIMD16<Float>(repeating: 0x1.715476p+0))
        let n = z - shifter
        let b = clamped.addingProduct(-n, SIMD16<Float>(repeating: 0x1.62e4p-1)).addingProduct(-n, SIMD16<Float>(repeating: 0x1.7f7d1cp-20))
        let u = b * b
        let inner = SIMD16<Float>(repeating: 0x1.573e2ep-5).addingProduct(SIMD16<Float>(repeating: 0x1.0e4020p-7), b)
        let second = SIMD16<Float>(repeating: 0x1.fffdb6p-2).addingProduct(SIMD16<Float>(repeating: 0x1.555e66p-3), b)
        let first = SIMD16<Float>(repeating: 1).addingProduct(SIMD16<Float>(repeating: 0x1.ffffecp-1), b)
        let j = first.addingProduct(second.addingProduct(inner, u), u)
        // 2^n as bits: (n + 127) << 23, with n ≥ −126 after the clamp. n sits in the low bits of z
        // (z = 1.5·2^23 + n), so it is read off z's bits without a conversion.
        let bits = (unsafeBitCast(z, to: SIMD16<Int32>.self) &- 0x4B40_0000 &+ 127) &<< 23
        let scale = unsafeBitCast(bits, to: SIMD16<Float>.self)
        let result = j * scale
        return result.replacing(with: 0, where: x .< -87)
    }

    @inline(__always)
    static func load(_ p: UnsafePointer<Float>) -> SIMD16<Float> { UnsafeRawPointer(p).loadUnaligned(as: SIMD16<Float>.self) }

    @inline(__always)
    static func store(_ v: SIMD16<Float>, _ p: UnsafeMutablePointer<Float>) { UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD16<Float>.self) }
}
