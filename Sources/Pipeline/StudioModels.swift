import Foundation
import ModelCache
import Support

/// The model files a studio uses, with the hashes recorded in every run's lineage.
public struct StudioModels: Sendable {
    /// A model file and its identity.
    public struct File: Sendable, Equatable {
        /// The cache name ("qwen-1.5b") or, for a file outside the cache, its file name.
        public var name: String
        public var path: String
        public var sha256: String
    }

    /// The models a studio loads.
    public struct Needs: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// The GGUF language model (drafting, the judge, generation).
        public static let languageModel = Needs(rawValue: 1)
        /// The sentence embedder and pronouncing dictionary (knowledge base, checks).
        public static let embedder = Needs(rawValue: 2)
        public static let all: Needs = [.languageModel, .embedder]
    }

    /// The GGUF language model; nil for a studio that only indexes and searches knowledge.
    public var languageModel: File?
    /// The sentence-transformers folder of the embedder (its `model.safetensors` is the identity);
    /// nil for a studio that only generates.
    public var embedderFolder: String?
    public var embedder: File?
    /// The CMU pronouncing dictionary, for syllable counts (optional).
    public var pronouncingDictionary: String?

    /// Resolves the default models (or `languageModel`, a cache name or GGUF path) from the cache,
    /// fetching what is missing. `embedder` (default: the cached minilm) may name a
    /// sentence-transformers folder; `needs` leaves out what a command does not use.
    public static func resolve(cache: ModelCache, languageModel: String = ModelCache.defaultLanguageModel, embedder folder: String? = nil,
                               needs: Needs = .all, progress: (String) -> Void = { _ in }) throws -> StudioModels {
        let llm: File?
        if !needs.contains(.languageModel) {
            llm = nil
        } else if FileManager.default.fileExists(atPath: languageModel) {
            llm = File(name: (languageModel as NSString).lastPathComponent, path: languageModel, sha256: try sha256(ofFile: languageModel))
        } else {
            let entry = cache.spec(languageModel) != nil ? try cache.fetch(languageModel, progress: progress) : try cache.entry(languageModel)
            guard let entry, let file = entry.files.first(where: { $0.path.hasSuffix(".gguf") }) else {
                throw PipelineError(.missingModel, "no GGUF file or cached model named '\(languageModel)' (see `copydesk models list`)")
            }
            llm = File(name: languageModel, path: file.path, sha256: file.sha256)
        }
        if !needs.contains(.embedder) { return StudioModels(languageModel: llm, embedderFolder: nil, embedder: nil, pronouncingDictionary: nil) }
        let embedderFile = try folder.map(Self.embedder(folder:)) ?? Self.cachedEmbedder(cache, progress: progress)
        let dictionary = try? cache.fetch("cmudict", progress: progress).files.first { $0.path.hasSuffix("cmudict.dict") }?.path
        return StudioModels(languageModel: llm, embedderFolder: (embedderFile.path as NSString).deletingLastPathComponent,
                            embedder: embedderFile, pronouncingDictionary: dictionary)
    }

    /// The cached minilm's weights, fetched on first use.
    static func cachedEmbedder(_ cache: ModelCache, progress: (String) -> Void) throws -> File {
        let minilm = try cache.fetch("minilm", progress: progress)
        guard let weights = minilm.files.first(where: { $0.path.hasSuffix("model.safetensors") }) else {
            throw PipelineError(.missingModel, "the minilm model has no model.safetensors")
        }
        return File(name: "minilm", path: weights.path, sha256: weights.sha256)
    }

    /// A sentence-transformers folder given by the user; its weights are hashed for the identity.
    static func embedder(folder: String) throws -> File {
        let weights = (folder as NSString).appendingPathComponent("model.safetensors")
        guard FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("config.json")),
              FileManager.default.fileExists(atPath: weights) else {
            throw PipelineError(.missingModel, "not a sentence-transformers folder (expected config.json and model.safetensors)", file: folder)
        }
        return File(name: (folder as NSString).lastPathComponent, path: weights, sha256: try sha256(ofFile: weights))
    }

    static func sha256(ofFile path: String) throws -> String {
        try SHA256.hash(fileAt: path).hex
    }
}
