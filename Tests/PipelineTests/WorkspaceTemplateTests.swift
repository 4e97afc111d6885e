import Foundation
import Prompts
import Store
import XCTest
@testable import Pipeline

/// A workspace's templates as front ends read them: the list, one template's versions, and two
/// versions compared.
final class WorkspaceTemplateTests: XCTestCase {
    func testTwoVersionsOfATemplateAreComparedByNumberOrLabel() throws {
        let folder = NSTemporaryDirectory() + "templates-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let workspace = try Workspace.openOrCreate(folder)
        let first = "+++\nid = \"a\"\nkind = \"draft\"\ninputs = [\"brief\"]\n+++\nWrite {{brief}}.\nKeep it short.\n"
        let second = "+++\nid = \"a\"\nkind = \"draft\"\ninputs = [\"brief\"]\n+++\nWrite {{brief}} warmly.\nKeep it short.\n"
        _ = try workspace.database.syncTemplates([(path: "a.md", source: first)])
        _ = try workspace.database.syncTemplates([(path: "a.md", source: second)])

        XCTAssertEqual(try workspace.templates().map { "\($0.templateID)@v\($0.version)" }, ["a@v2"])
        XCTAssertEqual(try workspace.templateVersions("a").map(\.version), [1, 2])
        XCTAssertEqual(try workspace.templateVersions("a").map(\.labels), [["production"], []])

        let compared = try workspace.templateDiff("a", from: "production", to: "v2")
        XCTAssertEqual(compared.old.version, 1)
        XCTAssertEqual(compared.new.version, 2)
        XCTAssertTrue(compared.diff.edits.contains(.removed("Write {{brief}}.")))
        XCTAssertTrue(compared.diff.edits.contains(.added("Write {{brief}} warmly.")))
        XCTAssertTrue(compared.diff.edits.contains(.same("Keep it short.")))

        XCTAssertThrowsError(try workspace.templateDiff("a", from: "v1", to: "v3")) { error in
            XCTAssertTrue("\(error)".contains("template 'a' has no version 3"), "\(error)")
        }
        XCTAssertThrowsError(try workspace.templateVersions("b")) { error in
            XCTAssertTrue("\(error)".contains("no template 'b' (known: a)"), "\(error)")
        }
    }
}
