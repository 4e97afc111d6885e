import XCTest
@testable import Pipeline

final class DraftTests: XCTestCase {
    func testSameSeedGivesByteIdenticalDraftAndLineage() throws {
        let f = try PipelineFixture()
        let brief = try f.brief("kinglet-pro-spring-launch.md")
        let voice = BrandVoice(name: "Larkhaven Cycles", voice: "warm, plain-spoken, specific")
        var streamed = ""
        let first = try f.studio.draft(brief, channel: .social, brand: voice, seed: 7) { streamed += $0; return true }
        let second = try f.studio.draft(brief, channel: .social, brand: voice, seed: 7)
        XCTAssertEqual(first.text, second.text)
        XCTAssertEqual(first.assetHash, second.assetHash)
        XCTAssertEqual(streamed, first.generation.text)
        XCTAssertTrue(first.text.hasSuffix("\n"))
        let db = f.studio.database
        let r1 = try db.run(first.runID), r2 = try db.run(second.runID)
        XCTAssertEqual(r1.inputs, r2.inputs)
        XCTAssertEqual(r1.seed, 7)
        XCTAssertEqual(r1.templateID, "social-draft")
        XCTAssertEqual(r1.modelHash, f.studio.models.languageModel?.sha256)
        XCTAssertEqual(r1.parameters, r2.parameters)
        XCTAssertEqual(Set(r1.inputs.map(\.role)), ["brief", "facts", "prompt"])
        // The plan (step 1) and the whole conversation are kept with the draft.
        XCTAssertEqual(Set(r1.outputs.map(\.role)), ["plan", "transcript", "copy", "draft"])
        XCTAssertFalse(first.plan.facts.isEmpty)
        XCTAssertNotEqual(first.piece.id, second.piece.id)
        XCTAssertFalse(first.facts.passages.isEmpty)
        XCTAssertTrue(first.facts.passages.contains { $0.source == "knowledge/kinglet-pro-specs.md" })
        print("DRAFT:\n\(first.text)\nprefill \(first.generation.prefillTokensPerSecond) tok/s, decode \(first.generation.decodeTokensPerSecond) tok/s")
    }
}
