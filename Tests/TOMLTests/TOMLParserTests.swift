import XCTest
@testable import TOML

final class TOMLParserTests: XCTestCase {
    func testValuesTablesAndOrder() throws {
        let t = try TOML.parse("""
            title = "Spring"
            count = 1_000
            ratio = 0.5
            on = true
            when = 2026-03-01
            tags = ["a", "b"]
            [voice]
            traits = ["warm"]
            [[rules]]
            id = "one"
            [[rules]]
            id = "two"
            """)
        XCTAssertEqual(t.keys, ["title", "count", "ratio", "on", "when", "tags", "voice", "rules"])
        XCTAssertEqual(t["title"]?.string, "Spring")
        XCTAssertEqual(t["count"]?.int, 1000)
        XCTAssertEqual(t["ratio"]?.double, 0.5)
        XCTAssertEqual(t["count"]?.double, 1000)
        XCTAssertEqual(t["on"]?.bool, true)
        XCTAssertEqual(t["when"]?.dateTime?.kind, .localDate)
        XCTAssertEqual(t["tags"]?.array?.compactMap(\.string), ["a", "b"])
        XCTAssertEqual(t.value(at: ["voice", "traits"])?.array?.count, 1)
        XCTAssertEqual(t["rules"]?.array?.compactMap { $0.table?["id"]?.string }, ["one", "two"])
    }

    func testPositionsOfKeys() throws {
        let t = try TOML.parse("a = 1\n\n  bb = 2\n[x]\n é = 3\n".replacingOccurrences(of: " é", with: " \"é\""))
        XCTAssertEqual(t.position(of: "a"), TOMLPosition(line: 1, column: 1))
        XCTAssertEqual(t.position(of: "bb"), TOMLPosition(line: 3, column: 3))
        XCTAssertEqual(t["x"]?.table?.position(of: "é"), TOMLPosition(line: 5, column: 2))
    }

    func testTruncatedDocumentNamesLineAndColumn() {
        XCTAssertThrowsError(try TOML.parse("name = \"ok\"\nlist = [1, 2,\n", file: "brand.toml")) { error in
            let e = error as! TOMLError
            XCTAssertEqual(e.file, "brand.toml")
            XCTAssertEqual(e.line, 3)
            XCTAssertTrue(e.message.contains("never closed"), e.message)
            XCTAssertTrue(e.description.hasPrefix("brand.toml:3:"), e.description)
        }
        XCTAssertThrowsError(try TOML.parse("a = \"unterminated\n")) { error in
            let e = error as! TOMLError
            XCTAssertEqual(e.line, 1)
        }
    }

    func testColumnsCountUnicodeScalars() {
        XCTAssertThrowsError(try TOML.parse("k = \"héllo\" x")) { error in
            let e = error as! TOMLError
            XCTAssertEqual(e.line, 1)
            XCTAssertEqual(e.column, 13)
        }
    }

    func testRedefinitionsAreErrors() {
        for bad in ["a = 1\na = 2", "[t]\n[t]", "a.b = 1\n[a]", "[a.b.c]\nz = 9\n[a]\nb.c.t = 1", "x = {a = 1}\n[x]", "a = []\n[[a]]"] {
            XCTAssertThrowsError(try TOML.parse(bad), bad)
        }
    }

    func testInvalidUTF8ReportsOffset() {
        XCTAssertThrowsError(try TOML.parse(bytes: Array("a = \"".utf8) + [0xC3, 0x28] + Array("\"".utf8))) { error in
            XCTAssertTrue((error as! TOMLError).message.contains("offset 5"))
        }
    }

    func testTaggedJSON() throws {
        let t = try TOML.parse("a = 1\nb = [1.5, \"x\"]\nc = 1979-05-27 07:32:00Z")
        XCTAssertEqual(t.taggedJSON(), #"{"a":{"type":"integer","value":"1"},"b":[{"type":"float","value":"1.5"},{"type":"string","value":"x"}],"c":{"type":"datetime","value":"1979-05-27T07:32:00Z"}}"#)
    }
}
