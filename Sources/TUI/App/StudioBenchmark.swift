import Foundation
import Pipeline

/// `bench tui`: keystroke-to-screen latency while a draft streams. The studio runs its real loop
/// on a scripted terminal: a brief is drafted with the language model, and while its tokens
/// stream, keys that move the selection in pane 1 arrive every `interval` seconds; each key's
/// latency runs from the moment it is available to the loop until the loop has handed the
/// redrawn screen to the terminal layer.
public struct StudioBenchmark: Sendable, Encodable {
    public var keys: Int
    public var medianMilliseconds: Double
    public var p99Milliseconds: Double
    public var maxMilliseconds: Double
    /// Tokens per second the draft streamed at during the measurement.
    public var tokensPerSecond: Double?

    enum CodingKeys: String, CodingKey {
        case keys, medianMilliseconds = "median_ms", p99Milliseconds = "p99_ms", maxMilliseconds = "max_ms", tokensPerSecond = "tokens_per_s"
    }

    public static func run(options: StudioOptions, kit: String, keys count: Int = 200, interval: Double = 0.05,
                           rows: Int = 24, columns: Int = 80) throws -> StudioBenchmark {
        let device = ScriptedTerminal(rows: rows, columns: columns)
        let app = StudioApp(options: options, kit: kit)
        let driver = Thread {
            // Wait for pane 1, start a draft of the first brief, wait for its tokens.
            guard device.waitFor({ $0.contains("  brief ") }, timeout: 60) else { device.send(.character("q")); return }
            device.send(.character("d"))
            guard device.waitFor({ $0.contains("tok/s") }, timeout: 300) else { device.send(.character("q")); return }
            device.measuring = true
            for i in 0..<count {
                device.send(.character(i % 2 == 0 ? "j" : "k"))
                Thread.sleep(forTimeInterval: interval)
            }
            device.measuring = false
            device.send(.escape)
            _ = device.waitFor({ $0.contains("cancelled") || $0.contains("idle") }, timeout: 60)
            device.send(.character("q"))
        }
        driver.start()
        try app.run(on: device)
        let latencies = device.latencies.sorted()
        guard !latencies.isEmpty else { throw PipelineError(.generationFailed, "no keystroke was measured: the draft did not stream") }
        func at(_ q: Double) -> Double { latencies[min(latencies.count - 1, Int((Double(latencies.count - 1) * q).rounded()))] * 1000 }
        return StudioBenchmark(keys: latencies.count, medianMilliseconds: at(0.5), p99Milliseconds: at(0.99), maxMilliseconds: latencies.last! * 1000,
                               tokensPerSecond: device.tokensPerSecond)
    }
}

/// A terminal the benchmark scripts: keys are queued with the time they became available; a draw
/// after a key records its latency.
final class ScriptedTerminal: TerminalDevice, @unchecked Sendable {
    let rows: Int, columns: Int
    private let condition = NSCondition()
    private var queue: [(Key, Date)] = []
    private var keyTime: Date?
    private var screen = ""
    private(set) var latencies: [Double] = []
    private(set) var tokensPerSecond: Double?
    var measuring = false

    init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
    }

    func start() throws {}
    func stop() {}
    var size: (rows: Int, columns: Int) { (rows, columns) }

    func draw(_ canvas: Canvas) {
        let text = canvas.lines.joined(separator: "\n")
        condition.lock()
        if let t = keyTime {
            if measuring { latencies.append(Date().timeIntervalSince(t)) }
            keyTime = nil
        }
        screen = text
        if let range = text.range(of: #"[0-9.]+ tok/s"#, options: .regularExpression) {
            tokensPerSecond = Double(text[range].split(separator: " ")[0])
        }
        condition.broadcast()
        condition.unlock()
    }

    func readKey() -> Key? {
        condition.lock()
        defer { condition.unlock() }
        if queue.isEmpty { _ = condition.wait(until: Date().addingTimeInterval(0.03)) }
        guard !queue.isEmpty else { return nil }
        let (key, time) = queue.removeFirst()
        keyTime = time
        return key
    }

    func send(_ key: Key) {
        condition.lock()
        queue.append((key, Date()))
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until the drawn screen satisfies `condition`.
    func waitFor(_ test: (String) -> Bool, timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while !test(screen) {
            if !condition.wait(until: deadline) { return test(screen) }
        }
        return true
    }
}
