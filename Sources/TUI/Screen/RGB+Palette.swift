extension RGB {
    /// The six levels of each channel in xterm's 6×6×6 colour cube (palette 16–231).
    static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

    /// xterm's default shades of the basic eight, which the 8-colour fallback measures against.
    static let basicShades: [RGB] = [RGB(0x000000), RGB(0xCD0000), RGB(0x00CD00), RGB(0xCDCD00),
                                     RGB(0x0000EE), RGB(0xCD00CD), RGB(0x00CDCD), RGB(0xE5E5E5)]

    /// The nearest colour of xterm's 256-colour palette: a colour of the 6×6×6 cube (16–231) or of
    /// the grey ramp (232–255), whichever is closer. The first sixteen are left out: the terminal's
    /// theme decides their shades.
    public var xterm256Index: Int {
        func level(_ v: UInt8) -> Int { v < 48 ? 0 : v < 114 ? 1 : (Int(v) - 35) / 40 }
        let (r, g, b) = (level(red), level(green), level(blue))
        let cube = RGB(red: Self.cubeLevels[r], green: Self.cubeLevels[g], blue: Self.cubeLevels[b])
        let cubeIndex = 16 + 36 * r + 6 * g + b
        if cube == self { return cubeIndex }
        let average = (Int(red) + Int(green) + Int(blue)) / 3
        let step = average > 238 ? 23 : max(0, (average - 3) / 10)
        let grey = UInt8(8 + 10 * step)
        return RGB(red: grey, green: grey, blue: grey).distance(to: self) < cube.distance(to: self) ? 232 + step : cubeIndex
    }

    /// The shade xterm gives a palette colour by default (0–255; the basic sixteen as xterm
    /// draws them).
    public static func xterm256(_ index: Int) -> RGB {
        switch index {
        case ..<8: return basicShades[max(0, index)]
        case 8..<16:
            let bright: [UInt32] = [0x7F7F7F, 0xFF0000, 0x00FF00, 0xFFFF00, 0x5C5CFF, 0xFF00FF, 0x00FFFF, 0xFFFFFF]
            return RGB(bright[index - 8])
        case 16..<232:
            let n = index - 16
            return RGB(red: cubeLevels[n / 36], green: cubeLevels[n / 6 % 6], blue: cubeLevels[n % 6])
        default:
            let grey = UInt8(8 + 10 * (min(index, 255) - 232))
            return RGB(red: grey, green: grey, blue: grey)
        }
    }

    /// The nearest of the basic eight (by xterm's default shades), for terminals with fewer than
    /// 256 colours.
    public var nearestBasic: TerminalColor {
        let i = Self.basicShades.indices.min { Self.basicShades[$0].distance(to: self) < Self.basicShades[$1].distance(to: self) }!
        return TerminalColor.basic[i]
    }

    /// The colour number a direct-colour terminal (terminfo `RGB`, e.g. xterm-direct) reads as
    /// this shade: the packed value, except that 0–7 name the basic eight there, so the darkest
    /// blues move up to 8.
    public var directColorNumber: Int { max(8, Int(hex)) }
}
