import BrandKit
import ModelCache
import Pipeline

extension ParsedArguments {
    /// The studio the common options name: `--workspace`, `--models`, `--model`, `--threads`.
    func studioOptions() throws -> StudioOptions {
        var o = StudioOptions()
        o.workspace = value("--workspace")
        o.modelCache = value("--models")
        o.languageModel = value("--model") ?? ModelCache.defaultLanguageModel
        o.threads = try int("--threads")
        return o
    }

    /// `--seed` (default 1), a usage error when it is not a whole number.
    func seed(default fallback: UInt64 = 1) throws -> UInt64 {
        guard let text = value("--seed") else { return fallback }
        guard let seed = UInt64(text) else { throw UsageError(message: "--seed must be a non-negative integer, got '\(text)'", command: spec.name) }
        return seed
    }

    /// The job for this command, its events printed on standard error (only warnings with `--json`
    /// or `quiet`).
    func job(quiet: Bool = false) -> (Job, JobPrinter) {
        let printer = JobPrinter(quiet: quiet || json)
        return (printer.job(cancellation), printer)
    }

    /// `--channel`, parsed.
    func channel() throws -> Channel? {
        try value("--channel").map { try Channel.named($0) }
    }
}
