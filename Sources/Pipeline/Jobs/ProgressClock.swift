import Foundation

/// Turns "done of total" into progress events with an estimate of the time left.
public struct ProgressClock: Sendable {
    public let label: String
    public let total: Int
    private let start = Date()

    public init(label: String, total: Int) {
        self.label = label
        self.total = max(total, 1)
    }

    /// The event for `done` items finished: the ETA assumes the remaining items take as long as
    /// the finished ones did on average.
    public func event(done: Int) -> JobEvent {
        let fraction = min(1, Double(done) / Double(total))
        let elapsed = Date().timeIntervalSince(start)
        let eta: Double? = done > 0 ? elapsed / Double(done) * Double(total - done) : nil
        return .progress(label: label, fraction: fraction, eta: eta)
    }
}
