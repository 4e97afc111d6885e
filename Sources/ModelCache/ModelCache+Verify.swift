import Foundation
import Support

extension ModelCache {
    /// Re-hashes every file recorded for `name` (or for every entry when nil) and compares it with the manifest.
    ///
    /// Returns no results for a name that is not recorded. When the manifest cannot be read, returns one
    /// `.unreadable` result with an empty `name` whose `detail` is the error (``entries()`` throws it).
    public func verify(_ name: String? = nil) -> [VerificationResult] {
        let all: [CacheEntry]
        do {
            all = try entries()
        } catch {
            return [VerificationResult(name: "", path: manifestPath, expected: "", actual: nil, status: .unreadable,
                                       source: nil, detail: "\(error)")]
        }
        var results: [VerificationResult] = []
        for entry in all where name == nil || entry.name == name {
            for file in entry.files {
                results.append(check(file, of: entry))
            }
        }
        return results
    }

    private func check(_ file: CachedFile, of entry: CacheEntry) -> VerificationResult {
        guard FileManager.default.fileExists(atPath: file.path) else {
            return VerificationResult(name: entry.name, path: file.path, expected: file.sha256, actual: nil,
                                      status: .missing, source: entry.source)
        }
        do {
            let actual = try SHA256.hash(fileAt: file.path).hex
            return VerificationResult(name: entry.name, path: file.path, expected: file.sha256, actual: actual,
                                      status: actual == file.sha256 ? .ok : .mismatch, source: entry.source)
        } catch {
            return VerificationResult(name: entry.name, path: file.path, expected: file.sha256, actual: nil,
                                      status: .unreadable, source: entry.source, detail: (error as? FileError)?.message ?? "\(error)")
        }
    }
}
