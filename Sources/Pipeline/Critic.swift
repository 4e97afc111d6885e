import BrandKit
import FactCheck
import Foundation
import Embeddings
import Knowledge

/// Everything needed to check copy against one brand kit and knowledge base: the rules, the
/// fact-checker and the tone scorer, built once.
public final class Critic {
    public let profile: BrandProfile
    let style: StyleChecker
    let facts: FactChecker
    let tone: ToneScorer?
    /// The knowledge base's contact details and text and the kit's names, for invented details and misspelt names.
    let inventedDetails: InventedDetails

    /// - Parameters:
    ///   - brand: where brand.toml and the exemplars are read from.
    ///   - knowledge: the knowledge base claims are checked against.
    ///   - judge: decides claims the rules cannot (nil: those stay unverifiable).
    public init(brand: BrandSource, knowledge: KnowledgeBase, embedder: SentenceEmbedder, judge: (any ClaimJudge)?,
                pronouncingDictionary: String?) throws {
        guard let toml = try brand.text("brand.toml") else { throw PipelineError(.notFound, "no brand.toml in \(brand.label)") }
        let file: String
        if case .folder(let dir) = brand { file = (dir as NSString).appendingPathComponent("brand.toml") } else { file = "brand.toml" }
        profile = try BrandProfile(toml: toml, file: file)
        let syllables = try pronouncingDictionary.map { try SyllableCounter(dictionaryAt: $0) } ?? SyllableCounter()
        style = StyleChecker(profile: profile, syllables: syllables)
        let names = KitNames(profile: profile)
        let knowledgeText = try knowledge.allText()
        facts = FactChecker(retriever: KnowledgeRetriever(kb: knowledge), judge: judge, entities: names.subjects, names: names.all + [profile.name],
                            places: PlaceFinder(knowledge: knowledgeText, excluding: names.all, brand: profile.name))
        inventedDetails = InventedDetails(sources: [knowledgeText], names: names.all + [profile.name], dictionary: pronouncingDictionary == nil ? nil : syllables)
        let on = try brand.markdownFiles(in: "exemplars/on-voice"), off = try brand.markdownFiles(in: "exemplars/off-voice")
        tone = on.count >= 2 && off.count >= 2
            ? try ToneScorer(embedder: embedder, onVoice: on, offVoice: off, traits: profile.voice.traits, avoidTraits: profile.voice.avoidTraits)
            : nil
    }

    /// Checks `text` as copy for `channel`.
    /// Text with nothing to check (empty, no words) never passes: it gets one error finding and score 0.
    /// `context` is other text the copy may take details from (the brief): contact details and names
    /// that neither it nor the knowledge base contain are invented.
    public func check(_ text: String, channel: Channel?, context: [String] = []) throws -> CheckReport {
        do { try CopyText.validate(text) } catch let error as PipelineError {
            let r = style.readability(text)
            return CheckReport(claims: [], findings: [.init(rule: "copy.empty", level: .error, start: 0, end: text.unicodeScalars.count,
                                                            text: "", message: error.message, replacement: nil)],
                               tone: nil, readability: .init(grade: 0, words: r.words, sentences: r.sentences, syllables: r.syllables,
                                                            maxGrade: profile.voice.readingGradeMax),
                               score: 0, passed: false, channel: channel)
        }
        var findings = style.check(text, channel: channel).map {
            CheckReport.Finding(rule: $0.rule, level: $0.level, start: $0.start, end: $0.end, text: $0.text, message: $0.message, replacement: $0.replacement)
        }
        for d in inventedDetails.adding(context).find(in: text) {
            let rule = d.kind == .nearMissName ? "names.misspelt" : "invented.\(d.kind.rawValue)"
            findings.append(CheckReport.Finding(rule: rule, level: .error, start: d.start, end: d.end, text: d.text, message: d.message, replacement: nil))
        }
        // A claim the brief itself states (a key message, the call to action) is the editor's own.
        let given = context.map { source in
            (try? Brief(source: source, file: "brief")).map { ($0.keyMessages + [$0.callToAction]).joined(separator: "\n") } ?? source
        }
        let claims = try facts.check(text).map { check -> ClaimCheck in
            guard check.verdict == .unverifiable, let line = given.lazy.compactMap({ self.facts.line(in: $0, stating: check.claim) }).first else { return check }
            var c = check
            c.verdict = .supported
            c.evidence = [Evidence(source: "brief", heading: "", text: line, score: 1)]
            c.reason = "The brief says: “\(line)”."
            c.decidedBy = .rules
            return c
        }.map { c in
            CheckReport.Claim(text: c.claim.text, start: c.claim.start, end: c.claim.end, verdict: c.verdict,
                              evidence: c.evidence.map { .init(source: $0.source, text: $0.text, score: $0.score) },
                              reason: c.reason, suggestion: c.suggestion, decidedBy: c.decidedBy)
        }
        let r = style.readability(text)
        let toneReport = try tone?.score(text)
        let errors = Double(findings.filter { $0.level == .error }.count)
        let warnings = Double(findings.filter { $0.level == .warning }.count)
        let suggestions = Double(findings.filter { $0.level == .suggestion }.count)
        let contradicted = Double(claims.filter { $0.verdict == .contradicted }.count)
        let unverifiable = Double(claims.filter { $0.verdict == .unverifiable }.count)
        var score: Double = 100 - 15 * errors - 5 * warnings - suggestions
        score -= 20 * contradicted + 3 * unverifiable
        if let t = toneReport { score -= 20 * (1 - t.score) }
        return CheckReport(claims: claims, findings: findings, tone: toneReport,
                           readability: .init(grade: (r.grade * 10).rounded() / 10, words: r.words, sentences: r.sentences, syllables: r.syllables,
                                              maxGrade: profile.voice.readingGradeMax),
                           score: Int(max(0, min(100, score)).rounded()), passed: errors == 0 && contradicted == 0, channel: channel)
    }

