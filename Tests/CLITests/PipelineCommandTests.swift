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
}
