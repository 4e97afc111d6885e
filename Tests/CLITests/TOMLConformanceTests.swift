import Foundation
import XCTest

/// Runs the TOML 1.0.0 conformance suite (toml-test, in ../shared) against `copydesk dev toml-decode`.
final class TOMLConformanceTests: XCTestCase {
    func testAllTomlTestCasesPass() throws {
        let runner = CLI.root.deletingLastPathComponent().appendingPathComponent("shared/toml-test/run.py")
        guard FileManager.default.fileExists(atPath: runner.path) else {
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail("toml-test not found at \(runner.path)") }
            throw XCTSkip("toml-test suite not found beside the checkout")
        }
        let r = try CLI.runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", runner.path, "--verbose", CLI.executable.path, "dev", "toml-decode"])
        let summary = r.stdout.split(separator: "\n").last.map(String.init) ?? ""
        XCTAssertEqual(summary, "709 passed, 0 failed", r.stdout + r.stderr)
    }
}
