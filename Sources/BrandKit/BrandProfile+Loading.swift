import TOML

extension BrandProfile {
    static let ruleKinds: [StyleRule.Kind: (required: [String], optional: [String])] = [
        .existence: (["tokens"], ["ignorecase"]),
        .substitution: (["swap"], ["ignorecase"]),
        .capitalization: (["names"], []),
        .occurrence: (["token", "max"], ["scope"]),
        .conditional: (["when", "then"], []),
        .required: (["channel", "text"], []),
        .readability: (["max_grade"], ["channel"]),
        .length: ([], ["max_words", "max_sentences", "max_chars", "channel"]),
    ]
    static let commonKeys = ["id", "kind", "level", "message"]

    /// Parses brand.toml. `file` names it in errors.
    ///
    /// - Throws: `KitError` with the file, line, rule id and key: syntax errors, unknown tables,
    ///   keys or rule kinds, missing keys, wrong types, bad values, patterns that do not compile.
    public init(toml source: String, file: String = "brand.toml") throws(KitError) {
        let root: TOMLTable
        do { root = try TOML.parse(source, file: file) } catch {
            throw KitError(.syntax, error.message, file: file, line: error.line)
        }
        func line(_ t: TOMLTable, _ key: String) -> Int? { t.position(of: key)?.line ?? t.position?.line }
        for key in root.keys where !["brand", "voice", "palette", "review", "rules"].contains(key) {
            throw KitError(.unknownKey, "unknown table or key \"\(key)\"; expected [brand], [voice], [palette], [review] and [[rules]]", file: file, line: line(root, key), field: key)
        }
        // [brand]
        guard let brand = root["brand"]?.table else {
            throw KitError(.missingKey, "missing the [brand] table with its name", file: file, line: 1, field: "brand")
        }
        for key in brand.keys where !["name", "locale"].contains(key) {
            throw KitError(.unknownKey, "[brand]: unknown key \"\(key)\"", file: file, line: line(brand, key), field: key)
        }
        guard let name = brand["name"]?.string, !name.isEmpty else {
            throw KitError(brand["name"] == nil ? .missingKey : .wrongType, "[brand]: `name` must be a non-empty string", file: file, line: line(brand, "name"), field: "name")
        }
        self.name = name
        if let l = brand["locale"] {
            guard let s = l.string else { throw KitError(.wrongType, "[brand]: `locale` must be a string", file: file, line: line(brand, "locale"), field: "locale") }
            locale = s
        } else {
            locale = "en-US"
        }
        // [voice]
        voice = Voice()
        if let v = root["voice"] {
            guard let t = v.table else { throw KitError(.wrongType, "`voice` must be a table", file: file, line: line(root, "voice"), field: "voice") }
            voice = try Self.voice(t, file: file)
        }
        // [palette]
        palette = []
        if let p = root["palette"] {
            guard let t = p.table else { throw KitError(.wrongType, "`palette` must be a table", file: file, line: line(root, "palette"), field: "palette") }
            for key in t.keys {
                guard let hex = t[key]?.string, hex.count == 7, hex.first == "#", hex.dropFirst().allSatisfy(\.isHexDigit) else {
                    throw KitError(.invalidValue, "[palette]: \"\(key)\" must be a colour written \"#RRGGBB\"", file: file, line: line(t, key), field: key)
                }
                palette.append((key, hex))
            }
        }
        // [review]
        review = Review()
        if let r = root["review"] {
            guard let t = r.table else { throw KitError(.wrongType, "`review` must be a table", file: file, line: line(root, "review"), field: "review") }
            for key in t.keys {
                switch key {
                case "min_score":
                    guard let i = t[key]?.int, (0...100).contains(i) else {
                        throw KitError(.invalidValue, "[review]: `min_score` must be an integer from 0 to 100", file: file, line: line(t, key), field: key)
                    }
                    review.minScore = Int(i)
                case "max_unverifiable":
                    guard let i = t[key]?.int, i >= 0 else {
                        throw KitError(.invalidValue, "[review]: `max_unverifiable` must be a whole number of claims, 0 or more", file: file, line: line(t, key), field: key)
                    }
                    review.maxUnverifiable = Int(i)
                default:
                    throw KitError(.unknownKey, "[review]: unknown key \"\(key)\"; expected min_score or max_unverifiable", file: file, line: line(t, key), field: key)
                }
            }
        }
        // [[rules]]
        rules = []
        if let r = root["rules"] {
            guard let array = r.array else { throw KitError(.wrongType, "`rules` must be an array of tables ([[rules]])", file: file, line: line(root, "rules"), field: "rules") }
            var seen: Set<String> = []
            for item in array {
                guard let t = item.table else { throw KitError(.wrongType, "`rules` must be an array of tables ([[rules]])", file: file, line: line(root, "rules"), field: "rules") }
                let rule = try Self.rule(t, file: file)
                guard seen.insert(rule.id).inserted else {
                    throw KitError(.duplicateRule, "the id is used by an earlier rule", file: file, line: rule.line, rule: rule.id, field: "id")
                }
                rules.append(rule)
            }
        }
    }

