import Foundation
import XCTest

final class CommandLineTests: XCTestCase {
    func testHelpListsCommandsAndExitCodes() throws {
        let r = try CLI.run(["--help"])
        XCTAssertEqual(r.status, 0)
        for word in ["init", "doctor", "templates sync", "templates diff", "lineage", "runs list", "models fetch", "Exit codes"] {
            XCTAssertTrue(r.stdout.contains(word), "help lacks \(word)")
        }
    }

    func testEveryCommandHasHelp() throws {
        let help = try CLI.run(["--help"]).stdout
        let commands = help.split(separator: "\n").filter { $0.hasPrefix("  ") }.map { line in
            line.trimmingCharacters(in: .whitespaces).components(separatedBy: "  ")[0].split(separator: " ").map(String.init)
        }
        XCTAssertGreaterThan(commands.count, 15)
        for words in commands {
            let r = try CLI.run(words + ["--help"])
            XCTAssertEqual(r.status, 0, "\(words) --help")
            XCTAssertTrue(r.stdout.contains("Usage: copydesk \(words.joined(separator: " "))"), "\(words): \(r.stdout)")
        }
    }

    func testUnknownFlagIsAUsageErrorNamingIt() throws {
        let r = try CLI.run(["templates", "list", "--colour"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("unknown option '--colour'"), r.stderr)
        XCTAssertTrue(r.stderr.contains("copydesk templates list --help"), r.stderr)
    }

    func testMissingValueAndArgumentsAreUsageErrors() throws {
        let ws = Scratch()
        var r = try CLI.run(["init", "--workspace"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("option '--workspace' needs a value"), r.stderr)
        r = try CLI.run(["templates", "diff", "a", "v1", "--workspace", ws.path])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("missing argument B"), r.stderr)
        r = try CLI.run(["frobnicate"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("unknown command 'frobnicate'"))
        r = try CLI.run(["templates"])
        XCTAssertEqual(r.status, 2)
        r = try CLI.run(["runs", "list", "--limit", "many", "--workspace", ws.path])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("expects a whole number"), r.stderr)
    }

    func testInitSyncLabelDiffAndLineageEndToEnd() throws {
        let s = Scratch()
        let ws = ["--workspace", s.file("ws")]
        s.write("templates/a.md", "+++\nid = \"a\"\nkind = \"draft\"\ninputs = [\"brief\"]\n+++\nWrite {{brief}}.\n")
        s.write("brand/brand.toml", "[brand]\nname = \"Test\"\n")
        var r = try CLI.run(["init", "--brand", s.file("brand"), "--templates", s.file("templates"), "--json"] + ws)
        XCTAssertEqual(r.status, 0, r.stderr)
        let initJSON = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        XCTAssertEqual((initJSON["templates"] as! [[String: Any]]).first?["action"] as? String, "created")
        XCTAssertEqual(initJSON["brand_files"] as? Int, 1)

        // Idempotent sync, then a change.
        r = try CLI.run(["templates", "sync", "--templates", s.file("templates"), "--json"] + ws)
        XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [[String: Any]]).first?["action"] as? String, "unchanged")
        s.write("templates/a.md", "+++\nid = \"a\"\nkind = \"draft\"\ninputs = [\"brief\"]\n+++\nWrite {{brief}} warmly.\n")
        r = try CLI.run(["templates", "sync", "--templates", s.file("templates")] + ws)
        XCTAssertTrue(r.stdout.contains("v2"), r.stdout)

        r = try CLI.run(["templates", "diff", "a", "v1", "v2"] + ws)
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.contains("-Write {{brief}}.\n+Write {{brief}} warmly."), r.stdout)

        r = try CLI.run(["templates", "label", "a", "v2", "production", "--note", "ship it"] + ws)
        XCTAssertEqual(r.stdout, "a: production v1 -> v2\n")
        r = try CLI.run(["templates", "show", "a@production"] + ws)
        XCTAssertTrue(r.stdout.contains("warmly"))
        r = try CLI.run(["templates", "log", "a", "--json"] + ws)
        let log = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        XCTAssertEqual((log["label_history"] as! [Any]).count, 2)

        r = try CLI.run(["templates", "render", "a", "brief=the spring launch"] + ws)
        XCTAssertEqual(r.stdout, "Write the spring launch warmly.\n")
        r = try CLI.run(["templates", "render", "a", "tone=x"] + ws)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("'tone'"), r.stderr)

        s.write("note.txt", "hello")
        r = try CLI.run(["assets", "add", s.file("note.txt")] + ws)
        let hash = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(hash.count, 64)
        r = try CLI.run(["lineage", String(hash.prefix(8))] + ws)
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.contains("original input"))

        r = try CLI.run(["doctor", "--json"] + ws)
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        let doctor = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(doctor["integrity"] as? [String], ["ok"])
    }

    func testCorruptDatabaseFileIsAClearFailure() throws {
        let s = Scratch()
        s.write("ws/copydesk.sqlite", String(repeating: "not a database ", count: 300))
        let r = try CLI.run(["doctor", "--workspace", s.file("ws")])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("copydesk.sqlite"), r.stderr)
        XCTAssertTrue(r.stderr.contains("SQLITE_NOTADB"), r.stderr)
    }

    func testTemplateWithUndeclaredVariableFailsInitAndNamesFileAndLine() throws {
        let s = Scratch()
        s.write("templates/bad.md", "+++\nid = \"bad\"\nkind = \"draft\"\ninputs = [\"brief\"]\n+++\nWrite {{brief}}\nfor {{audience}}.\n")
        s.write("brand/brand.toml", "[brand]\nname = \"Test\"\n")
        let r = try CLI.run(["init", "--brand", s.file("brand"), "--templates", s.file("templates"), "--workspace", s.file("ws")])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("bad.md:7"), r.stderr)
        XCTAssertTrue(r.stderr.contains("{{audience}}"), r.stderr)
        let count = try CLI.run(["doctor", "--json", "--workspace", s.file("ws")]).stdout
        XCTAssertTrue(count.contains("\"template_versions\" : 0"), count)
    }

    func testTruncatedTOMLIsAnErrorWithLineAndColumn() throws {
        let r = try CLI.run(["dev", "toml-decode"], stdin: Data("[brand]\nname = \"North".utf8))
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("<stdin>:2:"), r.stderr)
        let ok = try CLI.run(["dev", "toml-decode"], stdin: Data("a = 1\n".utf8))
        XCTAssertEqual(ok.status, 0)
        XCTAssertTrue(ok.stdout.contains("\"integer\""))
    }
}
