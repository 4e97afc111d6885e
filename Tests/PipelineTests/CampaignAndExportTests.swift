import BrandKit
import Foundation
import Store
import Support
import XCTest
@testable import Pipeline

/// Campaign files and exports, without models.
final class CampaignFileTests: XCTestCase {
    var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "campaign-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/briefs", withIntermediateDirectories: true)
        for name in ["a.md", "b.md", "notes.txt"] { try "x".write(toFile: "\(folder)/briefs/\(name)", atomically: true, encoding: .utf8) }
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: folder) }

    func write(_ text: String) throws -> String {
        let path = folder + "/campaign.toml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testEveryKeyIsRead() throws {
        let c = try Campaign(contentsOf: write("""
            name = "Spring"
            brand = "kit"
            briefs = ["briefs/*.md"]
            variants = 2
            seed = 7
            steps = ["draft", "check"]
            [channels]
            "a.md" = ["email", "search-ad"]
            [gate]
            max_contradicted = 1
            max_errors = 2
            min_score = 70
            [export]
            formats = ["hugo", "sanity"]
            out = "out"
            """))
        XCTAssertEqual(c.name, "Spring")
        XCTAssertEqual(c.brand, folder + "/kit")
        XCTAssertEqual(c.briefs.map { ($0 as NSString).lastPathComponent }, ["a.md", "b.md"], "the glob takes only .md files")
        XCTAssertEqual(c.variants, 2)
        XCTAssertEqual(c.seed, 7)
        XCTAssertEqual(c.steps, [.draft, .check])
        XCTAssertEqual(c.channels["a.md"], [.email, .searchAd])
        XCTAssertEqual(c.gate, Campaign.Gate(maxContradicted: 1, maxErrors: 2, minScore: 70))
        XCTAssertEqual(c.exportFormats, [.hugo, .sanity])
        XCTAssertEqual(c.exportOut, folder + "/out")
    }

    func testDefaults() throws {
        let c = try Campaign(contentsOf: write("name = \"S\"\nbriefs = [\"briefs/a.md\"]\n"))
        XCTAssertEqual(c.variants, 1)
        XCTAssertEqual(c.seed, 1)
        XCTAssertEqual(c.steps, [.draft, .check, .revise])
        XCTAssertEqual(c.gate, Campaign.Gate())
        XCTAssertEqual(c.exportFormats, [])
    }

    func testErrorsNameTheFileLineAndKey() throws {
        let cases: [(String, String, Int?)] = [
            ("name = \"S\"\nbriefs = [\"nothing/*.md\"]\n", "matches no file", 2),
            ("name = \"S\"\nbriefs = [\"briefs/a.md\"]\nvariants = 0\n", "at least 1", 3),
            ("name = \"S\"\nbriefs = [\"briefs/a.md\"]\nsteps = [\"check\"]\n", "must include draft", 3),
            ("name = \"S\"\nbriefs = [\"briefs/a.md\"]\nchannels = [\"fax\"]\n", "unknown channel", 3),
            ("name = \"S\"\nbriefs = [\"briefs/a.md\"]\ncolour = 1\n", "unknown key", 3),
            ("name = \"S\"\nbriefs = [\"briefs/a.md\"]\n[export]\nformats = [\"wordpress\"]\n", "unknown format", 4),
            ("briefs = [\"briefs/a.md\"]\n", "campaign's name", nil),
            ("name = \"S\"\nbriefs = [\n", "never closed", 3),
        ]
        for (text, message, line) in cases {
            let path = try write(text)
            XCTAssertThrowsError(try Campaign(contentsOf: path), text) { error in
                guard let e = error as? PipelineError else { return XCTFail("\(error)") }
                XCTAssertEqual(e.file, path)
                XCTAssertTrue(e.message.contains(message), "\(e)")
                if let line { XCTAssertEqual(e.line, line, "\(e)") }
            }
        }
    }

    func testGlobs() {
        XCTAssertTrue(Glob.matches("*.md", "a.md"))
        XCTAssertFalse(Glob.matches("*.md", "a.txt"))
        XCTAssertTrue(Glob.matches("brief-?.md", "brief-1.md"))
        XCTAssertTrue(Glob.matches("[a-c]*.md", "b-launch.md"))
        XCTAssertFalse(Glob.matches("[!a-c]*.md", "b-launch.md"))
    }
}

