extension Architecture {
    /// Qwen2 / Qwen2.5: NeoX RoPE and biases on the Q, K and V projections.
    public static let qwen2 = Architecture(name: "qwen2", ropeNeox: true, qkvBias: true)
}
