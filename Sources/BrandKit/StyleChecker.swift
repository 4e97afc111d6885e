import Foundation

/// Checks copy against a brand's rules, voice limits and the channel's own limits.
public struct StyleChecker: Sendable {
    public let profile: BrandProfile
    public let syllables: SyllableCounter
    /// Words per second a voiceover is read at (the 30-second budget is 30 × this).
    public var speakingRate = 2.5
    /// Pieces shorter than this are not graded: on a sentence or two the formula swings by
    /// several grades with one long word.
    public var minimumWordsForGrade = 30

    public init(profile: BrandProfile, syllables: SyllableCounter = SyllableCounter()) {
        self.profile = profile
        self.syllables = syllables
    }

    /// Flesch-Kincaid grade: 0.39 × words/sentences + 11.8 × syllables/words − 15.59.
    public func readability(_ text: String) -> ReadabilityScore {
        let words = TextSegmenter.words(in: text)
        let sentences = max(1, TextSegmenter.sentences(in: text).count)
        let syl = words.reduce(0) { $0 + syllables.count($1.text) }
        guard !words.isEmpty else { return ReadabilityScore(grade: 0, words: 0, sentences: 0, syllables: 0) }
        let grade = 0.39 * Double(words.count) / Double(sentences) + 11.8 * Double(syl) / Double(words.count) - 15.59
        return ReadabilityScore(grade: grade, words: words.count, sentences: sentences, syllables: syl)
    }

    /// Every finding for `text` as copy for `channel` (nil: rules without a channel only), in rule order.
    public func check(_ text: String, channel: Channel? = nil) -> [StyleFinding] {
        var findings: [StyleFinding] = []
        let index = ScalarIndex(text)
        let whole = (0, index.scalars.count)
        for rule in profile.rules {
            if let c = rule.channel, c != channel { continue }
            func add(_ start: Int, _ end: Int, _ value: String, replacement: String? = nil, shown: String? = nil) {
                findings.append(StyleFinding(rule: rule.id, level: rule.level, start: start, end: end, text: shown ?? index.text(start, end),
                                             message: rule.message(with: value), replacement: replacement))
            }
            switch rule.check {
            case .existence(let patterns):
                var taken: [(Int, Int)] = []
                for p in patterns {
                    for m in p.matches(in: text) where !taken.contains(where: { $0.0 < m.end && m.start < $0.1 }) {
                        taken.append((m.start, m.end))
                        add(m.start, m.end, m.text)
                    }
                }
            case .substitution(let pairs):
                var taken: [(Int, Int)] = []
                for (wrong, right) in pairs {
                    for m in wrong.matches(in: text) where !taken.contains(where: { $0.0 < m.end && m.start < $0.1 }) {
                        taken.append((m.start, m.end))
                        var fix = right
                        if wrong.ignoreCase, let first = m.text.first, first.isUppercase, let f = fix.first {
                            fix = f.uppercased() + fix.dropFirst()
                        }
                        if m.text != fix { add(m.start, m.end, m.text, replacement: fix) }
                    }
                }
            case .capitalization(let names):
                var taken: [(Int, Int)] = []
                for (name, pattern) in names {
                    for m in pattern.matches(in: text) where !taken.contains(where: { $0.0 < m.end && m.start < $0.1 }) {
                        taken.append((m.start, m.end))
                        if m.text != name { add(m.start, m.end, m.text, replacement: name) }
                    }
                }
            case .occurrence(let pattern, let max, let perSentence):
                let scopes = perSentence ? TextSegmenter.sentences(in: text).map { ($0.start, $0.end) } : [whole]
                let matches = pattern.matches(in: text)
                for (s, e) in scopes {
                    let inside = matches.filter { $0.start >= s && $0.end <= e }
                    if inside.count > max { add(inside[max].start, inside[max].end, inside[max].text) }
                }
            case .conditional(let when, let then):
                if let first = when.matches(in: text).first, then.matches(in: text).isEmpty { add(first.start, first.end, first.text) }
            case .required(_, let required):
                if !text.contains(required) { findings.append(StyleFinding(rule: rule.id, level: rule.level, start: 0, end: 0, text: "", message: rule.message(with: required), replacement: nil)) }
            case .readability(let maxGrade, _):
                let r = readability(text)
                if r.words >= minimumWordsForGrade, r.grade > maxGrade { add(whole.0, whole.1, String(format: "%.1f", r.grade), shown: "") }
            case .length(let maxWords, let maxSentences, let maxChars, _):
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                let chars = trimmed.count, words = TextSegmenter.words(in: text).count, sentences = TextSegmenter.sentences(in: text).count
                // A search ad is a set of assets: each labelled line ("Headline: ...") is measured on its own.
                if channel == .searchAd, let m = maxChars {
                    if let long = Self.labelledLines(text).first(where: { $0.text.count > m }) {
                        add(long.start, long.end, "\(long.text.count) characters", shown: long.text)
                    }
                    continue
                }
                if let m = maxChars, chars > m { add(whole.0, whole.1, "\(chars) characters", shown: "") }
                else if let m = maxWords, words > m { add(whole.0, whole.1, "\(words) words", shown: "") }
                else if let m = maxSentences, sentences > m { add(whole.0, whole.1, "\(sentences) sentences", shown: "") }
            }
        }
        findings += voiceFindings(text, index: index)
        if let channel { findings += channelFindings(text, channel: channel, index: index) }
        return findings
    }

