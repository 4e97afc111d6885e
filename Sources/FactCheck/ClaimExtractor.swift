import BrandKit

/// Splits a text into check-worthy claims.
public enum ClaimExtractor {
    static let labels = ["subject", "preheader", "body", "headline", "description", "subheading", "button", "title"]
    static let comparison: Set<String> = ["more", "less", "fewer", "faster", "slower", "lighter", "heavier", "longer", "shorter", "cheaper",
                                          "farther", "further", "best", "most", "least", "only", "first", "largest", "smallest", "fastest",
                                          "lightest", "longest", "than", "never", "every", "all", "any", "no"]
    static let policy: Set<String> = ["warranty", "warranties", "guarantee", "guaranteed", "return", "returns", "refund", "shipping", "ships",
                                      "ship", "free", "financing", "finance", "apr", "credit", "trade", "trade-in", "certified", "recall",
                                      "delivery", "deliveries", "discount", "covered", "covers", "includes", "included", "lifetime", "available"]

    /// The claims of `text`, in order. With `places`, a sentence that names a place is a claim too.
    /// With `everySentence`, the other statements come too, with no kinds: a statement that is
    /// not check-worthy by its form can still be one the knowledge base denies.
    public static func claims(in text: String, places: PlaceFinder? = nil, everySentence: Bool = false) -> [Claim] {
        let all = QuantityParser.parse(text)
        var out: [Claim] = []
        // Lines first (labelled lines such as `Headline:` end without punctuation), then sentences.
        var lines: [(start: Int, text: String)] = []
        var offset = 0
        for line in text.components(separatedBy: "\n") {
            lines.append((offset, line))
            offset += line.unicodeScalars.count + 1
        }
        let sentences = lines.flatMap { line in
            TextSegmenter.sentences(in: line.text).map { TextSpan(start: line.start + $0.start, end: line.start + $0.end, text: $0.text) }
        }
        for sentence in sentences {
            var start = sentence.start
            var body = sentence.text
            // Leave out a leading label ("Subject:", "- ", "1. ", "# ").
            if let colon = body.firstIndex(of: ":"), labels.contains(body[..<colon].trimmingCharacters(in: .init(charactersIn: "#*- ")).lowercased()) {
                let rest = body[body.index(after: colon)...]
                let skipped = body.unicodeScalars.count - rest.unicodeScalars.count
                let lead = rest.unicodeScalars.prefix { $0 == " " }.count
                start += skipped + lead
                body = String(rest.dropFirst(lead))
            }
            while let first = body.unicodeScalars.first, "#-*•> ".unicodeScalars.contains(first) {
                body.unicodeScalars.removeFirst()
                start += 1
            }
            // A question asserts nothing ("Looking for a way to try more coffee?").
            guard !body.isEmpty, !body.trimmingCharacters(in: .whitespaces).hasSuffix("?") else { continue }
            let end = start + body.unicodeScalars.count
            let quantities = all.filter { $0.start >= start && $0.end <= end && !($0.dimension == .count && $0.unit.isEmpty) }
            let words = Set(body.lowercased().split { !$0.isLetter && $0 != "-" }.map(String.init))
            var kinds: [Claim.Kind] = []
            if !quantities.isEmpty { kinds.append(.quantity) }
            if !words.isDisjoint(with: comparison) || words.contains(where: { $0.hasSuffix("est") && $0.count > 5 }) { kinds.append(.comparison) }
            if !words.isDisjoint(with: policy) { kinds.append(.policy) }
            if let places, !places.find(in: body).isEmpty { kinds.append(.place) }
            guard !kinds.isEmpty || everySentence else { continue }
            out.append(Claim(text: body, start: start, end: end, quantities: quantities, kinds: kinds))
        }
        return out
    }
}
