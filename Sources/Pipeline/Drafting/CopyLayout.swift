import BrandKit
import Foundation
import TextGeneration

/// The parts a channel's copy is written in, as a JSON Schema whose string lengths are the
/// channel's limits, and how a document of that schema becomes the copy's text. The language
/// model writes the document under the schema, so lengths and form are enforced, not hoped for.
public struct CopyLayout: Sendable {
    public let channel: Channel
    /// The JSON Schema of the copy document.
    public let schemaText: String
    /// The fields, for the prompt ("subject: at most 60 characters; ...").
    public let fieldsText: String
    /// Each string field's (or list item's) most characters, by field name.
    let maxima: [String: Int]

    public init(channel: Channel) {
        self.channel = channel
        let l = channel.limits.lines
        func string(_ max: Int) -> String { #"{"type": "string", "maxLength": \#(max)}"# }
        func list(_ item: String, _ min: Int, _ max: Int) -> String { #"{"type": "array", "items": \#(item), "minItems": \#(min), "maxItems": \#(max)}"# }
        func object(_ fields: [(String, String)]) -> String {
            #"{"type": "object", "properties": {"# + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ")
                + #"}, "required": ["# + fields.map { "\"\($0.0)\"" }.joined(separator: ", ") + "]}"
        }
        maxima = ["subject": l["subject"] ?? 60, "preheader": l["preheader"] ?? 90, "paragraphs": 320, "post": 220, "hashtags": 24,
                  "headlines": l["headline"] ?? 30,
                  // A whole "Description: ..." line stays within the limit, label included.
                  "descriptions": (l["description"] ?? 90) - "Description: ".count, "headline": l["headline"] ?? 70,
                  "subheading": l["subheading"] ?? 140, "title": channel == .blog ? l["title"] ?? 80 : 40, "text": channel == .blog ? 500 : 280,
                  "heading": 60, "lines": 140]
        switch channel {
        case .email:
            schemaText = object([("subject", string(l["subject"]!)), ("preheader", string(l["preheader"]!)), ("paragraphs", list(string(320), 2, 3))])
            fieldsText = "subject (at most \(l["subject"]!) characters), preheader (at most \(l["preheader"]!) characters), paragraphs (two or three short paragraphs)"
        case .social:
            schemaText = object([("post", string(220)), ("hashtags", list(string(24), 0, 3))])
            fieldsText = "post (at most 220 characters), hashtags (up to three, without the # sign)"
        case .searchAd:
            schemaText = object([("headlines", list(string(maxima["headlines"]!), 3, 3)), ("descriptions", list(string(maxima["descriptions"]!), 2, 2))])
            fieldsText = "headlines (three, each at most \(maxima["headlines"]!) characters), descriptions (two, each at most \(maxima["descriptions"]!) characters)"
        case .landing:
            let section = object([("title", string(40)), ("text", string(280))])
            schemaText = object([("headline", string(l["headline"]!)), ("subheading", string(l["subheading"]!)), ("sections", list(section, 2, 3))])
            fieldsText = "headline (at most \(l["headline"]!) characters), subheading (at most \(l["subheading"]!) characters), sections (two or three, each a short title and a paragraph)"
        case .blog:
            let section = object([("heading", string(60)), ("text", string(500))])
            schemaText = object([("title", string(l["title"]!)), ("sections", list(section, 2, 4))])
            fieldsText = "title (at most \(l["title"]!) characters), sections (two to four, each a heading and a paragraph)"
        case .voiceover:
            schemaText = object([("lines", list(string(maxima["lines"]!), 3, 5))])
            fieldsText = "lines (three to five short spoken sentences)"
        }
    }

    /// The schema, parsed.
    public func schema() throws -> JSONSchema { try JSONSchema(json: Data(schemaText.utf8)) }

    /// The copy's text from a document the model wrote under the schema, ending with the call
    /// to action when the copy does not already say it.
    public func render(_ json: String, callToAction: String) throws -> String {
        guard let object = ((try? JSONSerialization.jsonObject(with: Data(json.utf8))) ?? (try? JSONSerialization.jsonObject(with: Data(Self.closed(json).utf8))))
            as? [String: Any] else {
            throw PipelineError(.generationFailed, "the model's \(channel.rawValue) copy is not a complete JSON document: \(json)")
        }
        func fit(_ s: String, _ key: String) -> String { Self.fit(Self.clean(s), maxima[key] ?? .max) }
        func text(_ key: String) -> String { Self.capitalized(fit(object[key] as? String ?? "", key)) }
        // A small model repeats itself: a sentence said once already, or a part that says
        // nearly what an earlier one said, is dropped.
        var said = Repetition()
        func texts(_ key: String) -> [String] {
            let raw = (object[key] as? [Any] ?? []).compactMap { $0 as? String }
            // Paragraphs and spoken lines that continue the one before (it did not end a sentence,
            // this one starts in lower case) are one sentence the model split: they are joined.
            var items: [String] = []
            for item in raw.map(Self.clean) where !item.isEmpty {
                if key == "paragraphs" || key == "lines", let last = items.last, let end = last.last, !".!?".contains(end), item.first?.isLowercase == true {
                    items[items.count - 1] = last + " " + item
                } else {
                    items.append(fit(item, key))
                }
            }
            return items.map { said.keepNew(Self.capitalized($0)) }.filter { !$0.isEmpty }
        }
        func sections(_ key: String, _ title: String) -> [(String, String)] {
            (object[key] as? [Any] ?? []).compactMap { $0 as? [String: Any] }
                .map { (fit($0[title] as? String ?? "", title), said.keepNew(fit($0["text"] as? String ?? "", "text"))) }
                .filter { !$0.1.isEmpty }
        }
        let cta = callToAction.trimmingCharacters(in: .whitespacesAndNewlines)
        func mentions(_ s: String) -> Bool { cta.isEmpty || s.lowercased().contains(cta.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".!"))) }
        func sentence(_ s: String) -> String { s.last.map { ".!?".contains($0) } == true ? s : s + "." }
        var out: String
        switch channel {
        case .email:
            var body = texts("paragraphs").map(sentence)
            if !mentions(body.joined(separator: " ")) { body.append(sentence(cta)) }
            out = "Subject: \(text("subject"))\nPreheader: \(text("preheader"))\nBody: " + body.joined(separator: "\n\n")
        case .social:
            var post = text("post")
            if !mentions(post), post.count + cta.count + 3 <= 220 { post = (post.isEmpty ? "" : sentence(post) + " ") + sentence(cta) }
            let tags = (object["hashtags"] as? [Any] ?? []).compactMap { $0 as? String }.map { "#" + $0.filter { $0.isLetter || $0.isNumber } }.filter { $0.count > 1 }
            out = ([post] + [tags.joined(separator: " ")]).filter { !$0.isEmpty }.joined(separator: " ")
        case .searchAd:
            out = (texts("headlines").map { "Headline: " + $0 } + texts("descriptions").map { "Description: " + sentence($0) }).joined(separator: "\n")
        case .landing:
            var parts = ["Headline: \(text("headline"))", "Subheading: \(text("subheading"))"]
            for (title, body) in sections("sections", "title") { parts.append((title.isEmpty ? "" : title + "\n") + sentence(body)) }
            parts.append("Button: \(cta)")
            out = parts.joined(separator: "\n\n")
        case .blog:
            var parts = ["Title: \(text("title"))"]
            for (heading, body) in sections("sections", "heading") { parts.append((heading.isEmpty ? "" : heading + "\n") + sentence(body)) }
            out = parts.joined(separator: "\n\n")
        case .voiceover:
            // A voice does not read brackets: "up to 50 miles (80 km)" is said "up to 50 miles".
            var lines = texts("lines").map { sentence(Self.withoutAsides($0)) }.filter { $0 != "." }
            if !mentions(lines.joined(separator: " ")) { lines.append(sentence(cta)) }
            out = lines.joined(separator: " ")
        }
        return out.trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
    }

