/// A line-based diff between two texts, printed in unified format.
public struct LineDiff: Sendable {
    /// One line of the edit script.
    public enum Edit: Sendable, Equatable {
        case same(String), removed(String), added(String)
    }

    /// The edit script turning the old text into the new one.
    public let edits: [Edit]

    /// Computes the diff with a longest-common-subsequence table (templates are short).
    public init(old: String, new: String) {
        let a = Self.lines(old), b = Self.lines(new)
        let n = a.count, m = b.count
        // lcs[i][j]: length of the LCS of a[i...] and b[j...]; shape (n+1) x (m+1).
        var lcs = [[Int32]](repeating: [Int32](repeating: 0, count: m + 1), count: n + 1)
        if n > 0 && m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
                }
            }
        }
        var edits: [Edit] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n && j < m && a[i] == b[j] {
                edits.append(.same(a[i])); i += 1; j += 1
            } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
                edits.append(.removed(a[i])); i += 1
            } else {
                edits.append(.added(b[j])); j += 1
            }
        }
        self.edits = edits
    }

    static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// True when the texts have the same lines.
    public var isEmpty: Bool { edits.allSatisfy { if case .same = $0 { true } else { false } } }

    /// Unified-format hunks with `context` lines around each change.
    public func unified(oldName: String, newName: String, context: Int = 3) -> String {
        guard !isEmpty else { return "" }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        // Positions of each edit in the old and new files (1-based line numbers of the next line).
        var oldLine = [Int](), newLine = [Int]()
        var o = 1, nw = 1
        for e in edits {
            oldLine.append(o); newLine.append(nw)
            switch e {
            case .same: o += 1; nw += 1
            case .removed: o += 1
            case .added: nw += 1
            }
        }
        let changed = edits.indices.filter { if case .same = edits[$0] { false } else { true } }
        var k = 0
        while k < changed.count {
            let start = max(0, changed[k] - context)
            var end = min(edits.count - 1, changed[k] + context)
            var next = k + 1
            while next < changed.count && changed[next] - context <= end + 1 {
                end = min(edits.count - 1, changed[next] + context)
                next += 1
            }
            var oldCount = 0, newCount = 0, body = ""
            for idx in start...end {
                switch edits[idx] {
                case .same(let s): oldCount += 1; newCount += 1; body += " \(s)\n"
                case .removed(let s): oldCount += 1; body += "-\(s)\n"
                case .added(let s): newCount += 1; body += "+\(s)\n"
                }
            }
            let oldStart = oldCount == 0 ? oldLine[start] - 1 : oldLine[start]
            let newStart = newCount == 0 ? newLine[start] - 1 : newLine[start]
            out += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n" + body
            k = next
        }
        return out
    }
}
