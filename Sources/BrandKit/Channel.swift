/// Where a piece of copy will appear. Each channel has its limits (`limits`), which drafting,
/// the style checker and the critique's fixes all read.
public enum Channel: String, Sendable, CaseIterable, Codable {
    case email, social, searchAd = "search-ad", landing, blog, voiceover
}
