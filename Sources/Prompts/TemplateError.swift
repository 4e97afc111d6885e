/// A problem in a prompt template file or in the values given to render it.
public struct TemplateError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What kind of problem.
    public enum Code: String, Sendable {
        case missingFrontMatter, invalidFrontMatter, missingField, invalidField
        case undeclaredVariable, missingVariable, unknownVariable, unterminatedPlaceholder
    }
    public var code: Code
    public var message: String
    /// The template file, when known.
    public var file: String?
    /// 1-based line in the file, when known.
    public var line: Int?

    public init(_ code: Code, _ message: String, file: String? = nil, line: Int? = nil) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
    }

    public var description: String {
        var prefix = file ?? "template"
        if let line { prefix += ":\(line)" }
        return "\(prefix): \(message)"
    }
}
