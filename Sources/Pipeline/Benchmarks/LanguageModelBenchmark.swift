import Foundation
import TextGeneration

/// `bench llm`: prefill at 64 and 512 prompt tokens, decode over 128 tokens, peak memory.
public struct LanguageModelBenchmark: Sendable, Encodable {
    public var prefill64: Double
    public var prefill512: Double
    /// The headline prefill rate: the 512-token one.
    public var prefill: Double
    public var decode: Double
    public var peakRSSBytes: Int
    public var threads: Int
    public var model: String

    enum CodingKeys: String, CodingKey {
        case prefill = "prefill_tokens_per_s", prefill64 = "prefill_64_tokens_per_s", prefill512 = "prefill_512_tokens_per_s"
        case decode = "decode_tokens_per_s", peakRSSBytes = "peak_rss_bytes", threads, model
    }

    /// Measures the GGUF model at `path`; each measurement runs `repeats` times and the best counts.
    /// Prompts are deterministic ordinary tokens (the first few hundred ids, which include
    /// specials, are skipped); decoding is greedy.
    public static func run(path: String, threads: Int?, repeats: Int) throws -> LanguageModelBenchmark {
        let model = try LanguageModel(path: path, contextLength: 1024, threads: threads)
        let repeats = max(1, repeats)
        let vocab = Int32(model.tokenizer.vocabularySize)
        func tokens(_ n: Int) -> [Int32] { (0..<n).map { Int32(300 + ($0 * 7919) % Int(vocab - 300)) } }
        let clock = ContinuousClock()
        var prefill: [Int: Double] = [:]
        for n in [64, 512] {
            var best = Double.infinity
            for _ in 0..<repeats {
                model.transformer.reset()
                let t0 = clock.now
                _ = try model.transformer.forward(tokens: tokens(n))
                best = min(best, seconds(clock.now - t0))
            }
            prefill[n] = Double(n) / best
        }
        var decodeBest = Double.infinity
        for _ in 0..<repeats {
            model.transformer.reset()
            var logits = try model.transformer.forward(tokens: tokens(8))
            let t0 = clock.now
            for _ in 0..<128 {
                let next = Int32(logits.indices.max { logits[$0] < logits[$1] }!)
                logits = try model.transformer.forward(token: next)
            }
            decodeBest = min(decodeBest, seconds(clock.now - t0))
        }
        return LanguageModelBenchmark(prefill64: prefill[64]!, prefill512: prefill[512]!, prefill: prefill[512]!, decode: 128 / decodeBest,
                                      peakRSSBytes: peakRSSBytes(), threads: model.transformer.threads, model: path)
    }

    static func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }

    /// VmHWM from /proc/self/status, in bytes (0 where unavailable).
    static func peakRSSBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return (line.split(separator: " ").compactMap { Int($0) }.first ?? 0) * 1024
        }
        return 0
    }
}
