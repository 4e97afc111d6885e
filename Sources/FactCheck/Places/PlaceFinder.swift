import Foundation

/// Finds the places a text names: the gazetteer's, and the knowledge base's own: a town in the
/// same table column, list, enumeration or set of sibling headings as a known place
/// ("Showrooms: Utrecht, Haarlem and Zwolle"), or a capitalised name after "in", "at", "from" or
/// "near" ("our roastery in Frome"). The kit's own names are never places.
public struct PlaceFinder: Sendable {
    /// Every name this finder knows, multi-word names first.
    let names: [String]
    /// The same names, for look-ups.
    let known: Set<String>
    /// Lowercased names that are never places.
    let excluded: Set<String>

    /// - Parameters:
    ///   - knowledge: the knowledge base's text, read for places it names.
    ///   - excluding: names that are not places (the kit's products, programmes and brand name).
    ///   - brand: the brand's name: neither it nor a word of it is ever a place.
    public init(knowledge: String = "", excluding: [String] = [], brand: String = "") {
        // A kit name, or a word of one ("Mendip" of "Mendip Grinder"), is not a place unless the
        // gazetteer knows it ("UK") or the knowledge base lists it with places it knows ("in Frome,
        // Bristol and Bath"). The brand's name and its words never are.
        let afterPrepositions = Self.placesAfterPrepositions(in: knowledge)
        let listed = Self.listedPlaces(in: knowledge, known: Gazetteer.names)
        // ("included in Standard" or "in the Mendip" names a product; "Cafés: in Frome, Bristol
        // and Bath" lists a place.)
        let places = Set(Gazetteer.names.union(listed).map { $0.lowercased() })
        var words: Set<String> = []
        for name in excluding { for word in name.split(separator: " ") where word.count > 3 { words.insert(word.lowercased()) } }
        var excluded = words.subtracting(places)
        excluded.formUnion(Set(excluding.map { $0.lowercased() }).subtracting(places))
        // A name the knowledge base counts like a thing ("a Mendip", "every Mendip") is a product,
        // however it is listed; a place is not written so. (Only the gazetteer overrides it.)
        let gazetteer = Set(Gazetteer.names.map { $0.lowercased() })
        for name in excluding where Self.countedLikeAThing(name, in: knowledge) && !gazetteer.contains(name.lowercased()) {
            excluded.insert(name.lowercased())
        }
        if !brand.isEmpty { excluded.insert(brand.lowercased()) }
        for word in brand.split(separator: " ") where word.count > 3 { excluded.insert(word.lowercased()) }
        excluded.formUnion(Self.notPlaces)
        self.excluded = excluded
        var known = Gazetteer.names
        known.formUnion(listed)
        known.formUnion(afterPrepositions)
        names = known.filter { !excluded.contains($0.lowercased()) }.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
        self.known = Set(names)
    }

