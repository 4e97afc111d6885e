import Foundation
import Support
import Store

/// `copydesk assets ...`.
enum AssetsCommands {
    struct AssetJSON: Encodable {
        let hash: String, mediaType: String, size: Int, createdAt: String
        init(_ a: Asset) { hash = a.hash; mediaType = a.mediaType; size = a.size; createdAt = a.createdAt }
    }

    static let list = Command(spec: CommandSpec(
        path: ["assets", "list"],
        summary: "List stored assets, newest first.",
        options: [.workspace, .value("--limit", "N", "how many (default 50)"), .json]
    )) { args in
        let db = try WorkspaceCommands.open(args).database
        let assets = try db.assets(limit: try args.int("--limit") ?? 50)
        if args.json {
            try Output.json(assets.map(AssetJSON.init))
        } else {
            Output.table(["hash", "type", "size", "created"], assets.map { [String($0.hash.prefix(16)), $0.mediaType, "\($0.size)", $0.createdAt] })
        }
        return ExitCode.ok
    }

    static let show = Command(spec: CommandSpec(
        path: ["assets", "show"],
        summary: "Write an asset's content to standard output (or --output FILE).",
        positionals: [PositionalSpec(name: "HASH", help: "full hash or a unique prefix of at least 6 hex digits")],
        options: [.workspace, .value("--output", "FILE", "write to this file (atomically) instead of standard output")]
    )) { args in
        let db = try WorkspaceCommands.open(args).database
        let asset = try db.resolveAsset(args.positionals[0])
        let bytes = try db.assetContent(asset.hash)
        if let output = args.value("--output") {
            try AtomicFile.write(Data(bytes), to: output)
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
        return ExitCode.ok
    }

    static let add = Command(spec: CommandSpec(
        path: ["assets", "add"],
        summary: "Store a file as an asset (deduplicated by SHA-256) and print its hash.",
        positionals: [PositionalSpec(name: "FILE", help: "file to store")],
        options: [.workspace, .value("--type", "MEDIA-TYPE", "media type (default: from the file name)"), .json]
    )) { args in
        let db = try WorkspaceCommands.open(args).database
        let path = args.positionals[0]
        guard let data = FileManager.default.contents(atPath: path) else { throw StoreError(.notFound, "cannot read the file", path: path) }
        let asset = try db.storeAsset([UInt8](data), mediaType: args.value("--type") ?? Workspace.mediaType(forPath: path))
        if args.json { try Output.json(AssetJSON(asset)) } else { Output.line(asset.hash) }
        return ExitCode.ok
    }
}
