import FactCheck
import BrandKit

/// The names a brand kit spells out in its `capitalization` rules, sorted by what they are.
struct KitNames {
    /// Every name the kit fixes the spelling of (for misspelling checks).
    let all: [String]
    /// Products, programmes and services: what a claim can be about ("Kinglet Pro", "Care Plus").
    /// Left out: the brand's own name (company-wide facts are about it), and terms and units
    /// such as acronyms ("APR", "USB-C", "UL 2849", "mph"). Model names keep their digits ("Cedar 370").
    let subjects: [String]

    init(profile: BrandProfile) {
        var names: [String] = []
        for rule in profile.rules { if case .capitalization(let list) = rule.check { names += list.map(\.name) } }
        all = names
        let brandWords = Set(profile.name.split(separator: " ").map { $0.lowercased() })
        subjects = names.filter { name in
            guard let first = name.first, first.isUppercase, name.contains(where: \.isLowercase), !QuantityParser.isUnit(name) else { return false }
            let words = name.split(separator: " ").map { $0.lowercased() }
            // "Larkhaven" and "Larkhaven Cycles" are the brand; "Larkhaven Care" is a programme.
            return !words.allSatisfy(brandWords.contains)
        }
    }
}
