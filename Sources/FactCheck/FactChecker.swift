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

    /// Every name the kit spells, the brand's included: their words say who, never what
    /// ("Ashgrove Coffee Roasters" is not about roasting).
    public let names: [String]

    public init(retriever: any EvidenceRetriever, judge: (any ClaimJudge)? = nil, entities: [String], names: [String] = [],
                places: PlaceFinder = PlaceFinder()) {
        self.retriever = retriever
        self.judge = judge
        self.entities = entities
        self.names = names
        self.places = places
    }

    /// Every claim in `text` with its verdict. A claim that names nothing ("It carries...") is
    /// taken to be about what the claim before it named, or else about the text's main subject.
    public func check(_ text: String) throws -> [ClaimCheck] {
        let claims = ClaimExtractor.claims(in: text, places: places, everySentence: true)
        let main = EntityFinder.find(entities, in: text).max { count($0, in: text) < count($1, in: text) }
        var previous: [String] = main.map { [$0] } ?? []
        var out: [ClaimCheck] = []
        for claim in claims {
            var named = EntityFinder.find(entities, in: claim.text)
            if named.isEmpty { named = previous } else { previous = named }
            if claim.kinds.isEmpty {
                // Not check-worthy by its form: a claim only when the knowledge base denies it.
                if let denied = try denied(claim, about: named) { out.append(denied) }
                continue
            }
            var result = try check(claim, about: named)
            // A subject carried over from an earlier sentence is a guess, unless the claim refers
            // back to it ("It weighs..."): when nothing about it decides the claim, nothing narrows it.
            let carried = !named.isEmpty && EntityFinder.find(entities, in: claim.text).isEmpty
            if carried, result.verdict == .unverifiable, !Self.refersBack(claim.text) {
                let open = try check(claim, about: [])
                if open.verdict != .unverifiable { result = open }
            }
            out.append(result)
        }
        return out
    }

    func count(_ name: String, in text: String) -> Int { text.components(separatedBy: name).count - 1 }

    /// Whether a sentence starts by pointing back at what came before ("It", "They", "Every one").
    static func refersBack(_ text: String) -> Bool {
        let words = text.lowercased().split { !$0.isLetter }.prefix(2).map(String.init)
        guard let first = words.first else { return false }
        return ["it", "its", "they", "their", "this", "these", "both", "each", "that", "those"].contains(first)
            || (words.count == 2 && ["every", "each", "this", "that"].contains(first) && ["one", "model"].contains(words[1]))
    }

    /// One claim's verdict; `about` names what the claim is about (default: the names in it).
    public func check(_ claim: Claim, about named: [String]? = nil) throws -> ClaimCheck {
        // A claim that does not name its subject ("Now $3,999 for the school year.") is looked up with it.
        let unnamed = (named ?? []).filter { claim.text.range(of: $0, options: .caseInsensitive) == nil }
        let evidence = try retriever.evidence(for: unnamed.isEmpty ? claim.text : unnamed.joined(separator: ", ") + ": " + claim.text, limit: passages)
        let units = EvidenceUnit.units(of: evidence, entities: entities)
        let claimEntities = named ?? EntityFinder.find(entities, in: claim.text)
        let claimPlaces = places.find(in: claim.text, unknown: true)
        let claimNegated = Negation.present(in: claim.text)
        // What a claim says will happen is not contradicted by the dates of what has.
        let future = Self.isFuture(claim.text)
        var supported: [(Quantity, EvidenceUnit)] = []
        var contradicted: [(Quantity, Quantity, EvidenceUnit)] = []
        for q in claim.quantities {
            let attribute = attributeWords(q, in: claim.text, offset: claim.start, others: claim.quantities)
            // Only amounts of the same kind compete: a rate per user is no rival for a monthly price.
            let candidates = matches(for: q, in: claim, entities: claimEntities, units: units).filter {
                Self.sameKindOfAmount(q.dimension, attribute, attributeWords($0.quantity, in: $0.unit.text, offset: 0, others: $0.unit.quantities))
            }
            guard let best = candidates.first else { continue }
            // Supported when some nearly as relevant statement gives the same figure; contradicted
            // when the most relevant statements all give another.
            // (Or when the most relevant statement itself also gives the same figure: "from $2,699 to $2,499".)
            // A figure about the claim's own subject outranks the same figure said of something else:
            // when the best statement is about what the claim names, only statements about it count.
            let aboutSubject = { (u: EvidenceUnit) in !claimEntities.isEmpty && !Set(u.entities).isDisjoint(with: claimEntities) }
            let subjectOnly = aboutSubject(best.unit)
            let aboutOther = { (u: EvidenceUnit) in !claimEntities.isEmpty && !u.entities.isEmpty && Set(u.entities).isDisjoint(with: claimEntities) }
            // "2 m taller", "40 lb more": a difference, not a value a statement gives.
            let difference = Self.isDifference(q, in: claim)
            /// The statement's figure is of the claim's attribute (or neither clause says what it measures).
            func sameAttribute(_ c: (score: Int, unit: EvidenceUnit, quantity: Quantity)) -> Bool {
                let theirs = attributeWords(c.quantity, in: c.unit.text, offset: 0, others: c.unit.quantities)
                guard Self.sameKindOfAmount(q.dimension, attribute, theirs) else { return false }
                return !attribute.isDisjoint(with: theirs) || c.score >= best.score || attribute.isEmpty || theirs.isEmpty
            }
            // A distinctive figure ("4.8 m") stated anywhere nearby bears the claim out, unless the most
            // relevant statement gives another figure for the same attribute ("The kettle alone weighs 780 g").
            let bestCompetes = !agrees(q, best.quantity)
                && !attribute.isDisjoint(with: attributeWords(best.quantity, in: best.unit.text, offset: 0, others: best.unit.quantities))
            let lenient = Self.isDistinctive(q) && !bestCompetes
            if let agreeing = candidates.first(where: {
                agrees(q, $0.quantity) && ($0.score >= best.score - 2 || $0.unit.text == best.unit.text || lenient) && (!subjectOnly || aboutSubject($0.unit))
                    && sameAttribute($0) && samePlaces(claimPlaces, $0.unit) && (!$0.unit.negative || claimNegated) && !aboutOther($0.unit)
            }) {
                supported.append((q, agreeing.unit))
            } else if q.dimension == .weekdays, let section = Self.coveringSection(q, candidates.filter {
                // (Said of the same thing anywhere in the statement: "On Saturday and Sunday, support is open ...".)
                sameScope($0.unit, entities: claimEntities, places: claimPlaces) && !$0.unit.negative && !attribute.isDisjoint(with: Words.content($0.unit.text))
            }) {
                // Days are often given over several lines of one section ("Monday to Friday ...
                // Saturday and Sunday ..."): together they may cover the claim's.
                supported.append((q, section))
            } else {
                // Of the equally relevant figures, the nearest to the claim's is the one it got wrong.
                // (Only statements about the claim's subject, when the best one is.)
                // A figure contradicts only a figure of the same attribute: some word of its clause
                // other than units and names is also in the claim's ("battery ... 3 years" is not
                // "fork ... 2 years").
                // Never a statement about another product ("Lead course: three 2.5-hour sessions" says
                // nothing of the intro course), nor about one product when the claim names none.
                let sameAttribute = candidates.filter { c in
                    guard !difference, !(future && (q.dimension == .year || q.dimension == .date)),
                          (!subjectOnly || aboutSubject(c.unit)), !aboutOther(c.unit), !claimEntities.isEmpty || c.unit.entities.isEmpty,
                          !Self.meetsThreshold(q, c.quantity), !agrees(q, c.quantity),
                          q.dimension != .weekdays || sameScope(c.unit, entities: claimEntities, places: claimPlaces) else { return false }
                    let theirs = attributeWords(c.quantity, in: c.unit.text, offset: 0, others: c.unit.quantities)
                    return !attribute.isDisjoint(with: theirs) && Self.sameKindOfAmount(q.dimension, attribute, theirs)
                }
                let top = sameAttribute.first?.score ?? 0
                let nearest = sameAttribute.filter { $0.score == top }.min { abs($0.quantity.base - q.base) < abs($1.quantity.base - q.base) }
                if let nearest { contradicted.append((q, nearest.quantity, nearest.unit)) }
            }
        }
        // A statement that bears out one figure of the claim speaks for the claim's other figures it
        // gives too ("opens at 07:30 and closes at 18:00" against "07:30 to 18:00").
        for q in claim.quantities where !supported.contains(where: { $0.0 == q }) {
            guard let unit = supported.map(\.1).first(where: { u in u.quantities.contains { compatible(q, $0) && agrees(q, $0) } }) else { continue }
            contradicted.removeAll { $0.0 == q }
            supported.append((q, unit))
        }
        // A negative statement denies the claim, unless the clause it denies carries a figure that
        // a statement bears out ("with a one-off $49 joining fee" against another plan's "no joining fee").
        // (A statement whose heading the claim names outranks any figure: "Annual members also pay
        // the $49 joining fee" against "Annual membership: ... no joining fee".)
        if let denial = try denial(of: claim, units: units, entities: claimEntities),
           denial.headed || !supported.contains(where: { denial.claimClause.contains($0.0.start - claim.start) }) {
            return Self.denied(claim, by: denial)
        }
        if let (q, e, unit) = contradicted.first {
            // The statement's figure is said of the same attribute, so it is the correction.
            // (A figure in words, "twenty twelve", is not rewritten.)
            let suggestion = q.text.first?.isLetter == true && q.dimension != .weekdays ? nil : Self.replace(q, with: e, in: claim)
            return ClaimCheck(claim: claim, verdict: .contradicted, evidence: [unit.evidence],
                              reason: "The claim says \(q.text); \(unit.evidence.source) says “\(unit.text)”.", suggestion: suggestion, decidedBy: .rules)
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
            return ClaimCheck(claim: claim, verdict: .contradicted, evidence: [c.unit.evidence], reason: reason, suggestion: suggestion, decidedBy: .rules)
        }
        let checkWorthy = claim.quantities.filter { $0.dimension != .count || !["charge", "bike", "way", "day", "time", "place"].contains($0.unit) }
        // Supported only when every figure worth checking is borne out, and every name the claim
        // gives is in the passages that bear it out ("founded in 2012 by Dana Okafor and Marcus Reyes").
        if !supported.isEmpty, supported.count >= max(1, checkWorthy.count), placeCheck.unstated.isEmpty {
            if let missing = unmatchedNames(in: claim, passages: supported.map(\.1.evidence) + evidence).first {
                return ClaimCheck(claim: claim, verdict: .unverifiable, evidence: [],
                                  reason: "\(supported[0].1.evidence.source) gives the figures, but not \(missing).", suggestion: nil, decidedBy: .rules)
            }
            let sources = supported.map(\.1)
            var cited: [Evidence] = []
            for u in sources where !cited.contains(u.evidence) { cited.append(u.evidence) }
            return ClaimCheck(claim: claim, verdict: .supported, evidence: cited,
                              reason: "Matches \(sources[0].evidence.source): “\(sources[0].text)”.", suggestion: nil, decidedBy: .rules)
        }
        if claim.quantities.isEmpty, placeCheck.unstated.isEmpty, let (unit, same) = statementMatch(claim, units: units, entities: claimEntities) {
            return ClaimCheck(claim: claim, verdict: same ? .supported : .contradicted, evidence: [unit.evidence],
                              reason: same ? "Matches \(unit.evidence.source): “\(unit.text)”." : "\(unit.evidence.source) says the opposite: “\(unit.text)”.",
                              suggestion: nil, decidedBy: .rules)
        }
        // What the rules leave open is supported only when one statement bears out all of it
        // (every figure, place and product, most of the words), and the judge, shown that
        // statement, agrees. The judge alone never decides: measured on labelled claims, its
        // "contradicted" was too often wrong, so it can only keep a claim unverifiable.
        if let unit = entailing(claim, units: units + placeCheck.units, entities: claimEntities) {
            let statement = Evidence(source: unit.evidence.source, heading: unit.evidence.heading, text: unit.text, score: unit.evidence.score)
            guard let judge else {
                return ClaimCheck(claim: claim, verdict: .supported, evidence: [unit.evidence], reason: "Matches \(unit.evidence.source): “\(unit.text)”.",
                                  suggestion: nil, decidedBy: .rules)
            }
            if let ruling = try judge.judge(claim: claim.text, evidence: [statement]) {
                if ruling.verdict == .supported {
                    return ClaimCheck(claim: claim, verdict: .supported, evidence: [unit.evidence], reason: "Matches \(unit.evidence.source): “\(unit.text)”.",
                                      suggestion: nil, decidedBy: .judge)
                }
                return ClaimCheck(claim: claim, verdict: .unverifiable, evidence: [], reason: "\(unit.evidence.source) comes close (“\(unit.text)”), but the language model does not find it says this. \(ruling.reason)",
                                  suggestion: nil, decidedBy: .judge)
            }
        }
        return ClaimCheck(claim: claim, verdict: .unverifiable, evidence: [],
                          reason: claim.quantities.isEmpty ? "No figure to compare, and nothing in the knowledge base decides it." :
                              "No passage in the knowledge base states this figure.", suggestion: nil, decidedBy: .rules)
    }

    /// A sentence that is not check-worthy by its form, contradicted when a negative statement denies it.
    func denied(_ claim: Claim, about named: [String]) throws -> ClaimCheck? {
        let unnamed = named.filter { claim.text.range(of: $0, options: .caseInsensitive) == nil }
        let evidence = try retriever.evidence(for: unnamed.isEmpty ? claim.text : unnamed.joined(separator: ", ") + ": " + claim.text, limit: passages)
        let units = EvidenceUnit.units(of: evidence, entities: entities)
        return try denial(of: claim, units: units, entities: named).map { Self.denied(claim, by: $0) }
    }

    static func denied(_ claim: Claim, by denial: Denial) -> ClaimCheck {
        ClaimCheck(claim: claim, verdict: .contradicted, evidence: [denial.unit.evidence],
                   reason: "\(denial.unit.evidence.source) says the opposite: “\(denial.unit.text)”.", suggestion: nil, decidedBy: .rules)
    }

    /// Whether a statement is about exactly what a claim is about: its products, or its places
    /// (in the statement or its heading), or, for a claim that names neither, nothing in particular.
    /// Days are given per café, line or service: "open every day" is contradicted only by the
    /// days of the same one.
    func sameScope(_ unit: EvidenceUnit, entities claimEntities: [String], places claimPlaces: [String]) -> Bool {
        let unitPlaces = places.find(in: unit.text + " " + unit.evidence.heading)
        if !claimEntities.isEmpty { return !Set(unit.entities).isDisjoint(with: claimEntities) }
        if !claimPlaces.isEmpty { return claimPlaces.contains(where: unitPlaces.contains) }
        return unit.entities.isEmpty && unitPlaces.isEmpty
    }

    /// The capitalised names in a claim (not its first word, nor the kit's names, places, days or
    /// months) that none of `passages` writes ("Marcus Reyes").
    func unmatchedNames(in claim: Claim, passages: [Evidence]) -> [String] {
        let known = Set((names + entities).flatMap { $0.split(separator: " ").map { $0.lowercased() } })
        let claimPlaces = places.find(in: claim.text, unknown: true).flatMap { $0.split(separator: " ").map { $0.lowercased() } }
        let text = passages.map { $0.heading + "\n" + $0.text }.joined(separator: "\n")
        var out: [String] = []
        var previous: Character = "."
        let tokens = claim.text.split(separator: " ")
        // A headline in title case ("Climb All 4 Gyms for $129 a Month") capitalises every word.
        let words = tokens.filter { $0.contains(where: \.isLetter) }
        let capitalised = words.filter { $0.first?.isUppercase == true }.count
        guard words.count < 3 || Double(capitalised) < 0.6 * Double(words.count) else { return [] }
        for token in tokens {
            var word = token.trimmingCharacters(in: .punctuationCharacters)
            if word.hasSuffix("'s") || word.hasSuffix("’s") { word = String(word.dropLast(2)) }
            defer { previous = token.last ?? " " }
            guard ".:!?\"“".contains(previous) == false, let first = word.first, first.isUppercase, word.count >= 3,
                  word.dropFirst().contains(where: \.isLowercase), word.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" }) else { continue }
            let lower = word.lowercased()
            guard !known.contains(lower), !claimPlaces.contains(lower), !PlaceFinder.calendar.contains(lower),
                  !(lower.hasSuffix("s") && PlaceFinder.calendar.contains(String(lower.dropLast()))),
                  // Languages and scales are words, not names ("Portuguese-speaking", "Celsius").
                  !PlaceFinder.notPlaces.contains(lower.split(separator: "-").first.map(String.init) ?? lower),
                  !["celsius", "fahrenheit", "kelvin"].contains(lower),
                  text.range(of: word) == nil else { continue }
            out.append(word)
        }
        return out
    }

    /// Whether a statement can speak for the places a claim names: it names one of them, or no
    /// place of their kind ("UK orders arrive in 1 to 2 days" says nothing of France).
    func samePlaces(_ claimPlaces: [String], _ unit: EvidenceUnit) -> Bool {
        guard !claimPlaces.isEmpty else { return true }
        // (A section's heading scopes its statements: "## Bristol" › "Our first café, opened in 2016".)
        let theirs = places.find(in: unit.text) + places.find(in: unit.evidence.heading.components(separatedBy: " › ").last ?? "")
        return claimPlaces.contains(where: theirs.contains) || claimPlaces.allSatisfy { p in !theirs.contains { places.level($0) == places.level(p) } }
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
                // A physical measurement is specific enough to follow a weaker hint (the claim's and the
                // statement's subject words, "auto-belays ... 150 kg" and "Auto-belays take ... 140 kg").
                if score >= (Self.measurements.contains(q.dimension) ? 2 : 3) { found.append((score, unit, e)) }
            }
        }
        return found.sorted { $0.score > $1.score }
    }


    /// A statement that says nearly the same words as a claim without figures: (unit, same polarity).
    /// Most of the claim's content words must appear in it; a negation on one side only makes it a contradiction.
    func statementMatch(_ claim: Claim, units: [EvidenceUnit], entities claimEntities: [String]) -> (EvidenceUnit, Bool)? {
        let words = Words.content(claim.text)
        guard words.count >= 3 else { return nil }
        let claimNegated = Negation.present(in: claim.text)
        var best: (Double, EvidenceUnit)?
        for unit in units {
            if !claimEntities.isEmpty, !unit.entities.isEmpty, Set(unit.entities).isDisjoint(with: claimEntities) { continue }
            let shared = words.intersection(Words.content(unit.text)).count
            let share = Double(shared) / Double(words.count)
            if shared >= 2, share >= 0.6, share > (best?.0 ?? 0) { best = (share, unit) }
        }
        guard let (_, unit) = best else { return nil }
        guard claimNegated != unit.negative else { return (unit, true) }
        // Opposite only when what the negative side denies is what the other side says
        // ("..., never by contractors" says nothing against "done by our own team").
        let negativeText = claimNegated ? claim.text : unit.text
        let otherWords = claimNegated ? Words.content(unit.text) : words
        guard Self.negatedClauses(of: negativeText).contains(where: { $0.denied.last.map(otherWords.contains) == true }) else { return nil }
        return (unit, false)
    }

    /// Dimensions of physical measurement, with units that make a figure specific.
    static let measurements: Set<Quantity.Dimension> = [.length, .mass, .speed, .power, .torque, .energy, .voltage, .charge, .volume,
                                                         .temperature, .data, .rotation, .loudness]

    /// A figure unlikely to recur by chance: two or more significant digits, the last not zero
    /// ("4.8 m", "$27", "38 cm"; not "1 litre", "60 spaces", "$290").
    static func isDistinctive(_ q: Quantity) -> Bool {
        guard q.low == nil, q.dimension == .money || measurements.contains(q.dimension) else { return false }
        // The digits as written ("four point eight" is 48), without leading zeros.
        let scaled = (q.value * q.pow10(q.decimals)).rounded()
        guard scaled >= 1, scaled < 1e15 else { return false }
        let digits = String(Int(scaled))
        return digits.count >= 2 && digits.last != "0"
    }

    /// Same kind of thing: the dimension, and for counts the same noun; dates with and without a year.
    func compatible(_ a: Quantity, _ b: Quantity) -> Bool {
        // A year and a date: compared by their years.
        if Set([a.dimension, b.dimension]) == [.year, .date] { return (a.dimension == .date ? a : b).unit != "month-day" }
        guard a.dimension == b.dimension else { return false }
        if a.dimension == .count { return !a.unit.isEmpty && a.unit == b.unit }
        // Amounts in different currencies are not compared (no exchange rates).
        if a.dimension == .money { return a.unit == b.unit }
        return true
    }

    /// An exact figure that meets a threshold ("$3,299" against "orders of $500 or more") does
    /// not contradict it.
    /// Nor does a claim's lower bound that the statement's figure meets ("more than one gym" against
    /// "four gyms"). (An upper bound is a promise: "up to 60 miles" against "40 miles" overstates.)
    static func meetsThreshold(_ q: Quantity, _ e: Quantity) -> Bool {
        (e.bound == .atLeast && q.bound == .exact && q.base >= e.base)
            || (q.bound == .atLeast && e.bound == .exact && e.base >= q.base)
            // A bound that overlaps a stated range ("under three weeks" against "2 to 6 weeks").
            || (e.low != nil && q.bound == .atMost && q.base >= e.low!) || (e.low != nil && q.bound == .atLeast && q.base <= e.base)
    }

    /// Whether a sentence speaks of the future ("We'll publish...", "will add", "plans to").
    static func isFuture(_ text: String) -> Bool {
        !Set(text.lowercased().replacingOccurrences(of: "’", with: "'").split { !$0.isLetter && $0 != "'" }.map(String.init))
            .isDisjoint(with: ["will", "we'll", "you'll", "it'll", "they'll", "plan", "plans", "soon", "upcoming"])
    }

    /// Whether the word after `q` makes it a difference between two values ("2 m taller").
    static func isDifference(_ q: Quantity, in claim: Claim) -> Bool {
        let scalars = Array(claim.text.unicodeScalars)
        let end = max(0, min(scalars.count, q.end - claim.start))
        let next = String(String.UnicodeScalarView(scalars[end...])).lowercased().split { !$0.isLetter }.first.map(String.init) ?? ""
        return comparatives.contains(next) || (next.hasSuffix("er") && next.count > 4 && !["water", "after", "under", "other", "order", "number"].contains(next))
    }

    static let comparatives: Set<String> = ["more", "less", "fewer", "faster", "slower", "longer", "shorter", "taller", "higher", "lower",
                                            "bigger", "smaller", "larger", "heavier", "lighter", "cheaper", "earlier", "later", "further", "farther"]

    /// The first statement of the section whose statements' days, together, include all of `q`'s.
    static func coveringSection(_ q: Quantity, _ candidates: [(score: Int, unit: EvidenceUnit, quantity: Quantity)]) -> EvidenceUnit? {
        var days: [String: (mask: Int, unit: EvidenceUnit)] = [:]
        for c in candidates where c.quantity.dimension == .weekdays {
            let key = c.unit.evidence.source + "\u{1}" + c.unit.evidence.heading
            days[key] = ((days[key]?.mask ?? 0) | Int(c.quantity.base), days[key]?.unit ?? c.unit)
        }
        return days.values.first { Int(q.base) & ~$0.mask == 0 }?.unit
    }

    /// Whether evidence `e` bears out claim quantity `q`, bounds considered.
    func agrees(_ q: Quantity, _ e: Quantity) -> Bool {
        var a = q, b = e
        // "in 2022" is borne out by "on 5 April 2022"; "5 April 2022" is more than "2022" says.
        if a.dimension == .year, b.dimension == .date { return Int(b.base / 10000) == Int(a.base) }
        if a.dimension != b.dimension { return false }
        // "in April 2022" is borne out by "on 5 April 2022": a month is compared as a month.
        if a.dimension == .date, a.unit == "month" || b.unit == "month" {
            return Int(a.base / 100) == Int(b.base / 100) && (a.unit == "month" || a.base == b.base)
        }
        if a.dimension == .date, a.unit == "month-day" || b.unit == "month-day" {
            a.base = a.base.truncatingRemainder(dividingBy: 10000)
            b.base = b.base.truncatingRemainder(dividingBy: 10000)
        }
        // A set of days bears out any of its days ("on Saturdays" against "Monday to Saturday").
        if a.dimension == .weekdays { return Int(a.base) & ~Int(b.base) == 0 }
        // A figure inside a stated range ("about 10 clicks" against "8 to 12 clicks").
        if let low = b.low, a.low == nil, a.bound == .exact { return low <= a.base + 1e-9 && a.base <= b.base + 1e-9 }
        if let low = a.low {
            // A range bears out a range with the same two ends.
            guard let theirs = b.low else { return false }
            var lowA = a, lowB = b
            lowA.base = low; lowA.value = low * a.value / max(a.base, 1e-12); lowA.low = nil
            lowB.base = theirs; lowB.value = theirs * b.value / max(b.base, 1e-12); lowB.low = nil
            var highA = a, highB = b
            highA.low = nil; highB.low = nil
            return lowA.sameAmount(as: lowB) && highA.sameAmount(as: highB)
        }
        if b.low != nil { return false }
        // "about $164 a month" for "$164.36 a month".
        if a.approximate, a.dimension == .money, a.decimals == 0, b.decimals > 0, abs(a.base - b.base) < 1 { return true }
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
        // A line that starts with a label ("Water: 500 ml at 96 °C") says what its figures measure.
        if let label = Self.label(s, before: start) { clause += " " + label }
        for name in entities.sorted(by: { $0.count > $1.count }) { clause = clause.replacingOccurrences(of: name, with: " ", options: .caseInsensitive) }
        // ("one-off" is not a saving.)
        clause = clause.replacingOccurrences(of: "one-off", with: "single", options: .caseInsensitive)
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
    /// Nor are amounts of different periods ("€35 a month", "€336 a year") or a rate and a total
    /// ("€6 per user", "€60 a month").
    static func sameKindOfAmount(_ dimension: Quantity.Dimension, _ ours: Set<String>, _ theirs: Set<String>) -> Bool {
        guard dimension == .money || dimension == .percent else { return true }
        guard ours.isDisjoint(with: savings) == theirs.isDisjoint(with: savings) else { return false }
        guard dimension == .money else { return true }
        let periods = (ours.intersection(Self.periods.keys).map { Self.periods[$0]! }, theirs.intersection(Self.periods.keys).map { Self.periods[$0]! })
        if !periods.0.isEmpty, !periods.1.isEmpty, Set(periods.0).isDisjoint(with: periods.1) { return false }
        return ours.isDisjoint(with: rates) == theirs.isDisjoint(with: rates)
    }

    /// Stems of words that give an amount's period, by period.
    static let periods: [String: String] = {
        var out: [String: String] = [:]
        for w in Words.content("month monthly months") { out[w] = "month" }
        for w in Words.content("year yearly annual annually years") { out[w] = "year" }
        for w in Words.content("week weekly weeks") { out[w] = "week" }
        return out
    }()

    /// Stems of words that make an amount a rate per thing ("per user", "each seat").
    static let rates: Set<String> = Words.content("user users seat seats person people head employee employees hour hourly")

    /// Stems of words that make an amount a saving rather than a price.
    static let savings: Set<String> = Words.content("save saves saving savings off discount cheaper reduced credit toward towards earn earns rebate cashback")

    /// Up to five words either side of a quantity.
    func window(around q: Quantity, in claim: Claim) -> String {
        let scalars = Array(claim.text.unicodeScalars)
        return Self.window(scalars, q.start - claim.start, q.end - claim.start)
    }

    /// Up to five words either side of a statement's quantity, and the label of its line.
    func window(around q: Quantity, in text: String) -> String {
        let s = Array(text.unicodeScalars)
        return Self.window(s, q.start, q.end) + (Self.label(s, before: q.start).map { " " + $0 } ?? "")
    }

    /// The label that starts a line ("- Opening hours: Monday to Friday, 07:30 to 18:00" → "Opening
    /// hours"), when it ends before `offset`: a few words without figures, then a colon.
    static func label(_ s: [Unicode.Scalar], before offset: Int) -> String? {
        guard let colon = s.firstIndex(of: ":"), colon < offset, colon <= 40 else { return nil }
        let label = String(String.UnicodeScalarView(s[..<colon]))
        return label.contains(where: \.isNumber) ? nil : label
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
        case .date, .year, .timeOfDay, .weekdays:
            figure = e.text
        case _ where e.low != nil:
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
