import Foundation

/// What importing a brand kit and templates did.
public struct ImportReport: Sendable {
    public var templates: [TemplateSyncResult] = []
    /// Brand files stored (relative paths) and how many were new or changed.
    public var brandFiles: [String] = []
    public var brandFilesChanged = 0
}

extension Workspace {
    /// Reads every `*.md` template in `folder` (except README.md) and records changed versions.
    public func syncTemplates(from folder: String) throws -> [TemplateSyncResult] {
        let files = try Self.files(in: folder, matching: { $0.hasSuffix(".md") && ($0 as NSString).lastPathComponent.lowercased() != "readme.md" })
        guard !files.isEmpty else {
            throw StoreError(.notFound, "no templates (*.md) found", path: folder)
        }
        let sources = try files.map { relative -> (path: String, source: String) in
            let full = (folder as NSString).appendingPathComponent(relative)
            guard let data = FileManager.default.contents(atPath: full) else {
                throw StoreError(.notFound, "cannot read the file", path: full)
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw StoreError(.invalidArgument, "not UTF-8 text", path: full)
            }
            return (relative, text)
        }
        return try database.syncTemplates(sources)
    }

    /// Stores every file of a brand kit folder as an asset and records its path, in one transaction.
    public func importBrand(from folder: String) throws -> (files: [String], changed: Int) {
        let files = try Self.files(in: folder, matching: { _ in true })
        guard !files.isEmpty else { throw StoreError(.notFound, "the brand folder is empty", path: folder) }
        var contents: [(String, [UInt8])] = []
        for relative in files {
            let full = (folder as NSString).appendingPathComponent(relative)
            guard let data = FileManager.default.contents(atPath: full) else { throw StoreError(.notFound, "cannot read the file", path: full) }
            contents.append((relative, [UInt8](data)))
        }
        let db = database
        let changed = try db.inTransaction { () throws -> Int in
            var changed = 0
            for (relative, bytes) in contents {
                let asset = try db.storeAsset(bytes, mediaType: Self.mediaType(forPath: relative))
                let old = try db.scalar("SELECT asset_hash FROM workspace_files WHERE kind = 'brand' AND path = ?", relative).string
                if old != asset.hash {
                    changed += 1
                    try db.execute("INSERT OR REPLACE INTO workspace_files (kind, path, asset_hash, imported_at) VALUES ('brand', ?, ?, ?)",
                                   relative, asset.hash, Timestamp.now())
                }
            }
            let keep = Set(files)
            for row in try db.rows("SELECT path FROM workspace_files WHERE kind = 'brand'") where !keep.contains(try row.string("path")) {
                try db.execute("DELETE FROM workspace_files WHERE kind = 'brand' AND path = ?", try row.string("path"))
                changed += 1
            }
            return changed
        }
        return (files, changed)
    }

    /// Opens or creates the workspace in `directory` and imports a brand kit and templates:
    /// `copydesk init`. Running it again records only what changed.
    public static func initialize(_ directory: String, brand: String?, templates: String?) throws -> (Workspace, ImportReport) {
        let workspace = try openOrCreate(directory)
        return (workspace, try workspace.importProject(brand: brand, templates: templates))
    }

    /// Imports a brand kit and templates.
    public func importProject(brand: String?, templates: String?) throws -> ImportReport {
        var report = ImportReport()
        if let templates { report.templates = try syncTemplates(from: templates) }
        if let brand {
            let result = try importBrand(from: brand)
            report.brandFiles = result.files
            report.brandFilesChanged = result.changed
        }
        return report
    }

    /// Brand files recorded in the workspace: relative path and asset hash.
    public func brandFiles() throws -> [(path: String, hash: String)] {
        try database.rows("SELECT path, asset_hash FROM workspace_files WHERE kind = 'brand' ORDER BY path").map { (try $0.string("path"), try $0.string("asset_hash")) }
    }

    /// The media type copydesk records for a file name.
    public static func mediaType(forPath path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "md", "markdown": "text/markdown"
        case "toml": "application/toml"
        case "json": "application/json"
        case "png": "image/png"
        case "wav": "audio/wav"
        case "txt": "text/plain"
        case "csv": "text/csv"
        case "ttf": "font/ttf"
        default: "application/octet-stream"
        }
    }

    /// Regular files under `folder` (recursively, hidden files skipped), relative and sorted.
    static func files(in folder: String, matching include: (String) -> Bool) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw StoreError(.notFound, "folder not found", path: folder)
        }
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") { enumerator.skipDescendants(); continue }
            var dir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(relative), isDirectory: &dir)
            if !dir.boolValue && include(relative) { result.append(relative) }
        }
        return result.sorted()
    }
}
