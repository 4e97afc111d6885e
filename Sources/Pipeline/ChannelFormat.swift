import Foundation

/// Brings a model's raw output into the form a channel's critique and export expect.
///
/// A small model often ignores the requested layout or stops mid-sentence at the token limit.
/// This keeps what it wrote, cut back to the last finished sentence, and for email fills in the
/// `Subject:` and `Preheader:` lines from the opening sentences when the model left them out.
public enum ChannelFormat {
    /// The normalised text (ending with a newline).
    public static func normalize(_ raw: String, channel: Channel, truncated: Bool, instructions: [String] = []) -> String {
        var text = raw.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        if truncated { text = cutToLastSentence(text) }
        text = dropEchoedInstructions(text, instructions: instructions)
        text = dropMarkdown(text)
        text = dropPlaceholders(text)
        switch channel {
        case .email: text = email(text)
        case .social: text = text.trimmingCharacters(in: CharacterSet(charactersIn: "\"“” \n"))
        default: break
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
    }

    /// Markdown a code-tuned model adds to plain copy: heading marks at line starts, bold and
    /// emphasis asterisks, and quotes wrapped around a whole labelled line ("Headline: "…"").
    static func dropMarkdown(_ text: String) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var l = String(line).replacingOccurrences(of: "^\\s*#{1,6}\\s+", with: "", options: .regularExpression)
            l = l.replacingOccurrences(of: "**", with: "")
            l = l.replacingOccurrences(of: "(?<![\\w*])\\*(?=\\S)([^*\\n]+?)(?<=\\S)\\*(?![\\w*])", with: "$1", options: .regularExpression)
            if let colon = l.firstIndex(of: ":"), l.distance(from: l.startIndex, to: colon) <= 16 {
                let value = l[l.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if value.count > 2, let first = value.first, let last = value.last, "\"“".contains(first), "\"”".contains(last) {
                    l = l[...colon] + " " + value.dropFirst().dropLast()
                }
            }
            lines.append(l)
        }
        return lines.joined(separator: "\n")
    }

