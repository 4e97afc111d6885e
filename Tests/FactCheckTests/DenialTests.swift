import XCTest
@testable import FactCheck

/// Negative statements, days of the week, ranges and model names, checked against passages given
/// to the checker (no retrieval model).
final class DenialTests: XCTestCase {
    struct Passages: EvidenceRetriever {
        let passages: [Evidence]
        func evidence(for claim: String, limit: Int) throws -> [Evidence] { passages }
    }

    func checker(_ passages: [(String, String, String)], entities: [String] = [], names: [String] = []) -> FactChecker {
        let evidence = passages.map { Evidence(source: $0.0, heading: $0.1, text: $0.2, score: 1) }
        let knowledge = passages.map { "# \($0.1)\n\($0.2)" }.joined(separator: "\n")
        return FactChecker(retriever: Passages(passages: evidence), entities: entities, names: names,
                           places: PlaceFinder(knowledge: knowledge, excluding: names))
    }

    func verdicts(_ c: FactChecker, _ text: String) throws -> [String] {
        try c.check(text).map { "\($0.claim.text) → \($0.verdict.rawValue)" }
    }

    func testNegativeStatementsDenyWhatTheyDeny() throws {
        let c = checker([("support.md", "What to expect", "- We do not offer live chat.\n- We reply to every email within 1 working day."),
                         ("sourcing.md", "Who we buy from", "- None of our coffees are certified organic.\n- We are not Fairtrade certified."),
                         ("care.md", "Storage", "- Don't keep beans or ground coffee in the fridge."),
                         ("safety.md", "Belaying", "- Tube-style devices are not allowed."),
                         ("gyms.md", "Gyms", "Our gyms are in Fremantle, Sydney and Perth."),
                         ("gear.md", "Hire", "- Fremantle hires shoes and chalk bags but not harnesses or belay devices."),
                         ("impact.md", "Carbon", "- We have not yet measured our full carbon footprint.")])
        XCTAssertEqual(try c.check("You can also start a return through live chat on our website.").first?.verdict, .contradicted)
        XCTAssertEqual(try c.check("Every bag is certified organic.").first?.verdict, .contradicted)
        // Not check-worthy by its form, but the knowledge base denies it.
        XCTAssertEqual(try c.check("Keep your beans in the fridge to keep them fresh.").first?.verdict, .contradicted)
        XCTAssertEqual(try c.check("You can bring your own tube-style belay device.").first?.verdict, .contradicted)
        // A statement scoped to a place says nothing of a claim that does not name it.
        XCTAssertNotEqual(try c.check("Casual climbers can hire harnesses and belay devices.").first?.verdict, .contradicted)
        // "Not yet" is not against what will be.
        let future = try verdicts(c, "We'll publish our first full carbon footprint next spring.")
        XCTAssertTrue(future.allSatisfy { !$0.hasSuffix("contradicted") }, future.joined())
        // A negated claim agrees with a negative statement; an ordinary sentence nothing denies is no claim.
        XCTAssertNotEqual(try c.check("We don't offer live chat.").first?.verdict, .contradicted)
        XCTAssertTrue(try c.check("Have a lovely weekend.").isEmpty)
    }

    func testTableCellsThatSayNo() throws {
        let table = "| Gym | Lockers | Sauna |\n|---|---|---|\n| West End | No | Yes |\n| Marrickville | Yes | Yes |"
        let c = checker([("facilities.md", "Facilities", "Our gyms are in West End, Marrickville and Perth.\n" + table)])
        XCTAssertEqual(try c.check("If you're bringing a bag, West End has free lockers.").first?.verdict, .contradicted)
    }

    func testDaysOfTheWeek() throws {
        let c = checker([("cafes.md", "Cafés › Frome Roastery Café", "- Opening hours: Tuesday to Saturday, 08:00 to 16:00.\n- Closed on Sundays and Mondays."),
                         ("support.md", "Hours", "- Support is open Monday to Friday, 09:00 to 17:00.\n- On Saturday and Sunday, support is open 10:00 to 14:00.")],
                        entities: ["Frome Roastery Café"])
        let wrong = try c.check("The Frome Roastery Café is open every day from 08:00 to 16:00.")[0]
        XCTAssertEqual(wrong.verdict, .contradicted)
        XCTAssertEqual(wrong.suggestion, "The Frome Roastery Café is open Tuesday to Saturday from 08:00 to 16:00.")
        let saturday = try c.check("The Frome Roastery Café opens at 08:00 on Saturdays.")[0]
        XCTAssertEqual(saturday.verdict, .supported, saturday.reason)
        // Days given over two lines of one section, together.
        XCTAssertEqual(try c.check("Support is open every day.")[0].verdict, .supported)
    }

    func testRangesAndDifferences() throws {
        let c = checker([("grinder.md", "Quantock › Settings", "- Espresso: about 8 to 12 clicks from fully closed.\n- Pour-over: about 22 clicks from fully closed."),
                         ("walls.md", "Walls", "- The lead wall at Marrickville is 18 m tall.\n- The lead wall at Collingwood is 16 m tall.")])
        XCTAssertEqual(try c.check("For espresso you need about 15 clicks.")[0].verdict, .contradicted)
        XCTAssertEqual(try c.check("For espresso you need about 10 clicks.")[0].verdict, .supported)
        XCTAssertNotEqual(try c.check("The Marrickville lead wall is 2 m taller.")[0].verdict, .contradicted, "a difference is not a height")
    }

    func testModelNamesWithoutTheirNumber() {
        XCTAssertEqual(EntityFinder.find(["Meridian 440", "Cedar 370", "Cedar"], in: "The Meridian and the Cedar 370 panels"), ["Cedar", "Meridian 440"])
    }

    func testAmountsOfDifferentKinds() {
        func words(_ s: String) -> Set<String> { Words.content(s) }
        XCTAssertFalse(FactChecker.sameKindOfAmount(.money, words("costs a month"), words("costs per year")), "periods")
        XCTAssertFalse(FactChecker.sameKindOfAmount(.money, words("costs a month"), words("per user per month")), "a rate and a total")
        XCTAssertFalse(FactChecker.sameKindOfAmount(.percent, words("revenue share"), words("off every subscription")), "a share and a discount")
        XCTAssertTrue(FactChecker.sameKindOfAmount(.money, words("trade in for off"), words("in credit toward")))
    }

    /// A statement's names are not what it denies; what something "is not" is denied by itself; and
    /// "no second gym in Sydney" does not deny that there is one.
    func testDenialsWithNamesCopulasAndOtherOnes() throws {
        let c = checker([("hearth.md", "Hearth", "- The Hearth does not connect to a generator."),
                         ("company.md", "Company", "- Ridgeline is privately owned. It is not a franchise.\n- Our gyms are in Sydney, Perth and Fremantle.\n- There is no second Ridgeline gym in Sydney, Melbourne or Perth.")],
                        entities: ["Hearth"], names: ["Hearth", "Ridgeline"])
        XCTAssertEqual(try c.check("The Hearth stores energy. It can also connect to your backup generator.").map(\.verdict), [.contradicted])
        XCTAssertEqual(try c.check("Each Ridgeline gym is locally owned and run as a franchise.").map(\.verdict), [.contradicted])
        let gyms = try c.check("We have gyms in Sydney and Perth.")
        XCTAssertTrue(gyms.allSatisfy { $0.verdict != .contradicted }, gyms.map(\.reason).joined())
    }
}
