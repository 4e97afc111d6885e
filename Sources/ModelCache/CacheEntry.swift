/// A file recorded in the cache.
public struct CachedFile: Codable, Sendable, Hashable {
    /// Absolute path (the manifest stores paths under the cache root relative to it).
    public let path: String
    /// SHA-256, lowercase hex.
    public let sha256: String
    /// Size in bytes.
    public let size: Int

    public init(path: String, sha256: String, size: Int) {
        self.path = path
        self.sha256 = sha256
        self.size = size
    }
}

/// One model recorded in the manifest: fetched with pip, or a user's own file registered in place.
public struct CacheEntry: Codable, Sendable, Hashable {
    /// How an entry came into the cache.
    public enum Source: String, Codable, Sendable {
        /// Downloaded with pip from a catalog spec and unpacked (or, for a model published in parts,
        /// joined) into `root/<name>/`.
        case pip
        /// A user's file, registered where it lies (not copied).
        case user
    }

    public let name: String
    /// The pip package; nil for user models.
    public let package: String?
    /// The package version; nil for user models.
    /// (Both are nil for a model joined from parts: ``parts`` records each part's package and version.)
    public let version: String?
    public let source: Source
    /// The detected format of a user model's file; nil for pip entries.
    public let format: ModelFileFormat?
    public let files: [CachedFile]
    /// When it was fetched or added (ISO 8601, UTC).
    public let fetchedAt: String
    /// For a model joined from parts (``JoinedFileSpec``): the parts it was built from, in order;
    /// nil otherwise (and absent from the manifest).
    public let parts: [CachedPart]?

    public init(name: String, package: String?, version: String?, source: Source, format: ModelFileFormat? = nil,
                files: [CachedFile], fetchedAt: String, parts: [CachedPart]? = nil) {
        self.name = name
        self.package = package
        self.version = version
        self.source = source
        self.format = format
        self.files = files
        self.fetchedAt = fetchedAt
        self.parts = parts
    }

    /// Total size of the recorded files in bytes.
    public var size: Int { files.reduce(0) { $0 + $1.size } }

    /// The first file whose path is `suffix` or ends with `/suffix`.
    public func file(named suffix: String) -> CachedFile? {
        files.first { $0.path == suffix || $0.path.hasSuffix("/" + suffix) }
    }

    /// The first file whose name ends with `.gguf` (the weights of a language model), or nil.
    public var ggufFile: CachedFile? {
        files.first { $0.path.lowercased().hasSuffix(".gguf") }
    }

    /// The same entry with other files (used to move paths between absolute and root-relative form).
    func with(files: [CachedFile]) -> CacheEntry {
        CacheEntry(name: name, package: package, version: version, source: source, format: format,
                   files: files, fetchedAt: fetchedAt, parts: parts)
    }
}
