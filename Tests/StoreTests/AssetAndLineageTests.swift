import XCTest
@testable import Store

final class AssetAndLineageTests: XCTestCase {
    func testAssetsAreStoredOnceByHash() throws {
        let db = try Workspace.openOrCreate(TemporaryFolder().path).database
        let a = try db.storeAsset(text: "Spring sale", mediaType: "text/plain")
        let b = try db.storeAsset(text: "Spring sale", mediaType: "text/plain")
        let c = try db.storeAsset(text: "Summer sale", mediaType: "text/plain")
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a.hash, c.hash)
        // SHA-256 of "Spring sale".
        XCTAssertEqual(a.hash, "9027d3f47e1b6e25cb775d73377820931420f4d8868478d5b6a27f6dabeff773")
        XCTAssertEqual(try db.scalar("SELECT count(*) FROM assets").int, 2)
        XCTAssertEqual(try db.assetContent(a.hash), Array("Spring sale".utf8))
        XCTAssertEqual(try db.resolveAsset(String(a.hash.prefix(8))).hash, a.hash)
        XCTAssertThrowsError(try db.resolveAsset("abc")) { XCTAssertTrue("\($0)".contains("at least 6")) }
        XCTAssertThrowsError(try db.resolveAsset("ffffffffff")) { XCTAssertTrue("\($0)".contains("no asset")) }
    }

    func testLineageAcrossThreeChainedRuns() throws {
        let tmp = TemporaryFolder()
        let ws = try Workspace.openOrCreate(tmp.file("ws"))
        let db = ws.database
        tmp.write("t/a.md", templateSource(id: "email-draft"))
        _ = try ws.syncTemplates(from: tmp.file("t"))

        let brief = try db.storeAsset(text: "# Brief\nLaunch the Aero.", mediaType: "text/markdown")
        let passage = try db.storeAsset(text: "The Aero has 60 miles of range.", mediaType: "text/markdown")

        let draftRun = try db.beginRun(RunStart(step: .draft, templateID: "email-draft", templateVersion: 1, modelID: "smollm2", modelHash: String(repeating: "a", count: 64),
                                                parameters: #"{"temperature":0.7}"#, seed: 42, inputs: [.init(role: "brief", hash: brief.hash), .init(role: "passage", hash: passage.hash)]))
        let draft = try db.storeAsset(text: "Meet the Aero: 60 miles of range.", mediaType: "text/plain")
        try db.finishRun(draftRun, outputs: [.init(role: "draft", hash: draft.hash)], tokenCount: 12)

        let checkRun = try db.beginRun(RunStart(step: .check, inputs: [.init(role: "draft", hash: draft.hash)]))
        let report = try db.storeAsset(text: #"{"claims":[]}"#, mediaType: "application/json")
        try db.finishRun(checkRun, outputs: [.init(role: "report", hash: report.hash)])

        let reviseRun = try db.beginRun(RunStart(step: .revise, seed: UInt64.max, inputs: [.init(role: "draft", hash: draft.hash), .init(role: "report", hash: report.hash)]))
        let revised = try db.storeAsset(text: "Meet the Aero: up to 60 miles of range.", mediaType: "text/plain")
        try db.finishRun(reviseRun, outputs: [.init(role: "revision", hash: revised.hash)])

        let root = try db.lineage(of: String(revised.hash.prefix(10)))
        XCTAssertEqual(root.asset.hash, revised.hash)
        XCTAssertEqual(root.producedBy?.step, .revise)
        XCTAssertEqual(root.producedBy?.seed, UInt64.max)
        XCTAssertEqual(root.inputs.map(\.role), ["draft", "report"])
        let draftNode = root.inputs[0]
        XCTAssertEqual(draftNode.producedBy?.step, .draft)
        XCTAssertEqual(draftNode.producedBy?.templateVersion, 1)
        XCTAssertEqual(draftNode.producedBy?.seed, 42)
        XCTAssertEqual(draftNode.inputs.map(\.asset.hash), [brief.hash, passage.hash])
        XCTAssertNil(draftNode.inputs[0].producedBy, "the brief is an original input")
        let reportNode = root.inputs[1]
        XCTAssertEqual(reportNode.producedBy?.step, .check)
        XCTAssertEqual(reportNode.inputs.first?.producedBy?.step, .draft, "the report's input traces back to the draft run")
        XCTAssertEqual(reportNode.inputs.first?.inputs.first?.asset.hash, brief.hash)

        XCTAssertEqual(try db.runs().map(\.step), [RunStep.revise, .check, .draft])
        XCTAssertEqual(try db.run(draftRun).tokenCount, 12)
    }

    func testRunsCannotLinkMissingAssetsOrEndTwice() throws {
        let db = try Workspace.openOrCreate(TemporaryFolder().path).database
        XCTAssertThrowsError(try db.beginRun(RunStart(step: .draft, inputs: [.init(role: "brief", hash: String(repeating: "0", count: 64))])))
        XCTAssertEqual(try db.scalar("SELECT count(*) FROM runs").int, 0, "the failed start left no row")
        let id = try db.beginRun(RunStart(step: .draft))
        XCTAssertThrowsError(try db.finishRun(id, outputs: [.init(role: "draft", hash: String(repeating: "1", count: 64))]))
        XCTAssertEqual(try db.run(id).status, .running, "the failed finish changed nothing")
        XCTAssertEqual(try db.run(id).outputs, [])
        try db.failRun(id, error: "model crashed")
        XCTAssertEqual(try db.run(id).status, .failed)
        XCTAssertThrowsError(try db.failRun(id, error: "again")) { XCTAssertTrue("\($0)".contains("already ended")) }
    }
}
