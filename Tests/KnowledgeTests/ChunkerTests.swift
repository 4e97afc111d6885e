import XCTest
@testable import Knowledge

final class ChunkerTests: XCTestCase {
    func testChunksFollowHeadingsAndKeepListsAndTablesWhole() throws {
        let source = """
            +++
            title = "Warranty"
            updated = 2026-09-01
            +++

            # Warranty

            Every bike is covered.

            ## Terms

            - Frame: lifetime

            - Motor: 3 years
            - Battery: 2 years

            | part | years |
            | --- | --- |
            | frame | life |

            ## Claims

            Email support with your order number.
            """
        var chunker = MarkdownChunker()
        chunker.targetCharacters = 10
        let (front, chunks) = try chunker.split(source)
        XCTAssertEqual(front.title, "Warranty")
        XCTAssertEqual(front.updated, "2026-09-01")
        XCTAssertEqual(chunks.map(\.anchor), ["warranty", "terms", "terms", "claims"])
        XCTAssertTrue(chunks[1].text.contains("Frame: lifetime") && chunks[1].text.contains("Battery: 2 years"), chunks[1].text)
        XCTAssertTrue(chunks[2].text.hasPrefix("| part"), chunks[2].text)
        XCTAssertEqual(chunks[3].heading, "Warranty › Warranty › Claims")
    }

    func testBadFrontMatterNamesTheFile() {
        XCTAssertThrowsError(try MarkdownChunker().split("+++\ntitle = \n+++\nx", file: "k.md")) { error in
            XCTAssertTrue("\(error)".contains("k.md"), "\(error)")
        }
    }
}
