import XCTest
@testable import BrandKit

/// Every way a brand.toml can be wrong names the file, the line, the rule and the key.
final class BrandProfileErrorTests: XCTestCase {
    static let head = "[brand]\nname = \"Acme\"\n\n"

    func expect(_ rules: String, line: Int?, rule: String?, _ fragment: String, code: KitError.Code, file: StaticString = #filePath, at: UInt = #line) {
        XCTAssertThrowsError(try BrandProfile(toml: Self.head + rules, file: "kit/brand.toml"), file: file, line: at) { error in
            guard let e = error as? KitError else { return XCTFail("\(error)", file: file, line: at) }
            XCTAssertEqual(e.code, code, "\(e)", file: file, line: at)
            XCTAssertEqual(e.line, line, "\(e)", file: file, line: at)
            XCTAssertEqual(e.rule, rule, "\(e)", file: file, line: at)
            XCTAssertTrue(e.description.hasPrefix("kit/brand.toml:"), "\(e)", file: file, line: at)
            XCTAssertTrue(e.description.contains(fragment), "\(e)", file: file, line: at)
        }
    }

    func testRuleErrors() {
        let rule = "[[rules]]\nid = \"no-hype\"\nkind = \"existence\"\nlevel = \"warning\"\nmessage = \"'%s' is hype.\"\n"
        expect(rule + "tokens = [\"epic\"]\nignorecas = true\n", line: 10, rule: "no-hype", "unknown key \"ignorecas\"", code: .unknownKey)
        expect(rule.replacingOccurrences(of: "existence", with: "forbidden") + "tokens = [\"x\"]\n", line: 6, rule: "no-hype", "unknown rule kind \"forbidden\"", code: .unknownKind)
        expect(rule + "tokens = ['(?<=x)y']\n", line: 9, rule: "no-hype", "lookbehind", code: .invalidPattern)
        expect(rule + "tokens = ['(unclosed']\n", line: 9, rule: "no-hype", "does not compile", code: .invalidPattern)
        expect(rule + "tokens = ['(a)\\1']\n", line: 9, rule: "no-hype", "backreference", code: .invalidPattern)
        expect(rule + "tokens = ['(?i)x']\n", line: 9, rule: "no-hype", "inline flag", code: .invalidPattern)
        expect(rule, line: 4, rule: "no-hype", "missing required key `tokens`", code: .missingKey)
        expect(rule + "tokens = \"epic\"\n", line: 9, rule: "no-hype", "array of strings", code: .wrongType)
        expect(rule.replacingOccurrences(of: "warning", with: "fatal") + "tokens = [\"x\"]\n", line: 7, rule: "no-hype", "`level`", code: .invalidValue)
        expect(rule + "tokens = [\"x\"]\n" + rule + "tokens = [\"y\"]\n", line: 10, rule: "no-hype", "earlier rule", code: .duplicateRule)
        let required = "[[rules]]\nid = \"unsub\"\nkind = \"required\"\nlevel = \"error\"\nmessage = \"m\"\nchannel = \"fax\"\ntext = \"Unsubscribe\"\n"
        expect(required, line: 9, rule: "unsub", "unknown channel \"fax\"", code: .invalidValue)
        let length = "[[rules]]\nid = \"len\"\nkind = \"length\"\nlevel = \"error\"\nmessage = \"m\"\n"
        expect(length, line: 4, rule: "len", "max_words, max_sentences or max_chars", code: .missingKey)
    }

    func testTableErrors() {
        XCTAssertThrowsError(try BrandProfile(toml: "[brand]\nname = \"A\"\n[palette]\nprimary = \"green\"\n", file: "b.toml")) { error in
            XCTAssertEqual((error as? KitError)?.line, 4)
            XCTAssertEqual((error as? KitError)?.field, "primary")
        }
        XCTAssertThrowsError(try BrandProfile(toml: "[brand]\nname = \"A\"\n[voice]\nperson = \"fourth\"\n", file: "b.toml")) { error in
            XCTAssertEqual((error as? KitError)?.line, 4)
        }
        XCTAssertThrowsError(try BrandProfile(toml: "[brand]\nname = \"A\"\n[colours]\nx = 1\n", file: "b.toml")) { error in
            XCTAssertEqual((error as? KitError)?.code, .unknownKey)
        }
        XCTAssertThrowsError(try BrandProfile(toml: "[brand]\nname = \"A\"\nrules = [\n", file: "b.toml")) { error in
            XCTAssertEqual((error as? KitError)?.code, .syntax)
        }
        XCTAssertThrowsError(try BrandProfile(toml: "[brand]\nname = \"A\"\n[review]\nmin_score = 120\n", file: "b.toml")) { error in
            XCTAssertEqual((error as? KitError)?.code, .invalidValue)
            XCTAssertEqual((error as? KitError)?.line, 4)
            XCTAssertEqual((error as? KitError)?.field, "min_score")
        }
        XCTAssertThrowsError(try BrandProfile(toml: "[brand]\nname = \"A\"\n[review]\nmin_score = \"high\"\n", file: "b.toml")) { error in
            XCTAssertEqual((error as? KitError)?.field, "min_score")
        }
        XCTAssertThrowsError(try BrandProfile(toml: "[brand]\nname = \"A\"\n[review]\nauto_approve = true\n", file: "b.toml")) { error in
            XCTAssertEqual((error as? KitError)?.code, .unknownKey)
            XCTAssertEqual((error as? KitError)?.line, 4)
        }
        XCTAssertEqual(try BrandProfile(toml: "[brand]\nname = \"A\"\n", file: "b.toml").review.minScore, 50)
        XCTAssertEqual(try BrandProfile(toml: "[brand]\nname = \"A\"\n[review]\nmin_score = 55\n", file: "b.toml").review.minScore, 55)
        XCTAssertThrowsError(try BrandProfile(toml: "[voice]\ntraits = []\n", file: "b.toml")) { error in
            XCTAssertEqual((error as? KitError)?.field, "brand")
        }
    }
}
