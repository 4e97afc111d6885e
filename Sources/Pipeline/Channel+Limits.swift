/// The length limits of each channel's parts: the one place drafting, the critique's fixes and
/// the copy layouts read them from.
public struct ChannelLimits: Sendable, Equatable {
    /// Characters per labelled line ("subject": 60), for the lines a channel has.
    public var lines: [String: Int]
    /// Characters of the whole text (social), if limited.
    public var total: Int?
}

extension Channel {
    public var limits: ChannelLimits {
        switch self {
        case .email: ChannelLimits(lines: ["subject": 60, "preheader": 90], total: nil)
        case .searchAd: ChannelLimits(lines: ["headline": 30, "description": 90], total: nil)
        case .social: ChannelLimits(lines: [:], total: 280)
        case .landing: ChannelLimits(lines: ["headline": 70, "subheading": 140], total: nil)
        case .blog: ChannelLimits(lines: ["title": 80], total: nil)
        case .voiceover: ChannelLimits(lines: [:], total: 520)
        }
    }
}
