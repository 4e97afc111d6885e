import Foundation
import XCTest

/// Ctrl-C during generation cancels the job: exit 130 at once, the run recorded as cancelled.
final class InterruptTests: XCTestCase {
    func testSIGINTDuringGenerationExits130AndRecordsTheRunAsCancelled() throws {
        let scratch = Scratch()
        let models = ProcessInfo.processInfo.environment["COPYDESK_MODELS"] ?? (NSHomeDirectory() + "/.cache/copydesk/models")
        // The small model, fetched on first use like every default model.
        let fetched = try CLI.run(["models", "fetch", "smollm2", "--models", models])
        guard fetched.status == 0 else {
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail("cannot fetch smollm2: \(fetched.stderr)") }
            throw XCTSkip("smollm2 cannot be fetched: \(fetched.stderr)")
        }
        let workspace = scratch.path + "/ws"
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["generate", "--prompt", "Write a long story about the sea.", "--max-tokens", "400", "--model", "smollm2",
                             "--models", models, "--workspace", workspace, "--threads", "2"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Wait for the first streamed text, so the signal arrives during generation.
        let first = out.fileHandleForReading.availableData
        XCTAssertFalse(first.isEmpty)
        let sent = Date()
        process.interrupt()
        _ = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(sent)
        XCTAssertEqual(process.terminationStatus, 130, errors)
        XCTAssertLessThan(seconds, 2, "stops at the next token, not at the end of the generation")
        XCTAssertTrue(errors.contains("cancelled"), errors)

        let runs = try CLI.run(["runs", "list", "--json", "--workspace", workspace])
        let list = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(runs.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(list.count, 1)
        XCTAssertEqual(list.first?["step"] as? String, "generate")
        XCTAssertEqual(list.first?["status"] as? String, "cancelled")
        XCTAssertEqual((list.first?["outputs"] as? [Any])?.count, 0)
    }
}
