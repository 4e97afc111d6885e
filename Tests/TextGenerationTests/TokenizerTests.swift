import Foundation
import ModelFormats
import XCTest
@testable import TextGeneration

/// Token ids must equal llama.cpp's on the fixture set (Tests/Fixtures/llm/tokenizer.json).
final class TokenizerTests: XCTestCase {
    func testMatchesLlamaCppOnFixtureSet() throws {
        let tokenizer = try Tokenizer(file: LLMFixtures.smolLM2())
        let fixture = try LLMFixtures.json("tokenizer.json")
        let cases = fixture["cases"] as! [[String: Any]]
        XCTAssertGreaterThanOrEqual(cases.count, 10)
        for c in cases {
            let text = c["text"] as! String
            let expected = (c["ids"] as! [Int]).map(Int32.init)
            let plain = (c["ids_no_special"] as! [Int]).map(Int32.init)
            XCTAssertEqual(tokenizer.encode(text, parseSpecial: true, addBOS: false), expected, "special: \(text.debugDescription)")
            XCTAssertEqual(tokenizer.encode(text, parseSpecial: false, addBOS: false), plain, "plain: \(text.debugDescription)")
            XCTAssertEqual(tokenizer.decode(expected, special: true), text, "round trip: \(text.debugDescription)")
        }
    }

    func testStopTokensIncludeChatMLEnd() throws {
        let tokenizer = try Tokenizer(file: LLMFixtures.smolLM2())
        XCTAssertTrue(tokenizer.stopTokens.contains(2))
        XCTAssertEqual(tokenizer.id(of: "<|im_start|>"), 1)
    }
}
