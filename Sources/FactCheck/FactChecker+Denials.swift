/// Statements the knowledge base makes in the negative ("We do not offer live chat", "None of
/// our coffees are certified organic"), against claims that assert what they deny.
extension FactChecker {
    /// A negative statement that denies a claim.
    struct Denial {
        let unit: EvidenceUnit
        /// Where, in the claim (scalar offsets), the denied thing is said.
        let claimClause: Range<Int>
        /// Whether the claim names everything the statement's heading does ("Annual membership").
        let headed: Bool
    }

    /// A negative statement that denies what the positive `claim` asserts, or nil. The statement
    /// must be about the claim's products (or none) and places, and its negated clause must carry
    /// no figure but the claim's, have one negation, and end on what it denies: the last two content
    /// words of one thing it denies are in the claim ("carbon neutral", "live chat"), another word
    /// of it too, and at least half the clause's words are.
    func denial(of claim: Claim, units claimUnits: [EvidenceUnit], entities claimEntities: [String]) throws -> Denial? {
        guard !Negation.present(in: claim.text) else { return nil }
        let claimWords = Words.content(Self.without(names, in: claim.text))
        // Also looked up by what it says, without its names: "None of our coffees are certified
        // organic" is about every product.
        var said = claim.text
        for name in (claimEntities + entities).sorted(by: { $0.count > $1.count }) {
            said = said.replacingOccurrences(of: name, with: "", options: .caseInsensitive)
        }
        let units = claimUnits + (said == claim.text ? [] : EvidenceUnit.units(of: try retriever.evidence(for: said, limit: 3), entities: entities))
        let claimPlaces = Set(places.find(in: claim.text, unknown: true))
        let future = Self.isFuture(claim.text)
        var best: (share: Double, unit: EvidenceUnit, denied: String)?
        for unit in units where unit.negative {
            // About a product or programme: only claims about it.
            if !unit.entities.isEmpty, Set(unit.entities).isDisjoint(with: claimEntities) { continue }
            // A statement scoped to a place the claim does not name ("Fremantle ... not harnesses").
            if !Set(places.find(in: unit.text)).isSubset(of: claimPlaces) { continue }
            for clause in Self.negatedClauses(of: unit.text) {
                // (Its names are not what it says: "The Hearth does not connect to a generator" is
                // about connecting to a generator.)
                let clauseWords = Words.content(Self.without(names, in: clause.text))
                // Two words of what it denies in the claim, or the one thing a statement says it is not
                // ("It is not a franchise" against "run as a franchise").
                let named = clause.denied.filter(claimWords.contains).count
                guard named >= 2 && clauseWords.count >= 3 || named == 1 && clause.denied.count == 1 && clause.copula else { continue }
                // "Not yet" says nothing against what a claim says will happen.
                if future, clause.text.lowercased().split(separator: " ").contains("yet") { continue }
                // One of the things denied ("not harnesses or belay devices"), ending on a word of
                // the claim, with no figure but the claim's ("Not every gym runs on 100% renewable electricity").
                // A word that makes it another one ("no second gym in Sydney", "no other café") must
                // be in the claim too: "We have gyms in Sydney" is not denied by it.
                guard let alternative = clause.alternatives.first(where: { alt in
                    !alt.words.isEmpty && alt.words.suffix(2).allSatisfy(claimWords.contains)
                        && alt.words.filter(Self.another.contains).allSatisfy(claimWords.contains)
                        && QuantityParser.parse(alt.text).allSatisfy { f in claim.quantities.contains { compatible($0, f) && agrees($0, f) } }
                }), let last = alternative.words.last else { continue }
                let share = Double(clauseWords.intersection(claimWords).count) / Double(clauseWords.count)
                if share >= 0.5, share > (best?.share ?? 0) { best = (share, unit, last) }
            }
        }
        guard let best else { return nil }
        let heading = best.unit.evidence.heading.components(separatedBy: " › ").last ?? ""
        let headingWords = Words.content(heading).subtracting(Words.content(names.joined(separator: " ")))
        return Denial(unit: best.unit, claimClause: Self.clause(of: claim.text, containing: best.denied),
                      headed: !headingWords.isEmpty && headingWords.isSubset(of: claimWords))
    }