    /// The text with the safe fixes applied, and what was done:
    /// 1. style replacements (substitution, capitalization);
    /// 2. corrected figures for contradicted claims, from the knowledge base;
    /// 3. lines over a channel limit shortened at a word boundary;
    /// 4. sentences that still break an error-level `existence` or `conditional` rule removed;
    /// 5. text a `required` rule asks for appended on its own line.
    public func autofix(_ text: String, report: CheckReport) -> (text: String, applied: [String]) {
        var edits: [(start: Int, end: Int, replacement: String, label: String)] = []
        let kinds = Dictionary(profile.rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for f in report.findings where f.replacement != nil && f.end > f.start {
            edits.append((f.start, f.end, f.replacement!, "\(f.rule): '\(f.text)' → '\(f.replacement!)'"))
        }
        for c in report.claims where c.verdict == .contradicted {
            guard let s = c.suggestion, !s.isEmpty, s != c.text else { continue }
            edits.append((c.start, c.end, s, "claim corrected: '\(c.text)' → '\(s)'"))
        }
        // Rule ids "channel.<channel>.<line>" name a line with a limit.
        var limits: [String: Int] = [:]
        for channel in Channel.allCases { for (line, limit) in channel.limits.lines { limits["channel.\(channel.rawValue).\(line)"] = limit } }
        for f in report.findings where f.end > f.start {
            if let limit = limits[f.rule] {
                edits.append((f.start, f.end, CopyLayout.shorten(f.text, to: limit), "\(f.rule): shortened to \(limit) characters"))
            }
        }
        let sentences = TextSegmenter.sentences(in: text)
        for f in report.findings where f.level == .error {
            guard let rule = kinds[f.rule], rule.kind == .existence || rule.kind == .conditional,
                  let s = sentences.first(where: { $0.start <= f.start && f.start < $0.end }) else { continue }
            edits.append((s.start, s.end, "", "\(f.rule): removed '\(s.text)'"))
        }
        // Non-overlapping, right to left; a removal wins over edits inside it.
        var scalars = Array(text.unicodeScalars)
        var applied: [String] = []
        var lastStart = Int.max
        let removals = edits.filter { $0.replacement.isEmpty }
        edits.removeAll { e in !e.replacement.isEmpty && removals.contains { $0.start < e.end && e.start < $0.end } }
        let ordered = edits.sorted { $0.start != $1.start ? $0.start > $1.start : ($0.end - $0.start) > ($1.end - $1.start) }
        for e in ordered where e.end <= lastStart {
            scalars.replaceSubrange(e.start..<e.end, with: Array(e.replacement.unicodeScalars))
            lastStart = e.start
            applied.append(e.label)
        }
        var fixed = String(String.UnicodeScalarView(scalars))
        for f in report.findings {
            if let rule = kinds[f.rule], case .required(_, let required) = rule.check, !fixed.contains(required) {
                fixed = fixed.trimmingCharacters(in: .whitespacesAndNewlines) + "\n\n" + required + "\n"
                applied.append("\(f.rule): appended '\(required)'")
            }
        }
        fixed = fixed.replacingOccurrences(of: "  ", with: " ")
        return (fixed, applied.reversed())
    }
}
