import Foundation
import XCTest
@testable import BrandKit

/// Recall and precision of the rule checker over the labelled set in Tests/Fixtures/brand.
final class RuleEvaluationTests: XCTestCase {
    struct Set: Decodable {
        struct Text: Decodable {
            struct Expected: Decodable { let rule: String, text: String }
            let id: String, channel: Channel?, text: String, expected: [Expected], clean: Bool?
        }
        let texts: [Text]
    }

    func testLabelledViolationsAreFoundAndCleanTextsPass() throws {
        let url = URL(fileURLWithPath: BrandKitFixture.repository + "/Tests/Fixtures/brand/violations.json")
        let set = try JSONDecoder().decode(Set.self, from: Data(contentsOf: url))
        let checker = StyleChecker(profile: try BrandKitFixture.demoProfile())
        var expectedCount = 0, found = 0, reported = 0, correct = 0, cleanFindings: [String] = []
        var kinds: Swift.Set<String> = []
        for item in set.texts {
            let findings = checker.check(item.text, channel: item.channel)
            reported += findings.count
            if item.clean == true {
                cleanFindings += findings.map { "\(item.id): \($0.rule) '\($0.text)'" }
                continue
            }
            expectedCount += item.expected.count
            var unmatched = findings
            for e in item.expected {
                if let i = unmatched.firstIndex(where: { $0.rule == e.rule && $0.text == e.text }) {
                    found += 1
                    unmatched.remove(at: i)
                    kinds.insert(e.rule)
                } else {
                    print("MISSED \(item.id): \(e.rule) '\(e.text)'")
                }
            }
            correct += findings.count - unmatched.count
            for u in unmatched { print("EXTRA \(item.id): \(u.rule) '\(u.text)'") }
        }
        let recall = Double(found) / Double(expectedCount)
        let precision = reported == 0 ? 1 : Double(correct) / Double(reported)
        print(String(format: "brand rules: %d labelled violations, recall %.3f, precision %.3f, findings on clean texts: %d",
                     expectedCount, recall, precision, cleanFindings.count))
        XCTAssertGreaterThanOrEqual(expectedCount, 40)
        XCTAssertGreaterThanOrEqual(set.texts.filter { $0.clean == true }.count, 10)
        XCTAssertGreaterThanOrEqual(recall, 0.95)
        XCTAssertEqual(cleanFindings, [])
    }

    func testDemoKitUsesEveryRuleKindAndOnVoiceExemplarsPass() throws {
        let profile = try BrandKitFixture.demoProfile()
        XCTAssertEqual(Swift.Set(profile.rules.map(\.kind)), Swift.Set(BrandProfile.ruleKinds.keys))
        XCTAssertEqual(profile.name, "Larkhaven Cycles")
        XCTAssertEqual(profile.voice.person, .second)
        XCTAssertEqual(profile.palette.first?.hex, "#2F5D50")
        let checker = StyleChecker(profile: profile)
        let dir = BrandKitFixture.repository + "/Brand/exemplars/on-voice"
        for name in try FileManager.default.contentsOfDirectory(atPath: dir) {
            let findings = checker.check(try String(contentsOfFile: dir + "/" + name, encoding: .utf8))
            XCTAssertEqual(findings.map(\.rule), [], name)
        }
    }

    func testSafeFixesApplyRightToLeft() throws {
        let checker = StyleChecker(profile: try BrandKitFixture.demoProfile())
        let text = "Utilize the kinglet pro e-bike prior to work; it weighs 66 lbs."
        let findings = checker.check(text)
        let (fixed, applied) = StyleFix.apply(findings, to: text)
        XCTAssertEqual(fixed, "Use the Kinglet Pro electric bike before work; it weighs 66 lb.")
        XCTAssertEqual(applied.count, 5)
        XCTAssertEqual(checker.check(fixed).filter { $0.replacement != nil }, [])
    }

    func testOffsetsCountUnicodeScalars() throws {
        let checker = StyleChecker(profile: try BrandKitFixture.demoProfile())
        let text = "☕️ Café stop: the revolutionary Dipper."
        let f = try XCTUnwrap(checker.check(text).first { $0.rule == "no-hype" })
        let scalars = Array(text.unicodeScalars)
        XCTAssertEqual(String(String.UnicodeScalarView(scalars[f.start..<f.end])), "revolutionary")
    }
}
