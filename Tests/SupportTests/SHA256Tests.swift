import Foundation
import XCTest
@testable import Support

/// NIST FIPS 180-4 example vectors and the long-message vectors from the SHA validation suite.
final class SHA256Tests: XCTestCase {
    func testEmpty() {
        XCTAssertEqual(SHA256.hash([UInt8]()).hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    func testABC() {
        XCTAssertEqual(SHA256.hash(Array("abc".utf8)).hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    func testTwoBlockMessage() {
        let msg = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        XCTAssertEqual(SHA256.hash(Array(msg.utf8)).hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    func testFourBlockMessage() {
        let msg = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
        XCTAssertEqual(SHA256.hash(Array(msg.utf8)).hex, "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    func testMillionA() {
        let msg = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        XCTAssertEqual(SHA256.hash(msg).hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testStreamingMatchesOneShotAtEveryBoundary() {
        let msg = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let expected = SHA256.hash(msg)
        for split in [0, 1, 55, 56, 63, 64, 65, 127, 128, 200, 300] {
            var h = SHA256()
            msg[..<split].withUnsafeBytes { h.update(buffer: $0) }
            h.update(msg[split...])
            XCTAssertEqual(h.finalize(), expected, "split at \(split)")
        }
    }

    func testHashOfFile() throws {
        let path = NSTemporaryDirectory() + "sha-\(UUID().uuidString)"
        let data = Data((0..<3_000_000).map { UInt8(truncatingIfNeeded: $0) })
        try data.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        XCTAssertEqual(try SHA256.hash(fileAt: path), SHA256.hash([UInt8](data)))
        XCTAssertThrowsError(try SHA256.hash(fileAt: path + ".missing")) { error in
            XCTAssertEqual((error as? FileError)?.code, .notFound)
        }
    }
}
