import Synchronization

/// A request to stop, shared between a front end and the job it started.
///
/// Front ends call `cancel()` from any thread (a signal handler's queue, a key handler);
/// engines call `check()` between tokens, batches, chunks and steps.
public final class CancellationToken: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    /// Asks the job to stop at its next check.
    public func cancel() { flag.store(true, ordering: .releasing) }

    /// True once `cancel()` was called.
    public var isCancelled: Bool { flag.load(ordering: .acquiring) }

    /// Throws `Cancelled` when the job was asked to stop.
    @inlinable
    public func check() throws(Cancelled) {
        if isCancelled { throw Cancelled() }
    }
}
