import Foundation
import XCTest

/// `copydesk generate` and `bench`: argument errors are caught before any model is loaded.
final class GenerateCommandTests: XCTestCase {
    func testMissingPromptIsAUsageError() throws {
        let r = try CLI.run(["generate", "--model", "/nonexistent/x.gguf"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("--prompt TEXT or --file F"), r.stderr)
    }

    func testUnknownModelIsAUsageErrorNamingIt() throws {
        let scratch = Scratch()
        let r = try CLI.run(["generate", "--prompt", "hi", "--model", "no-such-model", "--models", scratch.path])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("no-such-model"), r.stderr)
    }

    func testBadSchemaNamesTheFileAndIsAFailure() throws {
        let scratch = Scratch()
        let schema = scratch.path + "/schema.json"
        try Data(#"{"type": "object", "properties": {"a": {"type": "string", "pattern": "x+"}}}"#.utf8).write(to: URL(fileURLWithPath: schema))
        let r = try CLI.run(["generate", "--prompt", "hi", "--schema", schema, "--model", "/nonexistent/x.gguf"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("schema.json") && r.stderr.contains("pattern"), r.stderr)
    }

    func testNotAGGUFFileIsAClearError() throws {
        let scratch = Scratch()
        let path = scratch.path + "/fake.gguf"
        try Data("this is not a model".utf8).write(to: URL(fileURLWithPath: path))
        let r = try CLI.run(["generate", "--prompt", "hi", "--model", path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("fake.gguf") && r.stderr.contains("byte 0"), r.stderr)
    }

    func testBadTemperatureIsAUsageError() throws {
        let r = try CLI.run(["generate", "--prompt", "hi", "--temperature", "hot"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("--temperature"), r.stderr)
    }
}
