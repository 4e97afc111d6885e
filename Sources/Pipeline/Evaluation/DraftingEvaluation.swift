import BrandKit
import FactCheck
import Foundation

/// What drafting makes of a set of briefs, measured without revision: per piece and per channel,
/// how many key messages it carries, how many facts the plan chose, figures that neither the
/// brief nor the knowledge base contains, channel-limit findings and the checker's verdicts. Run
/// it before and after a template change to compare the two.
public struct DraftingEvaluation: Sendable, Encodable {
    /// One drafted piece.
    public struct Piece: Sendable, Encodable {
        public var brief: String
        public var channel: Channel
        /// The draft template's version.
        public var templateVersion: Int
        public var text: String
        /// Key messages the draft carries (most of their words, and their figures).
        public var keyMessagesCovered: Int
        public var keyMessages: Int
        /// Facts the plan chose.
        public var factsUsed: Int
        /// Figures in the copy that neither the brief nor the knowledge base contains.
        public var inventedFigures: [String]
        /// Invented links, e-mail addresses, phone numbers and misspelt names (error findings).
        public var inventedDetails: Int
        /// Findings for the channel's length limits.
        public var limitViolations: Int
        public var supported: Int
        public var contradicted: Int
        public var unverifiable: Int
        public var score: Int
        public var passed: Bool
    }

    public var pieces: [Piece]

    /// Totals for one channel (or every channel, `channel` nil).
    public struct Summary: Sendable, Encodable {
        public var channel: Channel?
        public var pieces: Int
        public var keyMessageCoverage: Double
        public var factsUsed: Int
        public var inventedFigures: Int
        public var inventedDetails: Int
        public var limitViolations: Int
        public var supported: Int
        public var contradicted: Int
        public var unverifiable: Int
        public var passed: Int
    }

    public func summary(_ channel: Channel?) -> Summary {
        let p = pieces.filter { channel == nil || $0.channel == channel }
        let messages = p.reduce(0) { $0 + $1.keyMessages }
        return Summary(channel: channel, pieces: p.count,
                       keyMessageCoverage: messages == 0 ? 0 : Double(p.reduce(0) { $0 + $1.keyMessagesCovered }) / Double(messages),
                       factsUsed: p.reduce(0) { $0 + $1.factsUsed }, inventedFigures: p.reduce(0) { $0 + $1.inventedFigures.count },
                       inventedDetails: p.reduce(0) { $0 + $1.inventedDetails }, limitViolations: p.reduce(0) { $0 + $1.limitViolations },
                       supported: p.reduce(0) { $0 + $1.supported }, contradicted: p.reduce(0) { $0 + $1.contradicted },
                       unverifiable: p.reduce(0) { $0 + $1.unverifiable }, passed: p.filter(\.passed).count)
    }

    /// Per channel drafted, then all together.
    public var summaries: [Summary] {
        Channel.allCases.filter { c in pieces.contains { $0.channel == c } }.map { summary($0) } + [summary(nil)]
    }

    enum CodingKeys: String, CodingKey { case pieces, summaries }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(pieces, forKey: .pieces)
        try c.encode(summaries, forKey: .summaries)
    }

    /// The digits of every number in `text` ("1,299.00" → "129900" and "1299"), for finding figures
    /// that a source does not contain.
    static func numbers(in text: String) -> Set<String> {
        var out: Set<String> = []
        for q in QuantityParser.parse(text) where q.text.contains(where: \.isNumber) {
            let digits = q.text.filter(\.isNumber)
            out.insert(digits)
            if let whole = q.text.split(separator: ".").first { out.insert(whole.filter(\.isNumber)) }
        }
        return out
    }

    /// Whether `text` carries `message`: at least half of its longer words and half of its figures
    /// (a message often gives a figure in two units, and copy may give one).
    static func covers(_ text: String, _ message: String) -> Bool {
        func words(_ s: String) -> Set<String> { Set(s.lowercased().split { !$0.isLetter }.filter { $0.count > 3 }.map { String($0.prefix(5)) }) }
        let need = words(message)
        let figures = numbers(in: message)
        guard !need.isEmpty else { return false }
        let have = numbers(in: text)
        return Double(need.intersection(words(text)).count) / Double(need.count) >= 0.5
            && (figures.isEmpty || Double(figures.intersection(have).count) / Double(figures.count) >= 0.5)
    }
}

extension Studio {
    /// Drafts every channel of each brief once (no revision), checks each draft with the
    /// workspace's critic, and measures the drafts; each step reports to the job.
    public func evaluateDrafting(_ briefs: [Brief], brand: BrandVoice, seed: UInt64) throws -> DraftingEvaluation {
        let knowledgeText = try knowledge().allText()
        var pieces: [DraftingEvaluation.Piece] = []
        for brief in briefs {
            for channel in brief.channels {
                let draft = try self.draft(brief, channel: channel, brand: brand, seed: seed)
                let checked = try check(piece: draft.piece.id)
                let report = checked.report
                let sources = DraftingEvaluation.numbers(in: brief.source + "\n" + knowledgeText)
                let invented = QuantityParser.parse(draft.text).filter { q in
                    q.text.contains(where: \.isNumber) && !sources.contains(q.text.filter(\.isNumber))
                        && !sources.contains(String(q.text.split(separator: ".").first ?? "").filter(\.isNumber))
                }.map(\.text)
                let version = try database.labelledTemplate(channel.draftTemplate).version
                pieces.append(.init(brief: brief.campaign, channel: channel, templateVersion: version, text: draft.text,
                                    keyMessagesCovered: brief.keyMessages.filter { DraftingEvaluation.covers(draft.text, $0) }.count,
                                    keyMessages: brief.keyMessages.count, factsUsed: draft.plan.facts.count, inventedFigures: invented,
                                    inventedDetails: report.findings.filter { $0.rule.hasPrefix("invented.") || $0.rule == "names.misspelt" }.count,
                                    limitViolations: report.findings.filter { $0.rule.hasPrefix("channel.") || $0.rule.contains("length") }.count,
                                    supported: report.claims.filter { $0.verdict == .supported }.count,
                                    contradicted: report.claims.filter { $0.verdict == .contradicted }.count,
                                    unverifiable: report.claims.filter { $0.verdict == .unverifiable }.count,
                                    score: report.score, passed: report.passed))
            }
        }
        return DraftingEvaluation(pieces: pieces)
    }
}
