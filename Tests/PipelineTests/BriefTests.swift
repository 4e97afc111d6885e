import Foundation
import XCTest
@testable import Pipeline

final class BriefTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    func testEveryDemoBriefParses() throws {
        let folder = Self.repository + "/Brand/briefs"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".md") }
        XCTAssertGreaterThanOrEqual(names.count, 3)
        for name in names {
            let brief = try Brief(source: String(contentsOfFile: folder + "/" + name, encoding: .utf8), file: name)
            XCTAssertFalse(brief.keyMessages.isEmpty)
            XCTAssertFalse(brief.channels.isEmpty)
            XCTAssertTrue(brief.promptText.contains(brief.product))
        }
    }

    static let valid = """
        +++
        campaign = "Spring"
        product = "Kinglet"
        audience = "Families"
        goal = "Test rides"
        key_messages = ["Up to 50 miles"]
        call_to_action = "Book a ride"
        channels = ["email", "social"]
        length = "short"
        +++
        Notes.
        """

    func testValidBrief() throws {
        let brief = try Brief(source: Self.valid, file: "b.md")
        XCTAssertEqual(brief.channels, [.email, .social])
        XCTAssertEqual(brief.notes, "Notes.")
        XCTAssertEqual(brief.length, "short")
    }

    func testErrorsNameFileLineAndField() {
        func expect(_ source: String, line: Int?, field: String?, _ fragment: String, file: StaticString = #filePath, at: UInt = #line) {
            XCTAssertThrowsError(try Brief(source: source, file: "brief.md"), file: file, line: at) { error in
                guard let e = error as? PipelineError else { return XCTFail("\(error)", file: file, line: at) }
                XCTAssertEqual(e.file, "brief.md", file: file, line: at)
                XCTAssertEqual(e.line, line, "\(e)", file: file, line: at)
                XCTAssertEqual(e.field, field, "\(e)", file: file, line: at)
                XCTAssertTrue(e.description.contains(fragment), "\(e)", file: file, line: at)
            }
        }
        let v = Self.valid
        expect(v.replacingOccurrences(of: "goal = \"Test rides\"\n", with: ""), line: 9, field: "goal", "missing required field")
        expect(v.replacingOccurrences(of: "\"email\", \"social\"", with: "\"email\", \"tiktok\""), line: 8, field: "channels", "unknown channel \"tiktok\"")
        expect(v.replacingOccurrences(of: "length = \"short\"", with: "lenght = \"short\""), line: 9, field: "lenght", "unknown key")
        expect(v.replacingOccurrences(of: "length = \"short\"", with: "length = \"epic\""), line: 9, field: "length", "expected one of short")
        expect(v.replacingOccurrences(of: "key_messages = [\"Up to 50 miles\"]", with: "key_messages = \"Up to 50 miles\""), line: 6, field: "key_messages", "array")
        expect(v.replacingOccurrences(of: "product = \"Kinglet\"", with: "product = \"\""), line: 3, field: "product", "empty")
        expect(v.replacingOccurrences(of: "audience = \"Families\"", with: "audience = Families"), line: 4, field: nil, "brief.md:4")
        expect("Just text", line: 1, field: nil, "+++")
        expect("+++\ncampaign = \"x\"\n", line: 3, field: nil, "never closed")
    }
}
