import Foundation
import Pipeline
import Support
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Renders a job's events on standard error: on a terminal, one status line redrawn in place
/// (the step, tokens and their rate, progress with an ETA); otherwise plain lines for steps,
/// notes and warnings. Nothing goes to standard output, so `--json` stays clean.
final class JobPrinter: @unchecked Sendable {
    private let lock = NSLock()
    private let terminal: Bool
    private let quiet: Bool
    private var lineOpen = false
    private var step = ""
    private var progress = ""

    /// - Parameter quiet: print nothing but warnings (for `--json` and scripts).
    init(quiet: Bool = false, isTerminal: Bool = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb") {
        self.quiet = quiet
        terminal = isTerminal
    }

    /// The job for a command: the interrupts' cancellation, events printed here.
    func job(_ cancellation: CancellationToken) -> Job {
        Job(cancellation: cancellation) { [self] in handle($0) }
    }

    func handle(_ event: JobEvent) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .stepStarted(let s, let detail):
            step = detail.isEmpty ? s.rawValue : "\(s.rawValue) \(detail)"
            if terminal { status(step + " …") } else if !quiet { line("  … \(step)") }
        case .stepFinished(let s, let detail, let seconds):
            if terminal { status("\(detail.isEmpty ? s.rawValue : "\(s.rawValue) \(detail)") done in \(Self.duration(seconds))") }
        case .tokens(_, let count, let rate):
            if terminal { status("\(step): \(count) tokens, \(String(format: "%.1f", rate)) tok/s\(progress.isEmpty ? "" : "  [\(progress)]")") }
        case .progress(let label, let fraction, let eta):
            progress = "\(label) \(Int((fraction * 100).rounded()))%" + (eta.map { ", about \(Self.duration($0)) left" } ?? "")
            if terminal { status(progress) } else if !quiet { line("  \(progress)") }
        case .warning(let text):
            line("warning: \(text)")
        case .note(let text):
            if !quiet { line("  \(text)") }
        }
    }

    /// Clears the status line (call before printing results).
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if lineOpen { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)); lineOpen = false }
    }

    private func status(_ text: String) {
        guard !quiet else { return }
        let width = 100
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + String(text.prefix(width))).utf8))
        lineOpen = true
    }

    private func line(_ text: String) {
        if lineOpen { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)); lineOpen = false }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func duration(_ seconds: Double) -> String {
        seconds < 60 ? String(format: "%.1f s", seconds) : "\(Int(seconds) / 60) min \(Int(seconds) % 60) s"
    }
}
