import Foundation

/// Writing to standard output and standard error.
enum Output {
    /// Prints to standard output.
    static func line(_ text: String = "") {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Writes without a newline and flushes (for streaming).
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Prints to standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints an `Encodable` value as pretty JSON with sorted keys, every key in snake_case
    /// (`templateVersion` is written `template_version`), the one key style of `--json`.
    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let data = try encoder.encode(value)
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }

    /// Lays out rows as left-aligned columns.
    static func table(_ header: [String], _ rows: [[String]]) {
        let all = [header] + rows
        let widths = header.indices.map { col in all.map { $0.indices.contains(col) ? $0[col].count : 0 }.max() ?? 0 }
        for row in all {
            let cells = row.enumerated().map { i, cell in i == row.count - 1 ? cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0) }
            line(cells.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
        }
    }
}
