/// A TOML date, time or date-time, as written (RFC 3339 with TOML's relaxations).
public struct TOMLDateTime: Sendable, Hashable, CustomStringConvertible {
    /// Which of TOML's four date-time types this is.
    public enum Kind: String, Sendable {
        /// `1979-05-27T07:32:00Z`
        case offsetDateTime = "datetime"
        /// `1979-05-27T07:32:00`
        case localDateTime = "datetime-local"
        /// `1979-05-27`
        case localDate = "date-local"
        /// `07:32:00`
        case localTime = "time-local"
    }

    public let year: Int?
    public let month: Int?
    public let day: Int?
    public let hour: Int?
    public let minute: Int?
    public let second: Int?
    /// Fraction of a second as written, without the dot (e.g. "999999"), or nil.
    public let fraction: String?
    /// Offset from UTC in minutes; nil for local kinds.
    public let offsetMinutes: Int?

    public init(year: Int?, month: Int?, day: Int?, hour: Int?, minute: Int?, second: Int?, fraction: String?, offsetMinutes: Int?) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.fraction = fraction
        self.offsetMinutes = offsetMinutes
    }

    public var kind: Kind {
        if year == nil { return .localTime }
        if hour == nil { return .localDate }
        return offsetMinutes == nil ? .localDateTime : .offsetDateTime
    }

    /// RFC 3339 text with an upper-case `T` and `Z`.
    public var description: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var text = ""
        if let year, let month, let day {
            let y = String(year)
            text = String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + two(month) + "-" + two(day)
        }
        if let hour, let minute, let second {
            if !text.isEmpty { text += "T" }
            text += "\(two(hour)):\(two(minute)):\(two(second))"
            if let fraction { text += ".\(fraction)" }
            if let offsetMinutes {
                if offsetMinutes == 0 {
                    text += "Z"
                } else {
                    let m = abs(offsetMinutes)
                    text += (offsetMinutes < 0 ? "-" : "+") + two(m / 60) + ":" + two(m % 60)
                }
            }
        }
        return text
    }
}
