import Foundation
import XCTest

/// `copydesk batch` end to end with the small model: killed with SIGKILL at a random point and
/// resumed, it leaves the same pieces and the same export as a run that was never interrupted.
final class BatchCommandTests: XCTestCase {
    func campaign(_ p: TestProject) throws -> String {
        let path = p.folder + "/campaign.toml"
        try """
            name = "Resume test"
            briefs = ["Brand/briefs/kinglet-pro-spring-launch.md", "Brand/briefs/zz-*.md"]
            steps = ["draft", "check"]
            [export]
            formats = ["hugo", "json"]
            """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func batch(_ p: TestProject, workspace: String, _ extra: [String] = []) throws -> CLIResult {
        try CLI.run(["batch", try campaign(p), "--workspace", p.folder + "/" + workspace, "--model", "smollm2", "--models", p.models,
                     "--threads", "2", "--no-judge", "--json"] + extra)
    }

    /// What must be equal between two runs: each piece's campaign, channel, state, versions and text.
    func pieces(_ p: TestProject, workspace: String) throws -> [String] {
        let r = try CLI.run(["pieces", "--json", "--workspace", p.folder + "/" + workspace])
        let list = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        return list.map { "\($0["id"]!) \($0["campaign"]!) \($0["channel"]!) \($0["state"]!) v\($0["version"]!) \($0["asset"]!)" }.sorted()
    }

    func export(_ p: TestProject, workspace: String) throws -> String {
        let out = p.folder + "/export-" + workspace
        let r = try CLI.run(["export", "--campaign", "Resume test", "--format", "hugo", "--out", out, "--include-unapproved",
                             "--workspace", p.folder + "/" + workspace])
        XCTAssertEqual(r.status, 0, r.stderr)
        return try String(contentsOfFile: out + "/manifest.json", encoding: .utf8)
    }

    func testKilledAtARandomPointThenResumedEqualsAnUninterruptedRun() throws {
        let p = try TestProject.make(self, workspaces: ["whole", "killed"])
        let whole = try batch(p, workspace: "whole")
        XCTAssertNotEqual(whole.status, 2, whole.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(whole.stdout.utf8)) as? [String: Any])
        let items = try XCTUnwrap(report["items"] as? [[String: Any]])
        XCTAssertEqual(items.count, 3, "kinglet: email and social; the German brief: social")
        XCTAssertTrue(items.allSatisfy { ($0["outcome"] as? String) != "failed" }, "\(items)")

        // The same campaign in another workspace, killed partway, then resumed.
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["batch", try campaign(p), "--workspace", p.folder + "/killed", "--model", "smollm2", "--models", p.models,
                             "--threads", "2", "--no-judge", "--json"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: Double.random(in: 2...8))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let resumed = try batch(p, workspace: "killed", ["--resume"])
        XCTAssertNotEqual(resumed.status, 2, resumed.stderr)

        XCTAssertEqual(try pieces(p, workspace: "killed"), try pieces(p, workspace: "whole"))
        XCTAssertEqual(try export(p, workspace: "killed"), try export(p, workspace: "whole"))
        // A third run finds everything done.
        let again = try batch(p, workspace: "whole")
        let againItems = try XCTUnwrap((JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])?["items"] as? [[String: Any]])
        XCTAssertTrue(againItems.allSatisfy { $0["skipped"] as? Bool == true }, "\(againItems)")
    }

    func testTwoShardsMergedEqualOneUnshardedRun() throws {
        let p = try TestProject.make(self, workspaces: ["whole", "shard0", "shard1", "merged"])
        XCTAssertNotEqual(try batch(p, workspace: "whole").status, 2)
        XCTAssertNotEqual(try batch(p, workspace: "shard0", ["--shard", "0/2"]).status, 2)
        XCTAssertNotEqual(try batch(p, workspace: "shard1", ["--shard", "1/2"]).status, 2)
        var r = try CLI.run(["merge", p.folder + "/shard0", p.folder + "/shard1", "--workspace", p.folder + "/merged", "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        /// Pieces without their ids: campaign, channel, state, newest version and its asset.
        func content(_ workspace: String) throws -> [String] {
            try pieces(p, workspace: workspace).map { $0.split(separator: " ", maxSplits: 1)[1].description }.sorted()
        }
        XCTAssertEqual(try content("merged"), try content("whole"))
        XCTAssertEqual(try content("merged").count, 3)
        // Merging again changes nothing.
        r = try CLI.run(["merge", p.folder + "/shard0", "--workspace", p.folder + "/merged", "--json"])
        let again = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(again.first?["items"] as? Int, 0)
        XCTAssertEqual(try content("merged").count, 3)
        // Every merged piece keeps its lineage back to the brief.
        let list = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try CLI.run(["pieces", "--json", "--workspace", p.folder + "/merged"]).stdout.utf8)) as? [[String: Any]])
        for piece in list {
            let lineage = try CLI.run(["lineage", piece["asset"] as! String, "--workspace", p.folder + "/merged"])
            XCTAssertEqual(lineage.status, 0, lineage.stderr)
            XCTAssertTrue(lineage.stdout.contains("brief"), lineage.stdout)
        }
    }

    func testABadCampaignFileNamesTheLineAndExits2Or1() throws {
        let scratch = Scratch()
        let path = scratch.path + "/c.toml"
        try "name = \"x\"\nbriefs = [\"nothing/*.md\"]\n".write(toFile: path, atomically: true, encoding: .utf8)
        let r = try CLI.run(["batch", path, "--workspace", scratch.path + "/ws"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("c.toml:2") && r.stderr.contains("matches no file"), r.stderr)
        let shard = try CLI.run(["batch", path, "--shard", "3/2"])
        XCTAssertEqual(shard.status, 2)
    }
}
