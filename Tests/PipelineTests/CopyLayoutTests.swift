import XCTest
@testable import Pipeline

/// Copy written as a channel's JSON parts becomes text in the channel's form, within its limits.
final class CopyLayoutTests: XCTestCase {
    func testEveryChannelHasASchemaTheRuntimeAccepts() throws {
        for channel in Channel.allCases { XCTAssertNoThrow(try CopyLayout(channel: channel).schema(), "\(channel)") }
    }

    func testEmailRendersLabelledLinesAndEndsWithTheCallToAction() throws {
        let json = #"{"subject": "Meet the Kestrel", "preheader": "Room for two", "paragraphs": ["It carries two kids", "It goes 60 km."]}"#
        let text = try CopyLayout(channel: .email).render(json, callToAction: "Book a test ride")
        XCTAssertEqual(text, "Subject: Meet the Kestrel\nPreheader: Room for two\nBody: It carries two kids.\n\nIt goes 60 km.\n\nBook a test ride.\n")
    }

    func testSearchAdLinesCutAtTheLimitEndOnAWholeWord() throws {
        let json = #"{"headlines": ["Trade-in offers for October &", "Get a quote", "Ride the Kestrel"], "descriptions": ["Any working electric bike earns up to 500 euros toward a new cargo bike; an", "Book a ride."]}"#
        let text = try CopyLayout(channel: .searchAd).render(json, callToAction: "")
        XCTAssertEqual(text, """
            Headline: Trade-in offers for October
            Headline: Get a quote
            Headline: Ride the Kestrel
            Description: Any working electric bike earns up to 500 euros toward a new cargo bike.
            Description: Book a ride.

            """)
    }

    func testSocialPostGetsCleanHashtags() throws {
        let json = ##"{"post": "**Two kids, one bike.**", "hashtags": ["#cargo bike", "family"]}"##
        XCTAssertEqual(try CopyLayout(channel: .social).render(json, callToAction: "Ride today"), "Two kids, one bike. Ride today. #cargobike #family\n")
    }

    /// A document cut off by the token limit keeps its complete parts; one with none is an error.
    func testDocumentCutOffKeepsItsCompleteParts() throws {
        XCTAssertEqual(try CopyLayout(channel: .voiceover).render(#"{"lines": ["Ride to school.", "Two kids fit on the ba"#, callToAction: ""),
                       "Ride to school.\n")
        XCTAssertThrowsError(try CopyLayout(channel: .voiceover).render(#"{"lines": ["Hello"#, callToAction: ""))
    }
}
