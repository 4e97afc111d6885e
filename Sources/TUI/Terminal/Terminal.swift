import CNcurses
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place that calls ncursesw: start and restore the terminal, draw a canvas, read keys.
/// Colours use the terminal's defaults as background (`use_default_colors`); exact shades are drawn
/// in 24-bit colour where `COLORTERM` says so and the terminal can take them (see `ColorMode`).
public final class Terminal {
    /// How colours are drawn, decided when the terminal starts.
    public private(set) var colorMode = ColorMode.monochrome
    /// Colour pairs by foreground and background colour number (-1: the terminal's default).
    private var pairs: [PairKey: Int32] = [:]
    private var pairLimit = 0
    /// Palette colours redefined to exact shades (true colour by redefinition).
    private var slots = PaletteSlots(numbers: 0..<0)
    /// The key codes curses gives Ctrl-Left and Ctrl-Right (xterm's `ESC [1;5D` and `ESC [1;5C`).
    private var wordLeftCode: Int32 = -2, wordRightCode: Int32 = -2
    private var active = false

    public init() {}

    /// Takes over the terminal: raw keys (Ctrl-C arrives as a key), no echo, keypad and mouse,
    /// a short Esc delay, colours when the terminal has them. A crash signal restores it.
    public func start() throws {
        setlocale(LC_ALL, "")
        copydesk_set_escdelay(25)
        guard initscr() != nil else { throw TerminalError(call: "initscr", code: -1, message: "cannot start the terminal (is TERM set?)") }
        active = true
        raw()
        noecho()
        keypad(copydesk_stdscr(), true)
        curs_set(0)
        copydesk_timeout(30)
        _ = mousemask(mmask_t(copydesk_mouse_clicks()), nil)
        wordLeftCode = "\u{1B}[1;5D".withCString { key_defined($0) }
        wordRightCode = "\u{1B}[1;5C".withCString { key_defined($0) }
        if has_colors() {
            start_color()
            use_default_colors()
            let support = ColorSupport(hasColors: true, colors: Int(copydesk_colors()), canChangeColor: can_change_color(),
                                       directColor: copydesk_has_direct_color() != 0)
            colorMode = ColorMode.choose(environment: ProcessInfo.processInfo.environment, support: support)
            pairLimit = Int(copydesk_color_pairs()) - 1
            slots = PaletteSlots(numbers: 16..<max(16, min(support.colors, 256)))
        }
        for sig in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT] {
            signal(sig) { sig in
                endwin()
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
    }

    /// Gives the terminal back as it was.
    public func stop() {
        guard active else { return }
        active = false
        curs_set(1)
        endwin()
    }

    deinit { stop() }

    /// The terminal's size in rows and columns.
    public var size: (rows: Int, columns: Int) {
        (Int(copydesk_getmaxy(copydesk_stdscr())), Int(copydesk_getmaxx(copydesk_stdscr())))
    }

    /// Copies a canvas to the screen; curses sends only what changed.
    public func draw(_ canvas: Canvas) {
        for row in 0..<canvas.rows {
            var column = 0
            while column < canvas.columns {
                let style = canvas[row, column].style
                var run = ""
                let start = column
                while column < canvas.columns, canvas[row, column].style == style {
                    run += canvas[row, column].text
                    column += 1
                }
                let (a, p) = attributes(style)
                _ = copydesk_attr_set(a, p)
                _ = run.withCString { copydesk_mvaddstr(Int32(row), Int32(start), $0) }
            }
        }
        _ = copydesk_attr_set(copydesk_a_normal(), 0)
        refresh()
    }

    /// The next input event, or nil when none came within the input timeout (30 ms).
    public func readKey() -> Key? {
        var ch: wint_t = 0
        let r = get_wch(&ch)
        if r == copydesk_err() { return nil }
        if r == copydesk_key_code_yes() {
            switch Int32(ch) {
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_PPAGE: return .pageUp
            case KEY_NPAGE: return .pageDown
            case KEY_HOME: return .home
            case KEY_END: return .end
            case KEY_ENTER: return .enter
            case KEY_BACKSPACE: return .backspace
            case KEY_BTAB: return .tab
            case KEY_DC: return .delete
            case KEY_SLEFT: return .shiftLeft
            case KEY_SRIGHT: return .shiftRight
            case KEY_SR: return .shiftUp
            case KEY_SF: return .shiftDown
            case wordLeftCode: return .wordLeft
            case wordRightCode: return .wordRight
            case copydesk_key_resize():
                let s = size
                return .resize(rows: s.rows, columns: s.columns)
            case copydesk_key_mouse():
                var y: Int32 = 0, x: Int32 = 0
                return copydesk_mouse_event(&y, &x) != 0 ? .click(row: Int(y), column: Int(x)) : nil
            default: return nil
            }
        }
        switch ch {
        case 3: return .interrupt
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(ch) + 96)))
        default:
            guard let scalar = Unicode.Scalar(UInt32(ch)), ch >= 32 else { return nil }
            return .character(Character(scalar))
        }
    }

    /// A style's attributes and colour pair.
    private func attributes(_ s: Style) -> (Int32, Int32) {
        var a = copydesk_a_normal()
        if s.bold { a |= copydesk_a_bold() }
        if s.reverse { a |= copydesk_a_reverse() }
        if s.underline { a |= copydesk_a_underline() }
        if s.dim { a |= copydesk_a_dim() }
        guard s.foreground != nil || s.background != nil, colorMode != .monochrome else { return (a, 0) }
        return (a, pair(number(s.foreground), number(s.background)))
    }

    /// The colour number curses is given for a colour (-1: the terminal's default); a shade new to
    /// a redefined palette is defined first.
    private func number(_ color: TerminalColor?) -> Int32 {
        switch color.flatMap(colorMode.resolve) {
        case nil: return -1
        case .palette(let n): return Int32(n)
        case .rgb(let shade):
            if colorMode == .trueColor(.direct) { return Int32(shade.directColorNumber) }
            guard let slot = slots.number(for: shade) else { return Int32(shade.nearestBasic.basicIndex ?? -1) }
            if slot.define { _ = copydesk_define_color(Int32(slot.number), Int32(shade.red), Int32(shade.green), Int32(shade.blue)) }
            return Int32(slot.number)
        }
    }

    private struct PairKey: Hashable {
        var foreground: Int32, background: Int32
    }

    /// The colour pair for two colour numbers, made on first use (0, the default, once all are taken).
    private func pair(_ fg: Int32, _ bg: Int32) -> Int32 {
        let key = PairKey(foreground: fg, background: bg)
        if let p = pairs[key] { return p }
        guard pairs.count < pairLimit else { return 0 }
        let p = Int32(pairs.count + 1)
        _ = copydesk_init_pair(p, fg, bg)
        pairs[key] = p
        return p
    }
}
