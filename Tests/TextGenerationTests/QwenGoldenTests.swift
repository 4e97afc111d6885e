import Foundation
import XCTest
@testable import TextGeneration

/// The default model, Qwen2.5-Coder-1.5B-Instruct Q4_K_M (Q4_K and Q6_K weights, Q8_K
/// activations, biases, NeoX RoPE with base 10⁶, a separate Q6_K output head), against llama.cpp
/// on the real file: tokenizer ids on Qwen's vocabulary, the last-position logits of six prompts
/// and 32 greedy tokens each (fixtures from Tests/Scripts/make_qwen_fixtures.py).
final class QwenGoldenTests: XCTestCase {
    static let folder = "qwen-1.5b"
    /// Largest |ours − llama.cpp| over the vocabulary relative to the spread of llama.cpp's logits.
    /// The K-quant kernels reproduce ggml's float order (repacked Q4_K GEMV/GEMM, Q6_K dot
    /// products and, from eight tokens, its tiled GEMM); what is left (a few 1e-6) comes from
    /// the compiler's fused multiply-adds in ggml's C code.
    static let logitTolerance: Float = 1e-5

    func testTokenizerMatchesLlamaCppOnTheRealVocabulary() throws {
        let tokenizer = try Tokenizer(file: LLMFixtures.qwen15())
        let cases = try LLMFixtures.json("\(Self.folder)/tokenizer.json")["cases"] as! [[String: Any]]
        XCTAssertGreaterThanOrEqual(cases.count, 10)
        for c in cases {
            let text = c["text"] as! String
            XCTAssertEqual(tokenizer.encode(text, parseSpecial: true, addBOS: false), (c["ids"] as! [Int]).map(Int32.init), "special: \(text.debugDescription)")
            XCTAssertEqual(tokenizer.encode(text, parseSpecial: false, addBOS: false), (c["ids_no_special"] as! [Int]).map(Int32.init), "plain: \(text.debugDescription)")
        }
        XCTAssertTrue(tokenizer.stopTokens.contains(tokenizer.id(of: "<|im_end|>")!))
    }

    func testChatTemplateFromTheFileRendersTheGoldenPrompts() throws {
        let file = try LLMFixtures.qwen15()
        let tokenizer = try Tokenizer(file: file)
        let template = ChatTemplate(templateText: tokenizer.chatTemplate)
        let cases = try LLMFixtures.json("\(Self.folder)/generation.json")["cases"] as! [[String: Any]]
        for c in cases {
            let prompt = c["prompt"] as! String
            // The fixture's user turn, rendered with the file's default system turn.
            let user = prompt.components(separatedBy: "<|im_start|>user\n")[1].components(separatedBy: "<|im_end|>")[0]
            XCTAssertEqual(template.render([.init(role: "user", content: user)]), prompt)
            XCTAssertEqual(tokenizer.encode(prompt, parseSpecial: true, addBOS: false), (c["prompt_ids"] as! [Int]).map(Int32.init))
        }
    }

    func testGreedyTokensAndLogitsMatchLlamaCpp() throws {
        let file = try LLMFixtures.qwen15()
        let model = try Transformer(file: file, contextLength: 1024, threads: 2)
        let fixture = try LLMFixtures.json("\(Self.folder)/generation.json")
        let cases = fixture["cases"] as! [[String: Any]]
        let stops = Set((fixture["stop_ids"] as! [Int]).map(Int32.init))
        XCTAssertEqual(cases.count, 6)
        var matching = 0
        for (i, c) in cases.enumerated() {
            let prompt = (c["prompt_ids"] as! [Int]).map(Int32.init)
            let expected = (c["generated_ids"] as! [Int]).map(Int32.init)
            let (worst, spread, generated) = try LLMFixtures.greedyCase(model, prompt: prompt, expected: expected,
                                                                       logitsFile: "\(Self.folder)/logits-\(i).f32", stops: stops)
            XCTAssertLessThan(worst / spread, Self.logitTolerance, "case \(i): max logit error \(worst) (spread \(spread))")
            if generated == expected { matching += 1 }
            print("qwen case \(i): max logit error \(worst) / spread \(spread); greedy tokens match: \(generated == expected)")
        }
        XCTAssertGreaterThanOrEqual(matching, 5, "greedy tokens must equal llama.cpp's on at least 5 of 6 prompts")
    }
}
