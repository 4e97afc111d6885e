import Foundation

/// Syllables per word: from a CMU Pronouncing Dictionary file when it lists the word (vowel
/// phonemes carry a stress digit), otherwise counted as groups of vowels (at least one).
public struct SyllableCounter: Sendable {
    let dictionary: [String: Int]

    /// Without a dictionary: vowel groups only.
    public init() { dictionary = [:] }

    /// Loads `cmudict.dict` (lines `word  P R AH0 N ...`; variants `word(2)` are skipped).
    public init(dictionaryAt path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KitError(.syntax, "cannot read the pronouncing dictionary", file: path, line: nil)
        }
        var table: [String: Int] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard let word = parts.first, !word.contains("(") else { continue }
            table[String(word)] = parts.dropFirst().filter { $0.last?.isNumber == true }.count
        }
        dictionary = table
    }

    /// Whether the dictionary lists `word` (any case): an ordinary word, not a misspelt name.
    public func knows(_ word: String) -> Bool { dictionary[word.lowercased()] != nil }

    /// Syllables in `word` (punctuation around it ignored).
    public func count(_ word: String) -> Int {
        let w = word.lowercased().trimmingCharacters(in: CharacterSet.letters.inverted)
        if let n = dictionary[w], n > 0 { return n }
        var groups = 0
        var inVowel = false
        for c in w {
            let vowel = "aeiouy".contains(c)
            if vowel && !inVowel { groups += 1 }
            inVowel = vowel
        }
        // A silent final e ("bike"), also before -s or -d ("bikes", "used"), but not in "-le", "-tes", "-des".
        if groups > 1, w.hasSuffix("e"), !w.hasSuffix("le") { groups -= 1 }
        else if groups > 1, w.hasSuffix("es") || w.hasSuffix("ed"), w.count > 3 {
            let before = w.dropLast(2).last!
            if !"aeiouytd".contains(before) && !(w.hasSuffix("es") && "sxzhc".contains(before)) { groups -= 1 }
        }
        return max(1, groups)
    }
}
