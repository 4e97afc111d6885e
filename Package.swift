// swift-tools-version:6.0
import PackageDescription

/// Every target uses the Swift 6 language mode (strict concurrency).
let swift6: [SwiftSetting] = [.swiftLanguageMode(.v6)]

/// The kernels are always optimised (even in debug builds, so tests run at speed) and, on x86-64,
/// built for AVX2/FMA/F16C (Haswell and later), with the quantized dot products in AVX2 integer
/// instructions; COPYDESK_PORTABLE=1 builds them for any x86-64 CPU (float kernels only).
/// As llama.cpp's native builds do, the build also uses what the building machine has:
/// - AVX-VNNI or AVX512-VNNI: the quantized dot products use `vpdpbusd`;
/// - AVX-512: the embedder's float matrix products and the interleaved Q4_K kernels use 512-bit
///   registers (sixteen rows per instruction).
/// COPYDESK_CPU=avx2 turns both off. (The quantized kernels stay on 256-bit registers.)
#if arch(x86_64)
import Foundation
let hostFlags: Set<String> = {
    guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
          let flags = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return [] }
    return Set(flags.split(separator: " ").map(String.init))
}()
let portable = Context.environment["COPYDESK_PORTABLE"] != nil
let native = !portable && Context.environment["COPYDESK_CPU"] != "avx2"
let hostHasAVX512 = ["avx512f", "avx512bw", "avx512dq", "avx512vl"].allSatisfy(hostFlags.contains)
let vnniFlags: [String] = !native ? []
    : hostFlags.contains("avx_vnni") ? ["-Xcc", "-mavxvnni"]
    : hostHasAVX512 && hostFlags.contains("avx512_vnni") ? ["-Xcc", "-mavx512vnni", "-Xcc", "-mavx512vl"] : []
let cpuFlags: [String] = portable ? [] : ["-target-cpu", "haswell"] + vnniFlags
let wideFlags: [String] = native && hostHasAVX512 ? ["-target-cpu", "skylake-avx512"] + vnniFlags : cpuFlags
let kernelDefines: [SwiftSetting] = (portable ? [] : [.define("COPYDESK_X86_INT8")]) + (vnniFlags.isEmpty ? [] : [.define("COPYDESK_VNNI")])
#else
let cpuFlags: [String] = []
let wideFlags: [String] = []
let kernelDefines: [SwiftSetting] = []
#endif
let kernelFlags: [SwiftSetting] = [.unsafeFlags(["-Ounchecked"] + cpuFlags)] + kernelDefines
let wideKernelFlags: [SwiftSetting] = [.unsafeFlags(["-Ounchecked"] + wideFlags)] + kernelDefines
    + (wideFlags.contains("skylake-avx512") ? [.define("COPYDESK_AVX512")] : [])
