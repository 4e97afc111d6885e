/// Markdown with a TOML front matter block: a first line that is exactly `+++`, the TOML, and a
/// closing `+++` line, then the body.
public enum TOMLFrontMatter {
    /// The parts of a document.
    public enum Split: Sendable, Equatable {
        /// The text does not start with a `+++` line.
        case absent
        /// The opening `+++` is never closed; `lines` is the document's line count.
        case unclosed(lines: Int)
        /// `toml` starts on line 2; `body` starts on `bodyLine` (1-based).
        case present(toml: String, body: String, bodyLine: Int)
    }

    /// Splits `source` into front matter and body (line endings `\n` or `\r\n`).
    public static func split(_ source: String) -> Split {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        guard let first = lines.first, first.trimmingCharacters(in: " \t") == "+++" else { return .absent }
        guard let close = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: " \t") == "+++" }) else {
            return .unclosed(lines: lines.count)
        }
        return .present(toml: lines[1..<close].joined(separator: "\n"), body: lines[(close + 1)...].joined(separator: "\n"), bodyLine: close + 2)
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> Substring {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s.removeFirst() }
        while let c = s.last, set.contains(c) { s.removeLast() }
        return s
    }
}
