import Foundation

/// Checks claims against the knowledge base: quantities are compared deterministically (units
/// converted, "up to" bounds respected, names matched); what the rules cannot decide goes to the
/// judge, when there is one, and is otherwise unverifiable.
public struct FactChecker {
    public let retriever: any EvidenceRetriever
    public let judge: (any ClaimJudge)?
    /// Names of products and programmes ("Kinglet Pro", "Dipper"): a figure about one never supports
    /// or contradicts a claim about another.
    public let entities: [String]
    /// Finds the places a claim names, to check them against the places the knowledge base lists.
    public let places: PlaceFinder
    /// Passages retrieved per claim.
    public var passages = 5

    public init(retriever: any EvidenceRetriever, judge: (any ClaimJudge)? = nil, entities: [String], places: PlaceFinder = PlaceFinder()) {
        self.retriever = retriever
        self.judge = judge
        self.entities = entities
        self.places = places
    }

    /// Every claim in `text` with its verdict. A claim that names nothing ("It carries...") is
    /// taken to be about what the claim before it named, or else about the text's main subject.
    public func check(_ text: String) throws -> [ClaimCheck] {
        let claims = ClaimExtractor.claims(in: text, places: places)
        let main = EntityFinder.find(entities, in: text).max { count($0, in: text) < count($1, in: text) }
        var previous: [String] = main.map { [$0] } ?? []
        var out: [ClaimCheck] = []
        for claim in claims {
            var named = EntityFinder.find(entities, in: claim.text)
            if named.isEmpty { named = previous } else { previous = named }
            out.append(try check(claim, about: named))
        }
        return out
    }

    func count(_ name: String, in text: String) -> Int { text.components(separatedBy: name).count - 1 }