    /// The scalar offsets (within `text`) of the clause that has a word of stem `stem`.
    static func clause(of text: String, containing stem: String) -> Range<Int> {
        let scalars = Array(text.unicodeScalars)
        var start = 0
        for i in 0...scalars.count where i == scalars.count || ",;:—–".unicodeScalars.contains(scalars[i]) {
            let piece = String(String.UnicodeScalarView(scalars[start..<i]))
            if Words.content(piece).contains(stem) { return start..<i }
            start = i + 1
        }
        return 0..<scalars.count
    }

    /// The clauses of a statement with exactly one negation, each with the content
    /// words after its negation, in order (the thing denied).
    static func negatedClauses(of text: String) -> [NegatedClause] {
        var out: [NegatedClause] = []
        let normalised = text.replacingOccurrences(of: "’", with: "'")
        var pieces = normalised.split(whereSeparator: { ",;:—–()".contains($0) }).map(String.init)
        pieces = pieces.flatMap { $0.components(separatedBy: " but ") }
        for piece in pieces {
            let tokens = piece.lowercased().split { !$0.isLetter && $0 != "'" && !$0.isNumber }.map(String.init)
            let negations = tokens.indices.filter { Negation.words.contains(tokens[$0]) }
            guard negations.count == 1 else { continue }
            func stems(_ words: ArraySlice<String>) -> [String] {
                var out: [String] = []
                for word in words where !Self.notDenied.contains(word) {
                    if let stem = Words.content(word).first, !out.contains(stem) { out.append(stem) }
                }
                return out
            }
            let n = negations[0]
            var after = tokens[(n + 1)...]
            // "Tube-style devices are not allowed": what is denied is what comes before.
            if !stems(after).isEmpty, stems(after).allSatisfy({ Self.predicates.contains($0) }) {
                after = tokens[..<n].filter { Words.content($0).isDisjoint(with: Self.predicates) }[...]
            }
            // "not included in casual entry or in the 10-visit pass": each alternative, with the
            // first one's leading word ("included ... in the 10-visit pass").
            var alternatives: [(text: String, words: [String])] = []
            var current: [String] = []
            for word in after {
                if word == "or" || word == "nor", !current.isEmpty {
                    alternatives.append((current.joined(separator: " "), stems(current[...])))
                    current = []
                    continue
                }
                current.append(word)
            }
            if !current.isEmpty { alternatives.append((current.joined(separator: " "), stems(current[...]))) }
            if alternatives.count > 1, let lead = alternatives[0].words.first {
                for k in 1..<alternatives.count where !alternatives[k].words.contains(lead) { alternatives[k].words.insert(lead, at: 0) }
            }
            let copula = n >= 1 && ["is", "are", "was", "were"].contains(tokens[n - 1])
            out.append(NegatedClause(text: piece.trimmingCharacters(in: .whitespaces), denied: stems(after), alternatives: alternatives, copula: copula))
        }
        return out
    }

    /// A clause with one negation: its text, the content words it denies, and each alternative
    /// it denies ("harnesses", "belay devices").
    struct NegatedClause {
        let text: String
        let denied: [String]
        let alternatives: [(text: String, words: [String])]
        /// Says what something is not: "is not", "are not".
        var copula = false
    }

    /// Stems of words that make the thing denied another one than the first.
    static let another: Set<String> = Words.content("second third other another more extra additional further")

    /// Stems of words that say only whether something is so ("not allowed", "not included").
    static let predicates: Set<String> = Words.content("allowed permitted accepted available offered possible required needed")

    /// Words after a negation that say when, not what: "We have not roasted in Bristol since."
    static let notDenied: Set<String> = ["since", "yet", "anymore", "longer", "currently", "ever", "today", "now", "always", "usually"]
}
