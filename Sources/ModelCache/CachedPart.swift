/// One part a joined model file was built from, as recorded in the manifest (provenance: the parts
/// themselves are deleted once appended).
public struct CachedPart: Codable, Sendable, Hashable {
    /// The pip package the part came from.
    public let package: String
    /// Its pinned version.
    public let version: String
    /// SHA-256 of the part, lowercase hex, as verified when it arrived.
    public let sha256: String
    /// Size in bytes.
    public let size: Int

    public init(package: String, version: String, sha256: String, size: Int) {
        self.package = package
        self.version = version
        self.sha256 = sha256
        self.size = size
    }
}
