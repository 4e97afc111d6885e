import Foundation

/// What happened to one channel of a brief.
public struct ChannelOutcome: Sendable {
    public var channel: Channel
    public var draft: DraftResult
    /// The newest version, checked, in its final review state.
    public var final: CheckedVersion
    public var seconds: Double
}

extension Studio {
    /// Runs a brief through the whole pipeline: for each channel, draft, review, revise while the
    /// check fails (up to `rounds` re-drafts), review again, and approve as `approver` when it passes.
    /// A piece that still fails stays in review for a person.
    public func run(_ brief: Brief, brand: BrandVoice, seed: UInt64, rounds: Int = 2, approver: String?,
                    channels: [Channel]? = nil, progress: (String) -> Void = { _ in }) throws -> [ChannelOutcome] {
        var outcomes: [ChannelOutcome] = []
        for channel in channels ?? brief.channels {
            let t0 = Date()
            progress("drafting \(channel.rawValue)")
            let draft = try self.draft(brief, channel: channel, brand: brand, seed: seed)
            progress("checking \(channel.rawValue)")
            var current = try review(piece: draft.piece.id)
            if !current.report.passed {
                progress("revising \(channel.rawValue)")
                let revised = try revise(piece: draft.piece.id, rounds: rounds, seed: seed, checked: current)
                current = try review(piece: draft.piece.id, note: "after revision", checked: revised)
            }
            if current.report.passed, let approver {
                current.piece = try database.recordReview(draft.piece.id, state: .approved, actor: approver,
                                                          note: "passed every rule; claims supported or flagged")
            }
            outcomes.append(ChannelOutcome(channel: channel, draft: draft, final: current, seconds: Date().timeIntervalSince(t0)))
        }
        return outcomes
    }
}
