import Foundation
import ModelFormats
import Support
import XCTest
@testable import TextGeneration

/// Loading a model checks its job's cancellation between steps: a cancelled load stops at the next
/// weight matrix, and a load that is not cancelled gives the same model as one without a token.
final class ModelLoadCancellationTests: XCTestCase {
    static let tiny = ArchitectureFixtureTests.folder + "/llama3-tiny.gguf"

    func testTheWeightsAreBuiltOneCheckpointPerMatrixAndAStopEndsTheLoadThere() throws {
        let file = try GGUFFile(path: Self.tiny)
        let config = try ModelConfig(file: file)
        var calls = 0
        _ = try ModelWeights(file: file, config: config) { calls += 1 }
        // token_embd, seven per layer, and the output head when it is not tied.
        let perLayer = 7
        let output = file.tensorsByName["output.weight"] != nil ? 1 : 0
        XCTAssertEqual(calls, 1 + perLayer * config.layers + output)

        var seen = 0
        XCTAssertThrowsError(try ModelWeights(file: file, config: config) { () throws(TextGenerationError) in
            seen += 1
            if seen == 3 { throw TextGenerationError(.cancelled, "cancelled while loading the model") }
        }) { error in
            XCTAssertEqual((error as? TextGenerationError)?.code, .cancelled)
        }
        XCTAssertEqual(seen, 3, "nothing is built after the stop")
    }

    func testACancelledTokenStopsTheTransformerBeforeItBuildsAnything() throws {
        let file = try GGUFFile(path: Self.tiny)
        let token = CancellationToken()
        token.cancel()
        XCTAssertThrowsError(try Transformer(file: file, contextLength: 64, threads: 1, cancellation: token)) { error in
            XCTAssertEqual((error as? TextGenerationError)?.code, .cancelled)
        }
    }

    func testALoadThatIsNotCancelledGivesTheSameLogits() throws {
        let file = try GGUFFile(path: Self.tiny)
        let plain = try Transformer(file: file, contextLength: 64, threads: 1)
        let watched = try Transformer(file: file, contextLength: 64, threads: 1, cancellation: CancellationToken())
        let prompt: [Int32] = [1, 17, 42, 99, 7]
        XCTAssertEqual(Array(try plain.forward(tokens: prompt)), Array(try watched.forward(tokens: prompt)))
    }

    func testALanguageModelLoadCancelledThrowsCancelled() throws {
        let file = try LLMFixtures.smolLM2()
        let token = CancellationToken()
        token.cancel()
        XCTAssertThrowsError(try LanguageModel(path: file.path, contextLength: 256, threads: 1, cancellation: token)) { error in
            XCTAssertTrue(error is Cancelled, "\(error)")
        }
        // The same file loads when the token is not set.
        XCTAssertNoThrow(try LanguageModel(path: file.path, contextLength: 256, threads: 1, cancellation: CancellationToken()))
    }
}
