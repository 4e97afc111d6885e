import Dispatch
import Support

/// Owns a studio (its models and database) on a serial queue of its own, so a front end never
/// blocks on inference: it submits work with a `Job`, draws the job's events as they come, and
/// cancels through the job's token. Work runs one job at a time, in submission order.
public final class StudioWorker: @unchecked Sendable {
    // `studio` is touched only on `queue`; that is what makes the unchecked conformance sound.
    private let queue = DispatchQueue(label: "copydesk.studio-worker", qos: .userInitiated)
    private let open: @Sendable () throws -> Studio
    private var studio: Studio?

    /// - Parameter open: makes the studio, on the worker's queue, when the first job needs it.
    public init(open: @escaping @Sendable () throws -> Studio) {
        self.open = open
    }

    /// Runs `body` on the worker with the studio reporting to `job`; `completion` is called on the
    /// worker's queue with the result (a cancelled job ends with `Cancelled`).
    public func submit<T: Sendable>(_ job: Job, _ body: @escaping @Sendable (Studio) throws -> T,
                                    completion: @escaping @Sendable (Result<T, any Error>) -> Void) {
        queue.async { [self] in
            completion(Result {
                try job.checkCancelled()
                let studio = try self.studio ?? open()
                self.studio = studio
                studio.job = job
                defer { studio.job = .unattended }
                return try body(studio)
            })
        }
    }

    /// Runs `body` on the worker and waits for it without blocking the caller's thread.
    public func perform<T: Sendable>(_ job: Job, _ body: @escaping @Sendable (Studio) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            submit(job, body) { continuation.resume(with: $0) }
        }
    }
}
