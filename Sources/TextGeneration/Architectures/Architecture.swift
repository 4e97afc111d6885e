/// What differs between Llama-family architectures: metadata prefix, rotary ordering, biases.
/// Tensor names follow ggml's conventions (`blk.N.attn_q.weight`) and are shared.
public struct Architecture: Sendable {
    /// `general.architecture`, also the metadata key prefix.
    public let name: String
    /// NeoX rotary ordering (pairs i, i + d/2) instead of adjacent pairs.
    public let ropeNeox: Bool
    /// Q, K and V projections carry biases.
    public let qkvBias: Bool

    /// Every architecture this runtime can run.
    public static let all: [Architecture] = [.llama, .qwen2]

    /// The architecture named in a file, or nil.
    public static func named(_ name: String) -> Architecture? { all.first { $0.name == name } }
}
