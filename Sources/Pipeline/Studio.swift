import Embeddings
import Foundation
import Knowledge
import Store
import TextGeneration

/// The content studio over one workspace: the models, loaded on first use, and the pipeline steps.
///
/// A studio and its engines belong to one thread; make one per thread that needs one.
public final class Studio {
    public let workspace: Workspace
    public let models: StudioModels
    /// Who is acting, recorded with review events.
    public var actor: String
    /// Compute threads for the models (nil: all processors).
    public let threads: Int?

    private var loadedLanguageModel: LanguageModel?
    private var loadedEmbedder: SentenceEmbedder?
    private var loadedKnowledge: KnowledgeBase?
    /// The critic built by `critic(judge:)`, with whether it has the judge.
    var cachedCritic: (judged: Bool, critic: Critic)?

    public init(workspace: Workspace, models: StudioModels, actor: String = Database.defaultActor, threads: Int? = nil) {
        self.workspace = workspace
        self.models = models
        self.actor = actor
        self.threads = threads
    }

    public var database: Database { workspace.database }

    /// The language model (loaded on first use; 4,096 tokens of context).
    public func languageModel() throws -> LanguageModel {
        if let loadedLanguageModel { return loadedLanguageModel }
        let model = try LanguageModel(path: models.languageModel.path, contextLength: 4096, threads: threads)
        loadedLanguageModel = model
        return model
    }

    /// The sentence embedder (loaded on first use).
    public func embedder() throws -> SentenceEmbedder {
        if let loadedEmbedder { return loadedEmbedder }
        let embedder = try SentenceEmbedder(folder: models.embedderFolder, threads: threads)
        loadedEmbedder = embedder
        return embedder
    }

    /// The workspace's knowledge base.
    public func knowledge() throws -> KnowledgeBase {
        if let loadedKnowledge { return loadedKnowledge }
        let kb = KnowledgeBase(database: database, embedder: try embedder(), modelName: models.embedder.name)
        loadedKnowledge = kb
        return kb
    }

    /// The model identity recorded in runs.
    var languageModelID: (name: String, hash: String) { (models.languageModel.name, models.languageModel.sha256) }
}
