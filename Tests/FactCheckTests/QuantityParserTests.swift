import XCTest
@testable import FactCheck

final class QuantityParserTests: XCTestCase {
    func describe(_ text: String) -> [String] {
        QuantityParser.parse(text).map { "\($0.text)|\($0.dimension.rawValue)|\($0.bound.rawValue)" }
    }

    func testUnitsBoundsAndConversions() {
        XCTAssertEqual(describe("Up to 60 miles (97 km) on one charge"), ["60 miles|length|atMost", "97 km|length|atMost", "one charge|count|exact"])
        XCTAssertEqual(describe("$3,299, or $274.92 a month at 0% APR"), ["$3,299|money|exact", "$274.92|money|exact", "0%|percent|exact"])
        XCTAssertEqual(describe("750 W, 90 Nm, 48 V, 16.8 Ah, 806 Wh, 28 mph (45 km/h)"),
                       ["750 W|power|exact", "90 Nm|torque|exact", "48 V|voltage|exact", "16.8 Ah|charge|exact", "806 Wh|energy|exact",
                        "28 mph|speed|exact", "45 km/h|speed|exact"])
        XCTAssertEqual(describe("a 30-day return, more than 38,000 riders, 16 or older, 5 to 7 business days"),
                       ["30-day|duration|exact", "38,000 riders|count|atLeast", "16 or older|count|atLeast", "5 to 7 business days|duration|exact"])
        XCTAssertEqual(describe("On sale April 7, 2026; started in March 2024; founded 2017; IPX5, UL 2849, until 1 p.m."),
                       ["April 7, 2026|date|exact", "March 2024|date|exact", "2017|year|exact", "1 p.m.|timeOfDay|atMost"])
        let miles = QuantityParser.parse("60 miles")[0], km = QuantityParser.parse("97 km")[0], far = QuantityParser.parse("70 miles")[0]
        XCTAssertTrue(miles.sameAmount(as: km))
        XCTAssertFalse(far.sameAmount(as: km))
        XCTAssertTrue(QuantityParser.parse("440 lb")[0].sameAmount(as: QuantityParser.parse("200 kg")[0]))
        XCTAssertFalse(QuantityParser.parse("2023")[0].sameAmount(as: QuantityParser.parse("2024")[0]))
    }

    func testSuggestionKeepsTheClaimsUnitAndStyle() {
        let claims = ClaimExtractor.claims(in: "Body: The Kinglet Pro goes up to 70 miles on one charge.")
        XCTAssertEqual(claims.first?.text, "The Kinglet Pro goes up to 70 miles on one charge.")
        XCTAssertEqual(claims.first?.start, 6)
        let claim = claims[0]
        let q = claim.quantities[0]
        XCTAssertEqual(FactChecker.replace(q, with: QuantityParser.parse("up to 97 km")[0], in: claim), "The Kinglet Pro goes up to 60 miles on one charge.")
        let price = ClaimExtractor.claims(in: "Now $3,999 for the school year.")[0]
        XCTAssertEqual(FactChecker.replace(price.quantities[0], with: QuantityParser.parse("$4,199")[0], in: price), "Now $4,199 for the school year.")
    }

    /// Numbers as a voiceover says them, and 24-hour times.
    func testSpelledNumbersAndTwentyFourHourTimes() {
        let q = QuantityParser.parse("Since twenty fourteen, sixty-four millimetre burrs, two hundred and eighty tonnes, open 07:30 to 18:00, in twenty twenty-five.")
        XCTAssertEqual(q.map(\.dimension), [.year, .length, .mass, .timeOfDay, .timeOfDay, .year])
        XCTAssertEqual(q.map(\.base), [2014, 0.000064, 280_000, 450, 1080, 2025])
        XCTAssertEqual(QuantityParser.parse("It arrives the next working day.").map(\.unit), ["business day"])
    }

    func testQuestionsAreNotClaims() {
        XCTAssertEqual(ClaimExtractor.claims(in: "Need more range? The Kestrel goes 60 km on one charge.").map(\.text), ["The Kestrel goes 60 km on one charge."])
    }