    /// The [voice] limits, as warnings.
    func voiceFindings(_ text: String, index: ScalarIndex) -> [StyleFinding] {
        var out: [StyleFinding] = []
        let v = profile.voice
        if let limit = v.maxSentenceWords {
            for s in TextSegmenter.sentences(in: text) {
                let n = TextSegmenter.words(in: s.text).count
                if n > limit {
                    out.append(StyleFinding(rule: "voice.max_sentence_words", level: .warning, start: s.start, end: s.end, text: s.text,
                                            message: "This sentence has \(n) words; the brand's limit is \(limit).", replacement: nil))
                }
            }
        }
        if let limit = v.maxExclamations {
            let marks = index.scalars.indices.filter { index.scalars[$0] == "!" }
            if marks.count > limit {
                let at = marks[limit]
                out.append(StyleFinding(rule: "voice.max_exclamations", level: .warning, start: at, end: at + 1, text: "!",
                                        message: "\(marks.count) exclamation marks; the brand allows \(limit) per piece.", replacement: nil))
            }
        }
        if let limit = v.readingGradeMax {
            let r = readability(text)
            if r.words >= minimumWordsForGrade, r.grade > limit {
                out.append(StyleFinding(rule: "voice.reading_grade_max", level: .warning, start: 0, end: index.scalars.count, text: "",
                                        message: String(format: "Reads at grade %.1f; the brand aims for %.0f or below.", r.grade, limit), replacement: nil))
            }
        }
        return out
    }

    /// The channel's own limits (subject and headline lengths, hashtags, word budget), as errors.
    /// The `Label: value` lines of a text: the lowercased label and the value with its span.
    static func labelledLines(_ text: String) -> [(label: String, start: Int, end: Int, text: String)] {
        var lines: [(label: String, start: Int, end: Int, text: String)] = []
        var offset = 0
        for line in text.components(separatedBy: "\n") {
            let count = line.unicodeScalars.count
            if let colon = line.firstIndex(of: ":") {
                let label = line[..<colon].trimmingCharacters(in: CharacterSet(charactersIn: "#* ")).lowercased()
                let valueText = line[line.index(after: colon)...]
                let lead = valueText.unicodeScalars.prefix { $0 == " " }.count
                let value = valueText.trimmingCharacters(in: .whitespaces)
                let start = offset + line[..<colon].unicodeScalars.count + 1 + lead
                lines.append((label, start, start + value.unicodeScalars.count, value))
            }
            offset += count + 1
        }
        return lines
    }

    func channelFindings(_ text: String, channel: Channel, index: ScalarIndex) -> [StyleFinding] {
        var out: [StyleFinding] = []
        let limits = channel.limits
        let lines = Self.labelledLines(text)
        let rule = { (what: String) in "channel.\(channel.rawValue).\(what)" }
        for label in limits.requiredLines where !lines.contains(where: { $0.label == label }) {
            out.append(StyleFinding(rule: rule(label), level: .error, start: 0, end: 0, text: "",
                                    message: "The \(channel.rawValue) has no `\(label.prefix(1).uppercased() + label.dropFirst()):` line.", replacement: nil))
        }
        for (label, max) in limits.lines.sorted(by: { $0.key < $1.key }) {
            for l in lines where l.label == label || l.label.hasPrefix(label + " ") {
                if l.text.count > max {
                    out.append(StyleFinding(rule: rule(label), level: .error, start: l.start, end: l.end, text: l.text,
                                            message: "\(Self.lineNames[label] ?? "The \(label)") is \(l.text.count) characters; the limit is \(max).", replacement: nil))
                }
            }
        }
        if let max = limits.characters {
            let chars = text.trimmingCharacters(in: .whitespacesAndNewlines).count
            if chars > max {
                out.append(StyleFinding(rule: rule("length"), level: .error, start: 0, end: index.scalars.count, text: "",
                                        message: "The post is \(chars) characters; the limit is \(max).", replacement: nil))
            }
        }
        if let max = limits.hashtags {
            let tags = TextSegmenter.words(in: text).filter { $0.text.hasPrefix("#") }
            if tags.count > max {
                out.append(StyleFinding(rule: rule("hashtags"), level: .error, start: tags[max].start, end: tags[max].end, text: tags[max].text,
                                        message: "\(tags.count) hashtags; the limit is \(max).", replacement: nil))
            }
        }
        if let seconds = limits.spokenSeconds {
            let budget = Int(Double(seconds) * speakingRate)
            let words = TextSegmenter.words(in: text).count
            if words > budget {
                out.append(StyleFinding(rule: rule("words"), level: .error, start: 0, end: index.scalars.count, text: "",
                                        message: "The script has \(words) words; \(seconds) seconds at \(speakingRate) words a second is \(budget).", replacement: nil))
            }
        }
        return out
    }

    /// How a labelled line is named in a finding's message.
    static let lineNames = ["subject": "The subject line"]
}
