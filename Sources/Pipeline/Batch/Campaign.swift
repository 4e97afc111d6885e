import BrandKit
import Foundation
import TOML

/// A campaign file: which briefs run through which steps, how many variants, the gate a piece must
/// pass to be approved, and where it is exported. Paths are relative to the file.
public struct Campaign: Sendable, Equatable {
    /// A pipeline step a campaign can ask for.
    public enum Step: String, Sendable, CaseIterable {
        case draft, check, revise, image, voiceover
    }

    /// What a piece must meet to be approved without an editor.
    public struct Gate: Sendable, Equatable {
        public var maxContradicted = 0
        public var maxErrors = 0
        /// nil: the kit's `[review] min_score`.
        public var minScore: Int?
    }

    public var name: String
    /// The file it was read from.
    public var file: String
    /// The kit folder (nil: the workspace's kit).
    public var brand: String?
    /// The brief files, resolved and sorted.
    public var briefs: [String]
    /// Channels per brief file name, replacing the brief's own; "*" applies to every brief.
    public var channels: [String: [Channel]]
    public var variants: Int
    public var seed: UInt64
    public var steps: [Step]
    public var gate: Gate
    public var exportFormats: [ExportFormat]
    public var exportOut: String?

    static let keys: Set<String> = ["name", "brand", "briefs", "channels", "variants", "seed", "steps", "gate", "export"]

    /// Reads a campaign file.
    /// - Throws: `PipelineError` naming the file, the line and the key, for TOML syntax, unknown or
    ///   missing keys, wrong types and values, and brief paths that match nothing.
    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw PipelineError(.notFound, "no such file", file: path) }
        guard let source = String(data: data, encoding: .utf8) else { throw PipelineError(.invalidInput, "not UTF-8 text", file: path) }
        let table: TOMLTable
        do { table = try TOML.parse(source, file: path) } catch {
            throw PipelineError(.invalidInput, error.message, file: path, line: error.line)
        }
        file = path
        let base = (path as NSString).deletingLastPathComponent
        func line(_ key: String, in t: TOMLTable = table) -> Int? { t.position(of: key)?.line }
        func fail(_ message: String, _ key: String, in t: TOMLTable = table) -> PipelineError {
            PipelineError(.invalidInput, message, file: path, line: line(key, in: t), field: key)
        }
        for key in table.keys where !Self.keys.contains(key) {
            throw fail("unknown key; a campaign has \(Self.keys.sorted().joined(separator: ", "))", key)
        }
        func resolve(_ p: String) -> String { p.hasPrefix("/") ? p : (base as NSString).appendingPathComponent(p) }
        func integer(_ key: String, in t: TOMLTable = table, minimum: Int) throws -> Int? {
            guard let v = t[key] else { return nil }
            guard let i = v.int, i >= minimum else { throw fail("expected a whole number of at least \(minimum)", key, in: t) }
            return Int(i)
        }
        func strings(_ key: String, in t: TOMLTable = table) throws -> [String]? {
            guard let v = t[key] else { return nil }
            guard let a = v.array, !a.isEmpty, a.allSatisfy({ $0.string != nil }) else { throw fail("expected a non-empty array of strings", key, in: t) }
            return a.compactMap(\.string)
        }

        guard let n = table["name"]?.string, !n.allSatisfy(\.isWhitespace) else { throw fail("expected the campaign's name, a non-empty string", "name") }
        name = n
        if let b = table["brand"] {
            guard let s = b.string else { throw fail("expected the kit folder, a string", "brand") }
            brand = resolve(s)
        }
        guard let patterns = try strings("briefs") else { throw fail("missing: the brief files or globs, relative to the campaign file", "briefs") }
        var found: [String] = []
        for pattern in patterns {
            let matches = try Self.expand(resolve(pattern))
            guard !matches.isEmpty else { throw fail("“\(pattern)” matches no file", "briefs") }
            found += matches
        }
        briefs = Array(Set(found)).sorted()

        channels = [:]
        func channelList(_ key: String, _ values: [String], in t: TOMLTable) throws -> [Channel] {
            try values.map { name in
                guard let c = Channel(rawValue: name) else {
                    throw fail("unknown channel “\(name)”; expected one of \(Channel.allCases.map(\.rawValue).joined(separator: ", "))", key, in: t)
                }
                return c
            }
        }
        if let c = table["channels"] {
            if c.array != nil {
                channels["*"] = try channelList("channels", strings("channels") ?? [], in: table)
            } else if let t = c.table {
                for key in t.keys {
                    guard let list = try strings(key, in: t) else { continue }
                    channels[key] = try channelList(key, list, in: t)
                }
            } else {
                throw fail("expected an array of channels, or a table of brief file name = [channels]", "channels")
            }
        }
        variants = try integer("variants", minimum: 1) ?? 1
        seed = UInt64(try integer("seed", minimum: 0) ?? 1)
        if let names = try strings("steps") {
            steps = try names.map { s in
                guard let step = Step(rawValue: s) else { throw fail("unknown step “\(s)”; expected \(Step.allCases.map(\.rawValue).joined(separator: ", "))", "steps") }
                return step
            }
            guard steps.contains(.draft) else { throw fail("the steps must include draft", "steps") }
        } else {
            steps = [.draft, .check, .revise]
        }
        gate = Gate()
        if let g = table["gate"] {
            guard let t = g.table else { throw fail("expected a table", "gate") }
            for key in t.keys where !["max_contradicted", "max_errors", "min_score"].contains(key) {
                throw fail("unknown key in [gate]; expected max_contradicted, max_errors, min_score", key, in: t)
            }
            gate.maxContradicted = try integer("max_contradicted", in: t, minimum: 0) ?? 0
            gate.maxErrors = try integer("max_errors", in: t, minimum: 0) ?? 0
            gate.minScore = try integer("min_score", in: t, minimum: 0)
        }
        exportFormats = []
        if let e = table["export"] {
            guard let t = e.table else { throw fail("expected a table", "export") }
            for key in t.keys where !["formats", "out"].contains(key) { throw fail("unknown key in [export]; expected formats, out", key, in: t) }
            exportFormats = try (strings("formats", in: t) ?? []).map { name in
                guard let f = ExportFormat(rawValue: name) else {
                    throw fail("unknown format “\(name)”; expected \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))", "formats", in: t)
                }
                return f
            }
            if let out = t["out"] {
                guard let s = out.string else { throw fail("expected a folder, a string", "out", in: t) }
                exportOut = resolve(s)
            }
        }
    }

    /// The channels of a brief in this campaign: the file's override, the campaign-wide one, or the brief's own.
    public func channels(for brief: Brief, file: String) -> [Channel] {
        channels[(file as NSString).lastPathComponent] ?? channels["*"] ?? brief.channels
    }

    /// The files a path names: itself, or for a pattern with `*`, `?` or `[...]` in its last
    /// component, the matching files of its folder.
    static func expand(_ path: String) throws -> [String] {
        let name = (path as NSString).lastPathComponent
        guard name.contains(where: { "*?[".contains($0) }) else { return FileManager.default.fileExists(atPath: path) ? [path] : [] }
        let dir = (path as NSString).deletingLastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { Glob.matches(name, $0) }.sorted().map { (dir as NSString).appendingPathComponent($0) }
    }
}

