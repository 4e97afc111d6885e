/// A Q4_K matrix rearranged at load for the x86 kernels: groups of G rows (16 with AVX-512, else 8)
/// whose super-blocks are interleaved so that one load holds four packed bytes of each row of the
/// group. A byte-product instruction then covers G rows at once, sums stay in 16-bit lanes for a
/// whole sub-block, one `vpmaddwd` applies the G rows' scales, and a row's result ends in its
/// own lane: no horizontal sums. The values are the file's, unchanged, so results are the same
/// bits as the per-row kernels'.
///
/// Per group and super-block (148·G bytes, 148 per row-block against the file's 144):
/// - `d[G]`, `dmin[G]`: the rows' half-precision scales (4·G bytes);
/// - `scales[8][G]`, `mins[8][G]`: sub-block k's 6-bit scale and min of row r at `[k][r]` (16·G bytes);
/// - `qs[4][8][4·G]`: for sub-block pair j and element group e, row r's packed bytes 32j+4e…32j+4e+3
///   at `[j][e][4r]` (low nibbles: sub-block 2j, high nibbles: sub-block 2j+1) (128·G bytes).
public final class Q4_KInterleaved: @unchecked Sendable {
    /// Rows per group: the lanes of the widest registers the build uses.
    #if COPYDESK_AVX512
    public static let rowsPerGroup = 16
    #else
    public static let rowsPerGroup = 8
    #endif
    /// Bytes per group and super-block.
    public static let groupBlockBytes = 148 * rowsPerGroup
    /// Offsets inside a group's super-block.
    public static let dminOffset = 2 * rowsPerGroup, scalesOffset = 4 * rowsPerGroup
    public static let minsOffset = 12 * rowsPerGroup, qsOffset = 20 * rowsPerGroup
    public let pointer: UnsafeRawPointer
    private let storage: UnsafeMutableRawPointer
    /// Super-blocks per row.
    public let blocks: Int
    public let byteCount: Int

    /// Rearranges `w`, or returns nil when it is not Q4_K or its rows are not a multiple of the group.
    public init?(_ w: WeightMatrix) {
        let G = Self.rowsPerGroup
        guard w.type == .q4_K, w.rows % G == 0, w.columns % 256 == 0 else { return nil }
        blocks = w.columns / 256
        byteCount = w.rows / G * blocks * Self.groupBlockBytes
        storage = .allocate(byteCount: byteCount, alignment: 64)
        pointer = UnsafeRawPointer(storage)
        for g in 0..<(w.rows / G) {
            for b in 0..<blocks {
                let out = storage + (g * blocks + b) * Self.groupBlockBytes
                for r in 0..<G {
                    let x = w.data + (G * g + r) * w.rowBytes + b * 144
                    (out + 2 * r).storeBytes(of: x.loadUnaligned(as: UInt16.self), as: UInt16.self)
                    (out + Self.dminOffset + 2 * r).storeBytes(of: x.loadUnaligned(fromByteOffset: 2, as: UInt16.self), as: UInt16.self)
                    let (scales, mins) = DotProducts.kScalesAndMins(x + 4)
                    for k in 0..<8 {
                        (out + Self.scalesOffset + G * k + r).storeBytes(of: UInt8(truncatingIfNeeded: scales >> UInt64(8 * k)), as: UInt8.self)
                        (out + Self.minsOffset + G * k + r).storeBytes(of: UInt8(truncatingIfNeeded: mins >> UInt64(8 * k)), as: UInt8.self)
                    }
                    for j in 0..<4 {
                        for e in 0..<8 {
                            (out + Self.qsOffset + (j * 8 + e) * 4 * G + 4 * r)
                                .storeBytes(of: x.loadUnaligned(fromByteOffset: 16 + 32 * j + 4 * e, as: UInt32.self), as: UInt32.self)
                        }
                    }
                }
            }
        }
    }

    deinit { storage.deallocate() }

    /// The first super-block of row group `g` (rows G·g…G·g+G−1).
    @inlinable
    public func group(_ g: Int) -> UnsafeRawPointer { pointer + g * blocks * Self.groupBlockBytes }
}
