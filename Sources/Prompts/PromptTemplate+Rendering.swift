import Foundation
/// A `{{name}}` placeholder found in a template body.
public struct Placeholder: Sendable, Equatable {
    /// The variable name.
    public var name: String
    /// The 1-based line in the file.
    public var line: Int
}

extension PromptTemplate {
    /// Finds every `{{ name }}` placeholder in `text`.
    static func placeholders(in text: String, file: String?, firstLine: Int) throws(TemplateError) -> [Placeholder] {
        var result: [Placeholder] = []
        try scan(text, file: file, firstLine: firstLine) { name, line in
            result.append(Placeholder(name: name, line: line))
            return ""
        }
        return result
    }

    /// Walks `text`, replacing each placeholder with `replace(name, line)`.
    @discardableResult
    static func scan(_ text: String, file: String?, firstLine: Int, replace: (String, Int) throws(TemplateError) -> String) throws(TemplateError) -> String {
        var output = ""
        var line = firstLine
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            let before = rest[rest.startIndex..<open.lowerBound]
            output += before
            line += before.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "}}") else {
                throw TemplateError(.unterminatedPlaceholder, "`{{` is not closed by `}}`", file: file, line: line)
            }
            let inner = afterOpen[afterOpen.startIndex..<close.lowerBound]
            let name = inner.trimmingCharacters(in: .whitespaces)
            guard !inner.contains("\n"), isVariableName(name) else {
                throw TemplateError(.unterminatedPlaceholder, "`{{\(inner)}}` is not a placeholder; write {{name}} with letters, digits and '_'", file: file, line: line)
            }
            output += try replace(name, line)
            rest = afterOpen[close.upperBound...]
        }
        output += rest
        return output
    }

    /// The body with every placeholder replaced by its value.
    ///
    /// - Throws: `TemplateError` for a declared input with no value, or a value for a
    ///   variable the template does not declare.
    public func render(_ values: [String: String], file: String? = nil) throws(TemplateError) -> String {
        let where_ = file ?? id
        for name in values.keys.sorted() where !inputs.contains(name) {
            throw TemplateError(.unknownVariable, "a value was given for '\(name)', which template '\(id)' does not declare (declared: \(inputs.joined(separator: ", ")))", file: where_)
        }
        for name in inputs where values[name] == nil {
            throw TemplateError(.missingVariable, "template '\(id)' needs a value for '\(name)'", file: where_)
        }
        return try Self.scan(body, file: where_, firstLine: bodyLine) { name, _ in values[name] ?? "" }
    }
}
