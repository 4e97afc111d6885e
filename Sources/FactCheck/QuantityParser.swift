import Foundation

/// Finds quantities in text: amounts of money, percentages, measurements with units, durations,
/// dates, years and counts of things, with "up to" / "at least" qualifiers.
public enum QuantityParser {
    /// unit word (lowercased) → (dimension, factor to the base unit, canonical unit name)
    static let units: [String: (Quantity.Dimension, Double, String)] = [
        "mile": (.length, 1.609344, "mi"), "miles": (.length, 1.609344, "mi"), "mi": (.length, 1.609344, "mi"),
        "km": (.length, 1, "km"), "kilometers": (.length, 1, "km"), "kilometres": (.length, 1, "km"), "kms": (.length, 1, "km"),
        "m": (.length, 0.001, "m"), "meters": (.length, 0.001, "m"), "ft": (.length, 0.0003048, "ft"), "feet": (.length, 0.0003048, "ft"),
        "in": (.length, 0.0000254, "in"), "inches": (.length, 0.0000254, "in"), "cm": (.length, 0.00001, "cm"),
        "lb": (.mass, 0.45359237, "lb"), "lbs": (.mass, 0.45359237, "lb"), "pounds": (.mass, 0.45359237, "lb"), "kg": (.mass, 1, "kg"),
        "mph": (.speed, 1.609344, "mph"), "km/h": (.speed, 1, "km/h"), "kph": (.speed, 1, "km/h"),
        "w": (.power, 1, "W"), "watt": (.power, 1, "W"), "watts": (.power, 1, "W"), "kw": (.power, 1000, "W"),
        "nm": (.torque, 1, "Nm"), "wh": (.energy, 1, "Wh"), "kwh": (.energy, 1000, "Wh"), "v": (.voltage, 1, "V"), "ah": (.charge, 1, "Ah"),
        "l": (.volume, 1, "L"), "liter": (.volume, 1, "L"), "liters": (.volume, 1, "L"), "litres": (.volume, 1, "L"),
        "minute": (.duration, 1.0 / 1440, "min"), "minutes": (.duration, 1.0 / 1440, "min"), "min": (.duration, 1.0 / 1440, "min"),
        "hour": (.duration, 1.0 / 24, "h"), "hours": (.duration, 1.0 / 24, "h"), "h": (.duration, 1.0 / 24, "h"), "hrs": (.duration, 1.0 / 24, "h"),
        "day": (.duration, 1, "d"), "days": (.duration, 1, "d"), "week": (.duration, 7, "wk"), "weeks": (.duration, 7, "wk"),
        "month": (.duration, 30.4375, "mo"), "months": (.duration, 30.4375, "mo"),
        "year": (.duration, 365.25, "yr"), "years": (.duration, 365.25, "yr"),
        "°f": (.temperature, 1, "°F"), "°c": (.temperature, 1, "°C"), "degrees": (.temperature, 1, "°"),
        "mm": (.length, 0.000001, "mm"), "millimetre": (.length, 0.000001, "mm"), "millimetres": (.length, 0.000001, "mm"),
        "millimeter": (.length, 0.000001, "mm"), "millimeters": (.length, 0.000001, "mm"), "centimetres": (.length, 0.00001, "cm"),
        "centimeters": (.length, 0.00001, "cm"), "metre": (.length, 0.001, "m"), "metres": (.length, 0.001, "m"), "meter": (.length, 0.001, "m"),
        "kilometre": (.length, 1, "km"), "kilometer": (.length, 1, "km"), "inch": (.length, 0.0000254, "in"), "foot": (.length, 0.0003048, "ft"),
        "g": (.mass, 0.001, "g"), "gram": (.mass, 0.001, "g"), "grams": (.mass, 0.001, "g"), "mg": (.mass, 0.000001, "mg"),
        "kilo": (.mass, 1, "kg"), "kilos": (.mass, 1, "kg"), "kilogram": (.mass, 1, "kg"), "kilograms": (.mass, 1, "kg"),
        "tonne": (.mass, 1000, "t"), "tonnes": (.mass, 1000, "t"), "oz": (.mass, 0.028349523125, "oz"), "ounces": (.mass, 0.028349523125, "oz"),
        "ml": (.volume, 0.001, "ml"), "millilitre": (.volume, 0.001, "ml"), "millilitres": (.volume, 0.001, "ml"), "milliliter": (.volume, 0.001, "ml"),
        "milliliters": (.volume, 0.001, "ml"), "cl": (.volume, 0.01, "cl"), "litre": (.volume, 1, "L"),
        "second": (.duration, 1.0 / 86400, "s"), "seconds": (.duration, 1.0 / 86400, "s"), "sec": (.duration, 1.0 / 86400, "s"),
        "secs": (.duration, 1.0 / 86400, "s"), "s": (.duration, 1.0 / 86400, "s"), "mins": (.duration, 1.0 / 1440, "min"),
        "fortnight": (.duration, 14, "fortnight"), "fortnights": (.duration, 14, "fortnight"),
        "kb": (.data, 0.001, "KB"), "mb": (.data, 1, "MB"), "gb": (.data, 1000, "GB"), "tb": (.data, 1_000_000, "TB"),
        "rpm": (.rotation, 1, "rpm"), "db": (.loudness, 1, "dB"),
        "kilowatt": (.power, 1000, "W"), "kilowatts": (.power, 1000, "W"), "millisecond": (.duration, 1.0 / 86_400_000, "ms"),
        "milliseconds": (.duration, 1.0 / 86_400_000, "ms"), "ms": (.duration, 1.0 / 86_400_000, "ms"),
    ]
    /// Power units that, followed by "hours", are units of energy ("twelve point eight kilowatt hours").
    static let energyOfPower: [String: (Double, String)] = ["kilowatt": (1000, "Wh"), "kilowatts": (1000, "Wh"), "watt": (1, "Wh"), "watts": (1, "Wh")]
    /// Currencies said in words ("twenty-seven dollars") → the symbol the figures are written with.
    static let currencyWords: [String: String] = ["dollar": "$", "dollars": "$", "euro": "€", "euros": "€"]
    static let numberWords: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90,
        "hundred": 100, "dozen": 12,
    ]
    /// Number words that combine ("two hundred and eighty", "forty-six", "twenty fourteen").
    static let ones: [String: Double] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19,
    ]
    static let tens: [String: Double] = ["twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90]
    static let scales: [String: Double] = ["hundred": 100, "thousand": 1000, "million": 1_000_000]
    /// Words after a number that are not what it counts.
    static let notNouns: Set<String> = ["or", "and", "to", "of", "in", "on", "at", "for", "with", "from", "by", "is", "are", "was", "a", "an", "the",
                                        "more", "less", "times", "x", "per", "each", "as", "than", "until", "through", "after", "before",
                                        "included", "includes", "total", "in", "overall"]
    /// Words that say a figure is rounded.
    static let approximately: Set<String> = ["about", "around", "roughly", "approximately", "nearly", "almost", "approx", "circa"]
    /// Words between a number and the noun it counts.
    static let describing: Set<String> = ["free", "extra", "new", "additional", "full", "private", "separate", "dedicated", "different",
                                          "local", "own", "small", "large", "big", "spare", "dedicated", "public", "paid"]
    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
    static let atMost = ["until", "till", "up to", "at most", "under", "less than", "no more than", "as much as", "within", "below", "maximum", "max"]
    static let atLeast = ["at least", "more than", "over", "from", "starting at", "starts at", "start at", "starting from", "starts from", "minimum", "or more", "and up", "beginning"]

    /// Tokens: words, numbers and symbols with scalar offsets.
    struct Token { let text: String; let lower: String; let start: Int; let end: Int; let isNumber: Bool; let value: Double?; let decimals: Int; var spelled = false }

    static func tokens(_ text: String) -> [Token] {
        let s = Array(text.unicodeScalars)
        var out: [Token] = []
        var i = 0
        func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
        while i < s.count {
            let c = s[i]
            if isDigit(c) {
                var j = i
                while j < s.count, isDigit(s[j]) || ((s[j] == "," || s[j] == ".") && j + 1 < s.count && isDigit(s[j + 1])) { j += 1 }
                let raw = String(String.UnicodeScalarView(s[i..<j]))
                // "1,299" is thousands; "4.5" is a decimal point (US style, as the knowledge base writes).
                let cleaned = raw.replacingOccurrences(of: ",", with: "")
                let decimals = raw.contains(".") ? raw.split(separator: ".").last!.count : 0
                out.append(Token(text: raw, lower: raw, start: i, end: j, isNumber: true, value: Double(cleaned), decimals: decimals))
                i = j
            } else if c.properties.isAlphabetic || c == "°" {
                var j = i + 1
                while j < s.count, s[j].properties.isAlphabetic || (s[j] == "/" && j + 1 < s.count && s[j + 1].properties.isAlphabetic) || (s[j] == "'" && j + 1 < s.count && s[j + 1].properties.isAlphabetic) { j += 1 }
                let w = String(String.UnicodeScalarView(s[i..<j]))
                out.append(Token(text: w, lower: w.lowercased(), start: i, end: j, isNumber: false, value: nil, decimals: 0))
                i = j
            } else if c.properties.isWhitespace {
                i += 1
            } else {
                out.append(Token(text: String(c), lower: String(c), start: i, end: i + 1, isNumber: false, value: nil, decimals: 0))
                i += 1
            }
        }
        return out
    }

    /// Every quantity in `text`, in order.
    /// Whether `word` is a unit of measure ("Wh", "mph", "kg").
    public static func isUnit(_ word: String) -> Bool { units[word.lowercased()] != nil }

    public static func parse(_ text: String) -> [Quantity] {
        let t = spelledNumbers(tokens(text))
        let scalars = Array(text.unicodeScalars)
        func span(_ a: Int, _ b: Int) -> String { String(String.UnicodeScalarView(scalars[a..<b])) }
        var out: [Quantity] = []
        /// Low ends of ranges, by where the high end's number starts.
        var lows: [Int: (value: Double, start: Int)] = [:]
        var i = 0
        func bound(before index: Int) -> (Quantity.Bound, Int) {
            // Look back up to four words for a qualifier ending right before the number.
            for width in stride(from: 4, through: 1, by: -1) where index - width >= 0 {
                let phrase = t[(index - width)..<index].map(\.lower).joined(separator: " ")
                if atMost.contains(phrase) { return (.atMost, t[index - width].start) }
                if atLeast.contains(phrase) { return (.atLeast, t[index - width].start) }
            }
            return (.exact, t[index].start)
        }
        while i < t.count {
            let tok = t[i]
            // Dates: "April 7, 2026", "March 10", "March 2024".
            if !tok.isNumber, let m = months.firstIndex(of: tok.lower), tok.text.first?.isUppercase == true {
                if i + 1 < t.count, t[i + 1].isNumber, let day = t[i + 1].value, day >= 1, day <= 31, t[i + 1].decimals == 0, t[i + 1].text.count <= 2 {
                    var end = t[i + 1].end
                    var year: Double?
                    var k = i + 2
                    if k < t.count, t[k].text == "," { k += 1 }
                    if k < t.count, t[k].isNumber, let y = t[k].value, y >= 1900, y <= 2100 { year = y; end = t[k].end; k += 1 }
                    let ordinal = (year ?? 0) * 10000 + Double(m + 1) * 100 + day
                    out.append(Quantity(value: ordinal, base: ordinal, dimension: .date, unit: year == nil ? "month-day" : "date", bound: .exact,
                                        start: tok.start, end: end, text: span(tok.start, end), decimals: 0))
                    i = k
                    continue
                }
                if i + 1 < t.count, t[i + 1].isNumber, let y = t[i + 1].value, y >= 1900, y <= 2100 {
                    let ordinal = y * 10000 + Double(m + 1) * 100
                    out.append(Quantity(value: ordinal, base: ordinal, dimension: .date, unit: "month", bound: .exact,
                                        start: tok.start, end: t[i + 1].end, text: span(tok.start, t[i + 1].end), decimals: 0))
                    i += 2
                    continue
                }
            }
            // Dates written day first: "5 April 2022", "3 February".
            if tok.isNumber, !tok.spelled, tok.decimals == 0, tok.text.count <= 2, let day = tok.value, day >= 1, day <= 31, i + 1 < t.count,
               let m = months.firstIndex(of: t[i + 1].lower), t[i + 1].text.first?.isUppercase == true {
                var end = t[i + 1].end, k = i + 2
                var year: Double?
                if k < t.count, t[k].isNumber, let y = t[k].value, y >= 1900, y <= 2100, t[k].decimals == 0 { year = y; end = t[k].end; k += 1 }
                let ordinal = (year ?? 0) * 10000 + Double(m + 1) * 100 + day
                out.append(Quantity(value: ordinal, base: ordinal, dimension: .date, unit: year == nil ? "month-day" : "date", bound: .exact,
                                    start: tok.start, end: end, text: span(tok.start, end), decimals: 0))
                i = k
                continue
            }
            // "the next day", "the next working day", "same-day": a delivery time in words.
            if tok.lower == "next" || tok.lower == "same", i + 1 < t.count {
                var k = i + 1
                if t[k].text == "-" { k += 1 }
                let working = k < t.count && (t[k].lower == "working" || t[k].lower == "business")
                if working { k += 1 }
                if k < t.count, t[k].lower == "day" {
                    let v: Double = tok.lower == "next" ? 1 : 0
                    out.append(Quantity(value: v, base: v, dimension: .duration, unit: working ? "business day" : "d", bound: .exact,
                                        start: tok.start, end: t[k].end, text: span(tok.start, t[k].end), decimals: 0))
                    i = k + 1
                    continue
                }
            }
            // Money: "$2,499", "€1,299", "USD 99".
            if ["$", "€", "£"].contains(tok.text), i + 1 < t.count, t[i + 1].isNumber, let v = t[i + 1].value, t[i + 1].start == tok.end {
                let (b, start) = bound(before: i)
                out.append(Quantity(value: v, base: v, dimension: .money, unit: tok.text, bound: b, start: start, end: t[i + 1].end,
                                    text: span(tok.start, t[i + 1].end), decimals: t[i + 1].decimals))
                i += 2
                continue
            }
            var value: Double?
            var decimals = 0
            if tok.isNumber {
                // Part of a name: "IPX5", "UL 2849", "Class 3".
                let next = i + 1 < t.count ? t[i + 1] : nil
                let nextIsTitleWord = next.map { $0.text.first?.isUppercase == true && $0.text.first?.isLetter == true } ?? false
                if !tok.spelled, i > 0, !t[i - 1].isNumber, t[i - 1].text.first?.isLetter == true,
                   t[i - 1].end == tok.start || (t[i - 1].text.first!.isUppercase && !months.contains(t[i - 1].lower)
                                                 && units[next?.lower ?? ""] == nil && !nextIsTitleWord) {
                    i += 1
                    continue
                }
                value = tok.value
                decimals = tok.decimals
            }
            // "one-off", "one-time", "one-click": an adjective, not a count.
            else if tok.lower == "one", i + 2 < t.count, t[i + 1].text == "-", t[i + 1].start == tok.end, units[t[i + 2].lower] == nil { i += 3; continue }
            else if let w = numberWords[tok.lower] { value = w }
            guard let v = value else { i += 1; continue }
            // Money said in words: "twenty-seven dollars", "forty euro".
            if i + 1 < t.count, let symbol = currencyWords[t[i + 1].lower] {
                let (b, start) = bound(before: i)
                out.append(Quantity(value: v, base: v, dimension: .money, unit: symbol, bound: b, start: start, end: t[i + 1].end,
                                    text: span(tok.start, t[i + 1].end), decimals: decimals))
                i += 2
                continue
            }
            // A time of day: "7 a.m.", "9 p.m.", "1pm", "10:30 a.m." (minutes since midnight).
            if tok.isNumber, !tok.spelled, decimals == 0, v >= 0, v <= 23, let (minutes, end, next) = timeOfDay(t, i) {
                let (b, start) = bound(before: i)
                out.append(Quantity(value: minutes, base: minutes, dimension: .timeOfDay, unit: "time", bound: b, start: start, end: end,
                                    text: span(tok.start, end), decimals: 0))
                i = next
                continue
            }
            // The first end of a range ("5 to 7 business days", "3-5 hours", "8 to 12 clicks"): the
            // second end carries the unit, and the low end.
            if i + 3 < t.count, ["to", "-", "–"].contains(t[i + 1].lower), t[i + 2].isNumber || numberWords[t[i + 2].lower] != nil,
               t[i + 3].text == "%" || units[t[i + 3].lower] != nil || t[i + 3].lower == "business" || t[i + 3].lower == "working"
                || (t[i + 2].isNumber && t[i + 3].text.first?.isLetter == true && !notNouns.contains(t[i + 3].lower)) {
                lows[t[i + 2].start] = (v, tok.start)
                i += 1
                continue
            }
            // An age: "16 or older", "18 and up", "12 and over", "16 years old".
            if i + 2 < t.count, (["or", "and"].contains(t[i + 1].lower) && ["up", "older", "over"].contains(t[i + 2].lower))
                || (t[i + 1].lower == "years" && t[i + 2].lower == "old") {
                out.append(Quantity(value: v, base: v, dimension: .count, unit: "age", bound: t[i + 1].lower == "years" ? .exact : .atLeast,
                                    start: tok.start, end: t[i + 2].end, text: span(tok.start, t[i + 2].end), decimals: decimals))
                i += 3
                continue
            }
            // "aged 12", "age three", "ages 6 to 13" (the first end of a range was skipped above).
            if i > 0, ["age", "aged", "ages"].contains(t[i - 1].lower) {
                let (b, start) = bound(before: i - 1)
                var age = Quantity(value: v, base: v, dimension: .count, unit: "age", bound: b, start: min(start, t[i - 1].start), end: tok.end,
                                   text: span(tok.start, tok.end), decimals: decimals)
                if i + 2 < t.count, ["to", "-", "–"].contains(t[i + 1].lower), let high = t[i + 2].value, high > v {
                    age.low = v; age.value = high; age.base = high; age.end = t[i + 2].end; age.text = span(tok.start, t[i + 2].end)
                    i += 2
                }
                out.append(age)
                i += 1
                continue
            }
            // "business days" count as days.
            if i + 2 < t.count, t[i + 1].lower == "business" || t[i + 1].lower == "working", ["day", "days"].contains(t[i + 2].lower) {
                let (b, start) = bound(before: i)
                out.append(Quantity(value: v, base: v, dimension: .duration, unit: "business day", bound: b, start: start, end: t[i + 2].end,
                                    text: span(tok.start, t[i + 2].end), decimals: decimals))
                i += 3
                continue
            }
            // A hyphenated form: "30-day", "2-year".
            var j = i + 1
            if j < t.count, t[j].text == "-", t[j].start == tok.end, j + 1 < t.count { j += 1 }
            if j < t.count {
                let next = t[j]
                if next.text == "%" || next.lower == "percent" {
                    let (b, start) = bound(before: i)
                    out.append(Quantity(value: v, base: v, dimension: .percent, unit: "%", bound: b, start: start, end: next.end,
                                        text: span(tok.start, next.end), decimals: decimals))
                    i = j + 1
                    continue
                }
                // "kilowatt hours", "kilowatt-hours": energy.
                var k = j + 1
                if k < t.count, t[k].text == "-" { k += 1 }
                if let (factor, canonical) = energyOfPower[next.lower], k < t.count, ["hour", "hours"].contains(t[k].lower) {
                    let (b, start) = bound(before: i)
                    out.append(Quantity(value: v, base: v * factor, dimension: .energy, unit: canonical, bound: b, start: start, end: t[k].end,
                                        text: span(tok.start, t[k].end), decimals: decimals))
                    i = k + 1
                    continue
                }
                if let (dim, factor, canonical) = units[next.lower], unitAllowed(next, after: tok) {
                    let (b, start) = bound(before: i)
                    out.append(Quantity(value: v, base: v * factor, dimension: dim, unit: canonical, bound: b, start: start, end: next.end,
                                        text: span(tok.start, next.end), decimals: decimals))
                    i = j + 1
                    continue
                }
            }
            // A bare year.
            if tok.isNumber, decimals == 0, v >= 1900, v <= 2100, tok.text.count == 4 {
                out.append(Quantity(value: v, base: v, dimension: .year, unit: "year", bound: .exact, start: tok.start, end: tok.end, text: tok.text, decimals: 0))
                i += 1
                continue
            }
            // A count of things: "12 service centers", "two children", "40 free spaces" (the noun
            // after a describing word).
            if j + 1 < t.count, describing.contains(t[j].lower), t[j + 1].text.first?.isLetter == true, !notNouns.contains(t[j + 1].lower) { j += 1 }
            if j < t.count, !t[j].isNumber, t[j].text.first?.isLetter == true, tok.isNumber || numberWords[tok.lower] != nil,
               !notNouns.contains(t[j].lower) {
                let noun = t[j].lower
                let (b, start) = bound(before: i)
                out.append(Quantity(value: v, base: v, dimension: .count, unit: Self.singular(noun), bound: b, start: start, end: t[j].end,
                                    text: span(tok.start, t[j].end), decimals: decimals))
                i = j + 1
                continue
            }
            if tok.isNumber {
                let (b, start) = bound(before: i)
                out.append(Quantity(value: v, base: v, dimension: .count, unit: labelNoun(t, before: start) ?? "", bound: b, start: start, end: tok.end,
                                    text: tok.text, decimals: decimals))
            }
            i += 1
        }
        for k in out.indices {
            let figureStart = out[k].end - out[k].text.unicodeScalars.count
            if let low = lows[figureStart], out[k].value != 0, low.value < out[k].value {
                out[k].low = low.value * out[k].base / out[k].value
                out[k].start = min(out[k].start, low.start)
                out[k].text = span(low.start, out[k].end)
            }
        }
        for k in out.indices {
            let before = scalars[..<max(0, min(out[k].start, scalars.count))]
            let words = String(String.UnicodeScalarView(before.suffix(16))).lowercased().split { !$0.isLetter }
            if let last = words.last, approximately.contains(String(last)) { out[k].approximate = true }
        }
        // "from 10 kg to 140 kg": one range (times of day stay apart: "08:00 to 16:00" is two facts).
        var k = 1
        while k < out.count {
            let a = out[k - 1], b = out[k]
            let gap = a.end <= b.start ? span(a.end, b.start).trimmingCharacters(in: .whitespaces).lowercased() : "?"
            if a.dimension == b.dimension, a.dimension != .timeOfDay, a.dimension != .date, a.low == nil, b.low == nil,
               ["to", "-", "–"].contains(gap), a.base < b.base, a.unit == b.unit || a.dimension != .count {
                var merged = b
                merged.low = a.base
                merged.start = a.start
                merged.text = span(a.end - a.text.unicodeScalars.count, b.end)
                merged.bound = .exact
                out[k - 1] = merged
                out.remove(at: k)
                continue
            }
            k += 1
        }
        // "seven days a week" is a set of days, not a duration.
        let days = weekdays(t, text: span)
        out.removeAll { q in days.contains { $0.start <= q.start && q.end <= $0.end } }
        out += days
        out.sort { $0.start < $1.start }
        // A label says the bound: "Minimum fill: 300 ml" is at least 300 ml, "Capacity: 1 litre" at most.
        for k in out.indices where out[k].bound == .exact {
            guard let colon = scalars[..<max(0, min(out[k].start, scalars.count))].lastIndex(of: ":"),
                  span(colon + 1, out[k].start).allSatisfy({ $0 == " " }) else { continue }
            let lineStart = scalars[..<colon].lastIndex(of: "\n").map { $0 + 1 } ?? 0
            let label = Set(span(lineStart, colon).lowercased().split { !$0.isLetter }.map(String.init))
            if !label.isDisjoint(with: ["minimum", "min"]) { out[k].bound = .atLeast }
            else if !label.isDisjoint(with: ["maximum", "max", "capacity"]) { out[k].bound = .atMost }
        }
        // "(97 km)" after "up to 60 miles" carries the same qualifier.
        for k in out.indices.dropFirst() where out[k].bound == .exact && out[k - 1].dimension == out[k].dimension {
            let gap = out[k - 1].end < out[k].start ? span(out[k - 1].end, out[k].start) : ""
            if gap.trimmingCharacters(in: .whitespaces) == "(" { out[k].bound = out[k - 1].bound }
        }
        return out
    }

    /// A time of day starting at token `i` (an hour): (minutes since midnight, end offset, next token).
    static func timeOfDay(_ t: [Token], _ i: Int) -> (Double, Int, Int)? {
        guard let hour = t[i].value else { return nil }
        var k = i + 1
        var minutes = 0.0
        if k + 1 < t.count, t[k].text == ":", t[k + 1].isNumber, t[k + 1].start == t[k].end, t[k].start == t[i].end,
           let m = t[k + 1].value, m < 60, t[k + 1].text.count == 2 {
            minutes = m
            k += 2
            // A 24-hour time: "07:30", "18:00".
            if k >= t.count || !["am", "pm", "a", "p"].contains(t[k].lower) { return (hour * 60 + minutes, t[k - 1].end, k) }
        }
        guard k < t.count, hour <= 12 else { return nil }
        var pm: Bool?
        var end = t[k].end
        var next = k + 1
        switch t[k].lower {
        case "am": pm = false
        case "pm": pm = true
        case "a", "p":
            guard k + 2 < t.count, t[k + 1].text == ".", t[k + 2].lower == "m" else { return nil }
            pm = t[k].lower == "p"
            end = t[k + 2].end
            next = k + 3
            if next < t.count, t[next].text == ".", t[next].start == end { end = t[next].end; next += 1 }
        default: return nil
        }
        let h = hour.truncatingRemainder(dividingBy: 12) + (pm! ? 12 : 0)
        return (h * 60 + minutes, end, next)
    }

    /// Replaces spelled-out numbers with number tokens: "forty-six" (46), "two hundred and eighty"
    /// (280), and years as they are said, "twenty fourteen" (2014), "twenty twenty-five" (2025).
    /// A single word that the simple table knows ("two kids") is left as it is.
    static func spelledNumbers(_ t: [Token]) -> [Token] {
        var out: [Token] = []
        var i = 0
        /// A number below 100 at `k`: "forty", "forty-six", "sixteen" → (value, next index).
        func belowHundred(_ k: Int) -> (Double, Int)? {
            guard k < t.count, !t[k].isNumber else { return nil }
            if let v = ones[t[k].lower] { return (v, k + 1) }
            guard let v = tens[t[k].lower] else { return nil }
            if k + 2 < t.count, t[k + 1].text == "-", t[k + 1].start == t[k].end, let u = ones[t[k + 2].lower], u >= 1, u <= 9 { return (v + u, k + 3) }
            return (v, k + 1)
        }
        while i < t.count {
            guard let (first, afterFirst) = belowHundred(i) else { out.append(t[i]); i += 1; continue }
            var value = first, next = afterFirst, year = false
            // A year said in two halves: "nineteen ninety-nine", "twenty fourteen", "twenty twenty-five".
            if first == 19 || first == 20, let (second, afterSecond) = belowHundred(afterFirst), second >= 10 {
                value = first * 100 + second
                next = afterSecond
                year = true
            } else {
                var total = 0.0, current = first
                var k = afterFirst
                while k < t.count {
                    if let scale = scales[t[k].lower] {
                        if scale == 100 { current *= 100 } else { total += current * scale; current = 0 }
                        k += 1
                        next = k
                        if k < t.count, t[k].lower == "and" || (t[k].text == "," && scale >= 1000), belowHundred(k + 1) != nil { k += 1 }
                        if let (v, after) = belowHundred(k) { current += v; k = after; next = after }
                        continue
                    }
                    break
                }
                value = total + current
            }
            // A decimal said digit by digit: "four point eight", "twelve point eight five".
            var decimals = 0
            if !year, next + 1 < t.count, t[next].lower == "point" {
                var k = next + 1, fraction = 0.0, scale = 0.1
                while k < t.count, let d = ones[t[k].lower], d <= 9 { fraction += d * scale; scale /= 10; decimals += 1; k += 1 }
                if decimals > 0 { value += fraction; next = k }
            }
            let words = next - i
            if words == 1, numberWords[t[i].lower] != nil { out.append(t[i]); i += 1; continue }
            let digits = decimals > 0 ? String(format: "%.\(decimals)f", value) : year || value == value.rounded() ? String(Int(value)) : String(value)
            out.append(Token(text: digits, lower: digits, start: t[i].start, end: t[next - 1].end, isNumber: true, value: value, decimals: decimals, spelled: true))
            i = next
        }
        return out
    }

    /// Unit words that are also ordinary words or single letters count only where they cannot be
    /// read otherwise: attached to the digits ("20in", "5m"), or capitalised as units are ("48 V", "750 W").
    static func unitAllowed(_ unit: Token, after number: Token) -> Bool {
        let attached = unit.start == number.end
        switch unit.lower {
        case "in", "l", "min": return attached && number.isNumber
        // "4.8 m", "18 m lead wall": metres, written as SI writes them (a lone "m" is not a word).
        case "m": return number.isNumber && (attached || unit.text == "m")
        case "v", "w": return number.isNumber && (attached || unit.text == unit.text.uppercased())
        case "h", "s": return number.isNumber && attached
        case "g": return number.isNumber
        default: return true
        }
    }

    /// What a bare number after a line's label counts: "Users: 15 included" counts users,
    /// "Employees: 212" employees (as people). The label is one to three words, right before.
    static func labelNoun(_ t: [Token], before start: Int) -> String? {
        guard let k = t.lastIndex(where: { $0.end <= start }), t[k].text == ":", k >= 1, t[k - 1].text.first?.isLetter == true else { return nil }
        var first = k - 1
        while first > 0, k - first < 3, t[first - 1].text.first?.isLetter == true { first -= 1 }
        // Only at the start of a line or list item.
        guard first == 0 || ["-", "*", "|", "\n"].contains(t[first - 1].text) else { return nil }
        return singular(t[k - 1].lower)
    }

    /// A crude singular for count nouns ("children" → "child", "centers" → "center"); words for
    /// people are one noun ("240 people", "Employees: 212", "staff").
    static func singular(_ w: String) -> String {
        if w == "children" { return "child" }
        if ["people", "persons", "employees", "employee", "staff"].contains(w) { return "person" }
        if w.hasSuffix("ies") { return String(w.dropLast(3)) + "y" }
        if w.hasSuffix("s"), !w.hasSuffix("ss") { return String(w.dropLast()) }
        return w
    }
}
