/// A number with its unit and qualifier, as written in copy or in the knowledge base.
public struct Quantity: Sendable, Equatable, CustomStringConvertible {
    /// What is measured; values of one dimension are comparable after conversion.
    public enum Dimension: String, Sendable {
        case money, percent, length, mass, speed, power, torque, energy, voltage, charge, duration, volume, date, year, count, temperature, timeOfDay,
            data, rotation, loudness
        /// Days of the week, as a set: `base` is a bit mask, Monday = 1 … Sunday = 64.
        case weekdays
    }

    /// How the number bounds the true value.
    public enum Bound: String, Sendable {
        /// "60 miles"
        case exact
        /// "up to 60 miles", "at most", "under"
        case atMost
        /// "at least", "more than", "over", "from", "starting at"
        case atLeast
    }

    public var value: Double
    /// The value in the dimension's base unit (km, kg, km/h, USD, days...).
    public var base: Double
    public var dimension: Dimension
    /// The unit as written ("miles", "$", "%").
    public var unit: String
    public var bound: Bound
    /// Where it is in the text (Unicode scalars) and how it was written.
    public var start: Int
    public var end: Int
    public var text: String
    /// Significant decimals as written (for matching rounded conversions).
    public var decimals: Int
    /// The lower end of a range ("8 to 12 clicks"), in base units; `base` is the upper end.
    public var low: Double? = nil
    /// Said to be rounded: "about $164", "around 20 minutes".
    public var approximate = false

    public var description: String {
        "\(text) [\(dimension.rawValue) \(low.map { "\($0)…" } ?? "")\(base)\(bound == .exact ? "" : " " + bound.rawValue)]"
    }

    /// Whether `other` states the same amount, allowing for the rounding of a converted unit
    /// (60 miles = 97 km) and for how precisely each was written.
    public func sameAmount(as other: Quantity) -> Bool {
        guard dimension == other.dimension else { return false }
        switch dimension {
        case .date, .year, .count, .timeOfDay, .weekdays: return base == other.base && low == other.low
        case .money: return abs(base - other.base) < 0.005
        case .percent: return abs(base - other.base) < 0.05
        default: break
        }
        if unit == other.unit { return abs(value - other.value) < 1e-9 * max(1, abs(value)) }
        // Converted units: within the rounding of the more precise side (±half its last digit) plus
        // 1.5 % ("60 miles (97 km)"). The coarser side's rounding would make "30 minutes" one hour.
        let tolerance = min(halfUnit(), other.halfUnit()) + 0.015 * max(abs(base), abs(other.base))
        return abs(base - other.base) <= tolerance
    }

    /// Half of the last written digit, in base units.
    func halfUnit() -> Double {
        let step = 1 / pow10(decimals)
        return abs(base / max(abs(value), 1e-12)) * step / 2
    }

    func pow10(_ n: Int) -> Double { var r = 1.0; for _ in 0..<max(0, n) { r *= 10 }; return r }
}
