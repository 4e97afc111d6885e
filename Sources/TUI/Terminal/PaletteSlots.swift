/// The palette colours redefined to the exact shades in use, when 24-bit colour is drawn by
/// redefining the palette (`ColorMode.TrueColorMethod.redefinedPalette`): each new shade gets the
/// next free colour number; once all are taken, a shade shares the number of the nearest one.
public struct PaletteSlots: Sendable, Equatable {
    /// The colour numbers it may redefine (16 and up: the basic sixteen keep the theme's shades).
    public let numbers: Range<Int>
    private(set) var assigned: [RGB: Int] = [:]

    public init(numbers: Range<Int>) {
        self.numbers = numbers
    }

    /// The colour number for `shade`, and whether the terminal must now be told its shade.
    public mutating func number(for shade: RGB) -> (number: Int, define: Bool)? {
        if let n = assigned[shade] { return (n, false) }
        if assigned.count < numbers.count {
            let n = numbers.lowerBound + assigned.count
            assigned[shade] = n
            return (n, true)
        }
        guard let nearest = assigned.min(by: { a, b in
            let (da, db) = (a.key.distance(to: shade), b.key.distance(to: shade))
            return da != db ? da < db : a.value < b.value
        }) else { return nil }
        return (nearest.value, false)
    }
}
