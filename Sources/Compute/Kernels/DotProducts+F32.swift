extension DotProducts {
    /// One float weight row against four activation rows (16 lanes, fused multiply-adds): the row
    /// is loaded once for the four. `count` must be a multiple of 16.
    @inlinable @inline(__always)
    public static func f32x4(_ w: UnsafePointer<Float>, _ x: UnsafePointer<Float>, stride: Int, count: Int,
                             out: UnsafeMutablePointer<Float>, outStride: Int) {
        var a0 = SIMD16<Float>(), a1 = SIMD16<Float>(), a2 = SIMD16<Float>(), a3 = SIMD16<Float>()
        let wp = UnsafeRawPointer(w), xp = UnsafeRawPointer(x)
        let s = stride * 4
        var i = 0
        while i < count {
            let o = i * 4
            let wv = wp.loadUnaligned(fromByteOffset: o, as: SIMD16<Float>.self)
            a0 = a0.addingProduct(wv, xp.loadUnaligned(fromByteOffset: o, as: SIMD16<Float>.self))
            a1 = a1.addingProduct(wv, xp.loadUnaligned(fromByteOffset: s + o, as: SIMD16<Float>.self))
            a2 = a2.addingProduct(wv, xp.loadUnaligned(fromByteOffset: 2 * s + o, as: SIMD16<Float>.self))
            a3 = a3.addingProduct(wv, xp.loadUnaligned(fromByteOffset: 3 * s + o, as: SIMD16<Float>.self))
            i += 16
        }
        out[0] = a0.sum()
        out[outStride] = a1.sum()
        out[2 * outStride] = a2.sum()
        out[3 * outStride] = a3.sum()
    }
}

extension DotProducts {
    /// Two float weight rows against four activation rows: eight 8-lane accumulators, each
    /// weight and activation vector loaded once per step. `count` must be a multiple of 8.
    /// Results: out[t·outStride + j] for row j < 2, token t < 4.
    @inlinable @inline(__always)
    public static func f32x2x4(_ w0: UnsafePointer<Float>, _ w1: UnsafePointer<Float>, _ x: UnsafePointer<Float>, stride: Int, count: Int,
                               out: UnsafeMutablePointer<Float>, outStride: Int) {
        var a00 = SIMD8<Float>(), a01 = SIMD8<Float>(), a02 = SIMD8<Float>(), a03 = SIMD8<Float>()
        var a10 = SIMD8<Float>(), a11 = SIMD8<Float>(), a12 = SIMD8<Float>(), a13 = SIMD8<Float>()
        let p0 = UnsafeRawPointer(w0), p1 = UnsafeRawPointer(w1), xp = UnsafeRawPointer(x)
        let s = stride * 4
        var i = 0
        while i < count {
            let o = i * 4
            let u = p0.loadUnaligned(fromByteOffset: o, as: SIMD8<Float>.self)
            let v = p1.loadUnaligned(fromByteOffset: o, as: SIMD8<Float>.self)
            let x0 = xp.loadUnaligned(fromByteOffset: o, as: SIMD8<Float>.self)
            a00 = a00.addingProduct(u, x0); a10 = a10.addingProduct(v, x0)
            let x1 = xp.loadUnaligned(fromByteOffset: s + o, as: SIMD8<Float>.self)
            a01 = a01.addingProduct(u, x1); a11 = a11.addingProduct(v, x1)
            let x2 = xp.loadUnaligned(fromByteOffset: 2 * s + o, as: SIMD8<Float>.self)
            a02 = a02.addingProduct(u, x2); a12 = a12.addingProduct(v, x2)
            let x3 = xp.loadUnaligned(fromByteOffset: 3 * s + o, as: SIMD8<Float>.self)
            a03 = a03.addingProduct(u, x3); a13 = a13.addingProduct(v, x3)
            i += 8
        }
        out[0] = a00.sum(); out[1] = a10.sum()
        out[outStride] = a01.sum(); out[outStride + 1] = a11.sum()
        out[2 * outStride] = a02.sum(); out[2 * outStride + 1] = a12.sum()
        out[3 * outStride] = a03.sum(); out[3 * outStride + 1] = a13.sum()
    }
}
