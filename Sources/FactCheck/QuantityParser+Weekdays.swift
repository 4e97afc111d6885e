/// Days of the week as a quantity: "Monday to Friday", "Tuesday–Saturday", "Saturdays and
/// Sundays", "weekdays", "every day", "seven days a week".
extension QuantityParser {
    /// Day words → bit (Monday = 1 … Sunday = 64).
    static let dayBits: [String: Int] = {
        var out: [String: Int] = [:]
        let names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        for (k, name) in names.enumerated() {
            out[name] = 1 << k
            out[name + "s"] = 1 << k
            out[String(name.prefix(3))] = 1 << k
        }
        out["tues"] = 2; out["weds"] = 4; out["thur"] = 8; out["thurs"] = 8
        return out
    }()
    static let allWeek = 127
    /// Words that name a set of days on their own.
    static let daySets: [String: Int] = ["weekdays": 31, "weekday": 31, "weekends": 96, "weekend": 96, "daily": 127]
    static let rangeWords: Set<String> = ["to", "-", "–", "through", "thru", "until", "till"]
    static let listWords: Set<String> = [",", "and", "or", "&", "/"]

    /// The sets of days `t` names, each as one `.weekdays` quantity.
    static func weekdays(_ t: [Token], text span: (Int, Int) -> String) -> [Quantity] {
        var out: [Quantity] = []
        /// A day or a range of days at `k`, capitalised as day names are: (mask, next index).
        func item(_ k: Int) -> (Int, Int)? {
            guard k < t.count, let first = t[k].text.first, first.isUppercase, let a = dayBits[t[k].lower] else { return nil }
            var next = k + 1
            if next < t.count, t[next].text == ".", t[k].text.count <= 4 { next += 1 }
            if next + 1 < t.count, rangeWords.contains(t[next].lower), t[next + 1].text.first?.isUppercase == true, let b = dayBits[t[next + 1].lower] {
                var mask = 0, bit = a
                while true { mask |= bit; if bit == b { break }; bit = bit == 64 ? 1 : bit << 1 }
                return (mask, next + 2)
            }
            return (a, next)
        }
        var i = 0
        while i < t.count {
            let start = t[i].start
            // "every day", "seven days a week", "7 days a week", "all week".
            if t[i].lower == "every", i + 1 < t.count, t[i + 1].lower == "day" {
                out.append(make(allWeek, start, t[i + 1].end, span)); i += 2; continue
            }
            if t[i].value == 7 || t[i].lower == "seven", i + 3 < t.count, t[i + 1].lower == "days", t[i + 2].lower == "a", t[i + 3].lower == "week" {
                out.append(make(allWeek, start, t[i + 3].end, span)); i += 4; continue
            }
            // ("on weekdays", "closed at weekends", "every weekday"; not "have a lovely weekend".)
            if let mask = daySets[t[i].lower], t[i].lower == "daily" || (i > 0 && ["on", "at", "every", "over", "during"].contains(t[i - 1].lower)) {
                out.append(make(mask, start, t[i].end, span)); i += 1; continue
            }
            guard var (mask, next) = item(i) else { i += 1; continue }
            var end = t[next - 1].end
            // "Monday to Friday and Sunday", "Friday, Saturday or Sunday".
            while next < t.count, listWords.contains(t[next].lower) {
                var k = next + 1
                if k < t.count, listWords.contains(t[k].lower) { k += 1 }
                guard let (more, after) = item(k) else { break }
                mask |= more
                next = after
                end = t[after - 1].end
            }
            out.append(make(mask, start, end, span))
            i = next
        }
        return out
    }

    static func make(_ mask: Int, _ start: Int, _ end: Int, _ span: (Int, Int) -> String) -> Quantity {
        Quantity(value: Double(mask), base: Double(mask), dimension: .weekdays, unit: "days", bound: .exact, start: start, end: end,
                 text: span(start, end), decimals: 0)
    }
}
