import Foundation
/// Places in claims, against the places the knowledge base gives for the same thing.
extension FactChecker {
    /// What the knowledge base says of the places a claim names.
    struct PlaceCheck {
        /// A place the knowledge base rules out: (the claim's place, the statement, the places it gives instead).
        var contradiction: (place: String, unit: EvidenceUnit, listed: [String])?
        /// Places no relevant statement names.
        var unstated: [String] = []
        /// The statements read for the places (retrieved for each place's clause).
        var units: [EvidenceUnit] = []
    }

    /// Compares each place in `claim` with the statements that name places and share the claim's
    /// other words ("café", "ship", "assembled"), retrieved for the claim and for the clause
    /// around each place. A place such a statement names is stated, unless the statement denies
    /// it ("We do not ship to ... This includes Spain"), which contradicts it. A place left out of
    /// the best statements while they name others of its kind (towns for a town, countries for a
    /// country) is contradicted: a closed list of showrooms, shipping countries, the assembly town.
    /// Otherwise it is unstated.
    func checkPlaces(_ claim: Claim, units claimUnits: [EvidenceUnit], entities claimEntities: [String]) throws -> PlaceCheck {
        let named = places.find(in: claim.text, unknown: true)
        guard !named.isEmpty else { return PlaceCheck() }
        var result = PlaceCheck()
        var units = claimUnits
        // (Whole names are taken out, not their words: "cafés" stays though a café is named "Frome Roastery Café".)
        let attribute = Words.content(Self.without(named + claimEntities + entities, in: claim.text))
        // Each place is also looked up with what the claim says of it ("cafés Leeds"), and with its clause.
        let subject = claimEntities.first.map { $0 + " " } ?? ""
        let attributeText = Self.attributeText(claim.text, removing: named + claimEntities + entities)
        var queries = named.map { subject + attributeText + " " + $0 }
        queries += Self.clauses(of: claim.text).filter { $0 != claim.text && !places.find(in: $0, unknown: true).isEmpty }
        for query in queries {
            let extra = EvidenceUnit.units(of: try retriever.evidence(for: query, limit: 3), entities: entities)
            result.units += extra
            units += extra
        }
        let negated = Negation.present(in: claim.text)
        var candidates: [(score: Int, unit: EvidenceUnit, places: [String])] = []
        var seen: Set<String> = []
        for unit in units where seen.insert(unit.evidence.source + "\u{1}" + unit.text).inserted {
            if !claimEntities.isEmpty, !unit.entities.isEmpty, Set(unit.entities).isDisjoint(with: claimEntities) { continue }
            let listed = places.find(in: unit.text + " " + (unit.evidence.heading.components(separatedBy: " › ").last ?? ""))
            guard !listed.isEmpty else { continue }
            let score = attribute.intersection(unit.words).count
            if score >= 1 { candidates.append((score, unit, listed)) }
        }
        candidates.sort { $0.score > $1.score }
        // Statements about the claim's product or programme, when there are any, decide for it.
        // (Unless statements about something else say more of what the claim says.)
        let aboutSubject = candidates.filter { !claimEntities.isEmpty && !Set($0.unit.entities).isDisjoint(with: claimEntities) }
        if let first = aboutSubject.first, first.score >= candidates[0].score { candidates = aboutSubject }
        let top = candidates.first?.score ?? 0
        let known = places.find(in: claim.text)
        for place in named {
            // What the claim says of this place, in its clause ("delivered free in the UK"); a
            // statement that names the place speaks to it only when it says some of that too.
            // (A clause that is only names, "Bath and Leeds", says what the sentence says.)
            var local = Self.clauses(of: claim.text).first { places.find(in: $0, unknown: true).contains(place) }
                .map { Words.content(Self.without(named + claimEntities + entities, in: $0)) } ?? attribute
            if local.isEmpty { local = attribute }
            // ("Two sessions ... at West End" and "Only two gyms have a sauna" share only a number.)
            local.subtract(Self.numberWords)
            let naming = candidates.filter {
                // (Its own words, or its heading's when it names only this place: a heading
                // "How far from an office" does not make a list of towns a list of offices.)
                ($0.places.contains(place) || (!known.contains(place) && Self.containsWord(place, in: $0.unit.text)))
                    && (!local.isDisjoint(with: saidOf(place, in: $0.unit.text)) || ($0.places == [place] && !local.isDisjoint(with: $0.unit.words)))
            }
            let denying = naming.filter { $0.unit.negative }
            if negated {
                // "We do not ship to Spain": borne out by a statement that denies it too.
                if denying.isEmpty { result.unstated.append(place) }
                continue
            }
            if let deny = denying.first, !naming.contains(where: { !$0.unit.negative && $0.score >= deny.score }) {
                if result.contradiction == nil {
                    let others = candidates.filter { !$0.unit.negative && $0.unit.evidence == deny.unit.evidence }.flatMap(\.places)
                    var listed: [String] = []
                    for p in others where !listed.contains(p) && !named.contains(p) && places.level(p) == places.level(place) { listed.append(p) }
                    result.contradiction = (place, deny.unit, listed)
                }
                continue
            }
            if naming.contains(where: { !$0.unit.negative && $0.score >= top - 1 }) { continue }
            // A closed list: the most relevant statements name places of the same kind, not this one.
            // (A place no list knows, "in Somerset", is only unstated.)
            // The list must be of what the claim says of this place: "delivered free in the UK" is
            // not compared with where a blend's beans come from.
            let level = places.level(place)
            // (A list of states with one county in it is not a list of towns: a place no gazetteer
            // knows counts as a town only in a statement that names fewer than two larger places.)
            // (Another place the claim names too is no evidence against this one.)
            // (Nor is a list with a continent in it a closed list of countries: "the European Union
            // and the United Kingdom" includes Ireland.)
            let sameKind = candidates.filter { c in
                if level == .country, c.places.contains(where: { places.level($0) == .continent }) { return false }
                let larger = c.places.filter { places.level($0) != .city }.count >= 2
                return !c.unit.negative && c.score >= top && !local.isDisjoint(with: c.unit.words) && !c.places.contains(place)
                    && c.places.contains {
                        places.level($0) == level && $0 != place && !named.contains($0) && (level != .city || !larger || Gazetteer.names.contains($0))
                    }
            }
            if result.contradiction == nil, known.contains(place), let first = sameKind.first {
                var listed: [String] = []
                for c in sameKind where c.unit.evidence == first.unit.evidence {
                    for p in c.places where !listed.contains(p) && places.level(p) == level { listed.append(p) }
                }
                result.contradiction = (place, first.unit, listed)
                continue
            }
            if !naming.contains(where: { !$0.unit.negative }) { result.unstated.append(place) }
        }
        return result
    }

