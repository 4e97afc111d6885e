import Foundation
import Knowledge
import ModelCache
import Store
import XCTest
@testable import Pipeline

/// A workspace with the repository's templates and the demo brand's knowledge base, and a studio
/// over the cached default models (skipped when they cannot be fetched, except on CI).
final class PipelineFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    let folder: String
    let studio: Studio

    /// - Parameters:
    ///   - minScore: replaces the demo kit's `[review] min_score` (the kit is copied first).
    ///   - languageModel: the drafting model: SmolLM2 (fast) where any working model will do, the
    ///     production default where a test judges what the pipeline makes.
    init(minScore: Int? = nil, languageModel: String = "smollm2") throws {
        let models: StudioModels
        do {
            models = try StudioModels.resolve(cache: ModelCache(root: ModelCache.defaultRoot()), languageModel: languageModel)
        } catch {
            if ProcessInfo.processInfo.environment["CI"] == "true" { throw error }
            throw XCTSkip("default models unavailable: \(error)")
        }
        folder = NSTemporaryDirectory() + "pipeline-\(UUID().uuidString)"
        let workspace = try Workspace.openOrCreate(folder)
        var brand = Self.repository + "/Brand"
        if let minScore {
            let copy = folder + "-brand"
            try FileManager.default.copyItem(atPath: brand, toPath: copy)
            let toml = try String(contentsOfFile: copy + "/brand.toml", encoding: .utf8)
            XCTAssertTrue(toml.contains("min_score = 50"))
            try toml.replacingOccurrences(of: "min_score = 50", with: "min_score = \(minScore)")
                .write(toFile: copy + "/brand.toml", atomically: true, encoding: .utf8)
            brand = copy
        }
        _ = try workspace.importProject(brand: brand, templates: Self.repository + "/Templates")
        studio = Studio(workspace: workspace, models: models, actor: "tester", threads: 2)
        let dir = Self.repository + "/Brand/knowledge"
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".md") }.sorted()
        _ = try studio.knowledge().add(files: files.map { (dir + "/" + $0, "knowledge/" + $0) })
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
        try? FileManager.default.removeItem(atPath: folder + "-brand")
    }

    func brief(_ name: String) throws -> Brief {
        let path = Self.repository + "/Brand/briefs/" + name
        return try Brief(source: String(contentsOfFile: path, encoding: .utf8), file: "Brand/briefs/" + name)
    }
}
