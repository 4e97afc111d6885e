import Foundation
import XCTest

/// A project folder for tests that run the real pipeline: the demo kit (plus a brief in German
/// with CJK and emoji), the templates, and a workspace whose knowledge base is indexed, with the
/// small models fetched (a skip outside CI when they cannot be).
struct TestProject {
    let folder: String
    let models: String
    var workspace: String { folder + "/ws" }

    static let germanCampaign = "Grüße aus München 東京 🚲"

    static func make(_ test: XCTestCase, workspaces: [String] = ["ws"]) throws -> TestProject {
        let models = ProcessInfo.processInfo.environment["COPYDESK_MODELS"] ?? (NSHomeDirectory() + "/.cache/copydesk/models")
        for name in ["smollm2", "minilm", "cmudict"] {
            let fetched = try CLI.run(["models", "fetch", name, "--models", models])
            guard fetched.status == 0 else {
                if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail("cannot fetch \(name): \(fetched.stderr)") }
                throw XCTSkip("\(name) cannot be fetched: \(fetched.stderr)")
            }
        }
        let folder = NSTemporaryDirectory() + "project-\(UUID().uuidString)"
        let fm = FileManager.default
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        test.addTeardownBlock { try? fm.removeItem(atPath: folder) }
        try fm.copyItem(atPath: CLI.root.path + "/Brand", toPath: folder + "/Brand")
        try fm.copyItem(atPath: CLI.root.path + "/Templates", toPath: folder + "/Templates")
        let brief = try String(contentsOfFile: folder + "/Brand/briefs/kinglet-pro-spring-launch.md", encoding: .utf8)
            .replacingOccurrences(of: "campaign = \"Kinglet Pro spring launch\"", with: "campaign = \"\(germanCampaign)\"")
            .replacingOccurrences(of: "channels = [\"email\", \"social\"]", with: "channels = [\"social\"]")
        try brief.write(toFile: folder + "/Brand/briefs/zz-gruesse.md", atomically: true, encoding: .utf8)
        let p = TestProject(folder: folder, models: models)
        for ws in workspaces {
            var r = try CLI.run(["init", "--brand", folder + "/Brand", "--templates", folder + "/Templates", "--workspace", folder + "/" + ws])
            XCTAssertEqual(r.status, 0, r.stderr)
            r = try CLI.run(["kb", "add", folder + "/Brand/knowledge", "--workspace", folder + "/" + ws, "--models", models])
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        return p
    }
}