    /// What a statement says of one of its places: the words of the clause that names it ("designed
    /// in Frome and assembled ... in Sheffield" says "designed" of Frome), or, for a place in a
    /// list ("Cafés: 4, in Frome, Bristol and Bath"), of the nearest clause before it that says something.
    func saidOf(_ place: String, in text: String) -> Set<String> {
        var clauses = [text]
        for separator in [",", ";", ":", " and ", " or "] { clauses = clauses.flatMap { $0.components(separatedBy: separator) } }
        guard let k = clauses.firstIndex(where: { places.find(in: $0, unknown: true).contains(place) }) else { return Words.content(text) }
        for i in stride(from: k, through: 0, by: -1) {
            let words = Words.content(Self.without(places.find(in: clauses[i], unknown: true) + [place], in: clauses[i]))
            if !words.isEmpty { return words }
        }
        return Words.content(text)
    }

    static let numberWords: Set<String> = Words.content("one two three four five six seven eight nine ten eleven twelve twenty hundred first second third")

    /// `text` without the given names (longest first).
    static func without(_ names: [String], in text: String) -> String {
        var t = text
        for name in names.sorted(by: { $0.count > $1.count }) { t = t.replacingOccurrences(of: name, with: " ") }
        return t
    }

    /// The claim's words without the given names and its figures: what it says of them.
    static func attributeText(_ text: String, removing names: [String]) -> String {
        Words.content(without(names, in: text)).sorted().joined(separator: " ")
    }

    static func containsWord(_ word: String, in text: String) -> Bool {
        var from = text.startIndex
        while let r = text.range(of: word, range: from..<text.endIndex) {
            let before = r.lowerBound > text.startIndex ? text[text.index(before: r.lowerBound)] : " "
            let after = r.upperBound < text.endIndex ? text[r.upperBound] : " "
            if !before.isLetter, !after.isLetter { return true }
            from = r.upperBound
        }
        return false
    }

    /// The clauses of a sentence: split at commas, semicolons and dashes.
    static func clauses(of text: String) -> [String] {
        text.split(whereSeparator: { ",;—–".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.split(separator: " ").count >= 2 }
    }

    /// A statement that bears out the whole claim: every figure agrees, every place is named,
    /// the claim's products are its subject, and it has at least half the claim's words.
    func entailing(_ claim: Claim, units: [EvidenceUnit], entities claimEntities: [String]) -> EvidenceUnit? {
        let named = places.find(in: claim.text, unknown: true)
        let words = Words.content(claim.text)
        guard !words.isEmpty else { return nil }
        return units.first { unit in
            if unit.negative != Negation.present(in: claim.text) { return false }
            if !claimEntities.isEmpty, !Set(claimEntities).isSubset(of: unit.entities) { return false }
            guard claim.quantities.allSatisfy({ q in
                unit.quantities.contains { e in
                    compatible(q, e) && agrees(q, e)
                        && Self.sameKindOfAmount(q.dimension, attributeWords(q, in: claim.text, offset: claim.start, others: claim.quantities),
                                                 attributeWords(e, in: unit.text, offset: 0, others: unit.quantities))
                }
            }) else { return false }
            let unitPlaces = places.find(in: unit.text)
            guard named.allSatisfy({ unitPlaces.contains($0) }) else { return false }
            return Double(words.intersection(unit.words).count) / Double(words.count) >= 0.5
        }
    }

    /// The line of `source` (a brief) that says the whole claim: most of its words, every figure
    /// and every place. Copy may repeat what the brief gives it ("Get your trade-in quote").
    public func line(in source: String, stating claim: Claim) -> String? {
        let words = Words.content(claim.text)
        guard !words.isEmpty else { return nil }
        let named = places.find(in: claim.text, unknown: true)
        for line in source.split(separator: "\n").map(String.init) {
            let lineWords = Words.content(line)
            guard Double(words.intersection(lineWords).count) / Double(words.count) >= 0.8 else { continue }
            let figures = QuantityParser.parse(line)
            guard claim.quantities.allSatisfy({ q in figures.contains { compatible(q, $0) && agrees(q, $0) } }) else { continue }
            let linePlaces = places.find(in: line, unknown: true)
            guard named.allSatisfy(linePlaces.contains) else { continue }
            return line.trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}
