/// The palette colours redefined to the exact shades in use, when 24-bit colour is drawn by
/// redefining the palette (`ColorMode.TrueColorMethod.redefinedPalette`). A shade takes the number
/// of its nearest xterm-256 colour, so a terminal that ignores the redefinition still shows about
/// the right colour; when another shade has that number, the lowest free one; once all are taken,
/// the number of the nearest shade already defined.
public struct PaletteSlots: Sendable, Equatable {
    /// The colour numbers it may redefine (16 and up: the basic sixteen keep the theme's shades).
    public let numbers: Range<Int>
    private(set) var assigned: [RGB: Int] = [:]
    private var taken: Set<Int> = []

    public init(numbers: Range<Int>) {
        self.numbers = numbers
    }

    /// The colour number for `shade`, and whether the terminal must now be told its shade; nil
    /// when there are no numbers to redefine.
    public mutating func number(for shade: RGB) -> (number: Int, define: Bool)? {
        if let n = assigned[shade] { return (n, false) }
        let preferred = shade.xterm256Index
        let free = numbers.contains(preferred) && !taken.contains(preferred) ? preferred : numbers.first { !taken.contains($0) }
        if let n = free {
            assigned[shade] = n
            taken.insert(n)
            return (n, true)
        }
        guard let nearest = assigned.min(by: { a, b in
            let (da, db) = (a.key.distance(to: shade), b.key.distance(to: shade))
            return da != db ? da < db : a.value < b.value
        }) else { return nil }
        return (nearest.value, false)
    }
}
