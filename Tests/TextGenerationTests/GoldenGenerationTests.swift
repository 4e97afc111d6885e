import Foundation
import XCTest
@testable import TextGeneration

/// Greedy decoding and last-position logits against llama.cpp on the real SmolLM2 Q4_1 weights
/// (fixtures from Tests/Scripts/make_llm_fixtures.py).
final class GoldenGenerationTests: XCTestCase {
    /// Largest |ours − llama.cpp| over the vocabulary, relative to the spread of llama.cpp's logits.
    /// The runtime reproduces llama.cpp's CPU arithmetic (activation quantization, lane order of
    /// the dot products, half-precision attention, its exp and RoPE rounding); on the fixtures the
    /// logits are bit-identical. The tolerance leaves room for libm differences in cosf/sinf.
    static let logitTolerance: Float = 1e-6

    func testGreedyTokensAndLogitsMatchLlamaCpp() throws {
        let file = try LLMFixtures.smolLM2()
        let model = try Transformer(file: file, contextLength: 1024, threads: 2)
        let fixture = try LLMFixtures.json("generation.json")
        let cases = fixture["cases"] as! [[String: Any]]
        XCTAssertEqual(cases.count, 6)
        for (i, c) in cases.enumerated() {
            let prompt = (c["prompt_ids"] as! [Int]).map(Int32.init)
            let expected = (c["generated_ids"] as! [Int]).map(Int32.init)
            let (worst, spread, generated) = try LLMFixtures.greedyCase(model, prompt: prompt, expected: expected,
                                                                       logitsFile: "logits-\(i).f32", stops: [2])
            XCTAssertLessThan(worst / spread, Self.logitTolerance, "case \(i): max logit error \(worst) (spread \(spread))")
            XCTAssertEqual(generated, expected, "case \(i): greedy tokens differ from llama.cpp")
            print("case \(i): max logit error \(worst) / spread \(spread); \(generated.count) tokens match: \(generated == expected)")
        }
    }
}