final class ExportTests: XCTestCase {
    var folder = ""
    var workspace: Workspace!

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "export-\(UUID().uuidString)"
        workspace = try Workspace.openOrCreate(folder + "/ws")
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: folder) }

    /// A piece with `text`, approved (or left in review).
    @discardableResult
    func piece(_ text: String, campaign: String = "Spring launch", channel: String = "email", approve: Bool = true) throws -> Piece {
        let db = workspace.database
        let asset = try db.storeAsset(text: text, mediaType: "text/markdown")
        let p = try db.createPiece(briefHash: nil, campaign: campaign, channel: channel, assetHash: asset.hash, runID: nil, origin: .editor)
        _ = try db.recordReview(p.id, state: .inReview)
        return approve ? try db.recordReview(p.id, state: .approved) : try db.piece(p.id)
    }

    func export(_ format: ExportFormat, unapproved: Bool = false) throws -> (ExportReport, String) {
        let out = folder + "/out-\(format.rawValue)"
        var r = ExportRequest(format: format, out: out, campaign: "Spring launch")
        r.includeUnapproved = unapproved
        return (try workspace.export(r), out)
    }

    /// Every manifest entry's file exists with that hash; every file but the manifest is listed.
    func checkManifest(_ out: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let data = try XCTUnwrap(FileManager.default.contents(atPath: out + "/manifest.json"), file: file, line: line)
        let manifest = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let files = try XCTUnwrap(manifest["files"] as? [[String: String]])
        for f in files {
            let content = try XCTUnwrap(FileManager.default.contents(atPath: out + "/" + f["path"]!), "\(f)", file: file, line: line)
            XCTAssertEqual(f["sha256"], SHA256Hex.of(content), f["path"]!, file: file, line: line)
        }
        let onDisk = try FileManager.default.subpathsOfDirectory(atPath: out).filter { p in
            var dir: ObjCBool = false
            return FileManager.default.fileExists(atPath: out + "/" + p, isDirectory: &dir) && !dir.boolValue && p != "manifest.json"
        }
        XCTAssertEqual(Set(onDisk), Set(files.map { $0["path"]! }), file: file, line: line)
        XCTAssertFalse((manifest["pieces"] as? [[String: Any]] ?? []).isEmpty, file: file, line: line)
    }

    /// Front matter lines parse as YAML written in flow style: every value is JSON.
    func frontMatter(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("---\n"), file: file, line: line)
        let block = text.dropFirst(4).components(separatedBy: "\n---\n")[0]
        var out: [String: Any] = [:]
        for l in block.split(separator: "\n") {
            let parts = l.split(separator: ":", maxSplits: 1)
            XCTAssertEqual(parts.count, 2, String(l), file: file, line: line)
            out[String(parts[0])] = try JSONSerialization.jsonObject(with: Data(parts[1].utf8), options: .fragmentsAllowed)
        }
        return out
    }

    func testEveryFormatHasItsToolsLayoutAndAManifestThatMatches() throws {
        try piece("Subject: Ride 60 miles, Grüße aus 東京 🚲\nPreheader: Book a test ride\n\nThe Kinglet Pro goes 60 miles.\n")
        try piece("A post in review.", channel: "social", approve: false)
        for format in ExportFormat.allCases {
            let (report, out) = try export(format)
            XCTAssertEqual(report.pieces, 1, "\(format): only the approved piece")
            try checkManifest(out)
            switch format {
            case .hugo:
                let path = out + "/content/spring-launch/ride-60-miles-grusse-aus-dong-jing-1/index.md"
                let fm = try frontMatter(path)
                XCTAssertEqual(fm["title"] as? String, "Ride 60 miles, Grüße aus 東京 🚲")
                XCTAssertEqual(fm["draft"] as? Bool, false)
                XCTAssertEqual((fm["copydesk"] as? [String: Any])?["piece"] as? Int, 1)
                XCTAssertNotNil(fm["date"] as? String)
            case .jekyll:
                let posts = try FileManager.default.contentsOfDirectory(atPath: out + "/_posts")
                XCTAssertEqual(posts.count, 1)
                XCTAssertNotNil(posts[0].range(of: #"^\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.md$"#, options: .regularExpression), posts[0])
                XCTAssertEqual(try frontMatter(out + "/_posts/" + posts[0])["layout"] as? String, "post")
            case .astro:
                XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out + "/src/content/spring-launch").count, 1)
            case .eleventy:
                XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out + "/src/posts").count, 1)
            case .decap:
                let config = try String(contentsOfFile: out + "/static/admin/config.yml", encoding: .utf8)
                XCTAssertTrue(config.contains("folder: \"content/spring-launch\""), config)
                XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out + "/content/spring-launch").count, 1)
            case .sanity:
                let lines = try String(contentsOfFile: out + "/sanity.ndjson", encoding: .utf8).split(separator: "\n")
                XCTAssertEqual(lines.count, 1)
                for l in lines {
                    let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(l.utf8)) as? [String: Any])
                    XCTAssertEqual(doc["_id"] as? String, "copydesk-piece-1")
                    XCTAssertEqual(doc["_type"] as? String, "post")
                }
            case .contentful:
                let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/contentful.json"))) as? [String: Any])
                for key in ["contentTypes", "entries", "assets", "locales"] { XCTAssertNotNil(doc[key], key) }
                let entry = try XCTUnwrap((doc["entries"] as? [[String: Any]])?.first)
                XCTAssertEqual(((entry["fields"] as? [String: Any])?["title"] as? [String: String])?["en-US"], "Ride 60 miles, Grüße aus 東京 🚲")
            case .json:
                let pieces = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/pieces.json"))) as? [[String: Any]])
                XCTAssertEqual(pieces.first?["piece"] as? Int, 1)
            }
        }
        XCTAssertEqual(try export(.json, unapproved: true).0.pieces, 2, "--include-unapproved")
    }

    func testReExportingWritesTheSameBytes() throws {
        try piece("Subject: Same\n\nSame words.")
        let (_, out) = try export(.hugo)
        let first = try FileManager.default.contents(atPath: out + "/manifest.json")
        _ = try export(.hugo)
        XCTAssertEqual(FileManager.default.contents(atPath: out + "/manifest.json"), first)
        XCTAssertEqual(try FileManager.default.subpathsOfDirectory(atPath: out).filter { $0.hasSuffix(".md") }.count, 1)
    }

    func testHostileTitlesStayInsideTheFolder() throws {
        let long = String(repeating: "Ünïcødé ", count: 130)
        for title in ["../../etc/passwd", "/etc/shadow", "a\u{0}b\u{7}c\u{1B}[2J", long, "Same Name", "same name", "東京", "🚲🚲"] {
            try piece("Subject: \(title)\n\nBody.")
        }
        for format in ExportFormat.allCases {
            let (report, out) = try export(format)
            XCTAssertEqual(report.pieces, 8)
            try checkManifest(out)
            let all = try FileManager.default.subpathsOfDirectory(atPath: out)
            XCTAssertTrue(all.allSatisfy { !$0.contains("..") && !$0.contains("passwd/") }, "\(all)")
            for path in all {
                XCTAssertTrue(path.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F }, path)
                XCTAssertLessThan((path as NSString).lastPathComponent.utf8.count, 100, path)
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/etc"))
        let writer = try ExportWriter(root: folder + "/w")
        for hostile in ["../x", "/abs", "a/../../b", "a\u{0}b", ""] { XCTAssertThrowsError(try writer.resolve(hostile), hostile) }
    }
}

