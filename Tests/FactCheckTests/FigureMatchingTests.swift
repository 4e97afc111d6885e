import XCTest
@testable import FactCheck

/// Figures in claims against the statements of a few passages.
final class FigureMatchingTests: XCTestCase {
    struct Passages: EvidenceRetriever {
        let passages: [Evidence]
        func evidence(for claim: String, limit: Int) throws -> [Evidence] { passages }
    }

    func checker(_ passages: [(heading: String, text: String)], entities: [String] = []) -> FactChecker {
        FactChecker(retriever: Passages(passages: passages.map { Evidence(source: "kb.md", heading: $0.heading, text: $0.text, score: 1) }),
                    entities: entities)
    }

    func verdicts(_ text: String, _ checker: FactChecker) throws -> [ClaimCheck.Verdict] {
        try checker.check(text).map(\.verdict)
    }

    /// One statement that bears out a claim's first figure speaks for its other figures.
    func testAStatementSpeaksForEveryFigureItGives() throws {
        let c = checker([("Cafés › Manchester", "- Address: 45 Tib Street.\n- Opening hours: Monday to Friday, 07:30 to 18:00.")])
        XCTAssertEqual(try verdicts("Our café opens at 07:30 on weekdays and closes at 18:00.", c), [.supported])
        XCTAssertNotEqual(try verdicts("Our café opens at 07:30 on weekdays and closes at 19:00.", c), [.supported])
    }

    /// A rate per user is no rival for a monthly price; the nearest heading that names a plan says
    /// which plan its statements are about; "Scale" is the Scale plan where it is capitalised.
    func testPricesOfTheNamedPlan() throws {
        let plans = [("Plans: Starter, Standard and Scale › Standard plan", "- Price: €35 per month.\n- Users: up to 3."),
                     ("Plans: Starter, Standard and Scale › Scale plan",
                      "- Price: €60 per month, excluding VAT.\n- Users: 15 included. Extra users cost €6 per user per month.")]
        let c = checker(plans, entities: ["Standard plan", "Scale plan"])
        XCTAssertEqual(try verdicts("Scale includes 15 users and costs €60 a month.", c), [.supported])
        XCTAssertEqual(try verdicts("Scale includes 25 users.", c), [.contradicted])
        XCTAssertEqual(EntityFinder.find(["Scale plan"], in: "Tallyfield Scale: 25 users"), ["Scale plan"])
        XCTAssertEqual(EntityFinder.find(["Scale plan"], in: "Built to work at scale."), [])
    }

    /// Minutes are not rounded to hours.
    func testHalfAnHourIsNotAnHour() throws {
        let c = checker([("Opening hours", "- Last entry is 1 hour before closing time.")])
        XCTAssertEqual(try verdicts("Last entry is 30 minutes before closing.", c), [.contradicted])
        XCTAssertEqual(try verdicts("Last entry is 60 minutes before closing.", c), [.supported])
    }

    /// A distinctive figure is borne out by a statement that gives it, however few words they share;
    /// not when the most relevant statement gives another figure for the same attribute.
    func testDistinctiveFigures() throws {
        let c = checker([("Walls", "- Every bouldering floor is covered in crash matting 40 cm thick.\n- Fremantle has the tallest bouldering walls, at 4.8 m.")])
        XCTAssertEqual(try verdicts("The walls go up to four point eight metres, over thick crash mats.", c), [.supported])
        let kettle = checker([("Kettle", "- Weight: 1.1 kg for the kettle and base together.\n- The kettle alone weighs 780 g.")])
        XCTAssertEqual(try verdicts("The kettle alone weighs 1.1 kg.", kettle), [.contradicted])
    }

    /// A claim is supported only when the passages that bear out its figures also give every name it
    /// names; a headline's capitals and a language are not names.
    func testNamesTheEvidenceDoesNotGive() throws {
        let c = checker([("Company", "- Founded: 2012, in a rented garage in Fort Collins, Colorado, by Dana Okafor.\n- Support in Portuguese comes from Lisbon.")])
        XCTAssertEqual(try verdicts("Brightwell was founded in 2012 by Dana Okafor.", c), [.supported])
        XCTAssertEqual(try verdicts("Brightwell was founded in 2012 by Dana Okafor and her partner, Marcus Reyes.", c), [.unverifiable])
        XCTAssertEqual(try verdicts("Founded in 2012, With Its Own Crews", c), [.supported])
    }

    /// A section's heading scopes its statements to its place.
    func testASectionHeadingScopesItsPlace() throws {
        let places = PlaceFinder(knowledge: "# Cafés\n## Bristol\n- Our first café, opened in 2016.\n## Bath\n- Opened in 2019.")
        let c = FactChecker(retriever: Passages(passages: [Evidence(source: "cafes.md", heading: "Cafés › Bristol", text: "- Our first café, opened in 2016.", score: 1),
                                                           Evidence(source: "cafes.md", heading: "Cafés › Bath", text: "- Opened in 2019.", score: 1)]),
                            entities: [], places: places)
        XCTAssertNotEqual(try verdicts("Bath was our first café, opening in 2016.", c), [.supported])
        XCTAssertEqual(try verdicts("Bristol was our first café, opening in 2016.", c), [.supported])
    }

    /// An hourly rate is not a price of a whole course.
    func testAnHourlyRateIsNoPrice() throws {
        let c = checker([("Courses", "- Private coaching costs $95 an hour for one or two people.\n- The lead course costs $259.")])
        XCTAssertNotEqual(try verdicts("Our course is three sessions for $149.", c), [.contradicted])
        XCTAssertEqual(try verdicts("Private coaching costs $85 an hour.", c), [.contradicted])
    }
}
