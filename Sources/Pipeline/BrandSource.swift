import Foundation
import Store

/// Where a brand kit's files are read from: the copy stored in a workspace (what the pipeline
/// uses, so every run can name the exact `brand.toml` asset) or a folder on disk (`check --brand`).
public enum BrandSource {
    case workspace(Workspace)
    case folder(String)

    /// The text of a kit file by its relative path ("brand.toml", "exemplars/on-voice/x.md"), or nil.
    public func text(_ path: String) throws -> String? {
        switch self {
        case .workspace(let ws):
            guard let hash = try hash(path) else { return nil }
            return String(decoding: try ws.database.assetContent(hash), as: UTF8.self)
        case .folder(let dir):
            let full = (dir as NSString).appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: full) else { return nil }
            guard let text = String(data: data, encoding: .utf8) else {
                throw PipelineError(.invalidBrief, "not UTF-8 text", file: full)
            }
            return text
        }
    }

    /// The asset hash of a kit file stored in the workspace (nil for folders or missing files).
    public func hash(_ path: String) throws -> String? {
        guard case .workspace(let ws) = self else { return nil }
        return try ws.brandFiles().first { $0.path == path }?.hash
    }

    /// The `*.md` files directly under `folder` ("exemplars/on-voice"), as (name without `.md`, text), sorted.
    public func markdownFiles(in folder: String) throws -> [(name: String, text: String)] {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        let paths: [String]
        switch self {
        case .workspace(let ws):
            paths = try ws.brandFiles().map(\.path).filter { $0.hasPrefix(prefix) && $0.hasSuffix(".md") && !$0.dropFirst(prefix.count).contains("/") }
        case .folder(let dir):
            let full = (dir as NSString).appendingPathComponent(folder)
            paths = ((try? FileManager.default.contentsOfDirectory(atPath: full)) ?? []).filter { $0.hasSuffix(".md") }.map { prefix + $0 }
        }
        return try paths.sorted().compactMap { path in
            try text(path).map { (String((path as NSString).lastPathComponent.dropLast(3)), $0) }
        }
    }

    /// A name for messages: the folder, or "workspace".
    public var label: String {
        switch self {
        case .workspace: "the workspace's brand kit"
        case .folder(let dir): dir
        }
    }
}
