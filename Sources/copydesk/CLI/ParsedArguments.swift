import Support

/// A usage mistake on the command line: exit code 2.
struct UsageError: Error, CustomStringConvertible {
    let message: String
    /// The command whose help to point at.
    let command: String
    var description: String { message }
}

/// The options and positionals given to one command, checked against its spec.
struct ParsedArguments {
    let spec: CommandSpec
    private(set) var flags: Set<String> = []
    private(set) var values: [String: String] = [:]
    private(set) var positionals: [String] = []
    /// True when `--help` or `-h` was given.
    private(set) var wantsHelp = false
    /// Cancels the command's job (Ctrl-C).
    var cancellation = CancellationToken()

    /// Parses `arguments` (the words after the command path).
    ///
    /// Accepts `--name value`, `--name=value`, and `--` to end options.
    init(_ arguments: [String], spec: CommandSpec) throws(UsageError) {
        self.spec = spec
        var i = 0
        var onlyPositionals = false
        while i < arguments.count {
            let arg = arguments[i]
            i += 1
            if onlyPositionals || !arg.hasPrefix("-") || arg == "-" {
                positionals.append(arg)
                continue
            }
            if arg == "--" { onlyPositionals = true; continue }
            if arg == "--help" || arg == "-h" { wantsHelp = true; continue }
            var name = arg
            var inline: String?
            if let eq = arg.firstIndex(of: "="), arg.hasPrefix("--") {
                name = String(arg[..<eq])
                inline = String(arg[arg.index(after: eq)...])
            }
            guard let option = spec.options.first(where: { $0.name == name }) else {
                throw UsageError(message: "unknown option '\(name)' for '\(spec.name)'" + Self.suggestion(name, spec.options.map(\.name)), command: spec.name)
            }
            if let placeholder = option.value {
                if let inline {
                    values[name] = inline
                } else {
                    guard i < arguments.count, !(arguments[i].hasPrefix("--") && arguments[i].count > 2) else {
                        throw UsageError(message: "option '\(name)' needs a value (\(name) \(placeholder))", command: spec.name)
                    }
                    values[name] = arguments[i]
                    i += 1
                }
            } else {
                guard inline == nil else {
                    throw UsageError(message: "option '\(name)' takes no value", command: spec.name)
                }
                flags.insert(name)
            }
        }
        if wantsHelp { return }
        // Options whose placeholder is N take whole numbers: check before the command runs.
        for option in spec.options where option.value == "N" {
            _ = try int(option.name)
        }
        let required = spec.positionals.filter { !$0.optional }.count
        let unlimited = spec.positionals.contains { $0.repeating }
        if positionals.count < required {
            let missing = spec.positionals[positionals.count]
            throw UsageError(message: "missing argument \(missing.name) for '\(spec.name)'", command: spec.name)
        }
        if !unlimited && positionals.count > spec.positionals.count {
            throw UsageError(message: "unexpected argument '\(positionals[spec.positionals.count])' for '\(spec.name)'", command: spec.name)
        }
    }

    static func suggestion(_ name: String, _ candidates: [String]) -> String {
        let close = candidates.filter { c in c.hasPrefix(String(name.prefix(4))) || name.hasPrefix(String(c.prefix(4))) && c.count > 3 }
        return close.isEmpty ? "" : " (did you mean \(close.joined(separator: " or "))?)"
    }

    /// True when the flag was given.
    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// The value of an option, if given.
    func value(_ name: String) -> String? { values[name] }

    /// An integer option, with a usage error for a non-number.
    func int(_ name: String) throws(UsageError) -> Int? {
        guard let text = values[name] else { return nil }
        guard let n = Int(text) else { throw UsageError(message: "option '\(name)' expects a whole number, got '\(text)'", command: spec.name) }
        return n
    }

    /// The positional at `index`, if present.
    func positional(_ index: Int) -> String? { index < positionals.count ? positionals[index] : nil }

    /// Every positional argument, in order.
    var allPositionals: [String] { positionals }

    /// `--json` was given.
    var json: Bool { flag("--json") }
}
