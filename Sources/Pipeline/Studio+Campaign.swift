import BrandKit
import Foundation

/// What happened to one channel of a brief.
public struct ChannelOutcome: Sendable {
    public var channel: Channel
    public var draft: DraftResult
    /// The newest version, checked, in its final review state.
    public var final: CheckedVersion
    public var seconds: Double
    /// Why a piece that passed every check was still left for a person (its score is below the
    /// brand's `[review] min_score`, or it keeps more unverifiable claims than `[review]
    /// max_unverifiable` allows); nil when it was approved or did not pass.
    public var heldBack: String?
}

extension Studio {
    /// Why a passing report may still not be approved without a person, or nil: its score is
    /// below the kit's `min_score`, or it keeps more unverifiable claims than `max_unverifiable`.
    public static func holdReason(_ report: CheckReport, gate: BrandProfile.Review) -> String? {
        let unverifiable = report.claims.filter { $0.verdict == .unverifiable }.count
        if unverifiable > gate.maxUnverifiable {
            let allowed = gate.maxUnverifiable == 0 ? "none is allowed" : "at most \(gate.maxUnverifiable) allowed"
            return "\(unverifiable) claim\(unverifiable == 1 ? "" : "s") could not be verified against the knowledge base (\(allowed) for automatic approval)"
        }
        if report.score < gate.minScore {
            return "score \(report.score) is below the brand's minimum of \(gate.minScore) for automatic approval"
        }
        return nil
    }

    /// Runs a brief through the whole pipeline: for each channel, draft, review, revise while the
    /// check fails or scores below the kit's minimum (up to `rounds` re-drafts), review again, and approve as `approver` when it passes
    /// and scores at least the brand's `[review] min_score`. Any other piece stays in review for a person.
    /// Each step reports to the job; `finished` is called after each channel.
    public func run(_ brief: Brief, brand: BrandVoice, seed: UInt64, rounds: Int = 2, approver: String?,
                    channels: [Channel]? = nil, finished: (ChannelOutcome) -> Void = { _ in }) throws -> [ChannelOutcome] {
        var outcomes: [ChannelOutcome] = []
        for channel in channels ?? brief.channels {
            let t0 = Date()
            let draft = try self.draft(brief, channel: channel, brand: brand, seed: seed)
            var current = try review(piece: draft.piece.id)
            let gate = try critic().profile.review
            let minScore = gate.minScore
            if !current.report.passed || Self.holdReason(current.report, gate: gate) != nil {
                let revised = try revise(piece: draft.piece.id, rounds: rounds, seed: seed, minScore: minScore,
                                         maxUnverifiable: gate.maxUnverifiable, checked: current)
                current = try review(piece: draft.piece.id, note: "after revision", checked: revised)
            }
            var heldBack: String?
            if current.report.passed, let approver {
                if let reason = Self.holdReason(current.report, gate: gate) {
                    heldBack = reason
                    job.emit(.note("\(channel.rawValue): \(reason); left for an editor"))
                } else {
                    current.piece = try database.recordReview(draft.piece.id, state: .approved, actor: approver,
                                                              note: "passed every rule; every claim verified; score \(current.report.score)")
                }
            }
            let outcome = ChannelOutcome(channel: channel, draft: draft, final: current, seconds: Date().timeIntervalSince(t0), heldBack: heldBack)
            outcomes.append(outcome)
            finished(outcome)
        }
        return outcomes
    }
}
