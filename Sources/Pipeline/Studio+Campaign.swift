import Foundation

/// What happened to one channel of a brief.
public struct ChannelOutcome: Sendable {
    public var channel: Channel
    public var draft: DraftResult
    /// The newest version, checked, in its final review state.
    public var final: CheckedVersion
    public var seconds: Double
    /// Why a piece that passed every check was still left for a person (its score is below the
    /// brand's `[review] min_score`); nil when it was approved or did not pass.
    public var heldBack: String?
}

extension Studio {
    /// Runs a brief through the whole pipeline: for each channel, draft, review, revise while the
    /// check fails or scores below the kit's minimum (up to `rounds` re-drafts), review again, and approve as `approver` when it passes
    /// and scores at least the brand's `[review] min_score`. Any other piece stays in review for a person.
    public func run(_ brief: Brief, brand: BrandVoice, seed: UInt64, rounds: Int = 2, approver: String?,
                    channels: [Channel]? = nil, progress: (String) -> Void = { _ in }) throws -> [ChannelOutcome] {
        var outcomes: [ChannelOutcome] = []
        for channel in channels ?? brief.channels {
            let t0 = Date()
            progress("drafting \(channel.rawValue)")
            let draft = try self.draft(brief, channel: channel, brand: brand, seed: seed)
            progress("checking \(channel.rawValue)")
            var current = try review(piece: draft.piece.id)
            let minScore = try critic().profile.review.minScore
            if !current.report.passed || current.report.score < minScore {
                progress("revising \(channel.rawValue)")
                let revised = try revise(piece: draft.piece.id, rounds: rounds, seed: seed, minScore: minScore, checked: current)
                current = try review(piece: draft.piece.id, note: "after revision", checked: revised)
            }
            var heldBack: String?
            if current.report.passed, let approver {
                if current.report.score >= minScore {
                    current.piece = try database.recordReview(draft.piece.id, state: .approved, actor: approver,
                                                              note: "passed every rule; claims supported or flagged; score \(current.report.score)")
                } else {
                    heldBack = "score \(current.report.score) is below the brand's minimum of \(minScore) for automatic approval"
                    progress("\(channel.rawValue): \(heldBack!); left for an editor")
                }
            }
            outcomes.append(ChannelOutcome(channel: channel, draft: draft, final: current, seconds: Date().timeIntervalSince(t0),
                                           heldBack: heldBack))
        }
        return outcomes
    }
}