    static func voice(_ t: TOMLTable, file: String) throws(KitError) -> Voice {
        func line(_ key: String) -> Int? { t.position(of: key)?.line ?? t.position?.line }
        var v = Voice()
        for key in t.keys {
            let value = t[key]!
            func wrong(_ what: String) -> KitError { KitError(.wrongType, "[voice]: `\(key)` must be \(what)", file: file, line: line(key), field: key) }
            switch key {
            case "description":
                guard let s = value.string else { throw wrong("a string") }
                v.description = s
            case "traits", "avoid_traits":
                guard let a = value.array, a.allSatisfy({ $0.string != nil }) else { throw wrong("an array of strings") }
                if key == "traits" { v.traits = a.compactMap(\.string) } else { v.avoidTraits = a.compactMap(\.string) }
            case "max_sentence_words", "max_exclamations":
                guard let i = value.int, i >= 0 else { throw wrong("a non-negative integer") }
                if key == "max_sentence_words" { v.maxSentenceWords = Int(i) } else { v.maxExclamations = Int(i) }
            case "reading_grade_max":
                guard let d = value.double else { throw wrong("a number") }
                v.readingGradeMax = d
            case "person":
                guard let s = value.string, let p = Person(rawValue: s) else { throw wrong("\"first\", \"second\" or \"third\"") }
                v.person = p
            default:
                throw KitError(.unknownKey, "[voice]: unknown key \"\(key)\"", file: file, line: line(key), field: key)
            }
        }
        return v
    }

