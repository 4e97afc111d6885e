import FactCheck

/// Writes amounts of money in copy the way its sources write them: "£549" becomes "£549.00"
/// when the knowledge base says "£549.00", so a figure reads the same everywhere the brand
/// states it (and can be found in the sources as written).
enum FigureStyle {
    /// `text` with each amount of money that a source states in another form rewritten in the
    /// source's form.
    static func matching(_ text: String, sources: String) -> String {
        var forms: [String: String] = [:]
        for q in QuantityParser.parse(sources) where q.dimension == .money {
            let key = q.unit + String(format: "%.2f", q.base)
            if forms[key] == nil { forms[key] = String(q.text.drop { !"$€£".contains($0) }) }
        }
        var scalars = Array(text.unicodeScalars)
        for q in QuantityParser.parse(text).reversed() where q.dimension == .money {
            let key = q.unit + String(format: "%.2f", q.base)
            guard let form = forms[key], !q.text.hasSuffix(form), let symbol = q.text.firstIndex(where: { "$€£".contains($0) }) else { continue }
            // Replace the written figure (from its currency sign), keeping "up to" and the like.
            let figureStart = q.end - q.text[symbol...].unicodeScalars.count
            scalars.replaceSubrange(figureStart..<q.end, with: Array(form.unicodeScalars))
        }
        return String(String.UnicodeScalarView(scalars))
    }
}