/// The module that spells x86 intrinsics through `Builtin`, which needs `-parse-stdlib`.
let intrinsicFlags: [SwiftSetting] = [.unsafeFlags(["-parse-stdlib"])] + wideKernelFlags

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

        // Small shared pieces: SHA-256, atomic file writes, subprocesses, cancellation tokens.
        .target(name: "Support", swiftSettings: swift6 + [.unsafeFlags(["-O"])]),
        // TOML 1.0.0 parser.
        .target(name: "TOML", swiftSettings: swift6),
        // Prompt templates: front matter, rendering, line diffs.
        .target(name: "Prompts", dependencies: ["TOML", "Support"], swiftSettings: swift6),
        // SQLite wrapper, schema, migrations, template versions, assets, runs.
        .target(name: "Store", dependencies: ["CSQLite", "Support", "Prompts"], swiftSettings: swift6),
        // The model cache: default models fetched through pip, verified by hash.
        .target(name: "ModelCache", dependencies: ["Support"], swiftSettings: swift6),
        // x86 byte dot-product instructions (vpmaddubsw, vpdpbusd), which Swift's SIMD types cannot spell.
        .target(name: "CPUIntrinsics", swiftSettings: swift6 + intrinsicFlags),
        // Tensors, SIMD kernels, quantized blocks, the thread pool.
        .target(name: "Compute", dependencies: ["CPUIntrinsics"], swiftSettings: swift6 + wideKernelFlags),
        // Model file formats: GGUF, safetensors.
        .target(name: "ModelFormats", dependencies: ["Compute", "Support"], swiftSettings: swift6),
        // The GGUF language-model runtime: tokenizer, Llama-family forward pass, sampling.
        .target(name: "TextGeneration", dependencies: ["Compute", "ModelFormats", "Support"], swiftSettings: swift6 + kernelFlags),
        // Sentence embeddings: WordPiece, BERT encoder over safetensors, pooling.
        .target(name: "Embeddings", dependencies: ["Compute", "ModelFormats", "Support"], swiftSettings: swift6 + wideKernelFlags),
        // The knowledge base: chunking, embeddings and FTS5 in the workspace, hybrid search.
        .target(name: "Knowledge", dependencies: ["Store", "Embeddings", "Compute", "TOML", "Support"], swiftSettings: swift6),
        // The brand kit: brand.toml and its style rules, channels and their limits, text segmentation,
        // readability, the rule checker.
        .target(name: "BrandKit", dependencies: ["TOML", "Support"], swiftSettings: swift6),
        // Claims and their verification: claim extraction, quantities and units, deterministic verdicts.
        .target(name: "FactCheck", dependencies: ["BrandKit", "Support"], swiftSettings: swift6),
        // The application layer every front end calls: the studio over a workspace (briefs, drafting,
        // fact-check, critique, revision, review, evaluation, benchmarks), jobs with events and
        // cancellation, and the worker that owns a studio.
        .target(name: "Pipeline", dependencies: ["BrandKit", "FactCheck", "Knowledge", "Embeddings", "TextGeneration", "Prompts", "Store", "ModelCache", "TOML", "Support"],
                swiftSettings: swift6),
        // The terminal studio over ncursesw: its state as a value, pure rendering, the one wrapper of curses.
        .target(name: "TUI", dependencies: ["CNcurses", "Pipeline", "BrandKit", "FactCheck", "Store", "Prompts", "Support"], swiftSettings: swift6),

        // The command-line front end: parses arguments, calls the application layer, prints.
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
        .testTarget(name: "ComputeTests", dependencies: ["Compute", "CPUIntrinsics"], swiftSettings: swift6 + kernelDefines),
        .testTarget(name: "ModelFormatsTests", dependencies: ["ModelFormats", "Compute"], swiftSettings: swift6),
        .testTarget(name: "TextGenerationTests", dependencies: ["TextGeneration", "ModelFormats", "Compute", "ModelCache", "Support"], swiftSettings: swift6),
        .testTarget(name: "EmbeddingsTests", dependencies: ["Embeddings", "ModelFormats", "ModelCache"], swiftSettings: swift6),
        .testTarget(name: "KnowledgeTests", dependencies: ["Knowledge", "Embeddings", "Store", "ModelCache"], swiftSettings: swift6),
        .testTarget(name: "BrandKitTests", dependencies: ["BrandKit", "TOML"], swiftSettings: swift6),
        .testTarget(name: "FactCheckTests", dependencies: ["FactCheck", "BrandKit", "Knowledge", "Embeddings", "Store", "ModelCache"], swiftSettings: swift6),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "BrandKit", "FactCheck", "Knowledge", "Store", "TOML", "ModelCache", "Support"], swiftSettings: swift6),
        .testTarget(name: "CLITests", dependencies: ["Support", "TUI"], swiftSettings: swift6),
        .testTarget(name: "TUITests", dependencies: ["TUI", "Store", "BrandKit", "FactCheck"], swiftSettings: swift6),
    ]
)
