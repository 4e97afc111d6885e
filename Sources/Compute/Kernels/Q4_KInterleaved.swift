/// A Q4_K matrix rearranged at load for the x86 kernels: groups of eight rows whose super-blocks
/// are interleaved so that one 32-byte load holds four packed bytes of each of the eight rows.
/// A byte-product instruction then covers eight rows at once, sums stay in 16-bit lanes for a
/// whole sub-block, one `vpmaddwd` applies the eight rows' scales, and a row's result ends in its
/// own lane: no horizontal sums. The values are the file's, unchanged, so results are the same
/// bits as the per-row kernels'.
///
/// Per group of 8 rows and super-block (1,184 bytes, 148 per row-block against the file's 144):
/// - `d[8]`, `dmin[8]`: the rows' half-precision scales (32 bytes);
/// - `scales[8][8]`, `mins[8][8]`: sub-block k's 6-bit scale and min of row r at `[k][r]` (128 bytes);
/// - `qs[4][8][32]`: for sub-block pair j and element group e, row r's packed bytes 32j+4e…32j+4e+3
///   at `[j][e][4r]` (low nibbles: sub-block 2j, high nibbles: sub-block 2j+1) (1,024 bytes).
public final class Q4_KInterleaved: @unchecked Sendable {
    /// Bytes per group of eight rows and super-block.
    public static let groupBlockBytes = 1184
    public let pointer: UnsafeRawPointer
    private let storage: UnsafeMutableRawPointer
    /// Super-blocks per row.
    public let blocks: Int
    public let byteCount: Int

    /// Rearranges `w`, or returns nil when it is not Q4_K or its rows are not a multiple of eight.
    public init?(_ w: WeightMatrix) {
        guard w.type == .q4_K, w.rows % 8 == 0, w.columns % 256 == 0 else { return nil }
        blocks = w.columns / 256
        byteCount = w.rows / 8 * blocks * Self.groupBlockBytes
        storage = .allocate(byteCount: byteCount, alignment: 64)
        pointer = UnsafeRawPointer(storage)
        for g in 0..<(w.rows / 8) {
            for b in 0..<blocks {
                let out = storage + (g * blocks + b) * Self.groupBlockBytes
                for r in 0..<8 {
                    let x = w.data + (8 * g + r) * w.rowBytes + b * 144
                    (out + 2 * r).storeBytes(of: x.loadUnaligned(as: UInt16.self), as: UInt16.self)
                    (out + 16 + 2 * r).storeBytes(of: x.loadUnaligned(fromByteOffset: 2, as: UInt16.self), as: UInt16.self)
                    let (scales, mins) = DotProducts.kScalesAndMins(x + 4)
                    for k in 0..<8 {
                        (out + 32 + 8 * k + r).storeBytes(of: UInt8(truncatingIfNeeded: scales >> UInt64(8 * k)), as: UInt8.self)
                        (out + 96 + 8 * k + r).storeBytes(of: UInt8(truncatingIfNeeded: mins >> UInt64(8 * k)), as: UInt8.self)
                    }
                    for j in 0..<4 {
                        for e in 0..<8 {
                            (out + 160 + (j * 8 + e) * 32 + 4 * r)
                                .storeBytes(of: x.loadUnaligned(fromByteOffset: 16 + 32 * j + 4 * e, as: UInt32.self), as: UInt32.self)
                        }
                    }
                }
            }
        }
    }

    deinit { storage.deallocate() }

    /// The first super-block of row group `g` (rows 8g…8g+7).
    @inlinable
    public func group(_ g: Int) -> UnsafeRawPointer { pointer + g * blocks * Self.groupBlockBytes }
}
