import Compute

/// Where a tensor lives in a GGUF file and how it is encoded.
public struct GGUFTensorInfo: Sendable {
    public let name: String
    /// Dimensions, innermost first (ggml's ne0, ne1, ...): a weight matrix is [columns, rows].
    public let shape: [Int]
    public let type: TensorType
    /// Absolute byte offset of the data in the file.
    public let offset: Int
    /// Bytes of encoded data.
    public let byteCount: Int

    public var elementCount: Int { shape.reduce(1, *) }
    /// Rows of a 2-D (or higher) tensor: product of all dimensions but the first.
    public var rows: Int { shape.dropFirst().reduce(1, *) }
    public var columns: Int { shape.first ?? 1 }
}
