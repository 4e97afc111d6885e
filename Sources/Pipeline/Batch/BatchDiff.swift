import Foundation
import Prompts
import Store

/// How two batch runs of a campaign differ, piece by piece.
public struct BatchDiff: Sendable, Encodable {
    public struct Item: Sendable, Encodable {
        public var brief: String
        public var channel: String
        public var variant: Int
        /// The pieces' outcomes in A and B (nil where the run has no such item).
        public var outcome: [String?]
        public var score: [Int?]
        /// Claims by verdict in A and B.
        public var verdicts: [[String: Int]]
        /// Rule findings only in A, only in B.
        public var findingsRemoved: [String]
        public var findingsAdded: [String]
        /// The unified diff of the newest texts (empty when equal).
        public var textDiff: String
        public var changed: Bool
    }

    public var campaign: String
    public var items: [Item]

    enum CodingKeys: String, CodingKey { case campaign, items }
}

extension BatchDiff.Item {
    enum CodingKeys: String, CodingKey {
        case brief, channel, variant, outcome, score, verdicts, findingsRemoved = "findings_removed", findingsAdded = "findings_added",
             textDiff = "text_diff", changed
    }
}

extension BatchDiff {
    /// Compares campaign `name` as batch-run in workspaces `a` and `b`, pairing items by brief,
    /// channel and variant.
    public static func compare(campaign name: String, _ a: Workspace, _ b: Workspace) throws -> BatchDiff {
        let left = try a.database.batchWork(campaign: name), right = try b.database.batchWork(campaign: name)
        guard !left.isEmpty || !right.isEmpty else { throw PipelineError(.notFound, "neither workspace has a batch run of campaign “\(name)”") }
        func id(_ w: BatchWork) -> String { "\(w.brief)|\(w.channel)|\(w.variant)" }
        let byA = Dictionary(left.map { (id($0), $0) }, uniquingKeysWith: { _, new in new })
        let byB = Dictionary(right.map { (id($0), $0) }, uniquingKeysWith: { _, new in new })
        var items: [Item] = []
        for key in Set(byA.keys).union(byB.keys).sorted() {
            let wa = byA[key], wb = byB[key]
            let va = try wa?.pieceID.map { try a.pieceView($0) }, vb = try wb?.pieceID.map { try b.pieceView($0) }
            let fa = Set(va?.report?.findings.map { "\($0.rule): \($0.message)" } ?? []), fb = Set(vb?.report?.findings.map { "\($0.rule): \($0.message)" } ?? [])
            let diff = LineDiff(old: va?.text ?? "", new: vb?.text ?? "")
            let w = wa ?? wb!
            var item = Item(brief: w.brief, channel: w.channel, variant: w.variant, outcome: [wa?.outcome.rawValue, wb?.outcome.rawValue],
                            score: [va?.report?.score, vb?.report?.score], verdicts: [va?.report?.verdictCounts ?? [:], vb?.report?.verdictCounts ?? [:]],
                            findingsRemoved: fa.subtracting(fb).sorted(), findingsAdded: fb.subtracting(fa).sorted(),
                            textDiff: diff.isEmpty ? "" : diff.unified(oldName: "A", newName: "B"), changed: false)
            item.changed = !diff.isEmpty || item.outcome[0] != item.outcome[1] || item.score[0] != item.score[1] || item.verdicts[0] != item.verdicts[1]
                || !item.findingsAdded.isEmpty || !item.findingsRemoved.isEmpty
            items.append(item)
        }
        return BatchDiff(campaign: name, items: items)
    }
}
