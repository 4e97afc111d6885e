/// Fuzzy matching of typed letters against names (the palette, the template chooser).
enum FuzzyMatch {
    /// A subsequence match's score, or nil when `query`'s letters do not appear in order: a match at
    /// the start of the name or of a word beats one inside a word, consecutive letters score more.
    static func score(_ query: String, _ name: String) -> Int? {
        let letters = Array(name.lowercased())
        var score = 0
        var i = 0
        var previous = -2
        for q in query.lowercased() where !q.isWhitespace {
            while i < letters.count, letters[i] != q { i += 1 }
            guard i < letters.count else { return nil }
            if i == 0 || letters[i - 1] == " " || letters[i - 1] == "-" { score += 10 }
            if i == previous + 1 { score += 5 }
            previous = i
            i += 1
        }
        return score - letters.count / 4
    }
}
