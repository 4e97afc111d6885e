/// The outcome of re-hashing one recorded file.
public struct VerificationResult: Codable, Sendable, Hashable {
    public enum Status: String, Codable, Sendable {
        /// The file is there and its SHA-256 matches the manifest.
        case ok
        /// The file is gone.
        case missing
        /// The file's SHA-256 differs from the manifest.
        case mismatch
        /// The file (or, with an empty `name`, the manifest) could not be read; `detail` says why.
        case unreadable
    }

    /// The entry's name; empty for a result about the manifest itself.
    public let name: String
    /// Absolute path of the file.
    public let path: String
    /// The SHA-256 the manifest records.
    public let expected: String
    /// The SHA-256 found now; nil when the file could not be hashed.
    public let actual: String?
    public let status: Status
    /// Where the entry came from, which decides the remedy; nil for the manifest itself.
    public let source: CacheEntry.Source?
    /// Why a file could not be read, for `.unreadable`.
    public let detail: String?

    public init(name: String, path: String, expected: String, actual: String?, status: Status,
                source: CacheEntry.Source?, detail: String? = nil) {
        self.name = name
        self.path = path
        self.expected = expected
        self.actual = actual
        self.status = status
        self.source = source
        self.detail = detail
    }

    public var isOK: Bool { status == .ok }

    /// One sentence: what is wrong with the file and what to do.
    public var message: String {
        let remedy = source == .user
            ? "if the change is intended, record it with `copydesk models add \(path) --name \(name)`"
            : "run `copydesk models fetch \(name) --force` to fetch it again"
        switch status {
        case .ok:
            return "\(name): \(path): ok"
        case .missing:
            let fix = source == .user
                ? "restore it, or register it again with `copydesk models add PATH --name \(name)`"
                : "run `copydesk models fetch \(name) --force` to fetch it again"
            return "\(name): \(path) is missing; \(fix)"
        case .mismatch:
            return "\(name): \(path) has changed: its sha256 is \(actual ?? "?"), the manifest records \(expected); \(remedy)"
        case .unreadable:
            if name.isEmpty { return detail ?? "\(path): cannot be read" }
            return "\(name): \(path) cannot be read (\(detail ?? "unknown error")); check its permissions"
        }
    }
}
