import ModelFormats

/// A failure of the language-model runtime, with what to do about it.
public struct TextGenerationError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case unsupportedArchitecture, unsupportedTokenizer, invalidModel, contextFull, cancelled, invalidSchema, invalidArgument
    }

    public let code: Code
    public let message: String
    /// The model file's own error, when this one wraps it: its code and byte offset are kept.
    public let format: ModelFormatError?

    public init(_ code: Code, _ message: String, format: ModelFormatError? = nil) {
        self.code = code
        self.message = message
        self.format = format
    }

    /// Wraps a model file's error, keeping it.
    public init(_ code: Code, wrapping error: ModelFormatError) {
        self.init(code, error.description, format: error)
    }

    /// The byte offset in the model file, when the wrapped error knows it.
    public var offset: Int? { format?.offset }

    public var description: String { message }
}
