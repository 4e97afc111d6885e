import Foundation
import TUI

/// A small VT100/xterm screen, enough to read what ncurses draws: cursor addressing, erasing,
/// scroll regions, inserting and deleting lines and characters, repeats, deferred wrap, wide
/// characters, and the colour of each cell: its basic colour (a palette or 24-bit colour counts as
/// the nearest of xterm's basic eight) and its exact shade, with the palette as xterm's default
/// unless the program redefines colours (OSC 4; OSC 104 puts them back). Tests read its rows as text.
final class ScreenEmulator {
    struct Cell: Equatable {
        var text = " "
        var foreground: Int?
        /// The exact shade of the foreground, as 0xRRGGBB.
        var shade: UInt32?
        var reverse = false
    }

    private(set) var rows: Int
    private(set) var columns: Int
    private var grid: [[Cell]]
    private var row = 0, column = 0
    private var saved = (0, 0)
    private var top = 0, bottom: Int
    private var wrapPending = false
    private var foreground: Int?
    private var shade: UInt32?
    private var reverse = false
    /// The 256 colours' shades as 0xRRGGBB.
    private(set) var palette = ScreenEmulator.xtermPalette
    private var oscText: [UInt8] = []
    private var last: String = " "

    private enum Mode { case normal, escape, csi, osc, charset }
    private var mode = Mode.normal
    private var parameters = ""
    private var pending: [UInt8] = []

