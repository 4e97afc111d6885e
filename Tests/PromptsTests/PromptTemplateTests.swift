import XCTest
@testable import Prompts

final class PromptTemplateTests: XCTestCase {
    let valid = """
        +++
        id = "email-draft"
        kind = "draft"
        channel = "email"
        description = "Marketing email."
        inputs = ["brief", "facts"]

        [model]
        temperature = 0.7
        max_tokens = 300
        top_p = 0.9
        +++
        Brief: {{brief}}
        Facts: {{ facts }}
        """

    func testParsesFrontMatterAndRenders() throws {
        let t = try PromptTemplate(source: valid, file: "email.md")
        XCTAssertEqual(t.id, "email-draft")
        XCTAssertEqual(t.kind, .draft)
        XCTAssertEqual(t.channel, "email")
        XCTAssertEqual(t.inputs, ["brief", "facts"])
        XCTAssertEqual(t.parameters, ModelParameters(temperature: 0.7, topP: 0.9, maxTokens: 300))
        XCTAssertEqual(t.bodyLine, 13)
        XCTAssertEqual(try t.render(["brief": "Spring launch", "facts": "60 miles"]), "Brief: Spring launch\nFacts: 60 miles")
    }

    func testAnUndeclaredPlaceholderIsAnErrorWithItsLine() {
        let source = valid.replacingOccurrences(of: "Facts: {{ facts }}", with: "Facts: {{ facts }}\nFor {{audience}}")
        XCTAssertThrowsError(try PromptTemplate(source: source, file: "email.md")) { error in
            let e = error as! TemplateError
            XCTAssertEqual(e.code, .undeclaredVariable)
            XCTAssertEqual(e.line, 15)
            XCTAssertTrue(e.description.hasPrefix("email.md:15: placeholder {{audience}}"), e.description)
        }
    }

    func testRenderingNeedsEveryInputAndNoOthers() throws {
        let t = try PromptTemplate(source: valid, file: "email.md")
        XCTAssertThrowsError(try t.render(["brief": "x"])) { error in
            XCTAssertEqual((error as! TemplateError).code, .missingVariable)
            XCTAssertTrue("\(error)".contains("'facts'"))
        }
        XCTAssertThrowsError(try t.render(["brief": "x", "facts": "y", "tone": "z"])) { error in
            XCTAssertEqual((error as! TemplateError).code, .unknownVariable)
            XCTAssertTrue("\(error)".contains("'tone'"))
        }
    }

    func testValuesAreNotReinterpretedAsPlaceholders() throws {
        let t = try PromptTemplate(source: valid, file: "email.md")
        XCTAssertEqual(try t.render(["brief": "{{facts}}", "facts": "ok"]), "Brief: {{facts}}\nFacts: ok")
    }

    func testFrontMatterErrors() {
        func error(_ source: String) -> TemplateError? {
            do { _ = try PromptTemplate(source: source, file: "x.md"); return nil } catch { return error }
        }
        XCTAssertEqual(error("Hello")?.code, .missingFrontMatter)
        XCTAssertEqual(error("+++\nid = \"a\"\nkind = \"draft\"\nHello")?.code, .missingFrontMatter)
        let badTOML = error("+++\nid = \"a\nkind = \"draft\"\n+++\nbody")
        XCTAssertEqual(badTOML?.code, .invalidFrontMatter)
        XCTAssertEqual(badTOML?.line, 2)
        XCTAssertEqual(error("+++\nkind = \"draft\"\n+++\nbody")?.code, .missingField)
        let badKind = error("+++\nid = \"a\"\nkind = \"poem\"\n+++\nbody")
        XCTAssertEqual(badKind?.code, .invalidField)
        XCTAssertEqual(badKind?.line, 3)
        let unknown = error("+++\nid = \"a\"\nkind = \"draft\"\ncolour = \"red\"\n+++\nbody")
        XCTAssertEqual(unknown?.line, 4)
        XCTAssertTrue(unknown?.message.contains("colour") ?? false)
        XCTAssertEqual(error("+++\nid = \"a\"\nkind = \"draft\"\n[model]\nmax_tokens = -3\n+++\nbody")?.line, 5)
        XCTAssertEqual(error("+++\nid = \"a\"\nkind = \"draft\"\n+++\nHi {{ }}")?.code, .unterminatedPlaceholder)
        XCTAssertEqual(error("+++\nid = \"a\"\nkind = \"draft\"\ninputs = [\"x\"]\n+++\nHi {{x")?.code, .unterminatedPlaceholder)
    }

    func testTheProjectTemplatesAllParse() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") && $0 != "README.md" }
        XCTAssertGreaterThanOrEqual(files.count, 8)
        var ids = Set<String>()
        for name in files {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let t = try PromptTemplate(source: text, file: name)
            XCTAssertTrue(ids.insert(t.id).inserted, "duplicate id \(t.id)")
        }
    }
}

final class LineDiffTests: XCTestCase {
    func testUnifiedDiff() {
        let old = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n"
        let new = "a\nb\nC\nd\ne\nf\ng\nh\ni\nj\nk\n"
        let diff = LineDiff(old: old, new: new)
        XCTAssertEqual(diff.unified(oldName: "t@v1", newName: "t@v2", context: 1), """
            --- t@v1
            +++ t@v2
            @@ -2,3 +2,3 @@
             b
            -c
            +C
             d
            @@ -10,1 +10,2 @@
             j
            +k

            """)
    }

    func testIdenticalTextsHaveNoDiff() {
        XCTAssertTrue(LineDiff(old: "x\ny", new: "x\ny").isEmpty)
        XCTAssertEqual(LineDiff(old: "x", new: "x").unified(oldName: "a", newName: "b"), "")
    }

    func testEditsAreAMinimalScript() {
        let diff = LineDiff(old: "1\n2\n3", new: "0\n1\n3\n4")
        XCTAssertEqual(diff.edits, [.added("0"), .same("1"), .removed("2"), .same("3"), .added("4")])
    }
}
