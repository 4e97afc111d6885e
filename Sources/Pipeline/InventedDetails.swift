import BrandKit
import Foundation

/// Details copy must not invent: web addresses, e-mail addresses and phone numbers that the
/// knowledge base (and the brief) do not contain, and near misses of the kit's names ("Kinglites"
/// for "Kinglet"). Each becomes an error-level finding: such copy is never approved as it is.
public struct InventedDetails: Sendable {
    /// The text the details may come from (knowledge base, brief), normalised for comparison.
    var sourceText: String
    var sourceLinks: Set<String>
    var sourcePhones: Set<String>
    /// The kit's names (capitalization rules and the brand's name), as written.
    let names: [String]
    /// Ordinary words ("Grind", "Start", "Roasters") are never misspellings of a name.
    let dictionary: SyllableCounter?

    public init(sources: [String], names: [String], dictionary: SyllableCounter? = nil) {
        self.dictionary = dictionary
        let joined = sources.joined(separator: "\n")
        sourceText = joined.lowercased()
        sourceLinks = Set(Self.links(in: joined).map { Self.normalizedLink($0.text) })
        sourcePhones = Set(Self.phones(in: joined).map { Self.digits($0.text) })
        self.names = names.filter { $0.count >= 4 }
    }

    /// These sources and `more` (a brief): the knowledge base is scanned once, the extra text per call.
    public func adding(_ more: [String]) -> InventedDetails {
        guard !more.isEmpty else { return self }
        var copy = self
        let joined = more.joined(separator: "\n")
        copy.sourceText += "\n" + joined.lowercased()
        copy.sourceLinks.formUnion(Self.links(in: joined).map { Self.normalizedLink($0.text) })
        copy.sourcePhones.formUnion(Self.phones(in: joined).map { Self.digits($0.text) })
        return copy
    }

    /// A detail found in copy, with its Unicode-scalar offsets.
    public struct Detail: Sendable, Equatable {
        public enum Kind: String, Sendable { case link, email, phone, nearMissName }
        public var kind: Kind
        public var text: String
        public var start: Int
        public var end: Int
        public var message: String
    }

    /// The invented details in `text`.
    public func find(in text: String) -> [Detail] {
        var found: [Detail] = []
        for m in Self.links(in: text) where !sourceLinks.contains(Self.normalizedLink(m.text)) {
            let isMail = m.text.contains("@")
            found.append(Detail(kind: isMail ? .email : .link, text: m.text, start: m.start, end: m.end,
                                message: "\(isMail ? "e-mail address" : "web address") '\(m.text)' is not in the knowledge base or the brief; do not invent contact details"))
        }
        for m in Self.phones(in: text) where !sourcePhones.contains(Self.digits(m.text)) {
            found.append(Detail(kind: .phone, text: m.text, start: m.start, end: m.end,
                                message: "phone number '\(m.text)' is not in the knowledge base or the brief; do not invent contact details"))
        }
        for m in Self.capitalizedWords(in: text) {
            guard let name = nearMiss(m.text) else { continue }
            found.append(Detail(kind: .nearMissName, text: m.text, start: m.start, end: m.end,
                                message: "'\(m.text)' looks like a misspelling of '\(name)'"))
        }
        return found
    }

    /// The kit name `word` nearly spells (an edit or two away, same first letter), unless the word
    /// is the name itself, another name, or a word the sources use.
    func nearMiss(_ word: String) -> String? {
        let lower = word.lowercased()
        guard word.count >= 4, !names.contains(where: { $0.lowercased() == lower }) else { return nil }
        // A word of one of the names ("Roasters" in "Ashgrove Coffee Roasters") or of the language.
        if names.contains(where: { $0.lowercased().split(separator: " ").contains { $0 == lower } }) || dictionary?.knows(lower) == true { return nil }
        if sourceText.range(of: "\\b\(NSRegularExpression.escapedPattern(for: lower))\\b", options: .regularExpression) != nil { return nil }
        for name in names {
            for part in name.split(separator: " ").map(String.init) where part.count >= 4 {
                let target = part.lowercased()
                guard target.first == lower.first, lower != target else { continue }
                let limit = target.count >= 7 ? 2 : 1
                // A name's inflections ("Kinglet's", plural) are not misspellings.
                if lower.hasPrefix(target) && lower.count - target.count <= 2 && (lower.hasSuffix("s") || lower.hasSuffix("'s")) { continue }
                if Self.editDistance(lower, target, limit: limit) <= limit { return part }
            }
        }
        return nil
    }

    struct Match { var text: String; var start: Int; var end: Int }

    static func matches(_ pattern: String, in text: String) -> [Match] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).compactMap { r in
            guard let range = Range(r.range, in: text) else { return nil }
            let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
            let value = String(text[range])
            return Match(text: value, start: start, end: start + value.unicodeScalars.count)
        }
    }

    /// URLs (with a scheme or `www.`), bare domains with a common top-level domain, and e-mail addresses.
    static func links(in text: String) -> [Match] {
        let mail = "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"
        let url = "(?:https?://|www\\.)[^\\s<>()\"']+"
        let domain = "\\b[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.(?:com|org|net|io|co|de|fr|uk|eu|shop|store|app|info|biz)\\b(?:/[^\\s<>()\"']*)?"
        var seen: [Match] = []
        for m in matches(mail, in: text) + matches(url, in: text) + matches(domain, in: text) {
            var m = m
            while let last = m.text.last, ".,;:!?)".contains(last) { m.text.removeLast(); m.end -= 1 }
            if !seen.contains(where: { $0.start < m.end && m.start < $0.end }) { seen.append(m) }
        }
        return seen
    }

    /// Phone numbers: seven or more digits with the usual separators, optionally international.
    static func phones(in text: String) -> [Match] {
        matches("(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{2,4}\\)[ .-]?)?\\d{2,4}(?:[ .-]\\d{2,4}){1,4}\\b", in: text)
            .filter { m in
                let d = digits(m.text)
                let isoDate = m.text.range(of: "^\\d{4}-\\d{2}-\\d{2}$", options: .regularExpression) != nil
                return (7...15).contains(d.count) && !isoDate && (!m.text.contains(".") || m.text.hasPrefix("+"))
            }
    }

    static func capitalizedWords(in text: String) -> [Match] {
        matches("\\b[A-Z][A-Za-z]{3,}\\b", in: text)
    }

    static func normalizedLink(_ s: String) -> String {
        var t = s.lowercased()
        for prefix in ["https://", "http://", "www."] where t.hasPrefix(prefix) { t.removeFirst(prefix.count) }
        while t.hasSuffix("/") { t.removeLast() }
        return t
    }

    static func digits(_ s: String) -> String { s.filter(\.isNumber) }

    /// Levenshtein distance, stopping early once it exceeds `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let x = Array(a), y = Array(b)
        if abs(x.count - y.count) > limit { return limit + 1 }
        var previous = Array(0...y.count)
        for i in 1...max(x.count, 1) where !x.isEmpty {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...max(y.count, 1) where !y.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            if current.min()! > limit { return limit + 1 }
            previous = current
        }
        return previous[y.count]
    }
}
