/// The element encodings of ggml tensors this runtime understands (raw values are ggml's type ids).
public enum TensorType: Int, Sendable, CustomStringConvertible, CaseIterable {
    case f32 = 0
    case f16 = 1
    case q4_0 = 2
    case q4_1 = 3
    case q5_0 = 6
    case q5_1 = 7
    case q8_0 = 8
    case q8_1 = 9
    case q4_K = 12
    case q5_K = 13
    case q6_K = 14
    case q8_K = 15
    case bf16 = 30

    /// Elements per block.
    public var blockSize: Int {
        switch self {
        case .f32, .f16, .bf16: return 1
        case .q4_0, .q4_1, .q5_0, .q5_1, .q8_0, .q8_1: return 32
        case .q4_K, .q5_K, .q6_K, .q8_K: return 256
        }
    }

    /// Bytes per block.
    public var blockBytes: Int {
        switch self {
        case .f32: return 4
        case .f16, .bf16: return 2
        case .q4_0: return 18   // f16 d, 16 bytes of nibbles
        case .q4_1: return 20   // f16 d, f16 m, 16 bytes of nibbles
        case .q5_0: return 22   // f16 d, u32 high bits, 16 bytes of nibbles
        case .q5_1: return 24   // f16 d, f16 m, u32 high bits, 16 bytes
        case .q8_0: return 34   // f16 d, 32 int8
        case .q8_1: return 36   // f16 d, f16 s = d * sum(q), 32 int8
        case .q4_K: return 144  // f16 d, f16 dmin, 12 bytes scales, 128 bytes nibbles
        case .q5_K: return 176  // as Q4_K plus 32 bytes of high bits
        case .q6_K: return 210  // 128 low nibbles, 64 high 2-bits, 16 int8 scales, f16 d
        case .q8_K: return 292  // f32 d, 256 int8, 16 int16 sums of 16 (activations only)
        }
    }

    /// Bytes for a row of `count` elements (a multiple of the block size).
    public func rowBytes(_ count: Int) -> Int { count / blockSize * blockBytes }

    /// ggml's name for the type.
    public var description: String {
        switch self {
        case .f32: return "F32"
        case .f16: return "F16"
        case .bf16: return "BF16"
        case .q4_0: return "Q4_0"
        case .q4_1: return "Q4_1"
        case .q5_0: return "Q5_0"
        case .q5_1: return "Q5_1"
        case .q8_0: return "Q8_0"
        case .q8_1: return "Q8_1"
        case .q4_K: return "Q4_K"
        case .q5_K: return "Q5_K"
        case .q6_K: return "Q6_K"
        case .q8_K: return "Q8_K"
        }
    }
}
