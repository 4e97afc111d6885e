/// A knowledge-base failure: which file and what was expected.
public struct KnowledgeError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable { case unreadable, empty, binary, notFound, invalidQuery }
    public let code: Code
    public let message: String
    public let path: String?

    public init(_ code: Code, _ message: String, path: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
    }

    public var description: String { path.map { "\($0): \(message)" } ?? message }
}
