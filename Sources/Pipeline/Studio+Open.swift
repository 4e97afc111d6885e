import Foundation
import ModelCache
import Store

/// How a front end asks for a studio: which workspace and models, and how many threads.
public struct StudioOptions: Sendable {
    /// The workspace folder (nil: `$COPYDESK_WORKSPACE` or `./.copydesk`).
    public var workspace: String?
    /// The model cache folder (nil: `$COPYDESK_MODELS` or `~/.cache/copydesk/models`).
    public var modelCache: String?
    /// A cache name or GGUF path.
    public var languageModel = ModelCache.defaultLanguageModel
    /// A sentence-transformers folder instead of the cached minilm.
    public var embedder: String?
    /// Compute threads (nil: all processors).
    public var threads: Int?
    public var contextLength = 4096
    /// Who acts, recorded with review events.
    public var actor = Database.defaultActor

    public init() {}

    /// The workspace folder these options name.
    public var workspaceDirectory: String { Workspace.resolveDirectory(explicit: workspace) }

    /// The model cache these options name.
    public var cache: ModelCache { ModelCache(root: modelCache ?? ModelCache.defaultRoot()) }
}

extension Studio {
    /// Opens an existing workspace with the models resolved (fetched on first use; fetch
    /// messages go to the job as notes); `needs` leaves out models a command does not use.
    public static func open(_ options: StudioOptions, needs: StudioModels.Needs = .all, job: Job = .unattended) throws -> Studio {
        let workspace = try Workspace.open(options.workspaceDirectory)
        return try open(workspace, options, needs: needs, job: job)
    }

    /// A studio over `workspace` with the models the options name.
    public static func open(_ workspace: Workspace, _ options: StudioOptions, needs: StudioModels.Needs = .all, job: Job = .unattended) throws -> Studio {
        let models = try StudioModels.resolve(cache: options.cache, languageModel: options.languageModel, embedder: options.embedder,
                                              needs: needs) { job.emit(.note($0)) }
        let studio = Studio(workspace: workspace, models: models, actor: options.actor, threads: options.threads, contextLength: options.contextLength)
        studio.job = job
        return studio
    }

    /// Opens (or creates) the workspace and brings it up to date with a project: the kit's files
    /// and templates imported, and its knowledge indexed (unchanged files are skipped).
    public static func openProject(brand: String, templates: String, _ options: StudioOptions, job: Job = .unattended) throws -> Studio {
        let workspace = try Workspace.openOrCreate(options.workspaceDirectory)
        _ = try workspace.importProject(brand: brand, templates: templates)
        let studio = try open(workspace, options, job: job)
        try studio.syncKnowledge((brand as NSString).appendingPathComponent("knowledge"))
        return studio
    }

    /// The studio a campaign runs in: the workspace, created from the campaign's kit (or the
    /// project's `Brand/`) and the project's `Templates/` when there is none; a campaign that names
    /// a kit has it imported and its knowledge synced first.
    public static func open(for campaign: Campaign, _ options: StudioOptions, job: Job = .unattended) throws -> Studio {
        let exists = FileManager.default.fileExists(atPath: (options.workspaceDirectory as NSString).appendingPathComponent(Workspace.databaseName))
        if exists, campaign.brand == nil { return try open(options, job: job) }
        guard let brand = campaign.brand ?? ProjectFolders.locate("Brand") else {
            throw PipelineError(.notFound, "no workspace and no brand kit to create one from: give the campaign a `brand` or run `copydesk init`", file: campaign.file)
        }
        let templates = exists ? nil : ProjectFolders.locate("Templates")
        if !exists, templates == nil { throw PipelineError(.notFound, "no workspace and no Templates/ folder to create one from; run `copydesk init`", file: campaign.file) }
        let workspace = try Workspace.openOrCreate(options.workspaceDirectory)
        _ = try workspace.importProject(brand: brand, templates: templates)
        let studio = try open(workspace, options, job: job)
        try studio.syncKnowledge((brand as NSString).appendingPathComponent("knowledge"))
        return studio
    }
}
