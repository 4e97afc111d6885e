extension TOMLParser {
    /// Integers, floats and date-times: read the whole token, then decide.
    mutating func parseNumberOrDateTime() throws(TOMLError) -> TOMLValue {
        let start = i
        while let c = peek(), Self.isTokenByte(c) { i += 1 }
        // A date followed by a space and a time: "1979-05-27 07:32:00".
        if i - start == 10, bytes[start + 4] == UInt8(ascii: "-"), peek() == 0x20,
           let h1 = peek(1), let h2 = peek(2), Self.isDigit(h1), Self.isDigit(h2), peek(3) == UInt8(ascii: ":") {
            i += 1
            while let c = peek(), Self.isTokenByte(c) { i += 1 }
        }
        guard i > start else { throw error("expected a value, found \(describeByte(at: i))") }
        let token = Array(bytes[start..<i])
        if token.count >= 5, token[0...3].allSatisfy(Self.isDigit), token[4] == UInt8(ascii: "-") {
            return .dateTime(try parseDateTime(token, at: start))
        }
        if token.count >= 3, Self.isDigit(token[0]), Self.isDigit(token[1]), token[2] == UInt8(ascii: ":") {
            return .dateTime(try parseDateTime(token, at: start))
        }
        return try parseNumber(token, at: start)
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    static func isTokenByte(_ c: UInt8) -> Bool {
        isBareKeyByte(c) || c == UInt8(ascii: "+") || c == UInt8(ascii: ".") || c == UInt8(ascii: ":")
    }

    /// Digits (per `isValid`) with single underscores between them; returns them without underscores.
    static func digits(_ s: ArraySlice<UInt8>, _ isValid: (UInt8) -> Bool) -> [UInt8]? {
        guard let first = s.first, let last = s.last, isValid(first), isValid(last) else { return nil }
        var out: [UInt8] = []
        var previousUnderscore = false
        for c in s {
            if c == UInt8(ascii: "_") {
                if previousUnderscore { return nil }
                previousUnderscore = true
                continue
            }
            guard isValid(c) else { return nil }
            previousUnderscore = false
            out.append(c)
        }
        return out
    }

    func parseNumber(_ token: [UInt8], at start: Int) throws(TOMLError) -> TOMLValue {
        let text = String(decoding: token, as: UTF8.self)
        func bad(_ why: String) -> TOMLError { error("'\(text)' is not a valid value: \(why)", at: start) }
        var body = token[...]
        var negative = false
        if let s = body.first, s == UInt8(ascii: "+") || s == UInt8(ascii: "-") {
            negative = s == UInt8(ascii: "-")
            body = body.dropFirst()
        }
        let bodyText = String(decoding: body, as: UTF8.self)
        if bodyText == "inf" { return .float(negative ? -.infinity : .infinity) }
        if bodyText == "nan" { return .float(negative ? -.nan : .nan) }

        // 0x, 0o, 0b: no sign allowed.
        if body.count >= 2, body.first == UInt8(ascii: "0"), let p = body.dropFirst().first,
           p == UInt8(ascii: "x") || p == UInt8(ascii: "o") || p == UInt8(ascii: "b") {
            guard body.count == token.count else { throw bad("a sign is not allowed on hexadecimal, octal or binary integers") }
            let radix: UInt64 = p == UInt8(ascii: "x") ? 16 : p == UInt8(ascii: "o") ? 8 : 2
            let valid: (UInt8) -> Bool = { c in
                switch radix {
                case 16: return Self.hexDigit(c) != nil
                case 8: return c >= 0x30 && c <= 0x37
                default: return c == 0x30 || c == 0x31
                }
            }
            guard let ds = Self.digits(body.dropFirst(2), valid) else {
                throw bad("expected digits in base \(radix), with underscores only between digits")
            }
            var value: UInt64 = 0
            for d in ds {
                let (m, o1) = value.multipliedReportingOverflow(by: radix)
                let (a, o2) = m.addingReportingOverflow(UInt64(Self.hexDigit(d)!))
                guard !o1, !o2, a <= UInt64(Int64.max) else { throw bad("does not fit in a 64-bit signed integer") }
                value = a
            }
            return .integer(Int64(value))
        }

        // Decimal: integer part, optional fraction, optional exponent.
        let dot = body.firstIndex(of: UInt8(ascii: "."))
        let exp = body.firstIndex { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        let intEnd = [dot, exp].compactMap { $0 }.min() ?? body.endIndex
        guard let intDigits = Self.digits(body[body.startIndex..<intEnd], Self.isDigit) else {
            throw bad("expected digits, with underscores only between digits")
        }
        if intDigits.count > 1 && intDigits[0] == UInt8(ascii: "0") { throw bad("leading zeros are not allowed") }
        if dot == nil && exp == nil {
            let digitsText = (negative ? "-" : "") + String(decoding: intDigits, as: UTF8.self)
            guard let value = Int64(digitsText) else { throw bad("does not fit in a 64-bit signed integer") }
            return .integer(value)
        }
        var cleaned = (negative ? "-" : "") + String(decoding: intDigits, as: UTF8.self)
        if let dot {
            if let exp, exp < dot { throw bad("the exponent must come after the fraction") }
            let fracEnd = exp ?? body.endIndex
            guard let frac = Self.digits(body[(dot + 1)..<fracEnd], Self.isDigit) else {
                throw bad("a decimal point must have digits on both sides")
            }
            cleaned += "." + String(decoding: frac, as: UTF8.self)
        }
        if let exp {
            var e = body[(exp + 1)...]
            var sign = ""
            if let s = e.first, s == UInt8(ascii: "+") || s == UInt8(ascii: "-") {
                sign = s == UInt8(ascii: "-") ? "-" : "+"
                e = e.dropFirst()
            }
            guard let ed = Self.digits(e, Self.isDigit) else { throw bad("the exponent needs digits") }
            cleaned += "e" + sign + String(decoding: ed, as: UTF8.self)
        }
        guard let value = Double(cleaned) else { throw bad("not a number") }
        return .float(value)
    }
}
