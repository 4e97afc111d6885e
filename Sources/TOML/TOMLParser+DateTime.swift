extension TOMLParser {
    /// RFC 3339 date, time, local or offset date-time.
    func parseDateTime(_ token: [UInt8], at start: Int) throws(TOMLError) -> TOMLDateTime {
        let text = String(decoding: token, as: UTF8.self)
        func bad(_ why: String) -> TOMLError { error("'\(text)' is not a valid date or time: \(why)", at: start) }
        var k = 0
        func number(_ count: Int) -> Int? {
            guard k + count <= token.count else { return nil }
            var v = 0
            for j in k..<(k + count) {
                guard Self.isDigit(token[j]) else { return nil }
                v = v * 10 + Int(token[j] - 0x30)
            }
            k += count
            return v
        }
        func expect(_ c: Character) -> Bool {
            guard k < token.count, token[k] == c.asciiValue! else { return false }
            k += 1
            return true
        }
        var year: Int?, month: Int?, day: Int?
        if token.count >= 5 && token[4] == UInt8(ascii: "-") {
            guard let y = number(4), expect("-"), let m = number(2), expect("-"), let d = number(2) else {
                throw bad("expected YYYY-MM-DD")
            }
            guard (1...12).contains(m) else { throw bad("month \(m) is out of range") }
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
            let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
            guard (1...days).contains(d) else { throw bad("day \(d) is out of range for the month") }
            (year, month, day) = (y, m, d)
            if k == token.count {
                return TOMLDateTime(year: y, month: m, day: d, hour: nil, minute: nil, second: nil, fraction: nil, offsetMinutes: nil)
            }
            let sep = token[k]
            guard sep == UInt8(ascii: "T") || sep == UInt8(ascii: "t") || sep == 0x20 else {
                throw bad("expected 'T' or a space between the date and the time")
            }
            k += 1
        }
        guard let hour = number(2), expect(":"), let minute = number(2), expect(":"), let second = number(2) else {
            throw bad("expected HH:MM:SS")
        }
        guard hour < 24 else { throw bad("hour \(hour) is out of range") }
        guard minute < 60 else { throw bad("minute \(minute) is out of range") }
        guard second <= 60 else { throw bad("second \(second) is out of range") }
        var fraction: String?
        if expect(".") {
            let f = k
            while k < token.count, Self.isDigit(token[k]) { k += 1 }
            guard k > f else { throw bad("a decimal point needs digits after it") }
            fraction = String(decoding: token[f..<k], as: UTF8.self)
        }
        var offset: Int?
        if k < token.count {
            guard year != nil else { throw bad("a local time cannot have a time zone offset") }
            let c = token[k]
            if c == UInt8(ascii: "Z") || c == UInt8(ascii: "z") {
                k += 1
                offset = 0
            } else if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
                k += 1
                guard let oh = number(2), expect(":"), let om = number(2) else { throw bad("expected an offset like +05:30") }
                guard oh < 24, om < 60 else { throw bad("offset out of range") }
                offset = (c == UInt8(ascii: "-") ? -1 : 1) * (oh * 60 + om)
            }
            guard k == token.count else { throw bad("unexpected characters after the time") }
        }
        return TOMLDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second, fraction: fraction, offsetMinutes: offset)
    }
}
