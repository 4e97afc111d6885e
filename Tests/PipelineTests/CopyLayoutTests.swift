import BrandKit
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
            Headline: Trade-in offers
            Headline: Get a quote
            Headline: Ride the Kestrel
            Description: Any working electric bike earns up to 500 euros toward a new cargo bike.
            Description: Book a ride.

            """)
    }

    func testHeadlineCutAtTheLimitLosesItsUnfinishedClause() throws {
        let json = #"{"headline": "The Kestrel is the best choice for parents of children who need a", "subheading": "Two seats.", "sections": [{"title": "Room", "text": "Two kids fit."}, {"title": "Range", "text": "It goes 60 km."}]}"#
        let text = try CopyLayout(channel: .landing).render(json, callToAction: "Book a ride")
        XCTAssertTrue(text.hasPrefix("Headline: The Kestrel is the best choice for parents of children\n"), text)
    }

    /// A line cut at its limit ends where a phrase can: after its last sentence, or without a word
    /// that leads into the part cut off.
    func testCutLinesEndWhereAPhraseCanEnd() {
        XCTAssertEqual(CopyLayout.shorten("Ready to Test Drive? Book Now Online", to: 30), "Ready to Test Drive?")
        XCTAssertEqual(CopyLayout.shorten("See How It Works Before You Buy It", to: 25), "See How It Works")
        XCTAssertEqual(CopyLayout.fit("See How It Works Before Buying", 30), "See How It Works")
        XCTAssertEqual(CopyLayout.shorten("Two kids, one bike", to: 30), "Two kids, one bike")
    }

    func testSpokenLinesThatContinueOneSentenceAreJoined() throws {
        let json = #"{"lines": ["The Kestrel is a great", "bike for the school run.", "Book a ride today."]}"#
        XCTAssertEqual(try CopyLayout(channel: .voiceover).render(json, callToAction: "Book a ride"),
                       "The Kestrel is a great bike for the school run. Book a ride today.\n")
    }

    func testSpokenLinesLoseTheirBracketedAsides() throws {
        let json = #"{"lines": ["It goes up to 50 miles (80 km) on one charge.", "(Terms apply.)", "Book a ride today."]}"#
        XCTAssertEqual(try CopyLayout(channel: .voiceover).render(json, callToAction: "Book a ride"),
                       "It goes up to 50 miles on one charge. Book a ride today.\n")
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

final class CopyLayoutPreviewTests: XCTestCase {
    func testPreviewShowsTheValuesWrittenSoFar() {
        XCTAssertEqual(CopyLayout.preview(#"{"subject": "Ride 60 miles", "preheader": "Book a"#), "Subject: Ride 60 miles\nPreheader: Book a")
        XCTAssertEqual(CopyLayout.preview(#"{"paragraphs": ["One \"two\"", "Three\nfour"]}"#), "One \"two\"\nThree\nfour\n")
        XCTAssertEqual(CopyLayout.preview(#"{"sections": [{"title": "Why", "text": "Bec"#), "Why\nBec")
        XCTAssertEqual(CopyLayout.preview(#"{"subj"#), "")
    }
}
