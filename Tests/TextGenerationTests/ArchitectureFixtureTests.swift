import Foundation
import ModelFormats
import XCTest
@testable import TextGeneration

/// The architecture code SmolLM2 does not reach, against llama.cpp on small seeded models
/// (Tests/Fixtures/llm/arch, from Tests/Scripts/make_arch_fixtures.py): Qwen2 (Q/K/V biases,
/// NeoX RoPE, tied output) and Llama with RoPE frequency factors, linear RoPE scaling and a
/// separate output head. A 40-token prompt runs as one batch, then 24 greedy steps one token at a
/// time; the logits after the prompt and after every step are compared.
final class ArchitectureFixtureTests: XCTestCase {
    static let folder = LLMFixtures.folder + "/arch"

    func check(_ name: String, architecture: String) throws {
        let file = try GGUFFile(path: Self.folder + "/\(name).gguf")
        let model = try Transformer(file: file, contextLength: 256, threads: 2)
        XCTAssertEqual(model.config.architecture.name, architecture)
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/\(name).json"))
        let fixture = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let prompt = (fixture["prompt_ids"] as! [Int]).map(Int32.init)
        let expected = (fixture["generated_ids"] as! [Int]).map(Int32.init)
        let references: [[Float]] = (fixture["logits"] as! [String]).map { encoded in
            let bytes = Data(base64Encoded: encoded)!
            return bytes.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
        }
        XCTAssertEqual(references.count, expected.count + 1)
        var logits = Array(try model.forward(tokens: prompt))
        var generated: [Int32] = []
        var worst: Float = 0
        for step in 0...expected.count {
            let reference = references[step]
            XCTAssertEqual(logits.count, reference.count)
            let spread = reference.max()! - reference.min()!
            let error = zip(logits, reference).map { abs($0 - $1) }.max()! / spread
            worst = max(worst, error)
            XCTAssertLessThan(error, GoldenGenerationTests.logitTolerance, "\(name) step \(step): logit error \(error) of the spread")
            if step == expected.count { break }
            // Follow llama.cpp's tokens so that one early difference does not hide the later steps.
            generated.append(Int32(logits.indices.max { logits[$0] < logits[$1] }!))
            logits = Array(try model.forward(token: expected[step]))
        }
        XCTAssertEqual(generated, expected, "\(name): greedy tokens differ from llama.cpp")
        print("\(name): worst logit error \(worst) of the spread over \(references.count) positions")
    }

    func testQwen2MatchesLlamaCpp() throws { try check("qwen2-tiny", architecture: "qwen2") }
    func testLlamaWithRopeFactorsMatchesLlamaCpp() throws { try check("llama3-tiny", architecture: "llama") }
}
