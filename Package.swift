// swift-tools-version:6.0
import PackageDescription

/// Kernels and parsers are built optimised even in debug builds' hot paths later;
/// for now every target shares the Swift 6 language mode.
let swift6: [SwiftSetting] = [.swiftLanguageMode(.v6)]

/// The kernels are always optimised (even in debug builds, so tests run at speed) and, on x86-64,
/// built for AVX2/FMA/F16C (Haswell and later); COPYDESK_PORTABLE=1 builds them for any x86-64 CPU.
/// The embedder's float matrix products are also built for AVX-512 (Skylake-SP, Zen 4 and later)
/// when the building machine has it, as llama.cpp's native builds are; COPYDESK_CPU=avx2 turns that
/// off. (The quantized LLM kernels stay on AVX2: their AVX-512 code generation was slower.)
#if arch(x86_64)
import Foundation
let hostHasAVX512: Bool = {
    guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
          let flags = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return false }
    let set = Set(flags.split(separator: " ").map(String.init))
    return ["avx512f", "avx512bw", "avx512dq", "avx512vl"].allSatisfy(set.contains)
}()
let portable = Context.environment["COPYDESK_PORTABLE"] != nil
let cpuFlags: [String] = portable ? [] : ["-target-cpu", "haswell"]
let wideFlags: [String] = portable ? [] : hostHasAVX512 && Context.environment["COPYDESK_CPU"] != "avx2" ? ["-target-cpu", "skylake-avx512"] : cpuFlags
#else
let cpuFlags: [String] = []
let wideFlags: [String] = []
#endif
let kernelFlags: [SwiftSetting] = [.unsafeFlags(["-Ounchecked"] + cpuFlags)]
let wideKernelFlags: [SwiftSetting] = [.unsafeFlags(["-Ounchecked"] + wideFlags)] + (wideFlags.contains("skylake-avx512") ? [.define("COPYDESK_AVX512")] : [])

let package = Package(
    name: "copydesk",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "copydesk", targets: ["copydesk"]),
    ],
    targets: [
        // C libraries from the system, wrapped once.
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),

        // Small shared pieces: SHA-256, atomic file writes, JSON output, subprocesses.
        .target(name: "Support", swiftSettings: swift6 + [.unsafeFlags(["-O"])]),
        // TOML 1.0.0 parser.
        .target(name: "TOML", swiftSettings: swift6),
        // Prompt templates: front matter, rendering, line diffs.
        .target(name: "Prompts", dependencies: ["TOML", "Support"], swiftSettings: swift6),
        // SQLite wrapper, schema, migrations, template versions, assets, runs.
        .target(name: "Store", dependencies: ["CSQLite", "Support", "Prompts"], swiftSettings: swift6),
        // The model cache: default models fetched through pip, verified by hash.
        .target(name: "ModelCache", dependencies: ["Support"], swiftSettings: swift6),
        // Tensors, SIMD kernels, quantized blocks, the thread pool.
        .target(name: "Compute", swiftSettings: swift6 + kernelFlags),
        // Model file formats: GGUF, safetensors, ONNX protobuf.
        .target(name: "ModelFormats", dependencies: ["Compute", "Support"], swiftSettings: swift6),
        // The GGUF language-model runtime: tokenizer, Llama-family forward pass, sampling.
        .target(name: "TextGeneration", dependencies: ["Compute", "ModelFormats", "Support"], swiftSettings: swift6 + kernelFlags),
        // Sentence embeddings: WordPiece, BERT encoder over safetensors, pooling.
        .target(name: "Embeddings", dependencies: ["Compute", "ModelFormats", "Support"], swiftSettings: swift6 + wideKernelFlags),
        // The knowledge base: chunking, embeddings and FTS5 in the workspace, hybrid search.
        .target(name: "Knowledge", dependencies: ["Store", "Embeddings", "Compute", "TOML", "Support"], swiftSettings: swift6),
        // The brand kit: brand.toml and its style rules, text segmentation, readability, the rule checker.
        .target(name: "BrandKit", dependencies: ["TOML", "Support"], swiftSettings: swift6),
        // Claims and their verification: claim extraction, quantities and units, deterministic verdicts.
        .target(name: "FactCheck", dependencies: ["BrandKit", "Support"], swiftSettings: swift6),
        // The content pipeline: briefs, drafting, fact-check, critique, revision, review.
        .target(name: "Pipeline", dependencies: ["BrandKit", "FactCheck", "Knowledge", "Embeddings", "TextGeneration", "Prompts", "Store", "ModelCache", "TOML", "Support"],
                swiftSettings: swift6),
        // Terminal UI over ncursesw.
        .target(name: "TUI", dependencies: ["CNcurses"], swiftSettings: swift6),

        // The thin command-line front end.
        .executableTarget(
            name: "copydesk",
            dependencies: ["Support", "TOML", "Prompts", "Store", "ModelCache", "TextGeneration", "Embeddings", "Knowledge", "BrandKit", "FactCheck", "Pipeline", "TUI"],
            swiftSettings: swift6
        ),

        .testTarget(name: "SupportTests", dependencies: ["Support"], swiftSettings: swift6),
        .testTarget(name: "TOMLTests", dependencies: ["TOML"], swiftSettings: swift6),
        .testTarget(name: "PromptsTests", dependencies: ["Prompts"], swiftSettings: swift6),
        .testTarget(name: "StoreTests", dependencies: ["Store"], swiftSettings: swift6),
        .testTarget(name: "ModelCacheTests", dependencies: ["ModelCache"], swiftSettings: swift6),
        .testTarget(name: "ComputeTests", dependencies: ["Compute"], swiftSettings: swift6),
        .testTarget(name: "ModelFormatsTests", dependencies: ["ModelFormats", "Compute"], swiftSettings: swift6),
        .testTarget(name: "TextGenerationTests", dependencies: ["TextGeneration", "ModelFormats", "Compute", "ModelCache"], swiftSettings: swift6),
        .testTarget(name: "EmbeddingsTests", dependencies: ["Embeddings", "ModelFormats", "ModelCache"], swiftSettings: swift6),
        .testTarget(name: "KnowledgeTests", dependencies: ["Knowledge", "Embeddings", "Store", "ModelCache"], swiftSettings: swift6),
        .testTarget(name: "BrandKitTests", dependencies: ["BrandKit", "TOML"], swiftSettings: swift6),
        .testTarget(name: "FactCheckTests", dependencies: ["FactCheck", "BrandKit", "Knowledge", "Embeddings", "Store", "ModelCache"], swiftSettings: swift6),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "BrandKit", "FactCheck", "Knowledge", "Store", "TOML", "ModelCache"], swiftSettings: swift6),
        .testTarget(name: "CLITests", dependencies: ["Support"], swiftSettings: swift6),
    ]
)
