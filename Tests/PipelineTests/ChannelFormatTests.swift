import XCTest
@testable import Pipeline

final class ChannelFormatTests: XCTestCase {
    func testEmailKeepsLabelledLines() {
        let raw = "**Subject:** Meet the Kinglet Pro\nPreheader: Two kids, one charge, 60 miles.\nBody: Hello!\n\nBook a free test ride."
        XCTAssertEqual(ChannelFormat.normalize(raw, channel: .email, truncated: false),
                       "Subject: Meet the Kinglet Pro\nPreheader: Two kids, one charge, 60 miles.\nBody: Hello!\n\nBook a free test ride.\n")
    }

    func testEmailWithoutLabelsTakesSubjectAndPreheaderFromTheOpening() {
        let raw = "Dear families,\n\nThe Kinglet Pro carries two children and the groceries on every school run this spring. It goes up to 60 miles on one charge. Book a free test ride"
        let out = ChannelFormat.normalize(raw, channel: .email, truncated: true)
        let lines = out.components(separatedBy: "\n")
        XCTAssertTrue(lines[0].hasPrefix("Subject: The Kinglet Pro carries two children"), out)
        XCTAssertLessThanOrEqual(lines[0].dropFirst("Subject: ".count).count, 60)
        XCTAssertTrue(lines[1].hasPrefix("Preheader: "), out)
        XCTAssertLessThanOrEqual(lines[1].dropFirst("Preheader: ".count).count, 90)
        XCTAssertTrue(lines[2].hasPrefix("Body: Dear families,"), out)
        // The unfinished last sentence (cut by the token limit) is dropped.
        XCTAssertFalse(out.contains("Book a free test ride"), out)
        XCTAssertTrue(out.hasSuffix("on one charge.\n"), out)
    }

    func testSocialLosesWrappingQuotes() {
        XCTAssertEqual(ChannelFormat.normalize("\"Two kids, one bike. #cargobike\"", channel: .social, truncated: false), "Two kids, one bike. #cargobike\n")
    }
}