/// Shell-style name matching: `*`, `?` and `[abc]` / `[a-z]` / `[!x]`.
enum Glob {
    static func matches(_ pattern: String, _ name: String) -> Bool {
        match(Array(pattern), 0, Array(name), 0)
    }

    private static func match(_ p: [Character], _ i: Int, _ s: [Character], _ j: Int) -> Bool {
        if i == p.count { return j == s.count }
        switch p[i] {
        case "*":
            for k in j...s.count where match(p, i + 1, s, k) { return true }
            return false
        case "?":
            return j < s.count && match(p, i + 1, s, j + 1)
        case "[":
            guard j < s.count, let close = p[(i + 1)...].firstIndex(of: "]") else { return j < s.count && p[i] == s[j] && match(p, i + 1, s, j + 1) }
            var set = Array(p[(i + 1)..<close])
            let negate = set.first == "!"
            if negate { set.removeFirst() }
            var hit = false
            var k = 0
            while k < set.count {
                if k + 2 < set.count, set[k + 1] == "-" { if set[k] <= s[j] && s[j] <= set[k + 2] { hit = true }; k += 3 } else { if set[k] == s[j] { hit = true }; k += 1 }
            }
            return hit != negate && match(p, close + 1, s, j + 1)
        default:
            return j < s.count && p[i] == s[j] && match(p, i + 1, s, j + 1)
        }
    }
}
