import BrandKit
import Foundation
import TOML

extension Brief {
    /// Required front matter keys, in the order errors mention them.
    public static let requiredKeys = ["campaign", "product", "audience", "goal", "key_messages", "call_to_action", "channels"]
    /// Optional front matter keys.
    public static let optionalKeys = ["tone_notes", "length"]
    /// Accepted values of `length`.
    public static let lengths = ["short", "medium", "long"]

    /// Parses a brief file's text.
    ///
    /// - Throws: `PipelineError` naming the file, line and field: missing front matter, TOML syntax,
    ///   unknown or missing keys, wrong types, empty values, unknown channels.
    public init(source: String, file: String? = nil) throws(PipelineError) {
        let toml: String, body: String
        switch TOMLFrontMatter.split(source) {
        case .absent:
            throw PipelineError(.invalidBrief, "a brief starts with a `+++` line opening its TOML front matter", file: file, line: 1)
        case .unclosed(let lines):
            throw PipelineError(.invalidBrief, "the front matter opened on line 1 is never closed with a `+++` line", file: file, line: lines)
        case .present(let t, let b, _):
            (toml, body) = (t, b)
        }
        let table: TOMLTable
        do {
            table = try TOML.parse(toml, file: file)
        } catch {
            throw PipelineError(.invalidBrief, "front matter: \(error.message)", file: file, line: error.line + 1)
        }
        // Lines in the file: the front matter starts on line 2.
        func line(_ key: String) -> Int? { table.position(of: key).map { $0.line + 1 } }
        let closingLine = toml.split(separator: "\n", omittingEmptySubsequences: false).count + 2
        for key in table.keys where !Self.requiredKeys.contains(key) && !Self.optionalKeys.contains(key) {
            throw PipelineError(.invalidBrief, "unknown key; a brief has \((Self.requiredKeys + Self.optionalKeys).joined(separator: ", "))",
                                file: file, line: line(key), field: key)
        }
        for key in Self.requiredKeys where table[key] == nil {
            throw PipelineError(.invalidBrief, "missing required field", file: file, line: closingLine, field: key)
        }
        func text(_ key: String) throws(PipelineError) -> String {
            guard let value = table[key]?.string else {
                throw PipelineError(.invalidBrief, "expected a string", file: file, line: line(key), field: key)
            }
            guard !value.allSatisfy(\.isWhitespace) else {
                throw PipelineError(.invalidBrief, "must not be empty", file: file, line: line(key), field: key)
            }
            return value
        }
        func list(_ key: String) throws(PipelineError) -> [String] {
            guard let array = table[key]?.array else {
                throw PipelineError(.invalidBrief, "expected an array of strings", file: file, line: line(key), field: key)
            }
            var items: [String] = []
            for item in array {
                guard let s = item.string, !s.allSatisfy(\.isWhitespace) else {
                    throw PipelineError(.invalidBrief, "expected an array of non-empty strings", file: file, line: line(key), field: key)
                }
                items.append(s)
            }
            guard !items.isEmpty else { throw PipelineError(.invalidBrief, "must list at least one item", file: file, line: line(key), field: key) }
            return items
        }
        campaign = try text("campaign")
        product = try text("product")
        audience = try text("audience")
        goal = try text("goal")
        keyMessages = try list("key_messages")
        callToAction = try text("call_to_action")
        var channels: [Channel] = []
        for name in try list("channels") {
            let channel = try Channel.named(name, file: file, line: line("channels"), field: "channels")
            guard !channels.contains(channel) else {
                throw PipelineError(.invalidBrief, "channel \"\(name)\" is listed twice", file: file, line: line("channels"), field: "channels")
            }
            channels.append(channel)
        }
        self.channels = channels
        toneNotes = table["tone_notes"] == nil ? nil : try text("tone_notes")
        if table["length"] != nil {
            let value = try text("length")
            guard Self.lengths.contains(value) else {
                throw PipelineError(.invalidBrief, "expected one of \(Self.lengths.joined(separator: ", ")), got \"\(value)\"", file: file, line: line("length"), field: "length")
            }
            length = value
        } else {
            length = nil
        }
        notes = body.trimmingCharacters(in: .whitespacesAndNewlines)
        self.source = source
    }
}
