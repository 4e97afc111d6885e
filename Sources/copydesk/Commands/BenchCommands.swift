import Foundation
import TextGeneration

/// `copydesk bench ...`: speed measurements (commands, not tests).
enum BenchCommands {
    static let llm = Command(spec: CommandSpec(
        path: ["bench", "llm"],
        summary: "Measure the language model: prefill at 64 and 512 prompt tokens, decode over 128 tokens, peak memory.",
        options: [GenerateCommand.modelOption, ModelsCommands.modelsOption, GenerateCommand.threadsOption,
                  .value("--repeat", "N", "runs of each measurement; the best is reported (default 3)"), .json]
    )) { args in
        let path = try GenerateCommand.modelPath(args)
        let model = try LanguageModel(path: path, contextLength: 1024, threads: try args.int("--threads"))
        let repeats = max(1, try args.int("--repeat") ?? 3)
        let vocab = Int32(model.tokenizer.vocabularySize)
        // Deterministic ordinary tokens (skip the first few hundred ids, which include specials).
        func tokens(_ n: Int) -> [Int32] { (0..<n).map { Int32(300 + ($0 * 7919) % Int(vocab - 300)) } }
        let clock = ContinuousClock()
        func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
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
        let decode = 128 / decodeBest
        let rss = peakRSSBytes()
        if args.json {
            struct Out: Encodable {
                let prefill_tokens_per_s: Double, prefill_64_tokens_per_s: Double, prefill_512_tokens_per_s: Double
                let decode_tokens_per_s: Double, peak_rss_bytes: Int, threads: Int, model: String
            }
            try Output.json(Out(prefill_tokens_per_s: prefill[512]!, prefill_64_tokens_per_s: prefill[64]!, prefill_512_tokens_per_s: prefill[512]!,
                                decode_tokens_per_s: decode, peak_rss_bytes: rss, threads: model.transformer.threads, model: path))
        } else {
            Output.table(["measure", "value"], [
                ["model", path],
                ["threads", "\(model.transformer.threads)"],
                ["prefill 64 tokens", String(format: "%.1f tok/s", prefill[64]!)],
                ["prefill 512 tokens", String(format: "%.1f tok/s", prefill[512]!)],
                ["decode 128 tokens", String(format: "%.1f tok/s", decode)],
                ["peak RSS", String(format: "%.1f MiB", Double(rss) / 1_048_576)],
            ])
        }
        return ExitCode.ok
    }

    /// VmHWM from /proc/self/status, in bytes (0 where unavailable).
    static func peakRSSBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kb = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
            return kb * 1024
        }
        return 0
    }
}
