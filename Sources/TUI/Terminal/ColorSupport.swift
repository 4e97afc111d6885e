/// What the terminal says about its colours, as curses reads them from terminfo once it starts.
public struct ColorSupport: Sendable, Equatable {
    /// Whether the terminal has colours at all (`has_colors`).
    public var hasColors: Bool
    /// How many colours it numbers (`COLORS`): 8, 16, 88, 256, or 2²⁴ for a direct-colour one.
    public var colors: Int
    /// Whether palette colours can be redefined to any shade (`can_change_color`).
    public var canChangeColor: Bool
    /// Whether colour numbers are 24-bit RGB values (terminfo's `RGB` flag, e.g. xterm-direct).
    public var directColor: Bool

    public init(hasColors: Bool, colors: Int, canChangeColor: Bool = false, directColor: Bool = false) {
        self.hasColors = hasColors
        self.colors = colors
        self.canChangeColor = canChangeColor
        self.directColor = directColor
    }

    /// A terminal without colours.
    public static let none = ColorSupport(hasColors: false, colors: 0)
}
