/// The one error a cancelled job ends with, whichever engine noticed the request.
public struct Cancelled: Error, Sendable, Equatable, CustomStringConvertible {
    public init() {}
    public var description: String { "cancelled" }
}

extension Error {
    /// True when this error is a job's cancellation.
    public var isCancellation: Bool { self is Cancelled }
}
