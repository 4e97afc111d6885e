import BrandKit
import Foundation
import ModelCache

/// One brief file run through the pipeline.
public struct BriefOutcome: Sendable {
    /// The brief's file name.
    public var file: String
    public var brief: Brief
    public var channels: [ChannelOutcome]
}

extension Studio {
    /// Runs brief files through the whole pipeline (`run(_:brand:seed:approver:)` for each, with
    /// the workspace's brand voice), reporting each channel's steps and the share of channels done.
    /// A brief that cannot be read stops the run before any drafting.
    public func run(briefFiles paths: [String], seed: UInt64, approver: String?) throws -> [BriefOutcome] {
        let briefs = try paths.map { try Brief(contentsOf: $0) }
        let voice = try BrandVoice.load(from: .workspace(workspace))
        let clock = ProgressClock(label: "channels", total: briefs.reduce(0) { $0 + $1.channels.count })
        var done = 0
        var outcomes: [BriefOutcome] = []
        for (path, brief) in zip(paths, briefs) {
            let channels = try run(brief, brand: voice, seed: seed, approver: approver) { _ in
                done += 1
                job.emit(clock.event(done: done))
            }
            outcomes.append(BriefOutcome(file: (path as NSString).lastPathComponent, brief: brief, channels: channels))
        }
        return outcomes
    }
}

/// What `copydesk demo` did: the models it made ready, the workspace, and every brief's pieces.
public struct DemoOutcome: Sendable {
    public var models: [PreparedModelStatus]
    public var workspace: String
    public var briefs: [BriefOutcome]
    public var seconds: Double
}

/// A model the demo fetched or found, verified.
public struct PreparedModelStatus: Sendable, Encodable {
    public var name: String
    public var files: [String]
    public var verified: Bool
}

extension Studio {
    /// The main job on the built-in defaults: makes the default models ready (fetched on first
    /// use, every file verified), creates or updates the workspace from the kit and templates,
    /// indexes the kit's knowledge, and runs its briefs (or `briefs`) through the pipeline,
    /// approving what passes as "copydesk demo".
    public static func demo(brand: String, templates: String, briefs: [String]? = nil, seed: UInt64, options: StudioOptions,
                            fetchProgress: (FetchProgress) -> Void = { _ in }, job: Job = .unattended) throws -> DemoOutcome {
        let cache = options.cache
        var names = ModelCache.defaultModels
        if cache.spec(options.languageModel) != nil, !names.contains(options.languageModel) { names.append(options.languageModel) }
        let models = try cache.prepare(names, progress: fetchProgress)
        let studio = try openProject(brand: brand, templates: templates, options, job: job)
        let paths = try briefs ?? Brief.files(inKit: brand)
        let t0 = Date()
        let outcomes = try studio.run(briefFiles: paths, seed: seed, approver: "copydesk demo")
        return DemoOutcome(models: models.map { PreparedModelStatus(name: $0.name, files: $0.files, verified: $0.verified) },
                           workspace: studio.workspace.directory, briefs: outcomes, seconds: Date().timeIntervalSince(t0))
    }

    /// `bench pipeline`: one brief's email and social post through the whole pipeline, timed after
    /// the models are loaded. The brief is `brief`, or the kit's first that has both channels.
    public static func benchPipeline(brand: String, templates: String, brief: String?, seed: UInt64, options: StudioOptions,
                                     job: Job = .unattended) throws -> (seconds: Double, outcome: BriefOutcome) {
        let studio = try openProject(brand: brand, templates: templates, options, job: job)
        let wanted: Set<Channel> = [.email, .social]
        let path = try brief ?? Brief.files(inKit: brand).first { wanted.isSubset(of: Set((try? Brief(contentsOf: $0))?.channels ?? [])) }
        guard let path else { throw PipelineError(.notFound, "no brief with an email and a social post", file: (brand as NSString).appendingPathComponent("briefs")) }
        let parsed = try Brief(contentsOf: path)
        let voice = try BrandVoice.load(from: .workspace(studio.workspace))
        _ = try studio.languageModel()
        _ = try studio.critic()
        let t0 = Date()
        let channels = try studio.run(parsed, brand: voice, seed: seed, approver: "copydesk bench",
                                     channels: parsed.channels.contains(where: wanted.contains) ? parsed.channels.filter(wanted.contains) : nil)
        return (Date().timeIntervalSince(t0), BriefOutcome(file: (path as NSString).lastPathComponent, brief: parsed, channels: channels))
    }
}
