/// A stored piece of content (text, PNG, WAV, JSON), identified by its SHA-256.
public struct Asset: Sendable, Equatable {
    /// Lowercase hex SHA-256 of the content.
    public var hash: String
    /// MIME type, e.g. "text/markdown", "image/png", "audio/wav", "application/json".
    public var mediaType: String
    /// Content size in bytes.
    public var size: Int
    /// When it was first stored.
    public var createdAt: String
}
