/// An option a command accepts.
struct OptionSpec: Sendable {
    /// Long name with dashes, e.g. "--seed".
    let name: String
    /// Placeholder for the value ("N", "DIR"), or nil for a flag.
    let value: String?
    let help: String

    static func flag(_ name: String, _ help: String) -> OptionSpec { OptionSpec(name: name, value: nil, help: help) }
    static func value(_ name: String, _ placeholder: String, _ help: String) -> OptionSpec { OptionSpec(name: name, value: placeholder, help: help) }

    static let json = OptionSpec.flag("--json", "print machine-readable JSON")
    static let workspace = OptionSpec.value("--workspace", "DIR", "workspace folder (default: $COPYDESK_WORKSPACE or ./.copydesk)")
}

/// A positional argument a command takes.
struct PositionalSpec: Sendable {
    let name: String
    let help: String
    var optional = false
    var repeating = false
}

/// How a command is called: its words, arguments, options and help text.
struct CommandSpec: Sendable {
    /// The words after `copydesk`, e.g. ["templates", "diff"].
    let path: [String]
    let summary: String
    var positionals: [PositionalSpec] = []
    var options: [OptionSpec] = []
    var discussion: String? = nil

    var name: String { (["copydesk"] + path).joined(separator: " ") }

    var usage: String {
        var parts = [name]
        if !options.isEmpty { parts.append("[options]") }
        for p in positionals {
            var text = p.name
            if p.repeating { text += "..." }
            parts.append(p.optional ? "[\(text)]" : text)
        }
        return parts.joined(separator: " ")
    }

    /// The `--help` text.
    var help: String {
        var text = "\(summary)\n\nUsage: \(usage)\n"
        if !positionals.isEmpty {
            text += "\nArguments:\n"
            let width = positionals.map(\.name.count).max() ?? 0
            for p in positionals { text += "  \(p.name.padding(toLength: width + 2, withPad: " ", startingAt: 0))\(p.help)\n" }
        }
        let all = options + [OptionSpec.flag("--help", "show this help")]
        text += "\nOptions:\n"
        let labels = all.map { option -> String in
            guard let value = option.value else { return option.name }
            return "\(option.name) \(value)"
        }
        let width = labels.map(\.count).max() ?? 0
        for (label, option) in zip(labels, all) {
            text += "  \(label.padding(toLength: width + 2, withPad: " ", startingAt: 0))\(option.help)\n"
        }
        if let discussion { text += "\n\(discussion)\n" }
        return text
    }
}
