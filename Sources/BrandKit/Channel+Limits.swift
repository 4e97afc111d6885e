/// A channel's own limits: the one place the style checker, drafting's schemas and the critique's
/// fixes read them from.
public struct ChannelLimits: Sendable, Equatable {
    /// Characters per labelled line ("subject": 60), for the lines a channel has.
    public var lines: [String: Int]
    /// Labelled lines the copy must have ("subject" for an email).
    public var requiredLines: [String] = []
    /// Characters in the whole text.
    public var characters: Int?
    /// Hashtags in the whole text.
    public var hashtags: Int?
    /// Seconds of speech the script must fit (its word budget is this × the speaking rate).
    public var spokenSeconds: Int?
}

extension Channel {
    public var limits: ChannelLimits {
        switch self {
        case .email: ChannelLimits(lines: ["subject": 60, "preheader": 90], requiredLines: ["subject"])
        case .searchAd: ChannelLimits(lines: ["headline": 30, "description": 90])
        case .landing: ChannelLimits(lines: ["headline": 70, "subheading": 140])
        case .blog: ChannelLimits(lines: ["title": 80])
        case .social: ChannelLimits(lines: [:], characters: 280, hashtags: 3)
        case .voiceover: ChannelLimits(lines: [:], spokenSeconds: 30)
        }
    }
}
