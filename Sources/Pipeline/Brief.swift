import BrandKit

/// A campaign brief: what to write, for whom, and where it will run.
///
/// A brief is a Markdown file whose TOML front matter holds the fields below; the Markdown body is
/// background for the writer.
public struct Brief: Sendable, Equatable {
    public var campaign: String
    public var product: String
    public var audience: String
    public var goal: String
    public var keyMessages: [String]
    public var callToAction: String
    public var channels: [Channel]
    public var toneNotes: String?
    /// "short", "medium" or "long".
    public var length: String?
    /// The Markdown body: background notes.
    public var notes: String
    /// The file's text as read (stored as the brief asset).
    public var source: String

    /// The brief as the drafting prompt shows it.
    public var promptText: String {
        var lines = [
            "Campaign: \(campaign)",
            "Product: \(product)",
            "Audience: \(audience)",
            "Goal: \(goal)",
            "Key messages:",
        ]
        lines += keyMessages.map { "- \($0)" }
        if let toneNotes { lines.append("Tone: \(toneNotes)") }
        if let length { lines.append("Length: \(length)") }
        return lines.joined(separator: "\n")
    }
}
