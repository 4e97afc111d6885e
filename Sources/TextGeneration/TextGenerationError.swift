/// A failure of the language-model runtime, with what to do about it.
public struct TextGenerationError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case unsupportedArchitecture, unsupportedTokenizer, invalidModel, contextFull, cancelled, invalidSchema, invalidArgument
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