    /// Lines that repeat the prompt's own instructions (any run of four words from the templates'
    /// fixed text, `{{inputs}}` left out) are prompt text, not copy: they go. A leading format label
    /// ("Subject:", "Body:") is not counted.
    static func dropEchoedInstructions(_ text: String, instructions: [String]) -> String {
        func words(_ s: String) -> [String] {
            s.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" }).map(String.init)
        }
        var grams: Set<[String]> = []
        for instruction in instructions {
            let fixed = instruction.replacingOccurrences(of: "\\{\\{[^}]*\\}\\}", with: "\n", options: .regularExpression)
            for part in fixed.split(separator: "\n") {
                let w = words(String(part))
                if w.count >= 4 { for i in 0...(w.count - 4) { grams.insert(Array(w[i..<(i + 4)])) } }
            }
        }
        guard !grams.isEmpty else { return text }
        var kept: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var body = Substring(line)
            if let colon = line.firstIndex(of: ":"), line.distance(from: line.startIndex, to: colon) <= 12 { body = line[line.index(after: colon)...] }
            let w = words(String(body))
            let echoes = w.count >= 4 && (0...(w.count - 4)).contains { grams.contains(Array(w[$0..<($0 + 4)])) }
            if !echoes { kept.append(String(line)) }
        }
        return kept.joined(separator: "\n")
    }

    /// Template placeholders a small model copies from letter formats ("[Recipient's Name]",
    /// "<Sender's Name>"): lines that are only a placeholder go, "Dear [Name]," becomes "Hello,".
    static func dropPlaceholders(_ text: String) -> String {
        func isPlaceholder(_ s: Substring) -> Bool {
            let t = s.trimmingCharacters(in: .whitespaces)
            return (t.hasPrefix("[") && t.hasSuffix("]")) || (t.hasPrefix("<") && t.hasSuffix(">"))
        }
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if isPlaceholder(line[...]) { continue }
            if let colon = trimmed.firstIndex(of: ":"), isPlaceholder(trimmed[trimmed.index(after: colon)...]) { continue }
            if trimmed.lowercased().hasPrefix("dear "), trimmed.contains("["), trimmed.hasSuffix(",") { lines.append("Hello,"); continue }
            lines.append(String(line))
        }
        return lines.joined(separator: "\n")
    }

    /// Drops an unfinished last sentence (text after the last `.`, `!` or `?` that ends a sentence).
    static func cutToLastSentence(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var cut: Int?
        for i in scalars.indices.reversed() where ".!?".unicodeScalars.contains(scalars[i]) {
            let next = i + 1 < scalars.count ? scalars[i + 1] : " "
            if next.properties.isWhitespace || next == "\"" || next == "”" || next == ")" { cut = i + 1; break }
        }
        guard let cut, cut > scalars.count / 3 else { return text }
        return String(String.UnicodeScalarView(scalars[..<cut]))
    }

    /// `Subject:`, `Preheader:` and `Body:` in that order, taken from labelled lines where the model
    /// wrote them, otherwise from the body's first sentences.
    static func email(_ text: String) -> String {
        var subject: String?, preheader: String?
        var body: [String] = []
        for line in text.components(separatedBy: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let value = labelled(trimmed, "subject"), subject == nil { subject = value; continue }
            if let value = labelled(trimmed, "preheader"), preheader == nil { preheader = value; continue }
            if let value = labelled(trimmed, "body") {
                if !value.isEmpty { body.append(value) }
                continue
            }
            body.append(line)
        }
        var bodyText = body.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        func firstSentence(of s: String) -> (String, String) {
            let scalars = Array(s.unicodeScalars)
            for i in scalars.indices where ".!?\n".unicodeScalars.contains(scalars[i]) {
                let head = String(String.UnicodeScalarView(scalars[...i])).trimmingCharacters(in: .whitespacesAndNewlines)
                let rest = String(String.UnicodeScalarView(scalars[(i + 1)...])).trimmingCharacters(in: .whitespacesAndNewlines)
                if head.count >= 8 { return (head, rest) }
            }
            return (s, "")
        }
        if subject == nil || subject!.isEmpty {
            // A greeting is not a subject: skip it.
            let lines = bodyText.components(separatedBy: "\n")
            let greeting = lines.first.map { $0.hasSuffix(",") && $0.count < 40 } ?? false
            let source = greeting ? lines.dropFirst().joined(separator: "\n") : bodyText
            subject = shorten(firstSentence(of: source).0.trimmingCharacters(in: CharacterSet(charactersIn: "<>\"“” ")), to: 60)
        }
        if preheader == nil || preheader!.isEmpty {
            let (first, rest) = firstSentence(of: bodyText)
            preheader = shorten(rest.isEmpty ? first : firstSentence(of: rest).0, to: 90)
        }
        if bodyText.isEmpty { bodyText = preheader ?? "" }
        return "Subject: \(subject!)\nPreheader: \(preheader!)\nBody: \(bodyText)"
    }

    /// The value of a `Label: value` line (label case-insensitive, optional surrounding `#`/`*`).
    static func labelled(_ line: String, _ label: String) -> String? {
        let stripped = line.trimmingCharacters(in: CharacterSet(charactersIn: "#* "))
        guard stripped.lowercased().hasPrefix(label + ":") else { return nil }
        return String(stripped.dropFirst(label.count + 1)).trimmingCharacters(in: CharacterSet(charactersIn: " *<>"))
    }

    /// At most `limit` characters, cut at a word boundary, without a trailing comma.
    static func shorten(_ s: String, to limit: Int) -> String {
        let single = s.replacingOccurrences(of: "\n", with: " ")
        guard single.count > limit else { return single }
        var out = ""
        for word in single.split(separator: " ") {
            let next = out.isEmpty ? String(word) : out + " " + word
            if next.count > limit { break }
            out = next
        }
        return out.trimmingCharacters(in: CharacterSet(charactersIn: ",;: "))
    }
}
