import Foundation
import XCTest
@testable import TextGeneration

final class JSONConstraintTests: XCTestCase {
    let schema = try! JSONSchema(json: Data(ConstrainedGenerationTests.schemaText.utf8))

    func accepts(_ text: String) -> Bool {
        var c = JSONConstraint(schema: schema)
        return c.accept(Array(text.utf8)) && c.isComplete
    }

    func testAcceptsConformingDocuments() {
        XCTAssertTrue(accepts(#"{"headline":"Carry more","score":7,"tone":"warm","tags":["bikes"],"approved":true}"#))
        XCTAssertTrue(accepts(#"{ "headline": "A \"quoted\" \u00e9 line", "score": -3, "tone": "formal", "tags": [], "approved": false}"#))
        XCTAssertTrue(accepts("{\n  \"headline\": \"x\",\n \"score\": 0, \"tone\": \"neutral\", \"tags\": [\"a\", \"b\"], \"approved\": true}"))
    }

    func testRejectsDocumentsOutsideTheSchema() {
        XCTAssertFalse(accepts(#"{"score":7}"#), "wrong key order / missing keys")
        XCTAssertFalse(accepts(#"{"headline":"x","score":7.5,"tone":"warm","tags":[],"approved":true}"#), "integer required")
        XCTAssertFalse(accepts(#"{"headline":"x","score":7,"tone":"angry","tags":[],"approved":true}"#), "enum")
        XCTAssertFalse(accepts(#"{"headline":"x","score":7,"tone":"warm","tags":["a","b","c","d"],"approved":true}"#), "maxItems")
        XCTAssertFalse(accepts(#"{"headline":"x","score":7,"tone":"warm","tags":[],"approved":yes}"#), "boolean")
        XCTAssertFalse(accepts("{\"headline\":\"" + String(repeating: "a", count: 61) + "\""), "maxLength")
        XCTAssertFalse(accepts(#"{"headline":"x","score":07,"tone":"warm","tags":[],"approved":true}"#), "leading zero")
    }

    func testStringsStayValidUTF8AndWithinMaxLength() {
        var c = JSONConstraint(schema: schema)
        XCTAssertTrue(c.accept(Array(#"{"headline":"caf"#.utf8)))
        var cut = c
        XCTAssertTrue(cut.accept([0xC3]))
        XCTAssertFalse(cut.accept([UInt8(ascii: "\"")]), "a string may not end inside a UTF-8 sequence")
        XCTAssertTrue(c.accept([0xC3, 0xA9, UInt8(ascii: "\"")]))
        // 60 two-byte characters fit, the 61st does not.
        var long = JSONConstraint(schema: schema)
        XCTAssertTrue(long.accept(Array(("{\"headline\":\"" + String(repeating: "é", count: 60)).utf8)))
        XCTAssertFalse(long.accept(Array("é".utf8)))
    }

    func testValidatorMatchesSchema() throws {
        let good = try JSONSerialization.jsonObject(with: Data(#"{"headline":"x","score":1,"tone":"warm","tags":["a"],"approved":true}"#.utf8))
        XCTAssertTrue(schema.validates(good))
        let bad = try JSONSerialization.jsonObject(with: Data(#"{"headline":"x","score":"1","tone":"warm","tags":["a"],"approved":true}"#.utf8))
        XCTAssertFalse(schema.validates(bad))
    }

    func testUnsupportedSchemasAreErrors() {
        for text in [#"{"type":"object","properties":{"a":{"type":"string","pattern":"x"}}}"#,
                     #"{"type":"null"}"#, #"{"anyOf":[]}"#, #"{"type":"array"}"#, "not json"] {
            XCTAssertThrowsError(try JSONSchema(json: Data(text.utf8)), text) { error in
                XCTAssertEqual((error as? TextGenerationError)?.code, .invalidSchema)
            }
        }
    }
}
