import Foundation

/// One row of `models list`: a catalog model or a registered one, and where it stands.
public struct ModelListing: Sendable {
    /// Where a model stands in the cache.
    public enum Status: Sendable, Equatable, CustomStringConvertible {
        case notInstalled
        /// Installed from another version of its package than the catalog pins.
        case outdated(installedVersion: String?)
        case installed
        /// Recorded, but a file is missing or has another size.
        case damaged
        /// A user's model, registered with `models add`, its files present.
        case registered
        /// A user's model whose files are gone.
        case missing
        /// Installed by a catalog this build no longer has.
        case notInCatalog

        /// True when the model can be used.
        public var isUsable: Bool { self == .installed || self == .registered }

        public var description: String {
            switch self {
            case .notInstalled: "not installed"
            case .outdated(let v): v.map { "outdated (\($0))" } ?? "outdated"
            case .installed: "installed"
            case .damaged: "damaged"
            case .registered: "registered"
            case .missing: "missing"
            case .notInCatalog: "not in catalog"
            }
        }
    }

    public var name: String
    /// The catalog's pin (nil for a user's model).
    public var spec: ModelSpec?
    /// What the cache recorded (nil when nothing is installed).
    public var entry: CacheEntry?
    public var status: Status
    /// Bytes downloaded towards an unfinished fetch.
    public var stagedBytes: Int?
}

extension ModelCache {
    /// Every catalog model, then every other recorded one, with its status. Files are checked for
    /// presence and size only (`verify` re-hashes them).
    public func listing() throws -> [ModelListing] {
        let entries = try self.entries()
        var rows: [ModelListing] = []
        for spec in specs {
            let entry = entries.first { $0.name == spec.name }
            let status: ModelListing.Status
            if let entry {
                status = !spec.matches(entry) ? .outdated(installedVersion: entry.version) : Self.isIntact(entry) ? .installed : .damaged
            } else {
                status = .notInstalled
            }
            rows.append(ModelListing(name: spec.name, spec: spec, entry: entry, status: status,
                                     stagedBytes: status.isUsable ? nil : stagedBytes(spec.name)))
        }
        for entry in entries where spec(entry.name) == nil {
            let status: ModelListing.Status = entry.source == .user ? (Self.isIntact(entry) ? .registered : .missing) : .notInCatalog
            rows.append(ModelListing(name: entry.name, spec: nil, entry: entry, status: status, stagedBytes: nil))
        }
        return rows
    }

    /// Every recorded file is there with its recorded size (no hashing).
    public static func isIntact(_ entry: CacheEntry) -> Bool {
        entry.files.allSatisfy { file in
            let resolved = URL(fileURLWithPath: file.path).resolvingSymlinksInPath().path
            let size = (try? FileManager.default.attributesOfItem(atPath: resolved))?[.size] as? NSNumber
            return size?.intValue == file.size
        }
    }
}
