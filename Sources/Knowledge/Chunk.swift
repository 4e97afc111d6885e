/// A retrievable piece of a knowledge document: a paragraph (or a whole table or list) with the
/// heading it sits under.
public struct Chunk: Sendable, Equatable {
    /// Headings from the top, joined with " › ".
    public var heading: String
    /// GitHub-style anchor of the nearest heading ("warranty-terms").
    public var anchor: String
    public var text: String
}