    init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        bottom = rows - 1
        grid = Array(repeating: Array(repeating: Cell(), count: columns), count: rows)
    }

    /// A new size (what the terminal does on a resize before the program redraws).
    func resize(rows r: Int, columns c: Int) {
        grid = (0..<r).map { i in (0..<c).map { j in i < rows && j < columns ? grid[i][j] : Cell() } }
        rows = r
        columns = c
        top = 0
        bottom = r - 1
        row = min(row, r - 1)
        column = min(column, c - 1)
    }

    /// Every row as text (wide characters once), trailing spaces removed.
    var lines: [String] {
        grid.map { line in
            var t = line.map(\.text).joined()
            while t.last == " " { t.removeLast() }
            return t
        }
    }

    var text: String { lines.joined(separator: "\n") }

    /// The colour (0–7) of the first cell showing `needle`, if it is on screen.
    func foreground(of needle: String) -> Int?? {
        cell(showing: needle).map(\.foreground)
    }

    /// The exact shade (0xRRGGBB) of the first cell showing `needle`, if it is on screen.
    func shade(of needle: String) -> UInt32?? {
        cell(showing: needle).map(\.shade)
    }

    private func cell(showing needle: String) -> Cell? {
        for (r, line) in lines.enumerated() {
            guard let range = line.range(of: needle) else { continue }
            let prefix = String(line[..<range.lowerBound])
            return grid[r][CellWidth.of(prefix)]
        }
        return nil
    }

    /// xterm's default palette: the basic sixteen, the 6×6×6 cube and the grey ramp.
    static let xtermPalette: [UInt32] = {
        var p: [UInt32] = [0x000000, 0xCD0000, 0x00CD00, 0xCDCD00, 0x0000EE, 0xCD00CD, 0x00CDCD, 0xE5E5E5,
                           0x7F7F7F, 0xFF0000, 0x00FF00, 0xFFFF00, 0x5C5CFF, 0xFF00FF, 0x00FFFF, 0xFFFFFF]
        let levels: [UInt32] = [0x00, 0x5F, 0x87, 0xAF, 0xD7, 0xFF]
        for r in levels { for g in levels { for b in levels { p.append(r << 16 | g << 8 | b) } } }
        for i in 0..<24 { let v = UInt32(8 + 10 * i); p.append(v << 16 | v << 8 | v) }
        return p
    }()

    /// Which of the basic eight a shade looks like: the nearest of xterm's shades of them.
    static func basic(_ shade: UInt32) -> Int {
        func channels(_ c: UInt32) -> [Int] { [Int(c >> 16 & 0xFF), Int(c >> 8 & 0xFF), Int(c & 0xFF)] }
        let target = channels(shade)
        return (0..<8).min { a, b in
            func d(_ i: Int) -> Int { zip(channels(xtermPalette[i]), target).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) }
            return d(a) < d(b)
        }!
    }

    /// OSC 4 (`4;N;rgb:RR/GG/BB`, several pairs allowed) redefines palette colours; OSC 104 resets them.
    private func osc(_ text: String) {
        let parts = text.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        if parts.first == "104" { palette = Self.xtermPalette; return }
        guard parts.first == "4" else { return }
        var i = 1
        while i + 1 < parts.count {
            let spec = parts[i + 1]
            if let n = Int(parts[i]), palette.indices.contains(n), spec.hasPrefix("rgb:") {
                let hex = spec.dropFirst(4).split(separator: "/").compactMap { UInt32($0.prefix(2), radix: 16) }
                if hex.count == 3 { palette[n] = hex[0] << 16 | hex[1] << 8 | hex[2] }
            }
            i += 2
        }
    }

    func feed(_ bytes: [UInt8]) {
        pending += bytes
        var i = 0
        while i < pending.count {
            let b = pending[i]
            if mode == .normal, b >= 0x80 {
                // A UTF-8 sequence: wait for all of it.
                let need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                guard i + need <= pending.count else { break }
                let s = String(decoding: pending[i..<(i + need)], as: UTF8.self)
                put(s)
                i += need
                continue
            }
            byte(b)
            i += 1
        }
        pending.removeFirst(i)
    }

    private func byte(_ b: UInt8) {
        switch mode {
        case .normal:
            switch b {
            case 0x1B: mode = .escape
            case 0x0D: column = 0; wrapPending = false
            case 0x0A, 0x0B, 0x0C: lineFeed()
            case 0x08: column = max(0, column - 1); wrapPending = false
            case 0x09: column = min(columns - 1, (column / 8 + 1) * 8)
            case 0x07, 0x00, 0x0E, 0x0F: break
            default:
                if b >= 0x20 { put(String(UnicodeScalar(b))) }
            }
        case .escape:
            mode = .normal
            switch b {
            case UInt8(ascii: "["): mode = .csi; parameters = ""
            case UInt8(ascii: "]"): mode = .osc; oscText = []
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"): mode = .charset
            case UInt8(ascii: "7"): saved = (row, column)
            case UInt8(ascii: "8"): (row, column) = saved
            case UInt8(ascii: "D"): lineFeed()
            case UInt8(ascii: "E"): column = 0; lineFeed()
            case UInt8(ascii: "M"): reverseIndex()
            case UInt8(ascii: "c"): erase(all: true); row = 0; column = 0
            default: break
            }
        case .charset:
            mode = .normal
        case .osc:
            if b == 0x07 || b == 0x1B {
                osc(String(decoding: oscText, as: UTF8.self))
                oscText = []
                mode = b == 0x07 ? .normal : .escape
            } else {
                oscText.append(b)
            }
        case .csi:
            if (0x30...0x3F).contains(b) {
                parameters.append(Character(UnicodeScalar(b)))
            } else if (0x20...0x2F).contains(b) {
                break
            } else {
                mode = .normal
                csi(Character(UnicodeScalar(b)))
            }
        }
    }

    private func numbers(_ defaultValue: Int) -> [Int] {
        let p = parameters.hasPrefix("?") || parameters.hasPrefix(">") ? String(parameters.dropFirst()) : parameters
        let parts = p.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? defaultValue }
        return parts.isEmpty ? [defaultValue] : parts
    }

    private func csi(_ final: Character) {
        let n = numbers(1)
        let first = max(1, n[0])
        wrapPending = false
        switch final {
        case "H", "f":
            row = min(rows - 1, max(0, n[0] - 1))
            column = min(columns - 1, max(0, (n.count > 1 ? n[1] : 1) - 1))
        case "A": row = max(top > row ? 0 : top, row - first)
        case "B": row = min(bottom < row ? rows - 1 : bottom, row + first)
        case "C": column = min(columns - 1, column + first)
        case "D": column = max(0, column - first)
        case "G", "`": column = min(columns - 1, max(0, n[0] - 1))
        case "d": row = min(rows - 1, max(0, n[0] - 1))
        case "J":
            let mode = numbers(0)[0]
            if mode == 2 || mode == 3 { erase(all: true) } else if mode == 0 {
                clear(row: row, from: column, to: columns)
                for r in (row + 1)..<rows { clear(row: r, from: 0, to: columns) }
            } else {
                for r in 0..<row { clear(row: r, from: 0, to: columns) }
                clear(row: row, from: 0, to: column + 1)
            }
        case "K":
            switch numbers(0)[0] {
            case 0: clear(row: row, from: column, to: columns)
            case 1: clear(row: row, from: 0, to: column + 1)
            default: clear(row: row, from: 0, to: columns)
            }
        case "X": clear(row: row, from: column, to: min(columns, column + first))
        case "P":
            var line = grid[row]
            line.removeSubrange(column..<min(columns, column + first))
            line += Array(repeating: blank(), count: columns - line.count)
            grid[row] = line
        case "@":
            var line = grid[row]
            line.insert(contentsOf: Array(repeating: blank(), count: first), at: column)
            grid[row] = Array(line.prefix(columns))
        case "L": if row >= top && row <= bottom { for _ in 0..<first { grid.remove(at: bottom); grid.insert(blankLine(), at: row) } }
        case "M": if row >= top && row <= bottom { for _ in 0..<first { grid.remove(at: row); grid.insert(blankLine(), at: bottom) } }
        case "S": for _ in 0..<first { scrollUp() }
        case "T": for _ in 0..<first { scrollDown() }
        case "r":
            let values = numbers(0)
            top = values[0] > 0 ? values[0] - 1 : 0
            bottom = values.count > 1 && values[1] > 0 ? min(rows - 1, values[1] - 1) : rows - 1
            row = 0
            column = 0
        case "b": for _ in 0..<first { put(last) }
        case "m": sgr(numbers(0))
        case "s": saved = (row, column)
        case "u": (row, column) = saved
        case "h", "l":
            if parameters == "?1049" || parameters == "?47" || parameters == "?1047" { erase(all: true) }
        default: break
        }
    }

    private func sgr(_ values: [Int]) {
        var i = 0
        while i < values.count {
            let v = values[i]
            switch v {
            case 0: foreground = nil; shade = nil; reverse = false
            case 7: reverse = true
            case 27: reverse = false
            case 30...37: foreground = v - 30; shade = palette[v - 30]
            case 39: foreground = nil; shade = nil
            case 90...97: foreground = v - 90; shade = palette[v - 90 + 8]
            case 38:
                if i + 2 < values.count, values[i + 1] == 5 {
                    let n = max(0, min(255, values[i + 2]))
                    foreground = n < 16 ? n % 8 : Self.basic(palette[n])
                    shade = palette[n]
                    i += 2
                } else if i + 4 < values.count, values[i + 1] == 2 {
                    let rgb = UInt32(values[i + 2] & 0xFF) << 16 | UInt32(values[i + 3] & 0xFF) << 8 | UInt32(values[i + 4] & 0xFF)
                    foreground = Self.basic(rgb)
                    shade = rgb
                    i += 4
                }
            case 48:
                if i + 2 < values.count, values[i + 1] == 5 { i += 2 } else if i + 4 < values.count, values[i + 1] == 2 { i += 4 }
            default: break
            }
            i += 1
        }
    }

    private func blank() -> Cell { Cell() }
    private func blankLine() -> [Cell] { Array(repeating: blank(), count: columns) }

    private func clear(row r: Int, from a: Int, to b: Int) {
        guard r >= 0, r < rows, a < b else { return }
        for c in max(0, a)..<min(columns, b) { grid[r][c] = blank() }
    }

    private func erase(all: Bool) {
        grid = Array(repeating: blankLine(), count: rows)
    }

    private func lineFeed() {
        wrapPending = false
        if row == bottom { scrollUp() } else if row < rows - 1 { row += 1 }
    }

    private func reverseIndex() {
        if row == top { scrollDown() } else if row > 0 { row -= 1 }
    }

    private func scrollUp() {
        grid.remove(at: top)
        grid.insert(blankLine(), at: bottom)
    }

    private func scrollDown() {
        grid.remove(at: bottom)
        grid.insert(blankLine(), at: top)
    }

    private func put(_ s: String) {
        guard let c = s.first else { return }
        let w = CellWidth.of(c)
        if w == 0 {
            // A combining mark joins the previous cell.
            if column > 0 { grid[row][column - 1].text += s }
            return
        }
        if wrapPending || column + w > columns {
            column = 0
            lineFeed()
        }
        grid[row][column] = Cell(text: s, foreground: foreground, shade: shade, reverse: reverse)
        if w == 2, column + 1 < columns { grid[row][column + 1] = Cell(text: "", foreground: foreground, shade: shade, reverse: reverse) }
        last = s
        if column + w >= columns {
            column = columns - 1
            wrapPending = true
        } else {
            column += w
        }
    }
}
