import Foundation
import XCTest

/// `copydesk draft` and `check`: bad briefs and brand kits are refused with the file, line and field,
/// before any model is loaded, and nothing is written.
final class PipelineCommandTests: XCTestCase {
    func testBriefMissingAFieldNamesFileLineAndField() throws {
        let scratch = Scratch()
        let brief = scratch.path + "/brief.md"
        try Data("+++\ncampaign = \"Spring\"\nproduct = \"Kinglet\"\naudience = \"Families\"\nkey_messages = [\"Up to 50 miles\"]\ncall_to_action = \"Book a ride\"\nchannels = [\"email\"]\n+++\nNotes.\n".utf8)
            .write(to: URL(fileURLWithPath: brief))
        let r = try CLI.run(["draft", brief, "--workspace", scratch.path + "/ws"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("brief.md:8: `goal`: missing required field"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path + "/ws"))
    }

    func testBriefWithAnUnknownChannelNamesIt() throws {
        let scratch = Scratch()
        let source = try String(contentsOf: CLI.root.appendingPathComponent("Brand/briefs/kinglet-pro-spring-launch.md"), encoding: .utf8)
            .replacingOccurrences(of: "channels = [\"email\", \"social\"]", with: "channels = [\"email\", \"tiktok\"]")
        let brief = scratch.path + "/brief.md"
        try Data(source.utf8).write(to: URL(fileURLWithPath: brief))
        let r = try CLI.run(["draft", brief, "--workspace", scratch.path + "/ws"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("brief.md:") && r.stderr.contains("`channels`") && r.stderr.contains("unknown channel \"tiktok\""), r.stderr)
    }

    func testBrandKitWithAnInvalidRegexOrUnknownKindIsRefused() throws {
        let scratch = Scratch()
        let kit = scratch.path + "/kit"
        try FileManager.default.createDirectory(atPath: kit + "/knowledge", withIntermediateDirectories: true)
        try Data("Some copy.\n".utf8).write(to: URL(fileURLWithPath: scratch.path + "/copy.txt"))
        let base = "[brand]\nname = \"Acme\"\n\n[[rules]]\nid = \"no-hype\"\nkind = \"existence\"\nlevel = \"warning\"\nmessage = \"'%s'\"\n"
        for (rules, expected) in [("tokens = ['(epic']\n", "brand.toml:9: rule \"no-hype\": `tokens`: pattern '(epic' does not compile"),
                                  ("tokens = ['(?=x)y']\n", "lookahead"),
                                  ("tokens = ['x']\nignorecas = true\n", "brand.toml:10: rule \"no-hype\": unknown key \"ignorecas\"")] {
            try Data((base + rules).utf8).write(to: URL(fileURLWithPath: kit + "/brand.toml"))
            let r = try CLI.run(["check", scratch.path + "/copy.txt", "--brand", kit, "--no-judge", "--models", scratch.path + "/models"])
            XCTAssertEqual(r.status, 1)
            XCTAssertTrue(r.stderr.contains(expected), r.stderr)
        }
        try Data(base.replacingOccurrences(of: "existence", with: "forbidden").appending("tokens = ['x']\n").utf8).write(to: URL(fileURLWithPath: kit + "/brand.toml"))
        let r = try CLI.run(["check", scratch.path + "/copy.txt", "--brand", kit, "--no-judge", "--models", scratch.path + "/models"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("brand.toml:6: rule \"no-hype\": unknown rule kind \"forbidden\""), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path + "/models"))
    }

    /// `check` refuses copy with nothing to check, naming the file and, for binary data, the byte,
    /// before any model is loaded: empty or binary input is never a pass.
    func testEmptyAndBinaryCopyAreErrors() throws {
        let scratch = Scratch()
        let cases: [(String, Data, String)] = [
            ("empty.txt", Data(), "the text is empty"),
            ("blank.txt", Data("  \n\t\n".utf8), "the text is empty"),
            ("digits.txt", Data("1234 5678\n".utf8), "the text has no words"),
            ("binary.bin", Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x14]), "byte 4: a NUL byte"),
            ("latin1.txt", Data([0x43, 0x61, 0x66, 0xE9, 0x20, 0x6F]), "byte 3: not UTF-8 text"),
        ]
        for (name, data, expected) in cases {
            let path = scratch.path + "/" + name
            try data.write(to: URL(fileURLWithPath: path))
            let r = try CLI.run(["check", path, "--brand", CLI.root.appendingPathComponent("Brand").path, "--no-judge", "--models", scratch.path + "/models"])
            XCTAssertNotEqual(r.status, 0, name)
            XCTAssertTrue(r.stderr.contains(name) && r.stderr.contains(expected), "\(name): \(r.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path + "/models"), "nothing is fetched for \(name)")
        }
    }
}