    /// Words that do not end a phrase: a string cut there lost its end.
    static let dangling: Set<String> = ["&", "and", "or", "for", "to", "of", "with", "the", "a", "an", "in", "on", "at", "by", "your", "our",
                                        "from", "-", "—", "any", "every", "each", "some", "this", "that", "is", "are", "will", "can", "so",
                                        "but", "if", "as", "new", "more", "up", "its", "their", "get", "you", "we", "before", "after",
                                        "until", "about", "than", "over", "under", "through", "via", "between", "into", "without"]

    /// Words that start a clause or phrase.
    static let clauseStarts: Set<String> = ["who", "which", "that", "for", "with", "to", "and", "or", "of", "in", "on", "at", "by", "from",
                                            "when", "where", "while", "because", "so", "than", "as", "but", "if", "like", "into", "without",
                                            "before", "after", "until"]

    /// A string that stops near its limit without finishing a sentence was cut by the schema
    /// while the model was still writing (a long next token no longer fit): it ends at its last
    /// whole word, or at its last clause when that keeps most of it, without a dangling "and",
    /// "any" or "&".
    static func fit(_ s: String, _ max: Int) -> String {
        guard max < .max, s.count >= max - Swift.max(3, max / 10), let end = s.last, !".!?".contains(end) else { return s }
        var words = s.split(separator: " ").map(String.init)
        if words.count > 1 { words.removeLast() }
        // The clause the cut left unfinished goes too: "for parents of children who need" → "for parents of children".
        if let i = words.lastIndex(where: { clauseStarts.contains($0.lowercased()) }), i >= words.count / 2, i > 0 { words = Array(words[..<i]) }
        var t = words.joined(separator: " ")
        if let boundary = t.lastIndex(where: { ";,:—".contains($0) }), t.distance(from: t.startIndex, to: boundary) > t.count / 2 {
            t = String(t[..<boundary])
        }
        return finished(t)
    }

