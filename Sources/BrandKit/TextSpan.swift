/// A stretch of a text, located by Unicode scalar offsets (`start` inclusive, `end` exclusive).
public struct TextSpan: Sendable, Hashable, CustomStringConvertible {
    public let start: Int
    public let end: Int
    public let text: String

    public init(start: Int, end: Int, text: String) {
        self.start = start
        self.end = end
        self.text = text
    }

    public var description: String { "\(start)..<\(end) \"\(text)\"" }
}