    /// Ranges keep their low end; a figure inside one is borne out by it, one outside is not.
    func testRangesAgesAndCountedNouns() {
        let clicks = QuantityParser.parse("Espresso: about 8 to 12 clicks from fully closed.")
        XCTAssertEqual(clicks.map(\.text), ["8 to 12 clicks"])
        XCTAssertEqual(clicks.first?.low, 8)
        let weights = QuantityParser.parse("Auto-belays take climbers who weigh from 10 kg to 140 kg.")
        XCTAssertEqual(weights.count, 1)
        XCTAssertEqual(weights.first?.low, 10)
        XCTAssertEqual(weights.first?.base, 140)
        XCTAssertEqual(describe("Open to anyone aged 12 and over, ages 6 to 13, 14 or older."),
                       ["12 and over|count|atLeast", "6 to 13|count|exact", "14 or older|count|atLeast"])
        XCTAssertEqual(QuantityParser.parse("Fremantle has 40 free spaces.").map(\.unit), ["space"])
        // Times of day stay two facts: an opening and a closing time.
        XCTAssertEqual(QuantityParser.parse("Open 08:00 to 16:00.").count, 2)
        XCTAssertTrue(QuantityParser.parse("about $164 a month")[0].approximate)
        XCTAssertEqual(QuantityParser.parse("The 18 m lead wall").map(\.dimension), [.length])
    }

    /// Days of the week as sets: ranges, lists, plurals and words for several days.
    func testWeekdays() {
        func days(_ text: String) -> [Int] { QuantityParser.parse(text).filter { $0.dimension == .weekdays }.map { Int($0.base) } }
        XCTAssertEqual(days("Opening hours: Monday to Friday, 07:30 to 17:30."), [31])
        XCTAssertEqual(days("Tuesday–Saturday"), [62])
        XCTAssertEqual(days("Saturday and Sunday, 08:30 to 17:00."), [96])
        XCTAssertEqual(days("Closed on Sundays and Mondays."), [65])
        XCTAssertEqual(days("orders placed on a Friday, Saturday or Sunday"), [112])
        XCTAssertEqual(days("open every day"), [127])
        XCTAssertEqual(days("We're open seven days a week."), [127])
        XCTAssertEqual(QuantityParser.parse("We're open seven days a week.").count, 1, "not also a duration of seven days")
        XCTAssertEqual(days("on weekdays"), [31])
        XCTAssertEqual(days("Friday to Monday"), [1 | 16 | 32 | 64])
        XCTAssertEqual(days("We may be in touch soon."), [], "a lowercase word is no day")
    }

    /// Money and decimals as a voiceover says them; energy in words; dates written day first.
    func testMoneyAndDecimalsInWordsAndDayFirstDates() {
        XCTAssertEqual(describe("Entry is twenty-seven dollars, or forty euro, up to four point eight metres, twelve point eight kilowatt hours."),
                       ["twenty-seven dollars|money|exact", "forty euro|money|exact", "four point eight metres|length|atMost",
                        "twelve point eight kilowatt hours|energy|exact"])
        let q = QuantityParser.parse("twenty-seven dollars, four point eight metres, twelve point eight kilowatt hours, twenty-two thousand, nine hundred and sixty dollars")
        XCTAssertEqual(q.map(\.unit), ["$", "m", "Wh", "$"])
        XCTAssertEqual(q.map(\.value), [27, 4.8, 12.8, 22960])
        XCTAssertEqual(q[1].decimals, 1)
        XCTAssertEqual(describe("Launched on 5 April 2022, updated 3 February."), ["5 April 2022|date|exact", "3 February|date|exact"])
        XCTAssertEqual(QuantityParser.parse("5 April 2022")[0].base, 20220405)
        // "one-off" is not a count; a label gives a bound.
        XCTAssertEqual(describe("One-off orders"), [])
        XCTAssertEqual(describe("- Minimum fill: 300 ml.\n- Capacity: 1 litre."), ["300 ml|volume|atLeast", "1 litre|volume|atMost"])
    }

    /// Units of one system compare exactly: the rounding of a converted unit does not make 30 minutes an hour.
    func testRoundingToleranceIsThePreciseSides() {
        XCTAssertFalse(QuantityParser.parse("30 minutes")[0].sameAmount(as: QuantityParser.parse("1 hour")[0]))
        XCTAssertTrue(QuantityParser.parse("90 minutes")[0].sameAmount(as: QuantityParser.parse("1.5 hours")[0]))
        XCTAssertTrue(QuantityParser.parse("1 inch")[0].sameAmount(as: QuantityParser.parse("25 mm")[0]))
        XCTAssertTrue(QuantityParser.parse("4.8 m")[0].sameAmount(as: QuantityParser.parse("16 ft")[0]))
    }
}
