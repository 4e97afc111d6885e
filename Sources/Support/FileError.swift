/// A file-system failure: what went wrong, the path, and where in the file when known.
public struct FileError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case notFound, readFailed, writeFailed, invalidFormat, hashMismatch
    }

    public let code: Code
    public let message: String
    public let path: String
    /// Byte offset in the file, when the failure is about its content.
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
