/// A brand kit that cannot be used: what is wrong, in which file and line, and which rule and key.
public struct KitError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case syntax, unknownKey, unknownKind, missingKey, wrongType, invalidValue, invalidPattern, duplicateRule
    }
    public var code: Code
    public var message: String
    public var file: String
    public var line: Int?
    /// The rule's `id`, when the error is inside a `[[rules]]` table.
    public var rule: String?
    /// The key concerned.
    public var field: String?

    public init(_ code: Code, _ message: String, file: String, line: Int?, rule: String? = nil, field: String? = nil) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.rule = rule
        self.field = field
    }

    /// `Brand/brand.toml:57: rule "no-hype": unknown key "ignorecas"`
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let rule { text += "rule \"\(rule)\": " }
        return text + message
    }
}
