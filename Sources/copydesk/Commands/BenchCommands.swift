import Foundation
import Embeddings
import Knowledge
import Store
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

    /// Short marketing sentences for the embedding benchmark (the same list as bench_sentence_transformers.py).
    static let benchSentences: [String] = (0..<32).map { i in
        let subjects = ["The Kinglet Pro", "Our cargo bike", "The new battery", "Free shipping", "The warranty", "A test ride", "The Dipper", "Our service plan"]
        let verbs = ["carries", "covers", "includes", "adds", "brings", "offers", "keeps", "saves"]
        let objects = ["two kids and the groceries", "up to 60 miles of range", "a lifetime frame warranty", "easy monthly payments", "quiet hill climbing", "a safer school run", "room for a week of shopping", "time on every commute"]
        return "\(subjects[i % 8]) \(verbs[(i / 8 + i) % 8]) \(objects[(i * 3) % 8])."
    }

    static let embed = Command(spec: CommandSpec(
        path: ["bench", "embed"],
        summary: "Measure the embedder: sentences per second for a batch of 32 short sentences.",
        options: [.value("--model", "DIR", "a BERT sentence-transformers folder (default: the cached minilm)"),
                  ModelsCommands.modelsOption, GenerateCommand.threadsOption,
                  .value("--repeat", "N", "runs; the best is reported (default 5)"), .json]
    )) { args in
        let folder = try EmbedCommand.modelFolder(args)
        let embedder = try SentenceEmbedder(folder: folder, threads: try args.int("--threads"))
        let clock = ContinuousClock()
        var best = Double.infinity
        for _ in 0..<max(1, try args.int("--repeat") ?? 5) {
            let t0 = clock.now
            _ = try embedder.embed(benchSentences)
            let d = clock.now - t0
            best = min(best, Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
        }
        let rate = Double(benchSentences.count) / best
        if args.json {
            struct Out: Encodable { let sentences_per_s: Double, batch: Int, threads: Int, model: String }
            try Output.json(Out(sentences_per_s: rate, batch: benchSentences.count, threads: embedder.encoder.threads, model: folder))
        } else {
            Output.line(String(format: "%.1f sentences/s (batch of %d, %d threads)", rate, benchSentences.count, embedder.encoder.threads))
        }
        return ExitCode.ok
    }

    static let kb = Command(spec: CommandSpec(
        path: ["bench", "kb"],
        summary: "Measure knowledge-base search over a synthetic corpus (default 100,000 chunks) in a scratch workspace.",
        options: [KnowledgeCommands.modelOption, ModelsCommands.modelsOption,
                  .value("--chunks", "N", "corpus size (default 100000)"), .value("--queries", "N", "queries to time (default 20)"),
                  .value("--mode", "MODE", "hybrid (default), bm25 or vector"), .json],
        discussion: "Chunks are 40 words drawn from the embedder's vocabulary (common words often, most rarely) with random unit vectors, so the embedder runs only for the queries."
    )) { args in
        let count = max(1, try args.int("--chunks") ?? 100_000)
        guard let mode = KnowledgeBase.SearchMode(rawValue: args.value("--mode") ?? "hybrid") else {
            throw UsageError(message: "--mode must be hybrid, bm25 or vector", command: "copydesk bench kb")
        }
        let queries = max(1, try args.int("--queries") ?? 20)
        let dir = NSTemporaryDirectory() + "copydesk-bench-kb-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let workspace = try Workspace.openOrCreate(dir)
        let db = workspace.database
        let folder = try EmbedCommand.modelFolder(args)
        let embedder = try SentenceEmbedder(folder: folder)
        // Words from the embedder's vocabulary, drawn with a Zipf-like (log-uniform) law, so a few
        // words are common and most are rare, as in real text.
        let words = embedder.tokenizer.vocabulary.filter { $0.count >= 4 && $0.allSatisfy { $0 >= "a" && $0 <= "z" } }
        var rng = SystemRandomNumberGenerator()
        func word() -> String {
            let index = Int(exp(Double.random(in: 0..<log(Double(words.count)), using: &rng))) - 1
            return words[min(max(index, 0), words.count - 1)]
        }
        try db.inTransaction {
            try db.execute("INSERT INTO kb_documents (path, content_hash, model, added_at) VALUES ('bench.md', '-', 'bench', ?)", Timestamp.now())
            for i in 0..<count {
                let text = (0..<40).map { _ in word() }.joined(separator: " ")
                var v = (0..<embedder.dimension).map { _ in Float.random(in: -1...1, using: &rng) }
                let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
                for d in v.indices { v[d] /= norm }
                try db.execute("INSERT INTO kb_chunks (path, ordinal, heading, anchor, text, content_hash, vector) VALUES ('bench.md', ?, '', '', ?, '-', ?)",
                               i, text, v.withUnsafeBytes { Data($0) })
            }
        }
        let kb = KnowledgeBase(database: db, embedder: embedder, modelName: "bench")
        _ = try kb.search("warm up the vector cache", k: 5)
        let clock = ContinuousClock()
        var times: [Double] = []
        for i in 0..<queries {
            let q = "\(words[(i * 37 + 11) % words.count]) \(words[(i * 101 + 7) % words.count]) for families"
            let t0 = clock.now
            _ = try kb.search(q, k: 5, mode: mode)
            let d = clock.now - t0
            times.append(Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) * 1e-15)
        }
        times.sort()
        let median = times[times.count / 2], worst = times.last!
        if args.json {
            struct Out: Encodable { let chunks: Int, queries: Int, median_ms: Double, max_ms: Double }
            try Output.json(Out(chunks: count, queries: queries, median_ms: median, max_ms: worst))
        } else {
            Output.line(String(format: "%d chunks: \(mode.rawValue) search median %.1f ms, max %.1f ms over %d queries (embedding the query included)", count, median, worst, queries))
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

extension BenchCommands {
    static let pipeline = Command(spec: CommandSpec(
        path: ["bench", "pipeline"],
        summary: "Time the whole pipeline on one brief: draft, check, revise and approve its email and social post.",
        options: [.workspace, .value("--brief", "FILE", "the brief (default: Brand/briefs/kinglet-pro-spring-launch.md)"),
                  PipelineCommands.seedOption, GenerateCommand.threadsOption, ModelsCommands.modelsOption, .json],
        discussion: "Models are loaded before the clock starts. --json prints {\"seconds\", \"pieces\": [...]}."
    )) { args in
        let (studio, brand) = try CampaignRunner.prepare(args) { _ in }
        let path = args.value("--brief") ?? ((brand as NSString).appendingPathComponent("briefs/kinglet-pro-spring-launch.md"))
        _ = try studio.languageModel()
        _ = try studio.critic()
        guard let seed = UInt64(args.value("--seed") ?? "1") else { throw UsageError(message: "--seed must be a non-negative integer", command: "copydesk bench pipeline") }
        let t0 = Date()
        let outcomes = try CampaignRunner.run(path, studio: studio, seed: seed, approver: "copydesk bench", quiet: true)
        let seconds = Date().timeIntervalSince(t0)
        if args.json {
            struct Out: Encodable { let seconds: Double, pieces: [CampaignRunner.OutcomeJSON] }
            try Output.json(Out(seconds: seconds, pieces: outcomes))
        } else {
            Output.table(["channel", "state", "score", "seconds", "claims"], outcomes.map {
                [$0.channel, $0.state, "\($0.score)", String(format: "%.1f", $0.seconds), $0.claims.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")]
            })
            Output.line(String(format: "brief to reviewed pieces: %.1f s", seconds))
        }
        return ExitCode.ok
    }
}
