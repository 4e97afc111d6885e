import Foundation
import Support
import TextGeneration
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

extension DevCommands {
    static let logits = Command(spec: CommandSpec(
        path: ["dev", "logits"],
        summary: "Run token ids through the model and write the last position's logits (float32) to a file.",
        positionals: [PositionalSpec(name: "OUT", help: "output file")],
        options: [GenerateCommand.modelOption, ModelsCommands.modelsOption, GenerateCommand.threadsOption,
                  .value("--tokens", "IDS", "comma-separated token ids"),
                  .flag("--one-by-one", "run the tokens one at a time instead of as one batch")]
    )) { args in
        guard let list = args.value("--tokens") else { throw UsageError(message: "give --tokens IDS", command: "copydesk dev logits") }
        let ids = list.split(separator: ",").compactMap { Int32($0.trimmingCharacters(in: .whitespaces)) }
        let model = try LanguageModel(path: try GenerateCommand.modelPath(args), contextLength: 1024, threads: try args.int("--threads"))
        var logits: [Float] = []
        if args.flag("--one-by-one") {
            for t in ids { logits = Array(try model.transformer.forward(token: t)) }
        } else {
            logits = Array(try model.transformer.forward(tokens: ids))
        }
        try AtomicFile.write(logits.withUnsafeBytes { Data($0) }, to: args.positional(0)!)
        return ExitCode.ok
    }
}
