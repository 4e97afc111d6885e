/// Splits text into the pieces BPE works on, following the regex a GGUF file's
/// `tokenizer.ggml.pre` names. Implemented by hand over Unicode scalars (no regex engine).
struct PreTokenizer: Sendable {
    enum Style: Sendable {
        /// GPT-2: 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
        case gpt2
        /// SmolLM / StarCoder: every digit on its own (\p{N}), then GPT-2.
        case digitsThenGPT2
        /// Llama 3: case-insensitive contractions, letters with one leading non-letter,
        /// numbers in groups of up to three, punctuation runs with trailing newlines, whitespace.
        case llama3
        /// Qwen2: as Llama 3 but single digits.
        case qwen2
    }

    let style: Style

    /// The style for a `tokenizer.ggml.pre` value.
    static func style(for pre: String?) -> Style? {
        switch pre ?? "default" {
        case "default", "gpt2", "gpt-2": return .gpt2
        case "smollm", "starcoder", "refact", "codeshell": return .digitsThenGPT2
        case "llama3", "llama-v3", "llama-bpe", "dbrx", "smaug-bpe", "falcon3": return .llama3
        case "qwen2", "deepseek-r1-qwen": return .qwen2
        default: return nil
        }
    }

    enum Class { case letter, number, space, other }

    @inline(__always)
    static func classOf(_ s: Unicode.Scalar) -> Class {
        if s.value < 0x80 {
            let v = s.value
            if (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) { return .letter }
            if v >= 0x30 && v <= 0x39 { return .number }
            if v == 0x20 || (v >= 0x09 && v <= 0x0D) { return .space }
            return .other
        }
        if s.properties.isWhitespace { return .space }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return .letter
        case .decimalNumber, .letterNumber, .otherNumber: return .number
        default: return .other
        }
    }

    /// The pieces of `text`, as arrays of scalars.
    func split(_ text: [Unicode.Scalar]) -> [ArraySlice<Unicode.Scalar>] {
        switch style {
        case .gpt2:
            return Self.gpt2(text[...])
        case .digitsThenGPT2:
            var out: [ArraySlice<Unicode.Scalar>] = []
            var start = 0
            for (i, s) in text.enumerated() where Self.classOf(s) == .number {
                if start < i { out += Self.gpt2(text[start..<i]) }
                out.append(text[i...i])
                start = i + 1
            }
            if start < text.count { out += Self.gpt2(text[start...]) }
            return out
        case .llama3:
            return Self.llama3(text[...], maxDigits: 3)
        case .qwen2:
            return Self.llama3(text[...], maxDigits: 1)
        }
    }

    static func isContractionSuffix(_ t: ArraySlice<Unicode.Scalar>, at i: Int, caseInsensitive: Bool) -> Int {
        // Returns the length of a contraction starting at i (with the apostrophe), or 0.
        guard i < t.endIndex, t[i] == "'" else { return 0 }
        func lower(_ k: Int) -> Unicode.Scalar? {
            guard k < t.endIndex else { return nil }
            let s = t[k]
            if caseInsensitive, s.value >= 0x41, s.value <= 0x5A { return Unicode.Scalar(s.value + 32) }
            return s
        }
        if let a = lower(i + 1) {
            if a == "s" || a == "t" || a == "m" || a == "d" { return 2 }
            if let b = lower(i + 2) {
                if (a == "r" && b == "e") || (a == "v" && b == "e") || (a == "l" && b == "l") { return 3 }
            }
        }
        return 0
    }

    /// GPT-2's pattern over one segment.
    static func gpt2(_ t: ArraySlice<Unicode.Scalar>) -> [ArraySlice<Unicode.Scalar>] {
        var out: [ArraySlice<Unicode.Scalar>] = []
        var i = t.startIndex
        let end = t.endIndex
        func cls(_ k: Int) -> Class? { k < end ? classOf(t[k]) : nil }
        while i < end {
            let start = i
            let c = isContractionSuffix(t, at: i, caseInsensitive: false)
            if c > 0 {
                i += c
                out.append(t[start..<i])
                continue
            }
            // ` ?\p{L}+`, ` ?\p{N}+`, ` ?[^\s\p{L}\p{N}]+`
            var j = i
            if t[j] == " ", let next = cls(j + 1), next != .space { j += 1 }
            if let k = cls(j), k != .space {
                while cls(j) == k { j += 1 }
                i = j
                out.append(t[start..<i])
                continue
            }
            // `\s+(?!\S)`, then `\s+`
            var e = i
            while cls(e) == .space { e += 1 }
            if e < end && e - i > 1 { e -= 1 }
            i = e
            out.append(t[start..<i])
        }
        return out
    }

    /// Llama 3's pattern:
    /// (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+
    static func llama3(_ t: ArraySlice<Unicode.Scalar>, maxDigits: Int) -> [ArraySlice<Unicode.Scalar>] {
        var out: [ArraySlice<Unicode.Scalar>] = []
        var i = t.startIndex
        let end = t.endIndex
        func cls(_ k: Int) -> Class? { k < end ? classOf(t[k]) : nil }
        func isNL(_ k: Int) -> Bool { k < end && (t[k] == "\r" || t[k] == "\n") }
        while i < end {
            let start = i
            let c = isContractionSuffix(t, at: i, caseInsensitive: true)
            if c > 0 { i += c; out.append(t[start..<i]); continue }
            // [^\r\n\p{L}\p{N}]?\p{L}+
            var j = i
            if cls(j) != .letter && cls(j) != .number && !isNL(j) && cls(j + 1) == .letter { j += 1 }
            if cls(j) == .letter {
                while cls(j) == .letter { j += 1 }
                i = j
                out.append(t[start..<i])
                continue
            }
            // \p{N}{1,maxDigits}
            if cls(i) == .number {
                var n = 0
                while cls(i) == .number && n < maxDigits { i += 1; n += 1 }
                out.append(t[start..<i])
                continue
            }
            // ' ?[^\s\p{L}\p{N}]+[\r\n]*'
            j = i
            if t[j] == " ", cls(j + 1) == .other { j += 1 }
            if cls(j) == .other {
                while cls(j) == .other { j += 1 }
                while isNL(j) { j += 1 }
                i = j
                out.append(t[start..<i])
                continue
            }
            // \s*[\r\n]+
            j = i
            var lastNL = -1
            while cls(j) == .space {
                if isNL(j) { lastNL = j }
                j += 1
            }
            if lastNL >= 0 {
                // up to and including the last newline run that ends the whitespace prefix
                var e = lastNL + 1
                while isNL(e) { e += 1 }
                i = e
                out.append(t[start..<i])
                continue
            }
            // \s+(?!\S) | \s+
            var e = i
            while cls(e) == .space { e += 1 }
            if e < end && e - i > 1 { e -= 1 }
            if e == i { e = i + 1 }
            i = e
            out.append(t[start..<i])
        }
        return out
    }
}
