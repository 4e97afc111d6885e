import Foundation
import Support

extension ModelCache {
    /// Registers the user's own model file where it lies (it is not copied): detects its format by
    /// content, hashes it and records it in the manifest with source `user` and its absolute path.
    /// Adding a name again replaces its record (use this to accept an intended change to the file).
    ///
    /// - Parameter name: defaults to the file name without its extension.
    /// - Throws: ``ModelCacheError`` `.missingFile`, `.unsupportedFormat` (naming the file and its first
    ///   bytes), `.invalidName` (empty, containing `/`, or a catalog model's name), `.manifestCorrupt`.
    public func add(path: String, name: String? = nil) throws -> CacheEntry {
        let absolute = Self.absolute(path)
        let format = try ModelFileFormat.detect(path: absolute)
        let chosen = name ?? ((absolute as NSString).lastPathComponent as NSString).deletingPathExtension
        try checkUserName(chosen)
        guard let size = fileSize(absolute) else {
            throw ModelCacheError(.missingFile, "cannot read the file's size", path: absolute)
        }
        let sha256 = try SHA256.hash(fileAt: absolute).hex
        let entry = CacheEntry(name: chosen, package: nil, version: nil, source: .user, format: format,
                               files: [CachedFile(path: absolute, sha256: sha256, size: size)], fetchedAt: Self.timestamp())
        try createRoot()
        try CacheLock.withLock(root: root) {
            var manifest = try Manifest.load(root: root)
            if let existing = manifest.entries.first(where: { $0.name == chosen }), existing.source != .user {
                throw ModelCacheError(.invalidName, "'\(chosen)' is already a fetched model in this cache; choose another name with --name", path: absolute)
            }
            manifest.upsert(entry)
            try manifest.save(root: root)
        }
        return entry
    }

    private func checkUserName(_ name: String) throws {
        if name.isEmpty || name.hasPrefix(".") || name.hasPrefix("-") || name.contains("/") || name.contains(where: \.isWhitespace) {
            throw ModelCacheError(.invalidName, "'\(name)' cannot name a model: use letters, digits, '-', '_' or '.', not starting with '.' or '-'")
        }
        if spec(name) != nil {
            throw ModelCacheError(.invalidName, "'\(name)' is the name of a built-in model; choose another with --name")
        }
    }
}
