import Foundation
import TOML

/// Splits Markdown (or plain text) into chunks that follow headings and paragraphs. Tables and
/// bullet or numbered lists stay whole; short paragraphs under one heading are merged up to
/// `targetCharacters`.
public struct MarkdownChunker: Sendable {
    public var targetCharacters = 700

    public init() {}

    /// Front matter (`+++` TOML) fields a knowledge file may carry.
    public struct FrontMatter: Sendable {
        public var title: String?
        public var updated: String?
    }

    /// The front matter and the chunks of a document.
    public func split(_ source: String, file: String? = nil) throws -> (FrontMatter, [Chunk]) {
        var body = source
        var front = FrontMatter()
        if case .present(let toml, let rest, _) = TOMLFrontMatter.split(source) {
            let table = try TOML.parse(toml, file: file)
            front.title = table["title"]?.string
            if let u = table["updated"] { front.updated = u.dateTime?.description ?? u.string }
            body = rest
        }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        // Blocks: runs of non-blank lines; headings are blocks of their own.
        var blocks: [(heading: Int?, lines: [String])] = []
        var current: [String] = []
        func flush() { if !current.isEmpty { blocks.append((nil, current)); current = [] } }
        for line in lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { flush(); continue }
            if let level = Self.headingLevel(trimmed) {
                flush()
                blocks.append((level, [trimmed]))
                continue
            }
            current.append(line)
        }
        flush()
        var headings: [(level: Int, text: String)] = []
        if let title = front.title { headings = [(0, title)] }
        var chunks: [Chunk] = []
        var pending: [String] = []
        var pendingKind = BlockKind.paragraph
        func emit() {
            guard !pending.isEmpty else { return }
            let heading = headings.map(\.text).joined(separator: " › ")
            chunks.append(Chunk(heading: heading, anchor: Self.anchor(headings.last?.text ?? ""), text: pending.joined(separator: "\n\n")))
            pending = []
        }
        for block in blocks {
            if let level = block.heading {
                emit()
                let text = block.lines[0].drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
                headings.removeAll { $0.level >= level }
                headings.append((level, text))
                continue
            }
            let text = block.lines.joined(separator: "\n")
            let kind = Self.kind(block.lines)
            // Lists and tables continue across blank lines; paragraphs merge while short.
            let continues = !pending.isEmpty && ((kind == pendingKind && kind != .paragraph)
                || pending.joined().count + text.count <= targetCharacters)
            if !continues { emit() }
            pending.append(text)
            pendingKind = kind
        }
        emit()
        return (front, chunks.filter { !$0.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty })
    }

    enum BlockKind { case paragraph, list, table }

    static func kind(_ lines: [String]) -> BlockKind {
        let first = lines[0].trimmingCharacters(in: .whitespaces)
        if first.hasPrefix("|") { return .table }
        if first.hasPrefix("- ") || first.hasPrefix("* ") || first.hasPrefix("+ ") { return .list }
        if let dot = first.firstIndex(of: "."), first[..<dot].allSatisfy(\.isNumber), !first[..<dot].isEmpty { return .list }
        return .paragraph
    }

    static func headingLevel(_ line: String) -> Int? {
        let hashes = line.prefix { $0 == "#" }.count
        guard hashes > 0, hashes <= 6, line.dropFirst(hashes).first == " " else { return nil }
        return hashes
    }

    /// GitHub-style anchor: lower-case, punctuation dropped, spaces to hyphens.
    static func anchor(_ heading: String) -> String {
        var out = ""
        for ch in heading.lowercased() {
            if ch.isLetter || ch.isNumber || ch == "-" || ch == "_" { out.append(ch) } else if ch == " " { out.append("-") }
        }
        return out
    }
}
