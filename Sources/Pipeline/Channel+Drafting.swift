import BrandKit

extension Channel {
    /// The id of the template that drafts it (Templates/<id>.md).
    public var draftTemplate: String {
        switch self {
        case .email: "email-draft"
        case .social: "social-draft"
        case .searchAd: "search-ad-draft"
        case .landing: "landing-draft"
        case .blog: "blog-draft"
        case .voiceover: "voiceover-draft"
        }
    }

    /// What the channel's copy is called in a prompt ("marketing email").
    public var noun: String {
        switch self {
        case .email: "marketing email"
        case .social: "social media post"
        case .searchAd: "search ad"
        case .landing: "landing-page section"
        case .blog: "blog post"
        case .voiceover: "30-second radio voiceover"
        }
    }

    /// Parses a channel name, or throws naming the known ones.
    public static func named(_ name: String, file: String? = nil, line: Int? = nil, field: String? = nil) throws(PipelineError) -> Channel {
        guard let channel = Channel(rawValue: name) else {
            throw PipelineError(.unknownChannel, "unknown channel \"\(name)\"; expected one of \(allCases.map(\.rawValue).joined(separator: ", "))",
                                file: file, line: line, field: field)
        }
        return channel
    }
}
