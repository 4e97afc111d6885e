import Foundation
import Knowledge
import ModelCache
import Store
import Support
import XCTest
@testable import Pipeline

/// The application layer as front ends call it: one call per command, jobs with events and
/// cancellation, the run recorded once.
final class ApplicationTests: XCTestCase {
    private var folders: [String] = []

    override func tearDown() {
        for f in folders { try? FileManager.default.removeItem(atPath: f) }
        folders = []
    }

    /// Options for a fresh workspace with the fast model, or a skip when the models cannot be had.
    private func options() throws -> StudioOptions {
        do {
            _ = try StudioModels.resolve(cache: ModelCache(root: ModelCache.defaultRoot()), languageModel: "smollm2")
        } catch {
            if ProcessInfo.processInfo.environment["CI"] == "true" { throw error }
            throw XCTSkip("default models unavailable: \(error)")
        }
        var o = StudioOptions()
        o.workspace = NSTemporaryDirectory() + "application-\(UUID().uuidString)"
        folders.append(o.workspace!)
        o.languageModel = "smollm2"
        o.threads = 2
        return o
    }

    private let repository = PipelineFixture.repository

    func testKnowledgeIndexedByTheProjectIsUnchangedForKbAdd() throws {
        let o = try options()
        let project = try Studio.openProject(brand: repository + "/Brand", templates: repository + "/Templates", o)
        XCTAssertFalse(try project.workspace.knowledgeDocuments().isEmpty)
        // `kb add` opens the workspace with the embedder only, from another folder spelling.
        let kb = try Studio.open(o, needs: .embedder)
        XCTAssertNil(kb.models.languageModel)
        let results = try kb.addKnowledge([repository + "/Brand/../Brand/knowledge/"])
        XCTAssertFalse(results.isEmpty)
        XCTAssertEqual(results.filter { $0.action != .unchanged }.map(\.path), [])
    }

    func testCancelledGenerationIsRecordedAsCancelledAndThrowsCancelled() throws {
        var o = try options()
        o.contextLength = 512
        let token = CancellationToken()
        let events = EventLog()
        let studio = try Studio.open(Workspace.openOrCreate(o.workspaceDirectory), o, needs: .languageModel,
                                     job: Job(cancellation: token) { events.append($0) })
        var request = GenerationRequest(prompt: "Count from one to one hundred in words.")
        request.maxTokens = 64
        var pieces = 0
        XCTAssertThrowsError(try studio.generate(request) { _ in
            pieces += 1
            if pieces == 3 { token.cancel() }
            return true
        }) { XCTAssertTrue($0 is Cancelled, "\($0)") }
        XCTAssertEqual(pieces, 3, "generation stops at the next token after the request")
        let run = try XCTUnwrap(studio.database.runs(step: .generate).first)
        XCTAssertEqual(run.status, .cancelled)
        XCTAssertEqual(run.outputs, [])
        XCTAssertEqual(run.seed, 0)
        XCTAssertNotNil(run.modelHash)
        let started = events.all.contains { if case .stepStarted(.generate, _) = $0 { true } else { false } }
        let finished = events.all.contains { if case .stepFinished = $0 { true } else { false } }
        XCTAssertTrue(started)
        XCTAssertFalse(finished, "a cancelled step does not report that it finished")
        XCTAssertEqual(events.tokens, 3)
    }

    func testAJobCancelledWhileTheModelLoadsStopsTheLoadAndALaterJobLoadsIt() throws {
        var o = try options()
        o.contextLength = 256
        let token = CancellationToken()
        token.cancel()
        let studio = try Studio.open(Workspace.openOrCreate(o.workspaceDirectory), o, needs: .languageModel, job: Job(cancellation: token))
        XCTAssertThrowsError(try studio.languageModel()) { XCTAssertTrue($0 is Cancelled, "\($0)") }
        studio.job = Job()
        XCTAssertNoThrow(try studio.languageModel(), "nothing half-loaded is kept")
    }

    func testFinishedGenerationReportsStepAndTokensAndRecordsItsText() throws {
        var o = try options()
        o.contextLength = 512
        let events = EventLog()
        let studio = try Studio.open(Workspace.openOrCreate(o.workspaceDirectory), o, needs: .languageModel, job: Job { events.append($0) })
        var request = GenerationRequest(prompt: "Say hello.")
        request.maxTokens = 8
        request.sampler.temperature = 0
        let (result, runID) = try studio.generate(request)
        let run = try studio.database.run(runID)
        XCTAssertEqual(run.status, .succeeded)
        XCTAssertEqual(run.outputs.map(\.role), ["text"])
        XCTAssertEqual(String(decoding: try studio.database.assetContent(run.outputs[0].hash), as: UTF8.self), result.text)
        XCTAssertGreaterThan(events.tokens, 0)
        XCTAssertTrue(events.all.contains { if case .stepFinished(.generate, _, _) = $0 { true } else { false } })
    }

