/// A TOML syntax or semantic error, with the 1-based line and column (in Unicode scalars) where it was found.
public struct TOMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file name given to the parser, if any.
    public let file: String?
    public let line: Int
    public let column: Int
    public let message: String

    public init(file: String?, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message` (or `line:column: message` without a file).
    public var description: String {
        "\(file.map { "\($0):" } ?? "")\(line):\(column): \(message)"
    }
}
