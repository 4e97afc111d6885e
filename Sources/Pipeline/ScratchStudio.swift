import Foundation
import Knowledge
import Store

/// A studio over a temporary workspace holding a brand kit folder (its `brand.toml`, exemplars
/// and `knowledge/`) and the templates: for checking or evaluating against a kit without writing
/// to the user's workspace. The folder is removed when this is released.
public final class ScratchStudio {
    public let studio: Studio
    let folder: String

    /// - Parameters:
    ///   - brand: the kit folder; its `knowledge/*.md` become the knowledge base (nil: no kit is
    ///     imported, and `knowledge` is required).
    ///   - knowledge: another folder of knowledge files instead of the kit's.
    ///   - templates: the templates folder (nil: none, for checking only).
    public convenience init(brand: String?, knowledge: String? = nil, templates: String?, options: StudioOptions, job: Job = .unattended) throws {
        let models = try StudioModels.resolve(cache: options.cache, languageModel: options.languageModel, embedder: options.embedder) { job.emit(.note($0)) }
        try self.init(brand: brand, knowledge: knowledge, templates: templates, models: models, threads: options.threads)
        studio.job = job
    }

    public init(brand: String?, knowledge: String? = nil, templates: String?, models: StudioModels, threads: Int?) throws {
        folder = NSTemporaryDirectory() + "copydesk-scratch-\(UUID().uuidString)"
        do {
            guard let dir = knowledge ?? brand.map({ ($0 as NSString).appendingPathComponent("knowledge") }) else {
                throw PipelineError(.invalidInput, "give the folder of knowledge files to check against")
            }
            let workspace = try Workspace.openOrCreate(folder)
            _ = try workspace.importProject(brand: brand, templates: templates)
            studio = Studio(workspace: workspace, models: models, threads: threads)
            let files = FileManager.default.fileExists(atPath: dir) ? try KnowledgeFiles.collect([dir]) : []
            guard !files.isEmpty else { throw PipelineError(.notFound, "no knowledge files (*.md, *.txt)", file: dir) }
            _ = try studio.knowledge().add(files: files)
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }
}