    /// A cut string ended where a phrase can end: after its last whole sentence when that keeps
    /// half of it ("Ready to Test Drive? Book" → "Ready to Test Drive?"), else without trailing
    /// words that lead into something ("See How It Works Before" → "See How It Works").
    static func finished(_ t: String) -> String {
        var t = t
        if let end = t.indices.last(where: { ".!?".contains(t[$0]) && t.index(after: $0) < t.endIndex && t[t.index(after: $0)] == " " }),
           t.distance(from: t.startIndex, to: end) >= t.count / 2 {
            return String(t[...end])
        }
        var words = t.split(separator: " ").map(String.init)
        while let last = words.last, words.count > 1, dangling.contains(last.lowercased().trimmingCharacters(in: .punctuationCharacters)) || last.allSatisfy(\.isPunctuation) {
            words.removeLast()
        }
        t = words.joined(separator: " ")
        return t.trimmingCharacters(in: CharacterSet(charactersIn: ",;:-–— "))
    }

    /// `s` without its bracketed asides ("50 miles (80 km) on one charge" → "50 miles on one charge").
    static func withoutAsides(_ s: String) -> String {
        var t = s.replacingOccurrences(of: "\\s*\\([^()]*\\)", with: "", options: .regularExpression)
        while t.contains("  ") { t = t.replacingOccurrences(of: "  ", with: " ") }
        return t.trimmingCharacters(in: .whitespaces)
    }

    /// A document cut off by the token limit, closed after its last complete value
    /// (`{"lines": ["One.", "Tw` → `{"lines": ["One."]}`).
    static func closed(_ json: String) -> String {
        enum Container { case object, array }
        var stack: [Container] = []
        var inString = false, escaped = false, expectingKey = false
        var safe: (end: String.Index, stack: [Container])?
        var i = json.startIndex
        while i < json.endIndex {
            let c = json[i]
            let next = json.index(after: i)
            if inString {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" {
                    inString = false
                    if !expectingKey { safe = (next, stack) }
                }
            } else {
                switch c {
                case "\"": inString = true
                case "{": stack.append(.object); expectingKey = true
                case "[": stack.append(.array); expectingKey = false
                case "}", "]": _ = stack.popLast(); expectingKey = false; safe = (next, stack)
                case ":": expectingKey = false
                case ",": expectingKey = stack.last == .object
                default: break
                }
            }
            i = next
        }
        guard let safe else { return json }
        return String(json[..<safe.end]) + safe.stack.reversed().map { $0 == .object ? "}" : "]" }.joined()
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
        return finished(out)
    }

    /// The text with its first letter in upper case.
    static func capitalized(_ t: String) -> String {
        guard let first = t.first, first.isLowercase else { return t }
        return first.uppercased() + t.dropFirst()
    }

    /// One line of plain text: no line breaks, markup or surrounding quotes.
    static func clean(_ s: String) -> String {
        var t = s.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "**", with: "")
        t = t.replacingOccurrences(of: "^#+\\s*", with: "", options: .regularExpression)
        t = t.trimmingCharacters(in: CharacterSet(charactersIn: " \"“”"))
        while t.contains("  ") { t = t.replacingOccurrences(of: "  ", with: " ") }
        return t
    }
}

/// The sentences copy has said so far, to drop repeats.
struct Repetition {
    var sentences: [Set<String>] = []

    /// `text` without the sentences that repeat (nearly word for word) one said before.
    mutating func keepNew(_ text: String) -> String {
        var kept: [String] = []
        for sentence in Self.sentences(text) {
            let words = Set(sentence.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init))
            guard !words.isEmpty else { continue }
            let repeated = sentences.contains { old in
                Double(old.intersection(words).count) / Double(max(old.union(words).count, 1)) >= 0.8
            }
            if repeated { continue }
            sentences.append(words)
            kept.append(sentence)
        }
        return kept.joined(separator: " ")
    }

    /// Sentences: split after ".", "!" or "?" followed by a space.
    static func sentences(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        var previous: Character = " "
        for c in text {
            if c == " ", ".!?".contains(previous), !current.isEmpty {
                out.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(c)
            }
            previous = c
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty { out.append(current.trimmingCharacters(in: .whitespaces)) }
        return out
    }
}