    /// The places in `text` (whole words, case as written, longest match first), in order of
    /// appearance and under one name each ("UK" → "United Kingdom"). With `unknown`, a capitalised
    /// name after "in", "at", "from" or "near" is a place too, though no list knows it.
    public func find(in text: String, unknown: Bool = false) -> [String] {
        var found: [(String.Index, String)] = []
        var taken: [Range<String.Index>] = []
        func add(_ r: Range<String.Index>, _ name: String) {
            taken.append(r)
            let canonical = Gazetteer.canonical(name)
            if !found.contains(where: { $0.1 == canonical }) { found.append((r.lowerBound, canonical)) }
        }
        for name in names {
            var from = text.startIndex
            while let r = text.range(of: name, range: from..<text.endIndex) {
                from = r.upperBound
                let before = r.lowerBound > text.startIndex ? text[text.index(before: r.lowerBound)] : " "
                let after = r.upperBound < text.endIndex ? text[r.upperBound] : " "
                guard !before.isLetter, !after.isLetter, !taken.contains(where: { $0.overlaps(r) }) else { continue }
                add(r, name)
            }
        }
        if unknown {
            for (r, name) in Self.afterPrepositions(in: text) where !taken.contains(where: { $0.overlaps(r) }) && !excluded.contains(name.lowercased()) {
                add(r, name)
            }
            // Names listed with a known place: "offices in Denver, Boise and Phoenix".
            for name in Self.listedPlaces(in: text, known: known) where !excluded.contains(name.lowercased()) {
                var from = text.startIndex
                while let r = text.range(of: name, range: from..<text.endIndex) {
                    from = r.upperBound
                    if !taken.contains(where: { $0.overlaps(r) }) { add(r, name) }
                }
            }
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Whether `text` writes `name` after "a", "an", "every" or "each", as a thing is counted.
    static func countedLikeAThing(_ name: String, in text: String) -> Bool {
        for article in ["a", "an", "every", "each", "A", "An", "Every", "Each"] {
            var from = text.startIndex
            while let r = text.range(of: article + " " + name, range: from..<text.endIndex) {
                from = r.upperBound
                let before = r.lowerBound > text.startIndex ? text[text.index(before: r.lowerBound)] : " "
                let after = r.upperBound < text.endIndex ? text[r.upperBound] : " "
                if !before.isLetter, !after.isLetter { return true }
            }
        }
        return false
    }

    /// The level of a place `find` returned.
    public func level(_ place: String) -> Gazetteer.Level { Gazetteer.level(place) }

    static let connectives: Set<String> = ["and", "or", "in", "at", "to", "from", "the", "our", "&"]
    static let prepositions: Set<String> = ["in", "at", "from", "near"]

    /// Capitalised names of one to three words right after a place preposition, with their ranges.
    static func afterPrepositions(in text: String) -> [(Range<String.Index>, String)] {
        var out: [(Range<String.Index>, String)] = []
        var words: [(Range<String.Index>, Substring)] = []
        var i = text.startIndex
        while i < text.endIndex {
            if text[i].isLetter {
                var j = i
                while j < text.endIndex, text[j].isLetter || text[j] == "-" || (text[j] == "'" && text.index(after: j) < text.endIndex && text[text.index(after: j)].isLetter) {
                    j = text.index(after: j)
                }
                words.append((i..<j, text[i..<j]))
                i = j
            } else {
                // A sentence or clause break ends a name.
                if ".,;:!?()\n".contains(text[i]) { words.append((i..<text.index(after: i), text[i...i])) }
                i = text.index(after: i)
            }
        }
        var k = 0
        while k < words.count {
            defer { k += 1 }
            guard prepositions.contains(words[k].1.lowercased()), k + 1 < words.count else { continue }
            var n = k + 1
            if words[n].1 == "the" || words[n].1 == "The" { n += 1 }
            var end = n
            while end < words.count, end - n < 3, let first = words[end].1.first, first.isUppercase, words[end].1.count > 1,
                  !calendar.contains(words[end].1.lowercased()) {
                end += 1
            }
            guard end > n else { continue }
            let range = words[n].0.lowerBound..<words[end - 1].0.upperBound
            out.append((range, String(text[range])))
        }
        return out
    }

    /// The knowledge base's names after place prepositions.
    static func placesAfterPrepositions(in text: String) -> Set<String> {
        Set(afterPrepositions(in: text).map(\.1).filter(isName))
    }

    /// Capitalised one- to three-word names listed in a table column, a list, a set of sibling
    /// headings or an enumeration ("A, B and C") together with at least one `known` place.
    static func listedPlaces(in text: String, known: Set<String>) -> Set<String> {
        var out: Set<String> = []
        var column: [String] = []
        func flushColumn() {
            if column.contains(where: known.contains) { out.formUnion(column.filter(isName)) }
            column = []
        }
        var items: [String] = []
        func flushItems() {
            if items.contains(where: known.contains) { out.formUnion(items.filter(isName)) }
            items = []
        }
        /// Headings by level, since the last heading of a higher level.
        var headings: [Int: [String]] = [:]
        func flushHeadings(above level: Int) {
            for (l, names) in headings where l > level {
                if names.contains(where: known.contains) { out.formUnion(names.filter(isName)) }
                headings[l] = nil
            }
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") {
                let level = line.prefix { $0 == "#" }.count
                flushHeadings(above: level)
                headings[level, default: []].append(clean(String(line.dropFirst(level))))
            }
            if line.hasPrefix("|") {
                let cells = line.split(separator: "|").map { clean(String($0)) }
                if let first = cells.first, !first.allSatisfy({ $0 == "-" || $0 == ":" }) {
                    // "Ireland, France, Germany": a cell may list several.
                    column += first.split(separator: ",").map { clean(String($0)) }
                }
                continue
            }
            flushColumn()
            if let item = listItem(line) {
                // "Madison, Wisconsin (our headquarters)": each comma part of the item's head.
                let head = item.split(whereSeparator: { ":–—(".contains($0) }).first.map(String.init) ?? ""
                items += head.split(separator: ",").map { clean(String($0)) }
            } else {
                flushItems()
            }
            // Enumerations inside the line: "in Utrecht, Haarlem and Zwolle".
            for clause in line.split(whereSeparator: { ".;:".contains($0) }) {
                let parts = clause.replacingOccurrences(of: " and ", with: ",").replacingOccurrences(of: " or ", with: ",")
                    .split(separator: ",").map { String($0) }
                guard parts.count >= 2 else { continue }
                var names: [String] = []
                for whole in parts {
                    // "Collingwood (Melbourne)": the name before the brackets, and the one inside.
                    var part = whole
                    if let open = whole.firstIndex(of: "("), let close = whole[open...].firstIndex(of: ")") {
                        let inside = clean(String(whole[whole.index(after: open)..<close]))
                        if isName(inside) { names.append(inside) }
                        part = String(whole[..<open]) + String(whole[whole.index(after: close)...])
                    }
                    // The capitalised words at the end of the part ("shop in Utrecht" → "Utrecht").
                    let words = part.split(separator: " ").map(String.init)
                    let tail = words.reversed().prefix { $0.first?.isUppercase == true && !connectives.contains($0.lowercased()) }.reversed()
                    if !tail.isEmpty, tail.count <= 3 { names.append(clean(tail.joined(separator: " "))) }
                }
                if names.count >= 2, names.contains(where: known.contains) { out.formUnion(names.filter(isName)) }
            }
        }
        flushColumn()
        flushItems()
        flushHeadings(above: 0)
        return out
    }

    /// The text of a list item ("- x", "* x", "3. x"), or nil.
    static func listItem(_ line: String) -> Substring? {
        if line.hasPrefix("- ") || line.hasPrefix("* ") { return line.dropFirst(2) }
        let digits = line.prefix { $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        let rest = line.dropFirst(digits.count)
        guard rest.hasPrefix(". ") || rest.hasPrefix(") ") else { return nil }
        return rest.dropFirst(2)
    }

    /// Trims markup, a leading preposition and "The" ("In the Netherlands" is found as "Netherlands").
    static func clean(_ s: String) -> String {
        var t = s.trimmingCharacters(in: CharacterSet(charactersIn: " *_`\"'()[]!?"))
        if let first = t.split(separator: " ").first, t.count > first.count, prepositions.contains(first.lowercased()) || first == "To" {
            t = String(t.dropFirst(first.count + 1))
        }
        if t.hasPrefix("The ") || t.hasPrefix("the ") { t = String(t.dropFirst(4)) }
        return t
    }

    /// One to three capitalised words of letters (no digits, not a weekday or month).
    static func isName(_ s: String) -> Bool {
        let words = s.split(separator: " ")
        guard !words.isEmpty, words.count <= 3 else { return false }
        return words.allSatisfy { w in
            w.first?.isUppercase == true && w.count > 1 && w.allSatisfy { $0.isLetter || $0 == "-" || $0 == "." || $0 == "'" }
                && !calendar.contains(w.lowercased())
        } && !notPlaces.contains(s.lowercased())
    }

    static let calendar: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
                                        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
                                        "mon", "tue", "wed", "thu", "fri", "sat", "sun", "spring", "summer", "autumn", "fall", "winter"]

    /// Capitalised words that are not places: table and list labels, languages, common words.
    static let notPlaces: Set<String> = ["city", "address", "hours", "phone", "location", "store", "showroom", "country", "region", "shipping",
                                         "cost", "price", "total", "all", "other", "none", "destination", "english", "french", "german",
                                         "spanish", "italian", "dutch", "portuguese", "irish", "welsh", "scottish", "british", "european",
                                         "american", "we", "our", "you", "your", "it", "this", "these", "that", "a", "an", "checkout",
                                         "settings", "account", "stock", "person", "total", "order", "orders", "euros", "pounds", "dollars"]
}
