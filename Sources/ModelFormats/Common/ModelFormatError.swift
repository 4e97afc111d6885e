/// A model file that cannot be read: what is wrong, the file, and the byte offset where it was found.
public struct ModelFormatError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case openFailed, badMagic, unsupportedVersion, truncated, invalidValue, unknownType, outOfBounds, missingKey, missingTensor, badShape
    }

    public let code: Code
    public let message: String
    public let path: String
    /// Byte offset in the file, when known.
    public let offset: Int?

    public init(_ code: Code, _ message: String, path: String, offset: Int? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.offset = offset
    }

    public var description: String {
        if let offset { return "\(path): byte \(offset): \(message)" }
        return "\(path): \(message)"
    }
}
