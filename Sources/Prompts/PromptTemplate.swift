import Foundation
import TOML

/// A prompt template: TOML front matter between `+++` lines, then a Markdown body with
/// `{{variable}}` placeholders.
///
/// ```
/// +++
/// id = "email-draft"
/// kind = "draft"
/// channel = "email"
/// inputs = ["brief", "passages"]
/// [model]
/// temperature = 0.7
/// max_tokens = 400
/// +++
/// Write an email for {{brief}} using {{passages}}.
/// ```
public struct PromptTemplate: Sendable, Equatable {
    /// Stable identifier, e.g. "email-draft".
    public var id: String
    /// The step that uses it.
    public var kind: TemplateKind
    /// The channel it writes for, if any (email, social, ...).
    public var channel: String?
    /// One line on what it is for.
    public var summary: String?
    /// Declared input variables, in declaration order.
    public var inputs: [String]
    /// Generation settings.
    public var parameters: ModelParameters
    /// The body after the front matter.
    public var body: String
    /// The complete file text, front matter included (what versions are hashed over).
    public var source: String
    /// The 1-based line where the body starts in `source`.
    public var bodyLine: Int

    /// The front-matter keys a template may use.
    public static let knownKeys: Set<String> = ["id", "kind", "channel", "description", "inputs", "model"]

    /// Parses and validates a template file's text.
    ///
    /// - Throws: `TemplateError` naming the file and line: missing or bad front matter,
    ///   unknown keys, and placeholders in the body that are not declared in `inputs`.
    public init(source: String, file: String? = nil) throws(TemplateError) {
        let frontText: String, body: String, bodyLine: Int
        switch TOMLFrontMatter.split(source) {
        case .absent:
            throw TemplateError(.missingFrontMatter, "expected the file to start with a `+++` line opening the TOML front matter", file: file, line: 1)
        case .unclosed(let count):
            throw TemplateError(.missingFrontMatter, "front matter opened on line 1 is never closed with a `+++` line", file: file, line: count)
        case .present(let toml, let rest, let line):
            (frontText, body, bodyLine) = (toml, rest, line)
        }
        let table: TOMLTable
        do {
            table = try TOML.parse(frontText, file: file)
        } catch {
            // Front matter starts on line 2 of the file.
            throw TemplateError(.invalidFrontMatter, "front matter: \(error.message) (column \(error.column))", file: file, line: error.line + 1)
        }
        func line(of key: String, in t: TOMLTable = table) -> Int? {
            t.position(of: key).map { $0.line + 1 }
        }
        for key in table.keys where !Self.knownKeys.contains(key) {
            throw TemplateError(.invalidField, "unknown front-matter key '\(key)'; expected one of \(Self.knownKeys.sorted().joined(separator: ", "))", file: file, line: line(of: key))
        }
        guard let id = table["id"]?.string, !id.isEmpty else {
            throw TemplateError(.missingField, "front matter needs `id = \"...\"`", file: file, line: line(of: "id") ?? 2)
        }
        guard id.allSatisfy(Self.isIDCharacter) else {
            throw TemplateError(.invalidField, "id '\(id)' may use only letters, digits, '-', '_' and '.'", file: file, line: line(of: "id"))
        }
        guard let kindText = table["kind"]?.string else {
            throw TemplateError(.missingField, "front matter needs `kind`, one of \(TemplateKind.allCases.map(\.rawValue).joined(separator: ", "))", file: file, line: line(of: "kind") ?? 2)
        }
        guard let kind = TemplateKind(rawValue: kindText) else {
            throw TemplateError(.invalidField, "kind '\(kindText)' is not one of \(TemplateKind.allCases.map(\.rawValue).joined(separator: ", "))", file: file, line: line(of: "kind"))
        }
        var inputs: [String] = []
        if let value = table["inputs"] {
            guard let array = value.array else {
                throw TemplateError(.invalidField, "`inputs` must be an array of variable names", file: file, line: line(of: "inputs"))
            }
            for item in array {
                guard let name = item.string, Self.isVariableName(name) else {
                    throw TemplateError(.invalidField, "`inputs` entries must be names of letters, digits and '_' (got \(item))", file: file, line: line(of: "inputs"))
                }
                guard !inputs.contains(name) else {
                    throw TemplateError(.invalidField, "input '\(name)' is declared twice", file: file, line: line(of: "inputs"))
                }
                inputs.append(name)
            }
        }
        var parameters = ModelParameters()
        if let value = table["model"] {
            guard let model = value.table else {
                throw TemplateError(.invalidField, "`model` must be a table of generation settings", file: file, line: line(of: "model"))
            }
            parameters = try Self.parameters(from: model, file: file)
        }
        let channel: String?
        if let value = table["channel"] {
            guard let text = value.string else {
                throw TemplateError(.invalidField, "`channel` must be a string", file: file, line: line(of: "channel"))
            }
            channel = text
        } else {
            channel = nil
        }
        self.id = id
        self.kind = kind
        self.channel = channel
        self.summary = table["description"]?.string
        self.inputs = inputs
        self.parameters = parameters
        self.body = body
        self.source = source
        self.bodyLine = bodyLine

        // Every placeholder must be declared.
        for placeholder in try Self.placeholders(in: body, file: file, firstLine: bodyLine) where !inputs.contains(placeholder.name) {
            throw TemplateError(.undeclaredVariable, "placeholder {{\(placeholder.name)}} is not declared in `inputs` (declared: \(inputs.isEmpty ? "none" : inputs.joined(separator: ", ")))", file: file, line: placeholder.line)
        }
    }

    static func isIDCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "-" || c == "_" || c == "."
    }

    static func isVariableName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }

    private static func parameters(from t: TOMLTable, file: String?) throws(TemplateError) -> ModelParameters {
        var p = ModelParameters()
        for key in t.keys {
            let value = t[key]!
            let line = t.position(of: key).map { $0.line + 1 }
            func number() throws(TemplateError) -> Double {
                guard let d = value.double else { throw TemplateError(.invalidField, "model.\(key) must be a number", file: file, line: line) }
                return d
            }
            func integer() throws(TemplateError) -> Int {
                guard let i = value.int, i > 0 else { throw TemplateError(.invalidField, "model.\(key) must be a positive integer", file: file, line: line) }
                return Int(i)
            }
            switch key {
            case "temperature": p.temperature = try number()
            case "top_p": p.topP = try number()
            case "top_k": p.topK = try integer()
            case "min_p": p.minP = try number()
            case "max_tokens": p.maxTokens = try integer()
            case "repetition_penalty": p.repetitionPenalty = try number()
            case "model":
                guard let s = value.string else { throw TemplateError(.invalidField, "model.model must be a string", file: file, line: line) }
                p.model = s
            default:
                throw TemplateError(.invalidField, "unknown model setting '\(key)'; expected temperature, top_p, top_k, min_p, max_tokens, repetition_penalty or model", file: file, line: line)
            }
        }
        return p
    }
}
