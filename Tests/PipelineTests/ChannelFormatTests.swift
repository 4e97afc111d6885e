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

    /// Lines that repeat the prompt's fixed instructions are dropped; copy that shares a word or
    /// two with them, and format labels, stay.
    func testEchoedInstructionsAreDropped() {
        let template = "Rewrite this marketing copy. Keep its form.\n\nCopy:\n{{draft}}\n\nFix these problems:\n{{findings}}"
        let system = "You are a careful copywriter for {{brand_name}}. Use only the facts you are given."
        let raw = "Subject: Ride further this spring\nI'm a careful copywriter for the shop, so here it is.\nBody: Our bikes fix these problems: hills and traffic.\nRewrite this marketing copy with the added details.\nBook a test ride today."
        let text = ChannelFormat.normalize(raw, channel: .email, truncated: false, instructions: [template, system])
        XCTAssertFalse(text.contains("careful copywriter"), text)
        XCTAssertFalse(text.contains("Rewrite this"), text)
        XCTAssertTrue(text.contains("Subject: Ride further this spring"), text)
        XCTAssertTrue(text.contains("Book a test ride today."), text)
        XCTAssertTrue(text.contains("hills and traffic"), text)
    }

    /// Markdown headings, emphasis and quoted labelled values are not copy.
    func testMarkdownIsDropped() {
        let raw = "### Headline: \"Ride further this spring\"\n\n## Body:\nUp to 60 miles, *20% more range*, with **no** extra cost. 5 * 4 stays.\n"
        let text = ChannelFormat.normalize(raw, channel: .landing, truncated: false)
        XCTAssertEqual(text, "Headline: Ride further this spring\n\nBody:\nUp to 60 miles, 20% more range, with no extra cost. 5 * 4 stays.\n")
    }
}
