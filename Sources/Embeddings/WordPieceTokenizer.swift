import Foundation

/// BERT's tokenizer: text cleanup, CJK and punctuation splitting, lower-casing with accent
/// stripping, then greedy longest-match WordPiece over `vocab.txt` with `##` continuations.
public struct WordPieceTokenizer: Sendable {
    public let vocabulary: [String]
    let ids: [String: Int32]
    public let lowercase: Bool
    public let stripAccents: Bool
    public let splitChinese: Bool
    public let maxCharactersPerWord = 100
    public let cls: Int32, sep: Int32, pad: Int32, unk: Int32

    /// Reads `vocab.txt` (one token per line) and the settings of `tokenizer_config.json`.
    public init(vocabularyFile: String, lowercase: Bool = true, stripAccents: Bool? = nil, splitChinese: Bool = true) throws {
        guard let data = FileManager.default.contents(atPath: vocabularyFile), let text = String(data: data, encoding: .utf8) else {
            throw EmbeddingError(.invalidModel, "\(vocabularyFile): cannot read the vocabulary as UTF-8 text")
        }
        var vocab = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        if vocab.last == "" { vocab.removeLast() }
        var ids: [String: Int32] = [:]
        for (i, t) in vocab.enumerated() where ids[t] == nil { ids[t] = Int32(i) }
        func special(_ name: String) throws -> Int32 {
            guard let id = ids[name] else { throw EmbeddingError(.invalidModel, "\(vocabularyFile): the vocabulary has no \(name) token") }
            return id
        }
        vocabulary = vocab
        self.ids = ids
        self.lowercase = lowercase
        self.stripAccents = stripAccents ?? lowercase
        self.splitChinese = splitChinese
        cls = try special("[CLS]")
        sep = try special("[SEP]")
        pad = try special("[PAD]")
        unk = try special("[UNK]")
    }

    /// Ids with [CLS] and [SEP], truncated so the whole sequence has at most `maxLength` ids.
    public func encode(_ text: String, maxLength: Int = 512) -> [Int32] {
        var out: [Int32] = [cls]
        for word in basicTokens(text) {
            for id in wordPieces(word) {
                if out.count >= maxLength - 1 { break }
                out.append(id)
            }
            if out.count >= maxLength - 1 { break }
        }
        out.append(sep)
        return out
    }

    /// The text split into words and punctuation, normalised as the model expects.
    public func basicTokens(_ text: String) -> [String] {
        var cleaned = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s.value == 0 || s.value == 0xFFFD || Self.isControl(s) { continue }
            if Self.isWhitespace(s) { cleaned.append(" "); continue }
            if splitChinese && Self.isCJK(s) {
                cleaned.append(" "); cleaned.append(s); cleaned.append(" ")
                continue
            }
            cleaned.append(s)
        }
        var words: [String] = []
        for raw in String(cleaned).split(separator: " ", omittingEmptySubsequences: true) {
            var word = String(raw)
            if lowercase { word = word.lowercased() }
            if stripAccents {
                var kept = String.UnicodeScalarView()
                for s in word.decomposedStringWithCanonicalMapping.unicodeScalars where s.properties.generalCategory != .nonspacingMark {
                    kept.append(s)
                }
                word = String(kept)
            }
            // Split off every punctuation character.
            var current = String.UnicodeScalarView()
            for s in word.unicodeScalars {
                if Self.isPunctuation(s) {
                    if !current.isEmpty { words.append(String(current)); current = String.UnicodeScalarView() }
                    words.append(String(s))
                } else {
                    current.append(s)
                }
            }
            if !current.isEmpty { words.append(String(current)) }
        }
        return words
    }

    /// Greedy longest-match-first pieces of one word; [UNK] when the word cannot be covered.
    public func wordPieces(_ word: String) -> [Int32] {
        let chars = Array(word.unicodeScalars)
        if chars.count > maxCharactersPerWord { return [unk] }
        var pieces: [Int32] = []
        var start = 0
        while start < chars.count {
            var end = chars.count
            var found: Int32?
            while start < end {
                var piece = String(String.UnicodeScalarView(chars[start..<end]))
                if start > 0 { piece = "##" + piece }
                if let id = ids[piece] { found = id; break }
                end -= 1
            }
            guard let id = found else { return [unk] }
            pieces.append(id)
            start = end
        }
        return pieces
    }

    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\n" || s == "\r" || s.properties.generalCategory == .spaceSeparator
    }

    static func isControl(_ s: Unicode.Scalar) -> Bool {
        if s == "\t" || s == "\n" || s == "\r" { return false }
        let c = s.properties.generalCategory
        return c == .control || c == .format
    }

    static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if (33...47).contains(v) || (58...64).contains(v) || (91...96).contains(v) || (123...126).contains(v) { return true }
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x2A6DF).contains(v)
            || (0x2A700...0x2B73F).contains(v) || (0x2B740...0x2B81F).contains(v) || (0x2B820...0x2CEAF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0x2F800...0x2FA1F).contains(v)
    }
}
