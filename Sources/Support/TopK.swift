/// The `k` highest-scoring items of a stream, kept sorted (highest first; on equal scores the
/// earlier item first). One pass, no full sort: an item below the current k-th is dropped at once.
public struct TopK<ID> {
    public let k: Int
    @usableFromInline var storage: [(id: ID, score: Float)] = []

    /// The kept items, best first.
    public var items: [(id: ID, score: Float)] { storage }

    public init(_ k: Int) {
        self.k = max(1, k)
        storage.reserveCapacity(self.k + 1)
    }

    @inlinable
    public mutating func insert(_ id: ID, _ score: Float) {
        if storage.count == k, let last = storage.last, score <= last.score { return }
        var lo = 0, hi = storage.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if storage[mid].score >= score { lo = mid + 1 } else { hi = mid }
        }
        storage.insert((id, score), at: lo)
        if storage.count > k { storage.removeLast() }
    }
}
