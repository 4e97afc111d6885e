import XCTest
@testable import BrandKit

final class TextSegmenterTests: XCTestCase {
    func testSentencesEndAtPunctuationNotAtAbbreviationsOrDecimals() {
        let text = "The Kinglet costs $2,499. It charges in 4.5 hours, e.g. overnight! Ride it at 7 a.m. daily?\n\n# Heading\n- item one\n- item two"
        XCTAssertEqual(TextSegmenter.sentences(in: text).map(\.text), [
            "The Kinglet costs $2,499.", "It charges in 4.5 hours, e.g. overnight!", "Ride it at 7 a.m. daily?",
            "# Heading", "- item one", "- item two",
        ])
    }

    func testOffsetsCountUnicodeScalars() {
        let text = "Café ☕️ time. Next “one.” Done"
        let sentences = TextSegmenter.sentences(in: text)
        XCTAssertEqual(sentences.map(\.text), ["Café ☕️ time.", "Next “one.”", "Done"])
        let scalars = Array(text.unicodeScalars)
        for s in sentences {
            XCTAssertEqual(String(String.UnicodeScalarView(scalars[s.start..<s.end])), s.text)
        }
    }

    func testWordsNeedALetterOrDigit() {
        XCTAssertEqual(TextSegmenter.words(in: "Only $2,499 — USB-C & more!").map(\.text), ["Only", "$2,499", "USB-C", "more!"])
    }
}
