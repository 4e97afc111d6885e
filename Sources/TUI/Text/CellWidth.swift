import CNcurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many terminal cells text takes, as the C library's `wcwidth` says (what ncurses and the
/// terminal use, so a layout computed here is the one drawn).
public enum CellWidth {
    /// `wcwidth` needs a UTF-8 character type; a process started in the C locale gets C.UTF-8.
    private static let localeReady: Bool = {
        let current = setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? ""
        if !current.uppercased().contains("UTF-8") && !current.uppercased().contains("UTF8") {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "en_US.UTF-8") }
        }
        return true
    }()

    /// Cells one grapheme cluster takes: 0 for a control, 2 when any of its scalars is wide
    /// (CJK, most emoji), otherwise the width of its first scalar (combining marks add nothing).
    public static func of(_ c: Character) -> Int {
        _ = localeReady
        var first = true
        var width = 0
        for scalar in c.unicodeScalars {
            let w = Int(copydesk_wcwidth(scalar.value))
            if w == 2 { return 2 }
            if first {
                width = max(w, 0)
                first = false
            }
        }
        // A printable cluster whose first scalar has no width of its own (a lone combining mark)
        // still takes a cell, so it never lands on its neighbour.
        if width == 0, let s = c.unicodeScalars.first, s.value >= 0x20, s.value != 0x7F, !(0x200B...0x200F).contains(s.value) {
            return 1
        }
        return width
    }

    /// Cells a string takes.
    public static func of(_ s: String) -> Int { s.reduce(0) { $0 + of($1) } }

    /// The longest prefix of `s` that fits in `cells`.
    public static func prefix(_ s: String, fitting cells: Int) -> String {
        var used = 0
        var out = ""
        for c in s {
            let w = of(c)
            if used + w > cells { break }
            used += w
            out.append(c)
        }
        return out
    }

    /// `s` cut to `cells`, ending with "…" when it was cut.
    public static func truncate(_ s: String, to cells: Int) -> String {
        guard cells > 0 else { return "" }
        if of(s) <= cells { return s }
        return prefix(s, fitting: cells - 1) + "…"
    }
}
