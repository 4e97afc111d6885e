import Embeddings
import Foundation
import Knowledge
import Store
import TextGeneration

/// The content studio over one workspace: the models, loaded on first use, and the pipeline steps.
///
/// This is the application layer every front end calls (the command line, the terminal studio,
/// batch runs and export). A studio and its engines belong to one thread: give it to a
/// `StudioWorker` to use it from another, or make one per thread that needs one.
public final class Studio {
    public let workspace: Workspace
    public let models: StudioModels
    /// Who is acting, recorded with review events.
    public var actor: String
    /// Compute threads for the models (nil: all processors).
    public let threads: Int?
    /// The language model's context length in tokens.
    public let contextLength: Int
    /// Where the current operation reports its events, and what cancels it.
    public var job: Job = .unattended
    /// Whether checks ask the language-model judge about claims the rules cannot decide.
    public var usesJudge = true

    private var loadedLanguageModel: LanguageModel?
    private var loadedEmbedder: SentenceEmbedder?
    private var loadedKnowledge: KnowledgeBase?
    /// The critic built by `critic(judge:)`, with whether it has the judge.
    var cachedCritic: (judged: Bool, critic: Critic)?

    public init(workspace: Workspace, models: StudioModels, actor: String = Database.defaultActor, threads: Int? = nil, contextLength: Int = 4096) {
        self.workspace = workspace
        self.models = models
        self.actor = actor
        self.threads = threads
        self.contextLength = contextLength
    }

    public var database: Database { workspace.database }

    /// The language model (loaded on first use, with `contextLength` tokens of context). The
    /// job's cancellation is checked while it loads, so Esc does not wait for the whole model.
    public func languageModel() throws -> LanguageModel {
        if let loadedLanguageModel { return loadedLanguageModel }
        guard let file = models.languageModel else { throw PipelineError(.missingModel, "this studio was opened without a language model") }
        let model = try LanguageModel(path: file.path, contextLength: contextLength, threads: threads, cancellation: job.cancellation)
        loadedLanguageModel = model
        return model
    }

    /// The sentence embedder (loaded on first use).
    public func embedder() throws -> SentenceEmbedder {
        if let loadedEmbedder { return loadedEmbedder }
        try job.checkCancelled()
        guard let folder = models.embedderFolder else { throw PipelineError(.missingModel, "this studio was opened without a sentence embedder") }
        let embedder = try SentenceEmbedder(folder: folder, threads: threads)
        loadedEmbedder = embedder
        return embedder
    }

    /// The workspace's knowledge base. Its chunks are recorded with the embedder's identity (the
    /// SHA-256 of its weights), so whoever fills it (`kb add`, the pipeline) re-embeds nothing
    /// that another embedded with the same weights.
    public func knowledge() throws -> KnowledgeBase {
        if let loadedKnowledge { return loadedKnowledge }
        guard let identity = models.embedder?.sha256 else { throw PipelineError(.missingModel, "this studio was opened without a sentence embedder") }
        let kb = KnowledgeBase(database: database, embedder: try embedder(), modelName: identity)
        loadedKnowledge = kb
        return kb
    }

    /// The model identity recorded in runs.
    var languageModelID: (name: String?, hash: String?) { (models.languageModel?.name, models.languageModel?.sha256) }
}
