/// The per-block scales of a Q4_1 or Q8_0 matrix as floats, built once at load: the kernels read
/// them with plain loads instead of converting two halves per block and row on every product.
///
/// Q4_1: `(d, m)` per block, row-major (8 bytes per 32 weights). Q8_0: `d` per block (4 bytes per 32).
/// The values are the exact float values of the stored halves, so results do not change.
public final class BlockScaleTable: @unchecked Sendable {
    /// Floats per block: 2 for Q4_1, 1 for Q8_0.
    public let stride: Int
    public let pointer: UnsafePointer<Float>
    private let storage: UnsafeMutablePointer<Float>
    private let count: Int

    /// Builds the table for `w`, or returns nil for other types or widths that are not whole blocks.
    public init?(_ w: WeightMatrix) {
        guard w.type == .q4_1 || w.type == .q8_0, w.columns % 32 == 0 else { return nil }
        stride = w.type == .q4_1 ? 2 : 1
        let blocks = w.columns / 32
        count = w.rows * blocks * stride
        storage = .allocate(capacity: count)
        pointer = UnsafePointer(storage)
        let blockBytes = w.type == .q4_1 ? 20 : 34
        for r in 0..<w.rows {
            let row = w.data + r * w.rowBytes
            for b in 0..<blocks {
                let block = row + b * blockBytes
                let out = storage + (r * blocks + b) * stride
                out[0] = Half.toFloat(block.loadUnaligned(as: UInt16.self))
                if stride == 2 { out[1] = Half.toFloat(block.loadUnaligned(fromByteOffset: 2, as: UInt16.self)) }
            }
        }
    }

    deinit { storage.deallocate() }

    /// Bytes held.
    public var byteCount: Int { count * 4 }
}
