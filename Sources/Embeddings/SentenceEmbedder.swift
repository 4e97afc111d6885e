import Foundation

/// Sentence embeddings as sentence-transformers computes them for MiniLM-style models:
/// WordPiece ids (truncated to the model's max sequence length), the BERT encoder, mean pooling
/// over the tokens, and L2 normalisation.
public final class SentenceEmbedder {
    public let tokenizer: WordPieceTokenizer
    public let encoder: BertEncoder
    public let maxSequenceLength: Int
    public let normalize: Bool

    /// Dimension of the vectors.
    public var dimension: Int { encoder.config.hidden }

    /// Opens a model folder: config.json, model.safetensors, vocab.txt, and where present
    /// tokenizer_config.json, sentence_bert_config.json and modules.json.
    public init(folder: String, threads: Int? = nil) throws {
        func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        func json(_ name: String) -> [String: Any]? {
            guard let data = FileManager.default.contents(atPath: path(name)) else { return nil }
            return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        }
        let tokenizerConfig = json("tokenizer_config.json") ?? [:]
        tokenizer = try WordPieceTokenizer(vocabularyFile: path("vocab.txt"),
                                           lowercase: tokenizerConfig["do_lower_case"] as? Bool ?? true,
                                           stripAccents: tokenizerConfig["strip_accents"] as? Bool,
                                           splitChinese: tokenizerConfig["tokenize_chinese_chars"] as? Bool ?? true)
        encoder = try BertEncoder(safetensors: path("model.safetensors"), config: path("config.json"), threads: threads)
        maxSequenceLength = min(json("sentence_bert_config.json")?["max_seq_length"] as? Int ?? 512, encoder.config.maxPositions)
        if let data = FileManager.default.contents(atPath: path("modules.json")),
           let modules = (try? JSONSerialization.jsonObject(with: data)) as? [[String: Any]] {
            normalize = modules.contains { ($0["type"] as? String)?.hasSuffix("Normalize") == true }
        } else {
            normalize = true
        }
    }

    /// One vector per text, in order; texts are encoded together in batches of `batchSize`.
    public func embed(_ texts: [String], batchSize: Int = 32) throws -> [[Float]] {
        var out: [[Float]] = []
        var start = 0
        while start < texts.count {
            let slice = texts[start..<min(texts.count, start + max(1, batchSize))]
            let ids = slice.map { tokenizer.encode($0, maxLength: maxSequenceLength) }
            let hidden = try encoder.encode(batch: ids)
            for (seq, states) in zip(ids, hidden) { out.append(pool(states, count: seq.count)) }
            start += slice.count
        }
        return out
    }

    /// The vector of one text.
    public func embed(_ text: String) throws -> [Float] {
        let ids = tokenizer.encode(text, maxLength: maxSequenceLength)
        return pool(try encoder.encode(ids), count: ids.count)
    }

    /// Mean over the tokens, then L2 normalisation when the model's pipeline has it.
    func pool(_ hidden: [Float], count n: Int) -> [Float] {
        let h = dimension
        var pooled = [Float](repeating: 0, count: h)
        for t in 0..<n { for i in 0..<h { pooled[i] += hidden[t * h + i] } }
        for i in 0..<h { pooled[i] /= Float(n) }
        if normalize {
            let norm = max(pooled.reduce(0) { $0 + $1 * $1 }.squareRoot(), 1e-12)
            for i in 0..<h { pooled[i] /= norm }
        }
        return pooled
    }
}
