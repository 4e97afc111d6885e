import Foundation
import Support

/// `root/manifest.json`: every recorded entry. Paths under the root are stored relative to it so the
/// cache folder can be moved; paths outside it (user models) are stored absolute.
struct Manifest: Codable {
    static let currentVersion = 1

    var version: Int
    var entries: [CacheEntry]

    init(entries: [CacheEntry] = []) {
        self.version = Self.currentVersion
        self.entries = entries
    }

    /// Loads the manifest with absolute paths; a missing file is an empty manifest.
    static func load(root: String) throws -> Manifest {
        let path = root + "/manifest.json"
        guard FileManager.default.fileExists(atPath: path) else { return Manifest() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ModelCacheError(.manifestCorrupt, "cannot read the model manifest; check the file's permissions", path: path)
        }
        let stored: Manifest
        do {
            stored = try JSONDecoder().decode(Manifest.self, from: data)
        } catch let error as DecodingError {
            throw corrupt(path, Self.describe(error))
        } catch {
            throw corrupt(path, error.localizedDescription)
        }
        guard stored.version <= currentVersion else {
            throw ModelCacheError(.manifestCorrupt, "the model manifest has version \(stored.version), newer than this copydesk understands (\(currentVersion)); update copydesk or use another --models folder", path: path)
        }
        var manifest = stored
        manifest.entries = stored.entries.map { entry in
            entry.with(files: entry.files.map { CachedFile(path: resolve($0.path, root: root), sha256: $0.sha256, size: $0.size) })
        }
        return manifest
    }

    /// Writes the manifest atomically, entries sorted by name, paths under `root` made relative.
    func save(root: String) throws {
        var stored = self
        stored.version = Self.currentVersion
        stored.entries = entries.sorted { $0.name < $1.name }.map { entry in
            entry.with(files: entry.files.map { CachedFile(path: Self.relative($0.path, root: root), sha256: $0.sha256, size: $0.size) })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try AtomicFile.write(try encoder.encode(stored) + Data("\n".utf8), to: root + "/manifest.json")
    }

    /// Replaces the entry with the same name, or adds it.
    mutating func upsert(_ entry: CacheEntry) {
        entries.removeAll { $0.name == entry.name }
        entries.append(entry)
        entries.sort { $0.name < $1.name }
    }

    static func resolve(_ path: String, root: String) -> String {
        path.hasPrefix("/") ? path : root + "/" + path
    }

    static func relative(_ path: String, root: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }

    private static func corrupt(_ path: String, _ detail: String) -> ModelCacheError {
        ModelCacheError(.manifestCorrupt, "the model manifest is damaged (\(detail)); repair it, or move it aside and run `copydesk models fetch` to record the default models again (user models must be added again)", path: path)
    }

    private static func describe(_ error: DecodingError) -> String {
        func where_(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return path.isEmpty ? "" : " at \(path)"
        }
        switch error {
        case .dataCorrupted(let context):
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return "not valid JSON" + where_(context) + (underlying.map { ": \($0)" } ?? "")
        case .keyNotFound(let key, let context):
            return "missing key '\(key.stringValue)'" + where_(context)
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return context.debugDescription + where_(context)
        @unknown default:
            return "\(error)"
        }
    }
}
