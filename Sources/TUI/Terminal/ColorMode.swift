/// How the studio's colours reach the terminal: the basic eight always by their numbers, exact
/// shades (`TerminalColor.rgb`) in 24-bit colour where the terminal has it, else as the nearest
/// colour of the 256-colour palette, else of the basic eight.
public enum ColorMode: Sendable, Equatable {
    /// No colours: styles keep only bold, reverse, underline and dim.
    case monochrome
    /// The basic eight; exact shades become the nearest of them.
    case basic
    /// xterm's 256-colour palette; exact shades become its nearest colour.
    case palette256
    /// Exact shades in 24-bit colour.
    case trueColor(TrueColorMethod)

    /// How 24-bit shades are drawn.
    public enum TrueColorMethod: Sendable, Equatable {
        /// The terminal's colour numbers are RGB values (terminfo `RGB`, e.g. xterm-direct).
        case direct
        /// Palette colours 16 and up are redefined to the shades in use (`init_extended_color`;
        /// curses puts the palette back when the studio ends).
        case redefinedPalette
    }

    /// The `COLORTERM` values that announce 24-bit colour.
    public static let trueColorAnnouncements: Set<String> = ["truecolor", "24bit"]

    /// The mode for a terminal: 24-bit colour where `COLORTERM` is `truecolor` or `24bit` and the
    /// terminal can take exact shades (direct colour numbers, or a palette it lets curses redefine);
    /// a direct-colour terminal always (it has no palette to fall back to); else the 256-colour
    /// palette where it has 256 colours, the basic eight where it has fewer, none without colours.
    public static func choose(environment: [String: String], support: ColorSupport) -> ColorMode {
        guard support.hasColors, support.colors >= 8 else { return .monochrome }
        if support.directColor { return .trueColor(.direct) }
        let announced = environment["COLORTERM"].map { trueColorAnnouncements.contains($0.lowercased()) } ?? false
        if announced, support.canChangeColor, support.colors >= 256 { return .trueColor(.redefinedPalette) }
        return support.colors >= 256 ? .palette256 : .basic
    }

    /// What a colour becomes in this mode; nil where there are no colours.
    public func resolve(_ color: TerminalColor) -> ResolvedColor? {
        switch (self, color) {
        case (.monochrome, _): nil
        case (_, .rgb(let shade)):
            switch self {
            case .trueColor: .rgb(shade)
            case .palette256: .palette(shade.xterm256Index)
            default: shade.nearestBasic.basicIndex.map(ResolvedColor.palette)
            }
        default: color.basicIndex.map(ResolvedColor.palette)
        }
    }
}
