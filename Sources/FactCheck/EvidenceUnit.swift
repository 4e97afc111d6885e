/// One statement of a passage (a sentence, list item or table cell with its row and column
/// names), with the names it is about and its quantities.
struct EvidenceUnit {
    let evidence: Evidence
    let text: String
    let entities: [String]
    let quantities: [Quantity]
    let words: Set<String>
    /// Says what is not so ("We do not ship to any other country. This includes Spain..."):
    /// it has a negation, or refers back ("This", "These") to a sentence that has one.
    var negative = false

    /// Splits passages into units. Table rows become one unit per data column, named after the
    /// column header and carrying the row's label ("Kinglet Pro Range: up to 60 miles (97 km)").
    static func units(of passages: [Evidence], entities: [String]) -> [EvidenceUnit] {
        var out: [EvidenceUnit] = []
        for p in passages {
            // The nearest heading that names something says what its statements are about
            // ("Plans: Starter, Standard and Scale › Scale plan" → the Scale plan).
            let context = p.heading.components(separatedBy: " › ").reversed().lazy.map { EntityFinder.find(entities, in: $0) }.first { !$0.isEmpty } ?? []
            // The nearest heading often states a fact itself ("Care Plus: $199 per year").
            if let last = p.heading.components(separatedBy: " › ").last, !QuantityParser.parse(last).isEmpty {
                out.append(make(p, last, fallback: context, entities: entities))
            }
            var header: [String]?
            for rawLine in p.text.split(separator: "\n", omittingEmptySubsequences: true) {
                let line = rawLine.trimmingCharacters(in: .whitespaces)
                if line.hasPrefix("|") {
                    let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }.dropFirst().dropLast()
                    let row = Array(cells)
                    if row.allSatisfy({ $0.allSatisfy { $0 == "-" || $0 == ":" } }) { continue }
                    if header == nil { header = row; continue }
                    guard let h = header, row.count == h.count, row.count > 1 else { continue }
                    for c in 1..<row.count {
                        // A "No" cell denies the column of the row: "no Lockers for West End".
                        if Self.noCells.contains(row[c].lowercased().trimmingCharacters(in: .punctuationCharacters)) {
                            var unit = make(p, "no \(h[c]) for \(row[0])", fallback: context, entities: entities)
                            unit.negative = true
                            out.append(unit)
                            continue
                        }
                        let text = "\(h[c]) \(row[0]): \(row[c])"
                        out.append(make(p, text, fallback: context, entities: entities))
                    }
                    continue
                }
                header = nil
                var previous: EvidenceUnit?
                for sentence in TextSegmenter.sentences(in: line) {
                    let first = sentence.text.split(separator: " ").first.map { $0.lowercased() } ?? ""
                    let refersBack = ["this", "these", "that", "those", "it", "they"].contains(first)
                    // "The Brue is made in Taiwan. It is not assembled in Sheffield.": "It" is the Brue.
                    var unit = make(p, sentence.text, fallback: refersBack ? previous?.entities ?? context : context, entities: entities)
                    unit.negative = Negation.present(in: sentence.text) || (previous?.negative == true && refersBack)
                    previous = unit
                    out.append(unit)
                }
            }
        }
        return out
    }

    /// Table cells that say a row has none of its column.
    static let noCells: Set<String> = ["no", "none", "not available", "n/a", "—", "–", "-", "✗", "✘"]

    static func make(_ p: Evidence, _ text: String, fallback: [String], entities: [String]) -> EvidenceUnit {
        let own = EntityFinder.find(entities, in: text)
        return EvidenceUnit(evidence: p, text: text, entities: own.isEmpty ? fallback : own, quantities: QuantityParser.parse(text),
                            words: Words.content(text + " " + p.heading))
    }
}

import BrandKit

/// Finds known names (products, programmes) in text, longest first, without overlaps.
enum EntityFinder {
    /// Model names are also written without their number ("the Meridian" for "Meridian 440"),
    /// when no other name shares the word: written form → the name it stands for. Where the kit
    /// names both ("Cedar", "Cedar 370"), they are one product, under the short name.
    static func aliases(_ names: [String]) -> [String: String] {
        var out: [String: String] = [:]
        var taken: Set<String> = []
        for name in names {
            var words = name.split(separator: " ")
            // "Scale plan" is also written "Scale" (as capitalised): a generic last word in lower case.
            if words.count >= 2, let last = words.last, last.allSatisfy(\.isLowercase), words.dropLast().allSatisfy({ $0.first?.isUppercase == true }) {
                let short = words.dropLast().joined(separator: " ")
                if short.count >= 3, !names.contains(short), !taken.contains(short) { out[short] = name; taken.insert(short) }
                continue
            }
            guard words.count >= 2, let last = words.last, last.allSatisfy(\.isNumber) else { continue }
            words.removeLast()
            let short = words.joined(separator: " ")
            guard short.count >= 4 else { continue }
            // "Cedar" and "Cedar 370" both named: one product, called "Cedar".
            if names.contains(short) { out[name] = short; continue }
            if taken.contains(short) { out[short] = nil } else { out[short] = name; taken.insert(short) }
        }
        return out
    }