    /// One claim's verdict; `about` names what the claim is about (default: the names in it).
    public func check(_ claim: Claim, about named: [String]? = nil) throws -> ClaimCheck {
        // A claim that does not name its subject ("Now $3,999 for the school year.") is looked up with it.
        let unnamed = (named ?? []).filter { claim.text.range(of: $0, options: .caseInsensitive) == nil }
        let evidence = try retriever.evidence(for: unnamed.isEmpty ? claim.text : unnamed.joined(separator: ", ") + ": " + claim.text, limit: passages)
        let units = EvidenceUnit.units(of: evidence, entities: entities)
        let claimEntities = named ?? EntityFinder.find(entities, in: claim.text)
        var supported: [(Quantity, EvidenceUnit)] = []
        var contradicted: [(Quantity, Quantity, EvidenceUnit)] = []
        for q in claim.quantities {
            let candidates = matches(for: q, in: claim, entities: claimEntities, units: units)
            guard let best = candidates.first else { continue }
            // Supported when some nearly as relevant statement gives the same figure; contradicted
            // when the most relevant statements all give another.
            // (Or when the most relevant statement itself also gives the same figure: "from $2,699 to $2,499".)
            // A figure about the claim's own subject outranks the same figure said of something else:
            // when the best statement is about what the claim names, only statements about it count.
            let aboutSubject = { (u: EvidenceUnit) in !claimEntities.isEmpty && !Set(u.entities).isDisjoint(with: claimEntities) }
            let subjectOnly = aboutSubject(best.unit)
            let attribute = attributeWords(q, in: claim.text, offset: claim.start, others: claim.quantities)
            /// The statement's figure is of the claim's attribute (or neither clause says what it measures).
            func sameAttribute(_ c: (score: Int, unit: EvidenceUnit, quantity: Quantity)) -> Bool {
                let theirs = attributeWords(c.quantity, in: c.unit.text, offset: 0, others: c.unit.quantities)
                guard Self.sameKindOfAmount(q.dimension, attribute, theirs) else { return false }
                return !attribute.isDisjoint(with: theirs) || c.score >= best.score || attribute.isEmpty || theirs.isEmpty
            }
            if let agreeing = candidates.first(where: {
                agrees(q, $0.quantity) && ($0.score >= best.score - 2 || $0.unit.text == best.unit.text) && (!subjectOnly || aboutSubject($0.unit))
                    && sameAttribute($0)
            }) {
                supported.append((q, agreeing.unit))
            } else {
                // Of the equally relevant figures, the nearest to the claim's is the one it got wrong.
                // (Only statements about the claim's subject, when the best one is.)
                // A figure contradicts only a figure of the same attribute: some word of its clause
                // other than units and names is also in the claim's ("battery ... 3 years" is not
                // "fork ... 2 years").
                let sameAttribute = candidates.filter {
                    (!subjectOnly || aboutSubject($0.unit)) && !Self.meetsThreshold(q, $0.quantity)
                        && !attribute.isDisjoint(with: attributeWords($0.quantity, in: $0.unit.text, offset: 0, others: $0.unit.quantities))
                }
                let top = sameAttribute.first?.score ?? 0
                let nearest = sameAttribute.filter { $0.score == top }.min { abs($0.quantity.base - q.base) < abs($1.quantity.base - q.base) }
                if let nearest { contradicted.append((q, nearest.quantity, nearest.unit)) }
            }
        }
        if let (q, e, unit) = contradicted.first {
            // The statement's figure is said of the same attribute, so it is the correction.
            // (A figure in words, "twenty twelve", is not rewritten.)
            let suggestion = q.text.first?.isLetter == true ? nil : Self.replace(q, with: e, in: claim)
            return ClaimCheck(claim: claim, verdict: .contradicted, evidence: [unit.evidence],
                              reason: "The claim says \(q.text); \(unit.evidence.source) says “\(unit.text)”.", suggestion: suggestion, decidedBy: "rules")
        }
        let placeCheck = try checkPlaces(claim, units: units, entities: claimEntities)
        if let c = placeCheck.contradiction {
            let instead = c.listed.count > 6 ? c.listed.prefix(6).joined(separator: ", ") + " and \(c.listed.count - 6) more" : c.listed.joined(separator: ", ")
            let reason = c.unit.negative || c.listed.isEmpty
                ? "The claim names \(c.place); \(c.unit.evidence.source) says: “\(c.unit.text)”."
                : "The claim names \(c.place); \(c.unit.evidence.source) names \(instead) for this: “\(c.unit.text)”."
            // One place instead, written as the statement writes it ("the Netherlands").
            var suggestion: String?
            if c.listed.count == 1, claim.text.contains(c.place) {
                let written = c.unit.text.contains("the " + c.listed[0]) && !claim.text.contains("the " + c.place) ? "the " + c.listed[0] : c.listed[0]
                suggestion = claim.text.replacingOccurrences(of: c.place, with: written)
            }
            return ClaimCheck(claim: claim, verdict: .contradicted, evidence: [c.unit.evidence], reason: reason, suggestion: suggestion, decidedBy: "rules")
        }
        let checkWorthy = claim.quantities.filter { $0.dimension != .count || !["charge", "bike", "way", "day", "time", "place"].contains($0.unit) }
        // Supported only when every figure worth checking is borne out.
        if !supported.isEmpty, supported.count >= max(1, checkWorthy.count), placeCheck.unstated.isEmpty {
            let sources = supported.map(\.1)
            var cited: [Evidence] = []
            for u in sources where !cited.contains(u.evidence) { cited.append(u.evidence) }
            return ClaimCheck(claim: claim, verdict: .supported, evidence: cited,
                              reason: "Matches \(sources[0].evidence.source): “\(sources[0].text)”.", suggestion: nil, decidedBy: "rules")
        }
        if claim.quantities.isEmpty, placeCheck.unstated.isEmpty, let (unit, same) = statementMatch(claim, units: units, entities: claimEntities) {
            return ClaimCheck(claim: claim, verdict: same ? .supported : .contradicted, evidence: [unit.evidence],
                              reason: same ? "Matches \(unit.evidence.source): “\(unit.text)”." : "\(unit.evidence.source) says the opposite: “\(unit.text)”.",
                              suggestion: nil, decidedBy: "rules")
        }
        // What the rules leave open is supported only when one statement bears out all of it
        // (every figure, place and product, most of the words), and the judge, shown that
        // statement, agrees. The judge alone never decides: measured on labelled claims, its
        // "contradicted" was too often wrong, so it can only keep a claim unverifiable.
        if let unit = entailing(claim, units: units + placeCheck.units, entities: claimEntities) {
            let statement = Evidence(source: unit.evidence.source, heading: unit.evidence.heading, text: unit.text, score: unit.evidence.score)
            guard let judge else {
                return ClaimCheck(claim: claim, verdict: .supported, evidence: [unit.evidence], reason: "Matches \(unit.evidence.source): “\(unit.text)”.",
                                  suggestion: nil, decidedBy: "rules")
            }
            if let ruling = try judge.judge(claim: claim.text, evidence: [statement]) {
                if ruling.verdict == .supported {
                    return ClaimCheck(claim: claim, verdict: .supported, evidence: [unit.evidence], reason: "Matches \(unit.evidence.source): “\(unit.text)”.",
                                      suggestion: nil, decidedBy: "judge")
                }
                return ClaimCheck(claim: claim, verdict: .unverifiable, evidence: [], reason: "\(unit.evidence.source) comes close (“\(unit.text)”), but the language model does not find it says this. \(ruling.reason)",
                                  suggestion: nil, decidedBy: "judge")
            }
        }
        return ClaimCheck(claim: claim, verdict: .unverifiable, evidence: [],
                          reason: claim.quantities.isEmpty ? "No figure to compare, and nothing in the knowledge base decides it." :
                              "No passage in the knowledge base states this figure.", suggestion: nil, decidedBy: "rules")
    }