    static func rule(_ t: TOMLTable, file: String) throws(KitError) -> StyleRule {
        let header = t.position?.line
        func line(_ key: String) -> Int? { t.position(of: key)?.line ?? header }
        let id = t["id"]?.string
        func fail(_ code: KitError.Code, _ message: String, _ key: String?) -> KitError {
            KitError(code, message, file: file, line: key.map(line) ?? header, rule: id, field: key)
        }
        guard let id, !id.isEmpty else {
            throw fail(t["id"] == nil ? .missingKey : .wrongType, "a rule needs `id`, a kebab-case string", t["id"] == nil ? nil : "id")
        }
        let kebab = id.split(separator: "-", omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part.allSatisfy { ($0.isLetter && $0.isLowercase && $0.isASCII) || ($0.isNumber && $0.isASCII) }
        }
        guard kebab else { throw fail(.invalidValue, "`id` must be kebab-case: lowercase letters and digits joined by '-'", "id") }
        guard let kindName = t["kind"]?.string else { throw fail(t["kind"] == nil ? .missingKey : .wrongType, "missing `kind`", t["kind"] == nil ? nil : "kind") }
        guard let kind = StyleRule.Kind(rawValue: kindName), let keys = ruleKinds[kind] else {
            throw fail(.unknownKind, "unknown rule kind \"\(kindName)\"; expected one of \(StyleRule.Kind.allCases.map(\.rawValue).sorted().joined(separator: ", "))", "kind")
        }
        for key in t.keys where !commonKeys.contains(key) && !keys.required.contains(key) && !keys.optional.contains(key) {
            throw fail(.unknownKey, "unknown key \"\(key)\" for a \(kind.rawValue) rule", key)
        }
        for key in commonKeys + keys.required where t[key] == nil {
            throw fail(.missingKey, "missing required key `\(key)`", nil)
        }
        guard let levelText = t["level"]?.string, let level = StyleRule.Level(rawValue: levelText) else {
            throw fail(.invalidValue, "`level` must be \"error\", \"warning\" or \"suggestion\"", "level")
        }
        guard let message = t["message"]?.string else { throw fail(.wrongType, "`message` must be a string", "message") }
        guard message.components(separatedBy: "%s").count <= 2 else { throw fail(.invalidValue, "`message` may contain %s at most once", "message") }

        func string(_ key: String) throws(KitError) -> String {
            guard let s = t[key]?.string else { throw fail(.wrongType, "`\(key)` must be a string", key) }
            return s
        }
        func bool(_ key: String) throws(KitError) -> Bool {
            guard let v = t[key] else { return false }
            guard let b = v.bool else { throw fail(.wrongType, "`\(key)` must be true or false", key) }
            return b
        }
        func positive(_ key: String, allowZero: Bool = false) throws(KitError) -> Int? {
            guard let v = t[key] else { return nil }
            guard let i = v.int, i > 0 || (allowZero && i == 0) else {
                throw fail(.invalidValue, "`\(key)` must be an integer \(allowZero ? "≥ 0" : "> 0")", key)
            }
            return Int(i)
        }
        func channel(_ key: String) throws(KitError) -> Channel? {
            guard t[key] != nil else { return nil }
            let c = try string(key)
            guard let channel = Channel(rawValue: c) else {
                throw fail(.invalidValue, "unknown channel \"\(c)\"; expected one of \(Channel.allCases.map(\.rawValue).joined(separator: ", "))", key)
            }
            return channel
        }
        func pattern(_ source: String, _ key: String, ignoreCase: Bool = false, literal: Bool = false) throws(KitError) -> StylePattern {
            do { return try StylePattern(source, ignoreCase: ignoreCase, literal: literal) } catch {
                throw fail(.invalidPattern, "`\(key)`: \(error.message)", key)
            }
        }
        func strings(_ key: String) throws(KitError) -> [String] {
            guard let a = t[key]?.array, a.allSatisfy({ $0.string != nil }) else { throw fail(.wrongType, "`\(key)` must be an array of strings", key) }
            let items = a.compactMap(\.string)
            guard !items.isEmpty, items.allSatisfy({ !$0.isEmpty }) else { throw fail(.invalidValue, "`\(key)` must not be empty", key) }
            return items
        }

        let check: StyleRule.Check
        switch kind {
        case .existence:
            let ic = try bool("ignorecase")
            var patterns: [StylePattern] = []
            for s in try strings("tokens") { patterns.append(try pattern(s, "tokens", ignoreCase: ic)) }
            check = .existence(patterns)
        case .substitution:
            let ic = try bool("ignorecase")
            guard let swap = t["swap"]?.table, !swap.isEmpty else { throw fail(.wrongType, "`swap` must be a non-empty table of wrong = \"right\"", "swap") }
            var pairs: [(StylePattern, String)] = []
            for key in swap.keys {
                guard let right = swap[key]?.string else { throw fail(.wrongType, "`swap`: the replacement for \"\(key)\" must be a string", "swap") }
                pairs.append((try pattern(key, "swap", ignoreCase: ic), right))
            }
            check = .substitution(pairs)
        case .capitalization:
            var names: [(String, StylePattern)] = []
            for n in try strings("names").sorted(by: { $0.count > $1.count }) {
                names.append((n, try pattern(n, "names", ignoreCase: true, literal: true)))
            }
            check = .capitalization(names)
        case .occurrence:
            let scope = t["scope"] == nil ? "text" : try string("scope")
            guard scope == "text" || scope == "sentence" else { throw fail(.invalidValue, "`scope` must be \"text\" or \"sentence\"", "scope") }
            check = .occurrence(try pattern(try string("token"), "token"), max: try positive("max", allowZero: true) ?? 0, perSentence: scope == "sentence")
        case .conditional:
            check = .conditional(when: try pattern(try string("when"), "when"), then: try pattern(try string("then"), "then"))
        case .required:
            let text = try string("text")
            guard !text.isEmpty else { throw fail(.invalidValue, "`text` must not be empty", "text") }
            check = .required(channel: try channel("channel")!, text: text)
        case .readability:
            guard let g = t["max_grade"]?.double else { throw fail(.wrongType, "`max_grade` must be a number", "max_grade") }
            check = .readability(maxGrade: g, channel: try channel("channel"))
        case .length:
            let w = try positive("max_words"), s = try positive("max_sentences"), c = try positive("max_chars")
            guard w != nil || s != nil || c != nil else { throw fail(.missingKey, "a length rule needs max_words, max_sentences or max_chars", nil) }
            check = .length(maxWords: w, maxSentences: s, maxChars: c, channel: try channel("channel"))
        }
        return StyleRule(id: id, kind: kind, level: level, message: message, check: check, line: header)
    }
}
