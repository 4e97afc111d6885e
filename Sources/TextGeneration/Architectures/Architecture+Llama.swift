extension Architecture {
    /// Llama 1/2/3, TinyLlama, SmolLM: adjacent-pair RoPE (weights are permuted at conversion), no biases.
    public static let llama = Architecture(name: "llama", ropeNeox: false, qkvBias: false)
}
