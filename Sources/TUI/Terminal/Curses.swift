import CNcurses

/// Facts about the linked ncursesw library.
public enum Curses {
    /// The ncurses version string, e.g. "ncurses 6.4.20221231".
    public static var version: String {
        String(cString: curses_version())
    }
}
