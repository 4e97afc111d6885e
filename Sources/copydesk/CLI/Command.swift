/// A runnable command: its spec and what it does. Returns the process exit code.
struct Command: Sendable {
    let spec: CommandSpec
    /// True for a command that takes over the terminal and handles its own signals (the studio).
    var ownsTerminal = false
    let run: @Sendable (ParsedArguments) throws -> Int32
}

/// Exit codes, as documented in `copydesk --help`.
enum ExitCode {
    static let ok: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 2
    /// Cancelled with Ctrl-C (128 + SIGINT, as shells report it).
    static let interrupted: Int32 = 130
}
