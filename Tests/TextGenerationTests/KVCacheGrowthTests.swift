import XCTest
@testable import TextGeneration

/// The KV cache starts small and doubles as the context fills, keeping what it holds.
final class KVCacheGrowthTests: XCTestCase {
    func testGrowingTheCacheKeepsEveryPosition() throws {
        let file = try LLMFixtures.smolLM2()
        let tokens = (0..<700).map { Int32(300 + ($0 * 7919) % 40_000) }
        let whole = try Transformer(file: file, contextLength: 2048, threads: 2)
        XCTAssertEqual(whole.state.capacity, RunState.initialCapacity)
        let expected = Array(try whole.forward(tokens: tokens))
        XCTAssertGreaterThanOrEqual(whole.state.capacity, 700)

        let grown = try Transformer(file: file, contextLength: 2048, threads: 2)
        _ = try grown.forward(tokens: Array(tokens[..<500]))
        XCTAssertEqual(grown.state.capacity, 512)
        let logits = Array(try grown.forward(tokens: Array(tokens[500...])))
        XCTAssertEqual(grown.state.capacity, 1024)
        XCTAssertEqual(logits, expected, "the logits after growing the cache must equal those of one pass")
        XCTAssertEqual(grown.contextLength, 2048)
    }

    func testDefaultContextIsTheTrainedOneWithoutAllocatingIt() throws {
        let file = try LLMFixtures.smolLM2()
        let model = try Transformer(file: file, threads: 1)
        XCTAssertEqual(model.contextLength, model.config.trainedContext)
        XCTAssertEqual(model.state.capacity, min(RunState.initialCapacity, model.config.trainedContext))
    }
}
