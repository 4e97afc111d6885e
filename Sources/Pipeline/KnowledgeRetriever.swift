import FactCheck
import Knowledge

/// The knowledge base as the fact-checker's evidence source.
public struct KnowledgeRetriever: EvidenceRetriever {
    let kb: KnowledgeBase

    public init(kb: KnowledgeBase) { self.kb = kb }

    public func evidence(for claim: String, limit: Int) throws -> [Evidence] {
        try kb.search(claim, k: limit).map { Evidence(source: $0.source, heading: $0.heading, text: $0.text, score: $0.score) }
    }
}

/// The language-model judge as the fact-checker's judge.
extension LanguageModelJudge: ClaimJudge {
    public func judge(claim: String, evidence: [Evidence]) throws -> (verdict: ClaimCheck.Verdict, reason: String)? {
        let ruling = try rule(claim: claim, evidence: evidence.map(\.text))
        guard let verdict = ClaimCheck.Verdict(rawValue: ruling.verdict) else { return nil }
        return (verdict, ruling.reason.isEmpty ? "The language model judged it \(ruling.verdict)." : "Language model: \(ruling.reason)")
    }
}
