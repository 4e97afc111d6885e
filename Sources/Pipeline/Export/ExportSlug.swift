import Foundation

/// File-name-safe slugs: transliterated to Latin letters, accents dropped, lowercased, every run
/// of other characters one "-", at most 60 characters; never empty, never a path.
public enum ExportSlug {
    public static func make(_ text: String, fallback: String = "piece") -> String {
        var latin = text.applyingTransform(.toLatin, reverse: false) ?? text
        latin = latin.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var out = ""
        var dash = false
        for scalar in latin.unicodeScalars {
            let c = Character(scalar)
            if scalar.isASCII, c.isLetter || c.isNumber {
                out.append(Character(c.lowercased()))
                dash = false
            } else if !dash, !out.isEmpty {
                out.append("-")
                dash = true
            }
            if out.count >= 60 { break }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? fallback : out
    }
}