    /// Evidence statements and quantities about the same thing as `q`, most relevant first.
    func matches(for q: Quantity, in claim: Claim, entities claimEntities: [String], units: [EvidenceUnit])
        -> [(score: Int, unit: EvidenceUnit, quantity: Quantity)] {
        // Names are scored on their own, so their words do not count twice.
        let names = Words.content((claimEntities + entities).joined(separator: " "))
        let claimWords = Words.content(claim.text).subtracting(names)
        let local = Words.content(window(around: q, in: claim)).subtracting(names)
        var found: [(score: Int, unit: EvidenceUnit, quantity: Quantity)] = []
        for unit in units {
            // About the same product: a strong hint; about another one: a strong hint against.
            var entityScore = 0
            if !claimEntities.isEmpty, !unit.entities.isEmpty {
                entityScore = Set(unit.entities).isDisjoint(with: claimEntities) ? -3 : 3
            }
            for e in unit.quantities where compatible(q, e) {
                let unitLocal = Words.content(window(around: e, in: unit.text))
                let score = entityScore + 2 * local.intersection(unitLocal).count + claimWords.intersection(unit.words).count
                if score >= 3 { found.append((score, unit, e)) }
            }
        }
        return found.sorted { $0.score > $1.score }
    }


    /// A statement that says nearly the same words as a claim without figures: (unit, same polarity).
    /// Most of the claim's content words must appear in it; a negation on one side only makes it a contradiction.
    func statementMatch(_ claim: Claim, units: [EvidenceUnit], entities claimEntities: [String]) -> (EvidenceUnit, Bool)? {
        let words = Words.content(claim.text)
        guard words.count >= 2 else { return nil }
        let claimNegated = Negation.present(in: claim.text)
        var best: (Double, EvidenceUnit)?
        for unit in units {
            if !claimEntities.isEmpty, !unit.entities.isEmpty, Set(unit.entities).isDisjoint(with: claimEntities) { continue }
            let shared = words.intersection(Words.content(unit.text)).count
            let share = Double(shared) / Double(words.count)
            if shared >= 2, share >= 0.6, share > (best?.0 ?? 0) { best = (share, unit) }
        }
        guard let (_, unit) = best else { return nil }
        let unitNegated = unit.negative
        return (unit, claimNegated == unitNegated)
    }

    /// Same kind of thing: the dimension, and for counts the same noun; dates with and without a year.
    func compatible(_ a: Quantity, _ b: Quantity) -> Bool {
        guard a.dimension == b.dimension else { return false }
        if a.dimension == .count { return !a.unit.isEmpty && a.unit == b.unit }
        // Amounts in different currencies are not compared (no exchange rates).
        if a.dimension == .money { return a.unit == b.unit }
        return true
    }

    /// An exact figure that meets a threshold ("$3,299" against "orders of $500 or more") does
    /// not contradict it.
    static func meetsThreshold(_ q: Quantity, _ e: Quantity) -> Bool {
        e.bound == .atLeast && q.bound == .exact && q.base >= e.base
    }

    /// Whether evidence `e` bears out claim quantity `q`, bounds considered.
    func agrees(_ q: Quantity, _ e: Quantity) -> Bool {
        var a = q, b = e
        if a.dimension == .date, a.unit == "month-day" || b.unit == "month-day" {
            a.base = a.base.truncatingRemainder(dividingBy: 10000)
            b.base = b.base.truncatingRemainder(dividingBy: 10000)
        }
        if a.sameAmount(as: b) {
            // "over 60 miles" is not borne out by "up to 60 miles".
            return !(a.bound == .atLeast && b.bound == .atMost)
        }
        // Copy should state the figure itself: "up to 50 miles" against "up to 60" is flagged too,
        // with the right figure as the suggestion.
        return false
    }

