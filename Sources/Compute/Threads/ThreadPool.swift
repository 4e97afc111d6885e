import Foundation
import Synchronization

/// A persistent pool of worker threads. `run` splits work into chunks that threads claim
/// from an atomic counter; the calling thread works too. Workers spin briefly between jobs
/// (a decode step dispatches hundreds of small jobs) and then sleep on a condition variable.
///
/// One caller at a time: the engine that owns the pool runs on one thread.
public final class ThreadPool: @unchecked Sendable {
    /// Threads that take part in a job, the caller included.
    public let threadCount: Int

    private let generation = Atomic<Int>(0)
    private let nextChunk = Atomic<Int>(0)
    private let finished = Atomic<Int>(0)
    private let sleepers = Atomic<Int>(0)
    private let stopping = Atomic<Bool>(false)
    private let lock = NSCondition()
    /// Written before `generation` is bumped (release), read by workers after they see it (acquire).
    private var chunkCount = 0
    private var job: ((_ chunk: Int, _ thread: Int) -> Void)?
    private var workers: [Thread] = []

    /// Spin iterations before a worker goes to sleep.
    private let spinLimit = 200_000

    /// - Parameter threads: total threads including the caller; defaults to the active processor count.
    public init(threads: Int? = nil) {
        threadCount = max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount)
        for index in 1..<max(threadCount, 1) {
            // Not `unowned`: a worker that starts only after the pool was released would trap reading
            // a deiniting object. Memory stays valid: deinit waits for every worker to leave.
            let thread = Thread { [unowned(unsafe) self] in self.workerLoop(index) }
            thread.name = "copydesk-compute-\(index)"
            thread.stackSize = 1 << 20
            workers.append(thread)
            thread.start()
        }
    }

    deinit {
        stopping.store(true, ordering: .sequentiallyConsistent)
        generation.add(1, ordering: .sequentiallyConsistent)
        lock.lock()
        lock.broadcast()
        lock.unlock()
        // Workers hold `unowned(unsafe) self`; wait for them to leave before memory goes away.
        while finished.load(ordering: .acquiring) != -(threadCount - 1) { sched_yield() }
    }

    /// Calls `body(chunk, thread)` for every chunk in `0..<chunks`, spread over the threads,
    /// and returns when all are done. `thread` is in `0..<threadCount`.
    public func run(chunks: Int, _ body: (_ chunk: Int, _ thread: Int) -> Void) {
        if chunks <= 0 { return }
        if threadCount == 1 || chunks == 1 {
            for c in 0..<chunks { body(c, 0) }
            return
        }
        withoutActuallyEscaping(body) { escapable in
            job = escapable
            chunkCount = chunks
            nextChunk.store(0, ordering: .relaxed)
            finished.store(0, ordering: .relaxed)
            generation.add(1, ordering: .sequentiallyConsistent)
            if sleepers.load(ordering: .sequentiallyConsistent) > 0 {
                lock.lock()
                lock.broadcast()
                lock.unlock()
            }
            work(thread: 0)
            while finished.load(ordering: .acquiring) < threadCount - 1 {}
            job = nil
        }
    }

    private func work(thread: Int) {
        guard let job else { return }
        let total = chunkCount
        while true {
            let c = nextChunk.add(1, ordering: .relaxed).oldValue
            if c >= total { break }
            job(c, thread)
        }
    }

    private func workerLoop(_ index: Int) {
        var seen = 0
        while true {
            var spins = 0
            while generation.load(ordering: .acquiring) == seen {
                spins += 1
                if spins >= spinLimit {
                    lock.lock()
                    sleepers.add(1, ordering: .sequentiallyConsistent)
                    while generation.load(ordering: .sequentiallyConsistent) == seen {
                        lock.wait()
                    }
                    sleepers.subtract(1, ordering: .sequentiallyConsistent)
                    lock.unlock()
                    spins = 0
                }
            }
            seen = generation.load(ordering: .acquiring)
            if stopping.load(ordering: .acquiring) {
                finished.subtract(1, ordering: .releasing)
                return
            }
            work(thread: index)
            finished.add(1, ordering: .releasing)
        }
    }
}
