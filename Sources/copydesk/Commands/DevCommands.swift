import Foundation
import TOML

/// `copydesk dev ...`: tools for developers and conformance suites.
enum DevCommands {
    static let tomlDecode = Command(spec: CommandSpec(
        path: ["dev", "toml-decode"],
        summary: "Read TOML on standard input and print toml-test's tagged JSON.",
        discussion: "Exit 1 with 'line:column: message' on standard error when the input is not valid TOML 1.0.0."
    )) { _ in
        let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        let table = try TOML.parse(bytes: bytes, file: "<stdin>")
        Output.line(table.taggedJSON())
        return ExitCode.ok
    }
}
