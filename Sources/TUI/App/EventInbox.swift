import Foundation

/// Results and job events on their way from the worker to the screen loop.
final class EventInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [StudioEvent] = []

    func post(_ e: StudioEvent) {
        lock.lock()
        events.append(e)
        lock.unlock()
    }

    /// Everything posted since the last call, in order.
    func drain() -> [StudioEvent] {
        lock.lock()
        defer { lock.unlock() }
        let out = events
        events = []
        return out
    }
}
