/// What the studio's loop draws on and reads keys from: the real terminal, or a scripted one
/// (`bench tui`).
public protocol TerminalDevice: AnyObject {
    func start() throws
    func stop()
    var size: (rows: Int, columns: Int) { get }
    func draw(_ canvas: Canvas)
    /// The next key, waiting at most a few tens of milliseconds.
    func readKey() -> Key?
}

extension Terminal: TerminalDevice {}