    /// The words that say what a figure measures: content words of its clause (up to five words
    /// either side, not past a comma, semicolon or parenthesis), without the figure's own unit
    /// words and the kit's names.
    func attributeWords(_ q: Quantity, in text: String, offset: Int, others: [Quantity]) -> Set<String> {
        let s = Array(text.unicodeScalars)
        let start = max(0, min(q.start - offset, s.count)), end = max(start, min(q.end - offset, s.count))
        var a = start, b = end, words = 0
        let stops: Set<Unicode.Scalar> = [",", ";", "—", "–", "|", "\n"]
        // Another figure ends the clause too: "18 g of ground coffee and aim for 36 g" gives 36 g only "aim".
        let fences = others.filter { $0.start != q.start }.map { ($0.start - offset, $0.end - offset) }
        func fenced(_ i: Int) -> Bool { fences.contains { $0.0 <= i && i < $0.1 } }
        while a > 0, words < 8, !stops.contains(s[a - 1]), !fenced(a - 1) { a -= 1; if s[a] == " " { words += 1 } }
        words = 0
        while b < s.count, words < 8, !stops.contains(s[b]), !fenced(b) { if s[b] == " " { words += 1 }; b += 1 }
        var clause = String(String.UnicodeScalarView(s[a..<start])) + " " + String(String.UnicodeScalarView(s[end..<b]))
        for name in entities.sorted(by: { $0.count > $1.count }) { clause = clause.replacingOccurrences(of: name, with: " ", options: .caseInsensitive) }
        var found = Words.content(clause).subtracting(Words.content(q.text))
        // An amount of money is a price unless its clause says it is another kind of amount.
        if q.dimension == .money, found.isDisjoint(with: Self.otherAmounts) { found.insert("price") }
        return found
    }

    /// Stems of words that make an amount of money something other than a price.
    static let otherAmounts: Set<String> = Words.content(
        "month monthly value worth credit save saving off fee deposit refund discount earn minimum order orders over shipping delivery bonus")

    /// Whether two figures of `dimension`, with these attribute words, are the same kind of amount:
    /// a saving is never a price ("Save £549" is not "Price: £549.00"), nor the other way round.
    static func sameKindOfAmount(_ dimension: Quantity.Dimension, _ ours: Set<String>, _ theirs: Set<String>) -> Bool {
        dimension != .money || ours.isDisjoint(with: savings) == theirs.isDisjoint(with: savings)
    }

    /// Stems of words that make an amount a saving rather than a price.
    static let savings: Set<String> = Words.content("save saves saving savings off discount cheaper reduced")

    /// Up to five words either side of a quantity.
    func window(around q: Quantity, in claim: Claim) -> String {
        let scalars = Array(claim.text.unicodeScalars)
        return Self.window(scalars, q.start - claim.start, q.end - claim.start)
    }

    func window(around q: Quantity, in text: String) -> String {
        Self.window(Array(text.unicodeScalars), q.start, q.end)
    }

    static func window(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        var a = max(0, min(start, s.count)), b = max(0, min(end, s.count)), words = 0
        while a > 0, words < 5 { a -= 1; if s[a] == " " { words += 1 } }
        words = 0
        while b < s.count, words < 5 { if s[b] == " " { words += 1 }; b += 1 }
        return String(String.UnicodeScalarView(s[a..<b]))
    }

    /// The claim with `q` written as the evidence's figure, in the claim's unit and style.
    static func replace(_ q: Quantity, with e: Quantity, in claim: Claim) -> String {
        var figure: String
        switch q.dimension {
        case .money:
            figure = q.unit + formatted(e.base, decimals: e.decimals)
        case .percent:
            figure = formatted(e.value, decimals: e.decimals) + "%"
        case .date, .year, .timeOfDay:
            figure = e.text
        default:
            let value = q.unit == e.unit ? e.value : e.base * q.value / max(q.base, 1e-12)
            let written = String(q.text.drop { $0.isNumber || $0 == "," || $0 == "." })
            figure = formatted(value, decimals: q.unit == e.unit ? e.decimals : q.decimals) + written
        }
        // Keep the claim's qualifier words; replace only the figure as written.
        let scalars = Array(claim.text.unicodeScalars)
        let figureStart = q.end - q.text.unicodeScalars.count - claim.start
        let a = max(0, figureStart), b = max(a, min(scalars.count, q.end - claim.start))
        return String(String.UnicodeScalarView(scalars[..<a])) + figure + String(String.UnicodeScalarView(scalars[b...]))
    }

    static func formatted(_ v: Double, decimals: Int) -> String {
        let f = NumberFormatter()
        f.numberStyle = .decimal
        f.locale = Locale(identifier: "en_US")
        f.minimumFractionDigits = decimals
        f.maximumFractionDigits = decimals
        return f.string(from: NSNumber(value: v)) ?? String(v)
    }
}
