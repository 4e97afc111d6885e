/// A failure of the embedder: missing or inconsistent model files, or bad input.
public struct EmbeddingError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable { case invalidModel, invalidInput }
    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
