import Support
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the command named by the arguments, parses its options and runs it.
struct CommandLineApp {
    let commands: [Command]

    /// Groups of commands (`templates`, `models`...) and their one-line summaries.
    let groups: [(name: String, summary: String)]

    func run(_ arguments: [String]) -> Int32 {
        if arguments.isEmpty, isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1, let studio = commands.first(where: { $0.spec.path == ["studio"] }) {
            return run(studio, [])
        }
        if arguments.isEmpty || arguments == ["--help"] || arguments == ["-h"] || arguments == ["help"] {
            Output.line(topLevelHelp)
            return ExitCode.ok
        }
        if arguments == ["--version"] {
            Output.line("copydesk \(CopydeskVersion.string)")
            return ExitCode.ok
        }
        // The longest command path that prefixes the arguments.
        let match = commands
            .filter { arguments.count >= $0.spec.path.count && Array(arguments.prefix($0.spec.path.count)) == $0.spec.path }
            .max { $0.spec.path.count < $1.spec.path.count }
        guard let command = match else {
            return unknownCommand(arguments)
        }
        return run(command, Array(arguments.dropFirst(command.spec.path.count)))
    }

    /// Parses a command's arguments and runs it, Ctrl-C cancelling its job.
    private func run(_ command: Command, _ arguments: [String]) -> Int32 {
        do {
            var parsed = try ParsedArguments(arguments, spec: command.spec)
            if parsed.wantsHelp {
                Output.line(command.spec.help)
                return ExitCode.ok
            }
            if command.ownsTerminal { return try command.run(parsed) }
            let interrupts = Interrupts()
            parsed.cancellation = interrupts.cancellation
            return try withExtendedLifetime(interrupts) { try command.run(parsed) }
        } catch is Cancelled {
            Output.error("copydesk: cancelled")
            return ExitCode.interrupted
        } catch let error as UsageError {
            Output.error("copydesk: \(error.message)\nRun '\(error.command) --help' for usage.")
            return ExitCode.usage
        } catch {
            Output.error("copydesk: error: \(error)")
            return ExitCode.failure
        }
    }

    private func unknownCommand(_ arguments: [String]) -> Int32 {
        let first = arguments[0]
        if let group = groups.first(where: { $0.name == first }) {
            let members = commands.filter { $0.spec.path.first == group.name }
            let wantsHelp = arguments.count > 1 && (arguments[1] == "--help" || arguments[1] == "-h")
            var text = "\(group.summary)\n\nUsage: copydesk \(group.name) COMMAND [options]\n\nCommands:\n"
            let width = members.map { $0.spec.path.joined(separator: " ").count }.max() ?? 0
            for m in members {
                text += "  \(m.spec.path.joined(separator: " ").padding(toLength: width + 2, withPad: " ", startingAt: 0))\(m.spec.summary)\n"
            }
            text += "\nRun 'copydesk \(group.name) COMMAND --help' for a command's options."
            if wantsHelp {
                Output.line(text)
                return ExitCode.ok
            }
            let what = arguments.count > 1 ? "unknown command '\(group.name) \(arguments[1])'" : "'copydesk \(group.name)' needs a command"
            Output.error("copydesk: \(what)\n\n\(text)")
            return ExitCode.usage
        }
        Output.error("copydesk: unknown command '\(first)'\nRun 'copydesk --help' for the list of commands.")
        return ExitCode.usage
    }

    var topLevelHelp: String {
        var text = """
            copydesk: a terminal content studio. Local models draft copy from a brief, fact-check it
            against the brand's knowledge base, critique it against the brand's voice rules, and every
            prompt, model, seed and asset is versioned in SQLite.

            Usage: copydesk COMMAND [options]

            Commands:

            """
        let width = commands.map { $0.spec.path.joined(separator: " ").count }.max() ?? 0
        for c in commands where !c.spec.path.isEmpty {
            text += "  \(c.spec.path.joined(separator: " ").padding(toLength: width + 2, withPad: " ", startingAt: 0))\(c.spec.summary)\n"
        }
        text += """

            Every command takes --help. Commands whose output scripts may read take --json.
            The workspace is ./.copydesk unless --workspace DIR or COPYDESK_WORKSPACE says otherwise;
            models are cached in ~/.cache/copydesk/models unless COPYDESK_MODELS says otherwise.

            Exit codes: 0 success, 1 failure (the message says what went wrong), 2 usage error
            (unknown command or option, missing or malformed argument), 130 cancelled with Ctrl-C
            (the run is recorded as cancelled; a second Ctrl-C quits at once).
            """
        return text
    }
}

/// The program version.
enum CopydeskVersion {
    static let string = "0.1.0"
}
