import Foundation

/// Element-wise and normalisation kernels used between matrix products.
public enum VectorOps {
    /// out = x / sqrt(mean(x²) + eps) · weight (sum of squares accumulated in Double, as ggml does).
    public static func rmsNorm(_ x: UnsafePointer<Float>, weight: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, count: Int, eps: Float) {
        var sum: Double = 0
        for i in 0..<count { sum += Double(x[i] * x[i]) }
        let mean = Float(sum / Double(count))
        let scale = 1 / (mean + eps).squareRoot()
        for i in 0..<count { out[i] = (x[i] * scale) * weight[i] }
    }

    /// x += y
    public static func add(_ x: UnsafeMutablePointer<Float>, _ y: UnsafePointer<Float>, count: Int) {
        for i in 0..<count { x[i] += y[i] }
    }

    /// x += bias (per row of `columns`) for `rows` rows.
    public static func addBias(_ x: UnsafeMutablePointer<Float>, _ bias: UnsafePointer<Float>, rows: Int, columns: Int) {
        for r in 0..<rows { add(x + r * columns, bias, count: columns) }
    }

    /// gate = silu(gate) · up, with the reference's exponential.
    public static func swiGLU(_ gate: UnsafeMutablePointer<Float>, _ up: UnsafePointer<Float>, count: Int) {
        for i in 0..<count { gate[i] = ExactMath.silu(gate[i]) * up[i] }
    }

    /// Rotary embedding tables for one position: cos and sin of pos·base^(−2i/dims), i < dims/2,
    /// computed as ggml does (repeated multiplication by the scale, float precision), each angle divided
    /// by `freqFactors[i]` when the model has them (Llama 3.1), then multiplied by `freqScale`.
    public static func ropeTable(position: Int, dims: Int, base: Float, freqScale: Float,
                                 freqFactors: UnsafePointer<Float>? = nil,
                                 cos: UnsafeMutablePointer<Float>, sin: UnsafeMutablePointer<Float>) {
        let thetaScale = powf(base, -2 / Float(dims))
        var theta = Float(position)
        for i in 0..<(dims / 2) {
            let t = freqScale * (freqFactors.map { theta / $0[i] } ?? theta)
            cos[i] = cosf(t)
            sin[i] = sinf(t)
            theta *= thetaScale
        }
    }

    /// Rotates `heads` heads of `headDim` in place, as fma(a, cos, −b·sin) and fma(a, sin, b·cos). Normal ordering pairs (2i, 2i+1);
    /// NeoX ordering pairs (i, i + dims/2). Only the first `dims` of each head rotate.
    public static func rope(_ x: UnsafeMutablePointer<Float>, heads: Int, headDim: Int, dims: Int, neox: Bool,
                            cos: UnsafePointer<Float>, sin: UnsafePointer<Float>) {
        for h in 0..<heads {
            let v = x + h * headDim
            if neox {
                let half = dims / 2
                for i in 0..<half {
                    let a = v[i], b = v[i + half]
                    v[i] = (-(b * sin[i])).addingProduct(a, cos[i])
                    v[i + half] = (b * cos[i]).addingProduct(a, sin[i])
                }
            } else {
                for i in 0..<(dims / 2) {
                    let a = v[2 * i], b = v[2 * i + 1]
                    v[2 * i] = (-(b * sin[i])).addingProduct(a, cos[i])
                    v[2 * i + 1] = (b * cos[i]).addingProduct(a, sin[i])
                }
            }
        }
    }

    /// In-place softmax over `count` values (see `Attention.softmax`).
    public static func softmax(_ x: UnsafeMutablePointer<Float>, count: Int) {
        Attention.softmax(x, count: count)
    }

    /// Index of the largest value (first on ties).
    public static func argmax(_ x: UnsafePointer<Float>, count: Int) -> Int {
        var best = 0
        for i in 1..<count where x[i] > x[best] { best = i }
        return best
    }
}
