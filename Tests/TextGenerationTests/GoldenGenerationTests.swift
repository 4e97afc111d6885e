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
            model.reset()
            let logits = Array(try model.forward(tokens: prompt))
            let reference = try LLMFixtures.floats("logits-\(i).f32")
            XCTAssertEqual(logits.count, reference.count)
            let spread = reference.max()! - reference.min()!
            let worst = zip(logits, reference).map { abs($0 - $1) }.max()!
            XCTAssertLessThan(worst / spread, Self.logitTolerance, "case \(i): max logit error \(worst) (spread \(spread))")
            var generated: [Int32] = []
            var current = logits
            for _ in 0..<expected.count {
                let next = Int32(current.indices.max { current[$0] < current[$1] }!)
                generated.append(next)
                if next == 2 || generated.count == expected.count { break }
                current = Array(try model.forward(token: next))
            }
            XCTAssertEqual(generated, expected, "case \(i): greedy tokens differ from llama.cpp")
            print("case \(i): max logit error \(worst) / spread \(spread); \(generated.count) tokens match: \(generated == expected)")
        }
    }
}
