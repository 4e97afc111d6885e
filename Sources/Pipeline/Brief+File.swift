import Foundation

extension Brief {
    /// Reads and parses a brief file.
    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PipelineError(.notFound, "no such file", file: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PipelineError(.invalidBrief, "not UTF-8 text", file: path)
        }
        try self.init(source: text, file: path)
    }

    /// The brief files of a kit (`briefs/*.md`), sorted.
    public static func files(inKit kit: String) throws -> [String] {
        let dir = (kit as NSString).appendingPathComponent("briefs")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else {
            throw PipelineError(.notFound, "no briefs folder", file: dir)
        }
        return names.filter { $0.hasSuffix(".md") }.sorted().map { (dir as NSString).appendingPathComponent($0) }
    }
}