    static func find(_ names: [String], in text: String) -> [String] {
        let aliases = aliases(names)
        var found: [String] = []
        var taken: [Range<String.Index>] = []
        for written in Set(names + aliases.keys).sorted(by: { $0.count > $1.count }) {
            let name = aliases[written] ?? written
            var from = text.startIndex
            // A short form of a name with a generic last word ("Scale" of "Scale plan") is matched as capitalised.
            let options: String.CompareOptions = aliases[written] != nil && written.first?.isUppercase == true
                && aliases[written]!.split(separator: " ").last?.allSatisfy(\.isLowercase) == true ? [] : [.caseInsensitive]
            while let r = text.range(of: written, options: options, range: from..<text.endIndex) {
                let before = r.lowerBound > text.startIndex ? text[text.index(before: r.lowerBound)] : " "
                let after = r.upperBound < text.endIndex ? text[r.upperBound] : " "
                if !before.isLetter, !after.isLetter, !taken.contains(where: { $0.overlaps(r) }) {
                    taken.append(r)
                    if !found.contains(name) { found.append(name) }
                }
                from = r.upperBound
            }
        }
        return found
    }
}

/// Words that deny what a sentence says.
enum Negation {
    static let words: Set<String> = ["not", "no", "never", "cannot", "can't", "don't", "doesn't", "isn't", "aren't", "won't",
                                     "nothing", "none", "nor", "neither"]

    static func present(in text: String) -> Bool {
        !Set(text.lowercased().replacingOccurrences(of: "’", with: "'").split { !$0.isLetter && $0 != "'" }.map(String.init)).isDisjoint(with: words)
    }
}

/// Content words, reduced to a stem of their first five letters, for overlap scores.
enum Words {
    static let stop: Set<String> = ["the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "at", "by", "is", "are", "be",
                                    "it", "its", "you", "your", "our", "we", "this", "that", "up", "as", "from", "can", "has", "have",
                                    "will", "all", "any", "one", "per", "than", "more", "less", "about", "into", "only", "each", "every",
                                    "just", "also", "now", "new", "get", "gets", "us", "they", "their", "who", "what", "when"]

    /// Everyday words for the same attribute, reduced to one stem ("since 2015" and "Founded: 2017").
    static let synonyms: [String: String] = [
        "since": "found", "estab": "found", "start": "found", "began": "found", "begin": "found",
        "costs": "price", "cost": "price", "pay": "price", "pays": "price",
        "weigh": "weigh", "heavy": "weigh",
        "goes": "range", "trave": "range", "dista": "range",
        "lasts": "durat", "takes": "durat",
    ]

    static func content(_ text: String) -> Set<String> {
        Set(text.lowercased().split { !$0.isLetter }.map(String.init).filter { ($0.count > 2 || $0 == "pay") && !stop.contains($0) }.map {
            let stem = String(strip($0).prefix(5))
            return synonyms[stem] ?? synonyms[$0] ?? stem
        })
    }

    /// "shipp" → "ship", "stopp" → "stop" (a consonant doubled before "-ing" or "-ed"); "sell" stays.
    static func undoubled(_ w: String) -> String {
        guard let last = w.last, w.count >= 4, w.dropLast().last == last, !"aeiouylsz".contains(last) else { return w }
        return String(w.dropLast())
    }

    /// Drops a plural or verb ending ("holds" → "hold", "batteries" → "battery", "charging" → "charg").
    static func strip(_ w: String) -> String {
        guard w.count > 4 else { return w.hasSuffix("s") && !w.hasSuffix("ss") && w.count > 3 ? String(w.dropLast()) : w }
        if w.hasSuffix("ies") { return String(w.dropLast(3)) + "y" }
        if w.hasSuffix("ing") { return undoubled(String(w.dropLast(3))) }
        if w.hasSuffix("ed") { return undoubled(String(w.dropLast(2))) }
        if w.hasSuffix("s"), !w.hasSuffix("ss") { return String(w.dropLast()) }
        return w
    }
}
