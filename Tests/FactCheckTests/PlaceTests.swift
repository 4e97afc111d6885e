import XCTest
@testable import FactCheck

/// Places in claims against the places the knowledge base lists.
final class PlaceTests: XCTestCase {
    let knowledge = """
        # Stores
        We have stores in Utrecht, Zwolle and Haarlem.
        ## Shipping
        We ship to these countries only:
        1. Germany
        2. The Netherlands
        We do not ship to any other country. This includes Spain and Italy.
        - Every bike is assembled in Eindhoven.
        """

    struct Passages: EvidenceRetriever {
        let passages: [Evidence]
        func evidence(for claim: String, limit: Int) throws -> [Evidence] { passages }
    }

    var checker: FactChecker {
        let passages = [Evidence(source: "stores.md", heading: "Stores", text: "We have stores in Utrecht, Zwolle and Haarlem.", score: 1),
                        Evidence(source: "shipping.md", heading: "Shipping", text: "We ship to these countries only:\n1. Germany\n2. The Netherlands\nWe do not ship to any other country. This includes Spain and Italy.", score: 1),
                        Evidence(source: "made.md", heading: "Made", text: "- Every bike is assembled in Eindhoven.", score: 1)]
        return FactChecker(retriever: Passages(passages: passages), entities: [], places: PlaceFinder(knowledge: knowledge))
    }

    func testListedTownsAndAliasesAreFound() {
        let finder = PlaceFinder(knowledge: knowledge)
        XCTAssertEqual(finder.find(in: "Visit Zwolle, Holland or the UK."), ["Zwolle", "Netherlands", "United Kingdom"])
        XCTAssertEqual(finder.find(in: "Made in Amersfoort by hand.", unknown: true), ["Amersfoort"])
        XCTAssertEqual(finder.find(in: "Made in Amersfoort by hand."), [])
    }

    func testClosedListsContradictOtherPlaces() throws {
        let c = checker
        func verdict(_ text: String) throws -> ClaimCheck.Verdict? { try c.check(text).first?.verdict }
        XCTAssertEqual(try verdict("Visit our store in Haarlem."), .supported)
        XCTAssertEqual(try verdict("Visit our store in Leiden."), .contradicted)
        XCTAssertEqual(try verdict("We ship to Germany."), .supported)
        XCTAssertEqual(try verdict("We also ship to Spain."), .contradicted)
        XCTAssertEqual(try verdict("We do not ship to Spain."), .supported)
        let assembled = try XCTUnwrap(try c.check("Every bike is assembled in Utrecht.").first)
        XCTAssertEqual(assembled.verdict, .contradicted)
        XCTAssertEqual(assembled.suggestion, "Every bike is assembled in Eindhoven.")
    }

    /// A kit name listed among places is still a product when the knowledge base counts it like a
    /// thing ("a Mendip"); a name never written so stays a place ("at Collingwood").
    func testKitNamesCountedLikeThingsAreNotPlaces() {
        let knowledge = "Grinders: the Mendip, sold in Frome, Bath and Mendip. Every Mendip is assembled by hand.\nGyms in Collingwood, Fremantle and Melbourne."
        let finder = PlaceFinder(knowledge: knowledge, excluding: ["Mendip", "Collingwood"])
        XCTAssertEqual(finder.find(in: "The Mendip weighs 5.8 kg."), [])
        XCTAssertEqual(finder.find(in: "Climb at Collingwood."), ["Collingwood"])
    }
}
