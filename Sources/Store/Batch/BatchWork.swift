/// One finished item of a campaign batch: a brief's channel (one variant), keyed by the hash of
/// everything that decides its result, so a re-run skips it.
public struct BatchWork: Sendable, Equatable {
    /// How the item ended.
    public enum Outcome: String, Sendable, CaseIterable, Codable {
        /// It passed the campaign's gate (and was approved).
        case passed
        /// The gate held it for an editor; `reason` says why.
        case held
        /// It could not be made; `reason` holds the error.
        case failed
    }

    public var key: String
    public var campaign: String
    /// The brief's file name.
    public var brief: String
    public var channel: String
    public var variant: Int
    public var pieceID: Int64?
    public var outcome: Outcome
    public var reason: String?
    public var tokens: Int
    public var seconds: Double
    public var finishedAt: String

    public init(key: String, campaign: String, brief: String, channel: String, variant: Int, pieceID: Int64?, outcome: Outcome,
                reason: String?, tokens: Int, seconds: Double, finishedAt: String = Timestamp.now()) {
        self.key = key
        self.campaign = campaign
        self.brief = brief
        self.channel = channel
        self.variant = variant
        self.pieceID = pieceID
        self.outcome = outcome
        self.reason = reason
        self.tokens = tokens
        self.seconds = seconds
        self.finishedAt = finishedAt
    }
}
