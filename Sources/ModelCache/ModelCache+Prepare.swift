/// A model made ready for use: fetched if missing, then every file verified against its hash.
public struct PreparedModel: Sendable, Encodable {
    public var name: String
    public var files: [String]
    public var verified: Bool
}

extension ModelCache {
    /// Fetches each of `names` that is missing and verifies every file, in order; a hash
    /// mismatch is an error naming the files.
    public func prepare(_ names: [String], progress: (FetchProgress) -> Void = { _ in }) throws -> [PreparedModel] {
        var out: [PreparedModel] = []
        for name in names {
            let entry = try fetch(name, progress: progress)
            let results = verify(name)
            guard results.allSatisfy(\.isOK) else { throw ModelCacheError.verificationFailed(results) }
            out.append(PreparedModel(name: name, files: entry.files.map(\.path), verified: true))
        }
        return out
    }
}
