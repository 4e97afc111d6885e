import Foundation
import XCTest
@testable import Support

final class AtomicFileTests: XCTestCase {
    func testWriteReplacesWholeFileAndLeavesNoTemporaries() throws {
        let folder = NSTemporaryDirectory() + "atomic-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/nested/out.txt"
        try AtomicFile.write("first version", to: path)
        try AtomicFile.write("second", to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "second")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder + "/nested"), ["out.txt"])
    }

    func testWriteIntoUnwritablePlaceFailsAndKeepsOldFile() throws {
        let folder = NSTemporaryDirectory() + "atomic-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try AtomicFile.write("keep me", to: folder + "/f.txt")
        // A path whose parent is a regular file cannot be written.
        XCTAssertThrowsError(try AtomicFile.write("x", to: folder + "/f.txt/child")) { error in
            XCTAssertEqual((error as? FileError)?.code, .writeFailed)
        }
        XCTAssertEqual(try String(contentsOfFile: folder + "/f.txt", encoding: .utf8), "keep me")
    }

    func testSubprocessCapturesOutputAndStatus() throws {
        let result = try Subprocess.run("sh", ["-c", "echo out; echo err >&2; exit 3"])
        XCTAssertEqual(result.status, 3)
        XCTAssertEqual(result.stdout, "out\n")
        XCTAssertEqual(result.stderr, "err\n")
        XCTAssertThrowsError(try Subprocess.run("definitely-not-a-program-xyz", []))
    }
}
