/// A workspace-level error that is not SQLite's own: something missing, or a bad argument.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable { case notFound, invalidArgument, conflict, noWorkspace }
    public var code: Code
    public var message: String
    /// The file concerned, when there is one.
    public var path: String?

    public init(_ code: Code, _ message: String, path: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
    }

    public var description: String { path.map { "\($0): \(message)" } ?? message }
}