    func testCancelledDraftLeavesNoPieceAndARunMarkedCancelled() throws {
        let f = try PipelineFixture()
        let token = CancellationToken()
        f.studio.job = Job(cancellation: token)
        var pieces = 0
        XCTAssertThrowsError(try f.studio.draft(try f.brief("kinglet-pro-spring-launch.md"), channel: .social, seed: 1) { _ in
            pieces += 1
            if pieces == 2 { token.cancel() }
            return true
        }) { XCTAssertTrue($0 is Cancelled, "\($0)") }
        XCTAssertEqual(try f.studio.database.pieces(), [])
        XCTAssertEqual(try f.studio.database.runs(step: .draft).map(\.status), [.cancelled])
    }

    func testAJobCancelledBeforeItStartsRecordsNothing() throws {
        let f = try PipelineFixture()
        let token = CancellationToken()
        token.cancel()
        f.studio.job = Job(cancellation: token)
        XCTAssertThrowsError(try f.studio.draft(try f.brief("kinglet-pro-spring-launch.md"), channel: .social, seed: 1)) { XCTAssertTrue($0 is Cancelled) }
        XCTAssertEqual(try f.studio.database.runs(), [])
    }

    func testWorkerRunsJobsOffTheCallersThreadInOrder() async throws {
        let o = try options()
        _ = try Workspace.openOrCreate(o.workspaceDirectory)
        let worker = StudioWorker { try Studio.open(o, needs: .embedder) }
        let first = try await worker.perform(Job()) { studio in try studio.addKnowledge([PipelineFixture.repository + "/Brand/knowledge"]).count }
        let second = try await worker.perform(Job()) { studio in try studio.workspace.knowledgeDocuments().count }
        XCTAssertGreaterThan(first, 0)
        XCTAssertEqual(first, second)
        let cancelled = CancellationToken()
        cancelled.cancel()
        do {
            _ = try await worker.perform(Job(cancellation: cancelled)) { studio in try studio.workspace.knowledgeDocuments().count }
            XCTFail("a cancelled job does not run")
        } catch {
            XCTAssertTrue(error is Cancelled)
        }
    }

    func testEmptyOrBinaryTextIsAnErrorNotAPass() throws {
        let f = try PipelineFixture()
        XCTAssertThrowsError(try f.studio.check(text: "  \n", channel: nil, judge: false)) {
            XCTAssertEqual(($0 as? PipelineError)?.code, .invalidInput)
        }
        XCTAssertThrowsError(try f.studio.importPiece(text: "", channel: .blog, campaign: "x"))
    }

    func testDecidingOnAnOlderVersionNamesTheNewest() throws {
        let f = try PipelineFixture()
        let piece = try f.studio.importPiece(text: "Our bikes are great.", channel: .social, campaign: "test")
        let first = piece.latest!.assetHash
        let second = try f.studio.database.storeAsset(text: "Our bikes are very good.", mediaType: "text/markdown").hash
        try f.studio.database.addVersion(to: piece.id, assetHash: second, runID: nil, origin: .editor, actor: "tester", note: nil)
        XCTAssertThrowsError(try f.studio.workspace.decide(asset: first, .approved)) {
            XCTAssertTrue("\($0)".contains("the newest is v2"), "\($0)")
        }
    }
}

/// Events a job reported, collected across threads.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [JobEvent] = []

    func append(_ e: JobEvent) { lock.lock(); events.append(e); lock.unlock() }
    var all: [JobEvent] { lock.lock(); defer { lock.unlock() }; return events }
    var tokens: Int { all.filter { if case .tokens = $0 { true } else { false } }.count }
}

/// The knowledge base and checks as front ends call them.
final class KnowledgeAndCheckAPITests: XCTestCase {
    func testRemovingAKnowledgeFileTakesItsChunksAndNamesAnUnknownOne() throws {
        let f = try PipelineFixture()
        let before = try f.studio.workspace.knowledgeDocuments()
        let first = try XCTUnwrap(before.first)
        try f.studio.workspace.removeKnowledge(first.path)
        XCTAssertEqual(try f.studio.workspace.knowledgeDocuments().map(\.path), before.dropFirst().map(\.path))
        XCTAssertThrowsError(try f.studio.workspace.removeKnowledge(first.path)) {
            XCTAssertEqual(($0 as? KnowledgeError)?.code, .notFound)
            XCTAssertTrue("\($0)".contains(first.path), "\($0)")
        }
    }

    func testCheckingAgainstAnotherKitWritesNothingToTheWorkspace() throws {
        let f = try PipelineFixture()
        let runs = try f.studio.database.runs().count
        var options = StudioOptions()
        options.workspace = f.folder
        options.languageModel = "smollm2"
        options.threads = 2
        let kit = PipelineFixture.repository + "/Tests/Fixtures/kits/ashgrove"
        let report = try Studio.check(text: "Our espresso blend costs $999 a bag.", against: CheckTarget(kit: kit, knowledge: nil), channel: .social,
                                      judge: false, options: options)
        XCTAssertEqual(report.channel, .social)
        XCTAssertFalse(report.claims.isEmpty)
        XCTAssertEqual(try f.studio.database.runs().count, runs, "the user's workspace records nothing")
        XCTAssertThrowsError(try Studio.check(text: "Fine words.", against: CheckTarget(kit: f.folder + "/nowhere", knowledge: nil), channel: nil,
                                              judge: false, options: options)) { XCTAssertTrue("\($0)".contains("brand.toml"), "\($0)") }
    }
}
