import Foundation
import Store
import Support

/// What a front end hands to a job: where its events go and the token that cancels it.
///
/// Events are delivered on the job's own thread, in order; a front end that draws elsewhere
/// forwards them.
public struct Job: Sendable {
    public let cancellation: CancellationToken
    private let sink: @Sendable (JobEvent) -> Void

    public init(cancellation: CancellationToken = CancellationToken(), events: @escaping @Sendable (JobEvent) -> Void = { _ in }) {
        self.cancellation = cancellation
        self.sink = events
    }

    /// A job nobody watches and nobody cancels.
    public static var unattended: Job { Job() }

    /// Reports an event.
    public func emit(_ event: JobEvent) { sink(event) }

    /// Throws `Cancelled` when the job was asked to stop.
    public func checkCancelled() throws(Cancelled) { try cancellation.check() }

    /// Runs one step between its start and finish events.
    public func step<T>(_ step: RunStep, _ detail: String = "", _ body: () throws -> T) throws -> T {
        try checkCancelled()
        emit(.stepStarted(step, detail: detail))
        let t0 = Date()
        let value = try body()
        emit(.stepFinished(step, detail: detail, seconds: Date().timeIntervalSince(t0)))
        return value
    }
}
