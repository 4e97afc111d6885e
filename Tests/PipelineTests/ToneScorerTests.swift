import Embeddings
import Foundation
import ModelCache
import XCTest
@testable import Pipeline

final class ToneScorerTests: XCTestCase {
    func exemplars(_ kind: String) throws -> [(name: String, text: String)] {
        let dir = PipelineFixture.repository + "/Brand/exemplars/" + kind
        return try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".md") }.sorted().map {
            (String($0.dropLast(3)), try String(contentsOfFile: dir + "/" + $0, encoding: .utf8))
        }
    }

    /// Each exemplar, left out of the scorer, is placed on its own side.
    func testHeldOutExemplarsScoreOnTheirOwnSide() throws {
        let models: StudioModels
        do { models = try StudioModels.resolve(cache: ModelCache(root: ModelCache.defaultRoot()), languageModel: "smollm2") } catch {
            if ProcessInfo.processInfo.environment["CI"] == "true" { throw error }
            throw XCTSkip("models unavailable: \(error)")
        }
        let embedder = try SentenceEmbedder(folder: XCTUnwrap(models.embedderFolder), threads: 2)
        let on = try exemplars("on-voice"), off = try exemplars("off-voice")
        XCTAssertGreaterThanOrEqual(on.count, 3)
        XCTAssertGreaterThanOrEqual(off.count, 3)
        var onScores: [Double] = [], offScores: [Double] = []
        for i in on.indices {
            let scorer = try ToneScorer(embedder: embedder, onVoice: on.enumerated().filter { $0.offset != i }.map(\.element), offVoice: off,
                                        traits: ["warm"], avoidTraits: ["hype"])
            onScores.append(try scorer.score(on[i].text).score)
        }
        for i in off.indices {
            let scorer = try ToneScorer(embedder: embedder, onVoice: on, offVoice: off.enumerated().filter { $0.offset != i }.map(\.element),
                                        traits: ["warm"], avoidTraits: ["hype"])
            offScores.append(try scorer.score(off[i].text).score)
        }
        let onMean = onScores.reduce(0, +) / Double(onScores.count), offMean = offScores.reduce(0, +) / Double(offScores.count)
        print("held-out tone: on-voice \(onScores.map { String(format: "%.2f", $0) }), off-voice \(offScores.map { String(format: "%.2f", $0) })")
        XCTAssertGreaterThan(onMean, offMean + 0.3)
        let correct = onScores.filter { $0 > 0.5 }.count + offScores.filter { $0 < 0.5 }.count
        XCTAssertGreaterThanOrEqual(Double(correct) / Double(onScores.count + offScores.count), 0.75)
    }
}
