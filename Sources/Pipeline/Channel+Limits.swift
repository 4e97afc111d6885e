/// The length limits of each channel's labelled lines: the one place drafting, the critique's
/// fixes and the copy layouts read them from.
public struct ChannelLimits: Sendable, Equatable {
    /// Characters per labelled line ("subject": 60), for the lines a channel has.
    public var lines: [String: Int]
}

extension Channel {
    public var limits: ChannelLimits {
        switch self {
        case .email: ChannelLimits(lines: ["subject": 60, "preheader": 90])
        case .searchAd: ChannelLimits(lines: ["headline": 30, "description": 90])
        case .landing: ChannelLimits(lines: ["headline": 70, "subheading": 140])
        case .blog: ChannelLimits(lines: ["title": 80])
        case .social, .voiceover: ChannelLimits(lines: [:])
        }
    }
}
