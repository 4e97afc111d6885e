/// A view of an encoded weight matrix in place (memory-mapped): `rows` rows of `columns` elements.
public struct WeightMatrix: @unchecked Sendable {
    public let type: TensorType
    public let data: UnsafeRawPointer
    public let rows: Int
    public let columns: Int
    /// The block scales as floats (Q4_1, Q8_0), when a table was built; whoever builds it keeps it alive.
    public var scales: UnsafePointer<Float>?
    /// The rows rearranged in groups of eight (Q4_K, `Q4_KInterleaved`), when built; whoever builds it keeps it alive.
    public var interleaved: UnsafeRawPointer?

    public init(type: TensorType, data: UnsafeRawPointer, rows: Int, columns: Int, scales: UnsafePointer<Float>? = nil) {
        self.type = type
        self.data = data
        self.rows = rows
        self.columns = columns
        self.scales = scales
    }

    /// Bytes of one encoded row.
    public var rowBytes: Int { type.rowBytes(columns) }

    /// Decodes row `r` into `dst[columns]` (embedding lookups).
    public func decodeRow(_ r: Int, into dst: UnsafeMutablePointer<Float>) {
        Dequantize.row(type, data + r * rowBytes, dst, count: columns)
    }
}
