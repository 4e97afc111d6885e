import Foundation
import XCTest
@testable import TextGeneration

/// Constrained decoding: seeded generations against a schema all parse and validate.
final class ConstrainedGenerationTests: XCTestCase {
    static let schemaText = """
        {"type": "object",
         "properties": {
           "headline": {"type": "string", "maxLength": 60},
           "score": {"type": "integer"},
           "tone": {"enum": ["warm", "neutral", "formal"]},
           "tags": {"type": "array", "items": {"type": "string", "maxLength": 20}, "maxItems": 3},
           "approved": {"type": "boolean"}},
         "required": ["headline", "score", "tone", "tags", "approved"]}
        """

    func testTwentySeededGenerationsParseAndValidate() throws {
        let file = try LLMFixtures.smolLM2()
        let model = try LanguageModel(path: file.path, contextLength: 512, threads: 2)
        let schema = try JSONSchema(json: Data(Self.schemaText.utf8))
        let prompt = model.chatPrompt(user: "Rate this headline for an electric cargo bike launch and reply in JSON: \"Carry more, drive less.\"")
        var outputs = Set<String>()
        for seed in 0..<20 {
            var params = SamplerParameters()
            params.temperature = 0.9
            params.seed = UInt64(seed)
            let result = try model.generate(prompt: prompt, maxTokens: 300, sampler: params, schema: schema)
            XCTAssertEqual(result.stopReason, .constraintComplete, "seed \(seed): \(result.text)")
            let value = try JSONSerialization.jsonObject(with: Data(result.text.utf8))
            XCTAssertTrue(schema.validates(value), "seed \(seed): \(result.text)")
            outputs.insert(result.text)
        }
        XCTAssertGreaterThan(outputs.count, 1, "different seeds should give different documents")
    }

    func testSameSeedSameTokensDifferentSeedDifferent() throws {
        let file = try LLMFixtures.smolLM2()
        let model = try LanguageModel(path: file.path, contextLength: 256, threads: 2)
        let prompt = model.chatPrompt(user: "Write a short slogan for a bicycle shop.")
        var p = SamplerParameters()
        p.temperature = 1.0
        p.seed = 42
        let a = try model.generate(prompt: prompt, maxTokens: 24, sampler: p)
        let b = try model.generate(prompt: prompt, maxTokens: 24, sampler: p)
        XCTAssertEqual(a.tokens, b.tokens)
        XCTAssertEqual(a.text, b.text)
        var texts = Set<[Int32]>()
        for seed in 1...4 {
            p.seed = UInt64(seed)
            texts.insert(try model.generate(prompt: prompt, maxTokens: 24, sampler: p).tokens)
        }
        XCTAssertGreaterThan(texts.count, 1)
    }

    func testContextFullIsAClearError() throws {
        let file = try LLMFixtures.smolLM2()
        let model = try Transformer(file: file, contextLength: 16, threads: 1)
        XCTAssertThrowsError(try model.forward(tokens: [Int32](repeating: 300, count: 17))) { error in
            XCTAssertEqual((error as? TextGenerationError)?.code, .contextFull)
        }
    }
}
