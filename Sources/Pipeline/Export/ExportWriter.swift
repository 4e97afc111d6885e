import Foundation
import Support

/// Writes an export's files under one folder and nowhere else: every path is relative, has no
/// "..", no empty or hidden-by-accident components, no control characters; each file is written
/// to a temporary file and renamed; what was written is listed with its SHA-256 for the manifest.
struct ExportWriter {
    let root: String
    private(set) var files: [(path: String, sha256: String)] = []

    init(root: String) throws {
        self.root = (root as NSString).standardizingPath
        try FileManager.default.createDirectory(atPath: self.root, withIntermediateDirectories: true)
    }

    /// The absolute path for a relative one, or an error when it would leave the folder.
    func resolve(_ relative: String) throws -> String {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard !relative.hasPrefix("/"), !parts.isEmpty,
              parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } }) else {
            throw PipelineError(.invalidInput, "refusing to write “\(relative)”: an export writes only plain relative paths inside its folder", file: root)
        }
        return (root as NSString).appendingPathComponent(relative)
    }

    mutating func write(_ relative: String, _ data: Data) throws {
        let path = try resolve(relative)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try AtomicFile.write(data, to: path)
        files.append((relative, SHA256.hash(Array(data)).hex))
    }

    mutating func write(_ relative: String, _ text: String) throws { try write(relative, Data(text.utf8)) }
}
