import BrandKit
import Foundation
import XCTest
@testable import Pipeline

/// Contact details and names copy may not invent: what the knowledge base and brief contain passes,
/// anything else is found with its offsets.
final class InventedDetailsTests: XCTestCase {
    let sources = ["Visit www.example-bikes.com/models or write to hello@example-bikes.com. Call +49 30 1234 5678.",
                   "The Kestrel Pro and the Kestrel Mini ship from Leipzig."]
    var checker: InventedDetails { InventedDetails(sources: sources, names: ["Kestrel Pro", "Kestrel Mini", "Example Bikes"]) }

    func testKnownDetailsPass() {
        let copy = "See www.example-bikes.com/models, mail hello@example-bikes.com or call +49 30 1234 5678 about the Kestrel Pro's battery and our Kestrels."
        XCTAssertEqual(checker.find(in: copy), [])
    }

    func testInventedLinksMailsAndPhonesAreFound() {
        let copy = "Order at https://www.kestrelcities.com/offer today, write to sales@kestrel.shop or call (030) 555 0199."
        let found = checker.find(in: copy)
        XCTAssertEqual(found.map(\.kind), [.email, .link, .phone])
        let link = found.first { $0.kind == .link }!
        XCTAssertEqual(link.text, "https://www.kestrelcities.com/offer")
        let scalars = Array(copy.unicodeScalars)
        XCTAssertEqual(String(String.UnicodeScalarView(scalars[link.start..<link.end])), link.text)
    }

    func testNearMissesOfTheKitsNamesAreFound() {
        let found = checker.find(in: "The Kestral Pro and the Kestrels are here, with the Kestrl frame.")
        XCTAssertEqual(found.map(\.text), ["Kestral", "Kestrl"])
        XCTAssertTrue(found.allSatisfy { $0.kind == .nearMissName && $0.message.contains("Kestrel") })
    }

    func testDatesPricesAndOrdinaryWordsAreNotDetails() {
        XCTAssertEqual(checker.find(in: "From 2026-03-01 it costs €1 299 or $2,499.99, 60 km of range. Leipzig makes it. Example Bikes thanks you."), [])
    }

    /// Details the brief gives (added per check) are not invented; the knowledge base's stay known.
    func testBriefDetailsAddedPerCheck() {
        let copy = "Join us at kestrel-days.org or call +49 30 1234 5678."
        XCTAssertEqual(checker.find(in: copy).map(\.kind), [.link])
        XCTAssertEqual(checker.adding(["Event page: kestrel-days.org"]).find(in: copy), [])
        XCTAssertEqual(checker.adding([]).find(in: copy).map(\.kind), [.link])
    }

    /// A word of another name ("Roasters" beside "Roastery") and an ordinary word ("Start" beside
    /// "Starter") are not misspellings; an unknown near miss still is.
    func testWordsOfNamesAndOrdinaryWordsAreNotMisspellings() throws {
        let path = NSTemporaryDirectory() + "cmudict-\(UUID().uuidString).dict"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "start  S T AA1 R T\ngrind  G R AY1 N D\n".write(toFile: path, atomically: true, encoding: .utf8)
        let checker = InventedDetails(sources: [], names: ["Starter", "Grinder Swap", "Hillside Roastery", "Hillside Coffee Roasters"],
                                      dictionary: try SyllableCounter(dictionaryAt: path))
        XCTAssertEqual(checker.find(in: "Hillside Coffee Roasters is glad. Start small. Grind fresh. The Hillside Roastery opens."), [])
        XCTAssertEqual(checker.find(in: "Try the Startr plan.").map(\.text), ["Startr"])
    }
}
