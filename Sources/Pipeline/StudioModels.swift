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

    /// The GGUF language model.
    public var languageModel: File
    /// The sentence-transformers folder of the embedder (its `model.safetensors` is the identity).
    public var embedderFolder: String
    public var embedder: File
    /// The CMU pronouncing dictionary, for syllable counts (optional).
    public var pronouncingDictionary: String?

    /// Resolves the default models (or `languageModel`, a cache name or GGUF path) from the cache,
    /// fetching what is missing.
    public static func resolve(cache: ModelCache, languageModel: String = ModelCache.defaultLanguageModel, progress: (String) -> Void = { _ in }) throws -> StudioModels {
        let llm: File
        if FileManager.default.fileExists(atPath: languageModel) {
            llm = File(name: (languageModel as NSString).lastPathComponent, path: languageModel, sha256: try sha256(ofFile: languageModel))
        } else {
            let entry = cache.spec(languageModel) != nil ? try cache.fetch(languageModel, progress: progress) : try cache.entry(languageModel)
            guard let entry, let file = entry.files.first(where: { $0.path.hasSuffix(".gguf") }) else {
                throw PipelineError(.missingModel, "no GGUF file or cached model named '\(languageModel)' (see `copydesk models list`)")
            }
            llm = File(name: languageModel, path: file.path, sha256: file.sha256)
        }
        let minilm = try cache.fetch("minilm", progress: progress)
        guard let weights = minilm.files.first(where: { $0.path.hasSuffix("model.safetensors") }) else {
            throw PipelineError(.missingModel, "the minilm model has no model.safetensors")
        }
        let dictionary = try? cache.fetch("cmudict", progress: progress).files.first { $0.path.hasSuffix("cmudict.dict") }?.path
        return StudioModels(languageModel: llm, embedderFolder: (weights.path as NSString).deletingLastPathComponent,
                            embedder: File(name: "minilm", path: weights.path, sha256: weights.sha256), pronouncingDictionary: dictionary)
    }

    static func sha256(ofFile path: String) throws -> String {
        do { return try SHA256.hash(fileAt: path).hex } catch {
            throw PipelineError(.missingModel, "cannot read the model file: \(error)", file: path)
        }
    }
}
