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
    /// Passages retrieved per claim.
    public var passages = 5

    public init(retriever: any EvidenceRetriever, judge: (any ClaimJudge)? = nil, entities: [String]) {
        self.retriever = retriever
        self.judge = judge
        self.entities = entities
    }

    /// Every claim in `text` with its verdict. A claim that names nothing ("It carries...") is
    /// taken to be about what the claim before it named, or else about the text's main subject.
    public func check(_ text: String) throws -> [ClaimCheck] {
        let claims = ClaimExtractor.claims(in: text)
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
        let evidence = try retriever.evidence(for: claim.text, limit: passages)
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
            if let agreeing = candidates.first(where: {
                agrees(q, $0.quantity) && ($0.score >= best.score - 2 || $0.unit.text == best.unit.text) && (!subjectOnly || aboutSubject($0.unit))
            }) {
                supported.append((q, agreeing.unit))
            } else {
                // Of the equally relevant figures, the nearest to the claim's is the one it got wrong.
                // (Only statements about the claim's subject, when the best one is.)
                let nearest = candidates.filter { $0.score == best.score && (!subjectOnly || aboutSubject($0.unit)) }
                    .min { abs($0.quantity.base - q.base) < abs($1.quantity.base - q.base) } ?? best
                contradicted.append((q, nearest.quantity, nearest.unit))
            }
        }
        if let (q, e, unit) = contradicted.first {
            // A correction is offered only when the statement's figure is said of the same thing:
            // some word next to it is also next to the claim's figure (else "$119" for a charger
            // would "correct" a bike's price).
            let names = Words.content((claimEntities + entities).joined(separator: " "))
            let sameAttribute = !Words.content(window(around: q, in: claim)).subtracting(names)
                .isDisjoint(with: Words.content(window(around: e, in: unit.text)).subtracting(names))
            let suggestion = sameAttribute ? Self.replace(q, with: e, in: claim) : nil
            return ClaimCheck(claim: claim, verdict: .contradicted, evidence: [unit.evidence],
                              reason: "The claim says \(q.text); \(unit.evidence.source) says “\(unit.text)”.", suggestion: suggestion, decidedBy: "rules")
        }
        let checkWorthy = claim.quantities.filter { $0.dimension != .count || !["charge", "bike", "way", "day", "time", "place"].contains($0.unit) }
        // Supported only when every figure worth checking is borne out.
        if !supported.isEmpty, supported.count >= max(1, checkWorthy.count) {
            let sources = supported.map(\.1)
            var cited: [Evidence] = []
            for u in sources where !cited.contains(u.evidence) { cited.append(u.evidence) }
            return ClaimCheck(claim: claim, verdict: .supported, evidence: cited,
                              reason: "Matches \(sources[0].evidence.source): “\(sources[0].text)”.", suggestion: nil, decidedBy: "rules")
        }
        if claim.quantities.isEmpty, let (unit, same) = statementMatch(claim, units: units, entities: claimEntities) {
            return ClaimCheck(claim: claim, verdict: same ? .supported : .contradicted, evidence: [unit.evidence],
                              reason: same ? "Matches \(unit.evidence.source): “\(unit.text)”." : "\(unit.evidence.source) says the opposite: “\(unit.text)”.",
                              suggestion: nil, decidedBy: "rules")
        }
        if let judge, !evidence.isEmpty, var ruling = try judge.judge(claim: claim.text, evidence: Array(evidence.prefix(3))) {
            // The judge may flag a claim freely, but "supported" needs the evidence to share most of its words.
            if ruling.verdict == .supported {
                let words = Words.content(claim.text)
                let shared = words.intersection(Words.content(evidence.prefix(3).map(\.text).joined(separator: " "))).count
                if words.isEmpty || Double(shared) / Double(words.count) < 0.5 {
                    ruling = (.unverifiable, "The language model called it supported, but the passages do not state it.")
                }
            }
            return ClaimCheck(claim: claim, verdict: ruling.verdict, evidence: ruling.verdict == .unverifiable ? [] : Array(evidence.prefix(2)),
                              reason: ruling.reason, suggestion: nil, decidedBy: "judge")
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

    static let negations: Set<String> = ["not", "no", "never", "cannot", "can't", "don't", "doesn't", "isn't", "aren't", "won't", "without", "nothing", "none"]

    /// A statement that says nearly the same words as a claim without figures: (unit, same polarity).
    /// Most of the claim's content words must appear in it; a negation on one side only makes it a contradiction.
    func statementMatch(_ claim: Claim, units: [EvidenceUnit], entities claimEntities: [String]) -> (EvidenceUnit, Bool)? {
        let words = Words.content(claim.text)
        guard words.count >= 2 else { return nil }
        let claimNegated = !Set(claim.text.lowercased().split { !$0.isLetter && $0 != "'" }.map(String.init)).isDisjoint(with: Self.negations)
        var best: (Double, EvidenceUnit)?
        for unit in units {
            if !claimEntities.isEmpty, !unit.entities.isEmpty, Set(unit.entities).isDisjoint(with: claimEntities) { continue }
            let shared = words.intersection(Words.content(unit.text)).count
            let share = Double(shared) / Double(words.count)
            if shared >= 2, share >= 0.6, share > (best?.0 ?? 0) { best = (share, unit) }
        }
        guard let (_, unit) = best else { return nil }
        let unitNegated = !Set(unit.text.lowercased().split { !$0.isLetter && $0 != "'" }.map(String.init)).isDisjoint(with: Self.negations)
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
