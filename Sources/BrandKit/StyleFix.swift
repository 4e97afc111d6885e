/// Applies the safe fixes (findings that carry a replacement) to a text.
public enum StyleFix {
    /// The text with every non-overlapping replacement applied (right to left, so offsets stay
    /// valid), and the findings that were applied.
    public static func apply(_ findings: [StyleFinding], to text: String) -> (text: String, applied: [StyleFinding]) {
        var scalars = Array(text.unicodeScalars)
        var applied: [StyleFinding] = []
        var lastStart = Int.max
        for f in findings.filter({ $0.replacement != nil && $0.end > $0.start }).sorted(by: { $0.start > $1.start }) where f.end <= lastStart {
            scalars.replaceSubrange(f.start..<f.end, with: Array(f.replacement!.unicodeScalars))
            lastStart = f.start
            applied.append(f)
        }
        return (String(String.UnicodeScalarView(scalars)), applied.reversed())
    }
}
