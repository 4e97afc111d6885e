import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The real `copydesk` binary on a pseudo-terminal of a given size, its output read into a
/// `ScreenEmulator`: keys go in as bytes, the screen comes back as text.
final class TerminalSession: @unchecked Sendable {
    let screen: ScreenEmulator
    private let lock = NSLock()
    private let master: Int32
    private(set) var pid: pid_t = 0
    private var reader: Thread?
    private var exited: Int32?

    init(arguments: [String], rows: Int, columns: Int, environment: [String: String] = [:]) throws {
        screen = ScreenEmulator(rows: rows, columns: columns)
        // posix_openpt, unlockpt and ptsname, as Linux implements them (Glibc's module leaves
        // them out): the multiplexer, then two ioctls.
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, Self.TIOCSPTLCK, &unlock) == 0, ioctl(master, Self.TIOCGPTN, &number) == 0 else {
            throw XCTSkip("no pseudo-terminals here")
        }
        let slave = "/dev/pts/\(number)"
        setSize(rows: rows, columns: columns)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A session of its own, so opening the terminal makes it the controlling one.
        posix_spawnattr_setflags(&attributes, Self.POSIX_SPAWN_SETSID)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)

        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm-256color"
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = "C.UTF-8"
        env.removeValue(forKey: "COLORTERM")
        for (k, v) in environment { env[k] = v }
        let argv = ([CLI.executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        let result = posix_spawn(&pid, CLI.executable.path, &actions, &attributes, argv, envp)
        guard result == 0 else { throw XCTSkip("cannot start copydesk on a pseudo-terminal (error \(result))") }

        let log = ProcessInfo.processInfo.environment["COPYDESK_PTY_LOG"].flatMap { FileHandle(forWritingAtPath: $0) }
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(master, &buffer, buffer.count)
                if n <= 0 { break }
                log?.write(Data(buffer[0..<n]))
                lock.lock()
                screen.feed(Array(buffer[0..<n]))
                lock.unlock()
            }
        }
        thread.start()
        reader = thread
    }

    /// Keys as an xterm sends them in keypad-transmit mode (which curses turns on).
    static let end = "\u{1B}OF", home = "\u{1B}OH", up = "\u{1B}OA", down = "\u{1B}OB"

    // Linux's values (x86-64 and arm64).
    static let TIOCSPTLCK: UInt = 0x4004_5431
    static let TIOCGPTN: UInt = 0x8004_5430
    static let POSIX_SPAWN_SETSID: Int16 = 0x80

    deinit {
        if exited == nil { kill(pid, SIGKILL); _ = waitExit(timeout: 5) }
        close(master)
    }

    /// Tells the terminal its new size; the kernel sends the program SIGWINCH.
    func setSize(rows: Int, columns: Int) {
        var ws = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &ws)
    }

    func resize(rows: Int, columns: Int) {
        lock.lock()
        screen.resize(rows: rows, columns: columns)
        lock.unlock()
        setSize(rows: rows, columns: columns)
    }

    /// Types keys: text as UTF-8; use "\r" for Enter, "\u{1B}" for Esc, "\u{03}" for Ctrl-C.
    /// An escape sequence (a key such as `end`) goes in whole; other text a character at a time.
    func type(_ keys: String, pause: Double = 0.15) {
        let pieces: [String] = keys.hasPrefix("\u{1B}") && keys.count > 1 ? [keys] : keys.map { String($0) }
        for piece in pieces {
            let bytes = Array(piece.utf8)
            _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            Thread.sleep(forTimeInterval: pause)
        }
    }

    /// The screen's text now.
    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return screen.text
    }

    var lines: [String] {
        lock.lock()
        defer { lock.unlock() }
        return screen.lines
    }

    func foreground(of needle: String) -> Int?? {
        lock.lock()
        defer { lock.unlock() }
        return screen.foreground(of: needle)
    }

    /// The terminal's 256 colours as 0xRRGGBB (redefined by OSC 4, reset by OSC 104).
    var palette: [UInt32] {
        lock.lock()
        defer { lock.unlock() }
        return screen.palette
    }

    /// The exact shade (0xRRGGBB) of the first cell showing `needle`.
    func shade(of needle: String) -> UInt32?? {
        lock.lock()
        defer { lock.unlock() }
        return screen.shade(of: needle)
    }

    /// Waits until the screen satisfies `condition`; fails with the screen when it does not in time.
    @discardableResult
    func wait(for what: String, timeout: Double, file: StaticString = #filePath, line: UInt = #line, _ condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(text) { return true }
            if let status = pollExit() { XCTFail("copydesk exited (\(status)) while waiting for \(what):\n\(text)", file: file, line: line); return false }
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTFail("timed out after \(timeout) s waiting for \(what); the screen:\n\(text)", file: file, line: line)
        return false
    }

    func wait(forText needle: String, timeout: Double = 20, file: StaticString = #filePath, line: UInt = #line) -> Bool {
        wait(for: "“\(needle)”", timeout: timeout, file: file, line: line) { $0.contains(needle) }
    }

    /// The exit status if the program ended.
    func pollExit() -> Int32? {
        if let exited { return exited }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid {
            exited = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        }
        return exited
    }

    func waitExit(timeout: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let s = pollExit() { return s }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }
}