/// SHA-256 of file contents, in hex (through the project's own implementation).
enum SHA256Hex {
    static func of(_ data: Data) -> String { Support.SHA256.hash(Array(data)).hex }
}

final class BatchDiffTests: XCTestCase {
    func testItemsPairUpAndChangesAreReported() throws {
        let folder = NSTemporaryDirectory() + "diff-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func workspace(_ name: String, text: String, outcome: BatchWork.Outcome) throws -> Workspace {
            let ws = try Workspace.openOrCreate(folder + "/" + name)
            let asset = try ws.database.storeAsset(text: text, mediaType: "text/markdown")
            let p = try ws.database.createPiece(briefHash: nil, campaign: "Spring", channel: "email", assetHash: asset.hash, runID: nil, origin: .draft)
            try ws.database.record(BatchWork(key: "k", campaign: "C", brief: "b.md", channel: "email", variant: 1, pieceID: p.id, outcome: outcome,
                                             reason: nil, tokens: 1, seconds: 1))
            return ws
        }
        let a = try workspace("a", text: "Subject: Hi\n\nRide 60 miles.\n", outcome: .passed)
        let b = try workspace("b", text: "Subject: Hi\n\nRide 70 miles.\n", outcome: .held)
        let diff = try BatchDiff.compare(campaign: "C", a, b)
        XCTAssertEqual(diff.items.count, 1)
        let item = diff.items[0]
        XCTAssertTrue(item.changed)
        XCTAssertEqual(item.outcome, ["passed", "held"])
        XCTAssertTrue(item.textDiff.contains("-Ride 60 miles.") && item.textDiff.contains("+Ride 70 miles."), item.textDiff)
        XCTAssertFalse(try BatchDiff.compare(campaign: "C", a, a).items[0].changed)
        XCTAssertThrowsError(try BatchDiff.compare(campaign: "Other", a, b))
    }
}
