import ModelFormats

/// A tokenizer built from a GGUF file's metadata: GPT-2 byte-level BPE (with the named
/// pre-tokenizer) or SentencePiece-style BPE (Llama 2), with special tokens parsed in text.
public final class Tokenizer: Sendable {
    public enum Kind: Sendable { case byteLevelBPE, sentencePiece }

    public let kind: Kind
    /// Token text by id.
    public let tokens: [String]
    /// Ids by the exact UTF-8 bytes of the token text: Swift's `String` equality is canonical
    /// equivalence, which would let "é" and "e\u{301}" find each other's token.
    let idsByBytes: [[UInt8]: Int32]
    /// Llama 3 family: a pre-tokenized piece that is itself a token is not merged (HF `ignore_merges`).
    let ignoreMerges: Bool
    /// SentencePiece: a ▁ is put before the text (`tokenizer.ggml.add_space_prefix`, default true).
    let addSpacePrefix: Bool
    /// Rank of a merge "left right".
    let mergeRanks: [String: Int]
    /// Token types from the file (1 normal, 2 unknown, 3 control, 4 user-defined, 5 unused, 6 byte).
    let tokenTypes: [Int32]
    /// SentencePiece scores.
    let scores: [Float]
    let preTokenizer: PreTokenizer
    let byteLevel = ByteLevel()
    /// Special tokens matched in text, longest first.
    let specialTokens: [(text: [Unicode.Scalar], id: Int32)]
    /// SentencePiece byte-fallback tokens <0xXX>.
    let byteTokens: [Int32]

    public let bos: Int32?
    public let eos: Int32?
    /// Ids that end generation (eos, eot, and ChatML's <|im_end|> when present).
    public let stopTokens: Set<Int32>
    public let addBOS: Bool
    /// `tokenizer.chat_template`, if the file has one.
    public let chatTemplate: String?

    public var vocabularySize: Int { tokens.count }

    /// Reads the vocabulary from `file`.
    public init(file: GGUFFile) throws(TextGenerationError) {
        guard let tokens = file.strings("tokenizer.ggml.tokens"), !tokens.isEmpty else {
            throw TextGenerationError(.unsupportedTokenizer, "\(file.path): no tokenizer.ggml.tokens in the file")
        }
        let model = file.string("tokenizer.ggml.model") ?? "gpt2"
        switch model {
        case "gpt2":
            kind = .byteLevelBPE
            let pre = file.string("tokenizer.ggml.pre")
            guard let style = PreTokenizer.style(for: pre) else {
                throw TextGenerationError(.unsupportedTokenizer, "\(file.path): pre-tokenizer '\(pre ?? "")' is not supported (supported: gpt2, smollm, llama3/llama-bpe, qwen2)")
            }
            preTokenizer = PreTokenizer(style: style)
            ignoreMerges = ["llama3", "llama-v3", "llama-bpe", "falcon3"].contains(pre ?? "")
        case "llama":
            kind = .sentencePiece
            preTokenizer = PreTokenizer(style: .gpt2)
            ignoreMerges = false
        default:
            throw TextGenerationError(.unsupportedTokenizer, "\(file.path): tokenizer model '\(model)' is not supported (expected gpt2 or llama)")
        }
        self.tokens = tokens
        var byBytes: [[UInt8]: Int32] = [:]
        byBytes.reserveCapacity(tokens.count)
        for (i, t) in tokens.enumerated() where byBytes[Array(t.utf8)] == nil { byBytes[Array(t.utf8)] = Int32(i) }
        self.idsByBytes = byBytes
        self.addSpacePrefix = file.metadata["tokenizer.ggml.add_space_prefix"]?.bool ?? true
        var ranks: [String: Int] = [:]
        for (i, m) in (file.strings("tokenizer.ggml.merges") ?? []).enumerated() where ranks[m] == nil { ranks[m] = i }
        self.mergeRanks = ranks
        let types = (file.ints("tokenizer.ggml.token_type") ?? []).map(Int32.init)
        self.tokenTypes = types.count == tokens.count ? types : [Int32](repeating: 1, count: tokens.count)
        self.scores = file.floats("tokenizer.ggml.scores") ?? []
        var specials: [(text: [Unicode.Scalar], id: Int32)] = []
        for (i, t) in tokens.enumerated() where !t.isEmpty {
            let type = self.tokenTypes[i]
            if type == 3 || type == 4 { specials.append((Array(t.unicodeScalars), Int32(i))) }
        }
        specials.sort { $0.text.count > $1.text.count }
        self.specialTokens = specials
        var bytes = [Int32](repeating: -1, count: 256)
        if kind == .sentencePiece {
            for b in 0..<256 {
                let hex = String(b, radix: 16, uppercase: true)
                if let id = byBytes[Array("<0x\(hex.count == 1 ? "0" + hex : hex)>".utf8)] { bytes[b] = id }
            }
        }
        self.byteTokens = bytes
        let bos = file.int("tokenizer.ggml.bos_token_id").map(Int32.init)
        let eos = file.int("tokenizer.ggml.eos_token_id").map(Int32.init)
        self.bos = bos
        self.eos = eos
        var stops = Set<Int32>()
        if let eos { stops.insert(eos) }
        if let eot = file.int("tokenizer.ggml.eot_token_id") { stops.insert(Int32(eot)) }
        for name in ["<|im_end|>", "<|eot_id|>", "<|end_of_text|>", "<|endoftext|>"] {
            if let id = byBytes[Array(name.utf8)], self.tokenTypes[Int(id)] == 3 { stops.insert(id) }
        }
        self.stopTokens = stops
        self.addBOS = file.metadata["tokenizer.ggml.add_bos_token"]?.bool ?? (kind == .sentencePiece)
        self.chatTemplate = file.string("tokenizer.chat_template")
    }

    /// The id of an exact token text, if the vocabulary has it.
    public func id(of token: String) -> Int32? { idsByBytes[Array(token.utf8)] }

    /// Token ids of `text`.
    ///
    /// - Parameters:
    ///   - parseSpecial: match control tokens such as `<|im_start|>` written in the text.
    ///   - addBOS: prepend the beginning-of-sequence token (default: as the file says).
    public func encode(_ text: String, parseSpecial: Bool = true, addBOS: Bool? = nil) -> [Int32] {
        var out: [Int32] = []
        if addBOS ?? self.addBOS, let bos { out.append(bos) }
        let scalars = Array(text.unicodeScalars)
        var start = 0
        var i = 0
        if parseSpecial && !specialTokens.isEmpty {
            while i < scalars.count {
                var matched: (len: Int, id: Int32)?
                if scalars[i] == "<" || !specialTokens.allSatisfy({ $0.text.first == "<" }) {
                    for s in specialTokens where s.text.count <= scalars.count - i {
                        if scalars[i..<(i + s.text.count)].elementsEqual(s.text) { matched = (s.text.count, s.id); break }
                    }
                }
                if let m = matched {
                    if start < i { encodeText(scalars[start..<i], into: &out) }
                    out.append(m.id)
                    i += m.len
                    start = i
                } else {
                    i += 1
                }
            }
        }
        if start < scalars.count { encodeText(scalars[start...], into: &out) }
        return out
    }

    func encodeText(_ text: ArraySlice<Unicode.Scalar>, into out: inout [Int32]) {
        switch kind {
        case .byteLevelBPE:
            for piece in preTokenizer.split(Array(text)) {
                var symbols: [String] = []
                for s in piece {
                    for b in String(Character(s)).utf8 { symbols.append(String(byteLevel.encode[Int(b)])) }
                }
                if ignoreMerges, symbols.count > 1, let id = idsByBytes[Array(symbols.joined().utf8)] {
                    out.append(id)
                    continue
                }
                bpe(&symbols)
                for s in symbols {
                    if let id = idsByBytes[Array(s.utf8)] { out.append(id) }
                    else {
                        // Unknown merge result: fall back to its single characters.
                        for ch in s { if let id = idsByBytes[Array(String(ch).utf8)] { out.append(id) } }
                    }
                }
            }
        case .sentencePiece:
            encodeSentencePiece(text, into: &out)
        }
    }

    /// Applies merges by rank, lowest first, leftmost on ties.
    func bpe(_ symbols: inout [String]) {
        while symbols.count > 1 {
            var best = Int.max
            var at = -1
            for k in 0..<(symbols.count - 1) {
                if let r = mergeRanks[symbols[k] + " " + symbols[k + 1]], r < best {
                    best = r
                    at = k
                }
            }
            if at < 0 { break }
            symbols[at] += symbols[at + 1]
            symbols.remove(at: at + 1)
        }
    }

    /// SentencePiece BPE (Llama 2): spaces become ▁, a leading ▁ is added, the text is split into
    /// Unicode scalars (not grapheme clusters), adjacent symbols are merged by the score of the token
    /// they form (highest first, leftmost on ties), and symbols that are not tokens fall back to bytes.
    func encodeSentencePiece(_ text: ArraySlice<Unicode.Scalar>, into out: inout [Int32]) {
        var symbols: [[UInt8]] = []
        symbols.reserveCapacity(text.count + 1)
        if addSpacePrefix { symbols.append(Array("▁".utf8)) }
        for c in text { symbols.append(Array(String(c == " " ? "▁" : Character(c)).utf8)) }
        while symbols.count > 1 {
            var bestScore = -Float.infinity
            var at = -1
            for k in 0..<(symbols.count - 1) {
                if let id = idsByBytes[symbols[k] + symbols[k + 1]] {
                    let score = Int(id) < scores.count ? scores[Int(id)] : 0
                    if score > bestScore { bestScore = score; at = k }
                }
            }
            if at < 0 { break }
            symbols[at] += symbols[at + 1]
            symbols.remove(at: at + 1)
        }
        for sym in symbols {
            if let id = idsByBytes[sym] { out.append(id) }
            else { for b in sym where byteTokens[Int(b)] >= 0 { out.append(byteTokens[Int(b)]) } }
        }
    }

    /// The bytes a token stands for. Control tokens give their text only when `special` is true.
    public func bytes(of token: Int32, special: Bool = false) -> [UInt8] {
        guard token >= 0, Int(token) < tokens.count else { return [] }
        let text = tokens[Int(token)]
        let type = tokenTypes[Int(token)]
        if type == 3 || type == 4 { return special || type == 4 ? Array(text.utf8) : [] }
        switch kind {
        case .byteLevelBPE:
            var out: [UInt8] = []
            for ch in text {
                if let b = byteLevel.decode[ch] { out.append(b) } else { out.append(contentsOf: Array(String(ch).utf8)) }
            }
            return out
        case .sentencePiece:
            if type == 6, text.count == 6, let b = UInt8(text.dropFirst(3).dropLast(), radix: 16) { return [b] }
            return Array(text.replacingOccurrences(of: "▁", with: " ").utf8)
        }
    }

    /// Text of a token sequence (invalid UTF-8 repaired).
    public func decode(_ tokens: [Int32], special: Bool = false) -> String {
        var bytes: [UInt8] = []
        for t in tokens { bytes += self.bytes(of: t, special: special) }
        if kind == .sentencePiece, bytes.first == 0x20 { bytes.removeFirst() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
