import Foundation
import Store

/// `copydesk init` and `copydesk doctor`.
enum WorkspaceCommands {
    /// Opens the workspace named by `--workspace` / the environment.
    static func open(_ args: ParsedArguments) throws -> Workspace {
        try Workspace.open(Workspace.resolveDirectory(explicit: args.value("--workspace")))
    }

    static let initCommand = Command(spec: CommandSpec(
        path: ["init"],
        summary: "Create a workspace (or update one) and import the brand kit and templates.",
        options: [
            .workspace,
            .value("--brand", "DIR", "brand kit folder to import (default: ./Brand)"),
            .value("--templates", "DIR", "prompt templates folder to import (default: ./Templates)"),
            .json,
        ],
        discussion: "Running it again is safe: only changed templates get a new version, and changed brand files are re-imported."
    )) { args in
        let brand = try folder(args.value("--brand"), default: "Brand", option: "--brand")
        let templates = try folder(args.value("--templates"), default: "Templates", option: "--templates")
        let directory = Workspace.resolveDirectory(explicit: args.value("--workspace"))
        let (workspace, report) = try Workspace.initialize(directory, brand: brand, templates: templates)
        if args.json {
            struct Out: Encodable {
                let workspace: String, database: String, schema: [String]
                let templates: [TemplateSyncJSON]
                let brandFiles: Int, brandFilesChanged: Int
            }
            try Output.json(Out(workspace: workspace.directory, database: workspace.databasePath, schema: try workspace.schemaVersions(),
                                templates: report.templates.map(TemplateSyncJSON.init), brandFiles: report.brandFiles.count, brandFilesChanged: report.brandFilesChanged))
        } else {
            Output.line("Workspace: \(workspace.directory)")
            Output.line("Templates: \(report.templates.count) (\(report.templates.filter { $0.action != .unchanged }.count) new versions)")
            for t in report.templates where t.action != .unchanged {
                Output.line("  \(t.templateID) v\(t.version) \(t.action.rawValue) from \(t.path)")
            }
            Output.line("Brand kit: \(report.brandFiles.count) files (\(report.brandFilesChanged) new or changed)")
        }
        return ExitCode.ok
    }

    /// The folder given for an option, or the project's default one.
    static func folder(_ given: String?, default name: String, option: String) throws -> String {
        if let given {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: given, isDirectory: &isDir), isDir.boolValue else {
                throw UsageError(message: "\(option) \(given): no such folder", command: "copydesk init")
            }
            return given
        }
        guard let found = ProjectFolders.locate(name) else {
            throw StoreError(.notFound, "no \(name)/ folder here or beside the copydesk executable; pass \(option) DIR")
        }
        return found
    }

    static let doctor = Command(spec: CommandSpec(
        path: ["doctor"],
        summary: "Check the workspace database (integrity, schema version) and report what it holds.",
        options: [.workspace, .json]
    )) { args in
        let health = try open(args).health()
        if args.json {
            try Output.json(health)
        } else {
            Output.line("Workspace:      \(health.workspace)")
            Output.line("SQLite:         \(health.sqlite)")
            Output.line("Schema version: \(health.schemaVersion) (\(health.migrations.count) migrations; latest known \(health.latestSchemaVersion))")
            Output.line("Integrity:      \(health.integrity.joined(separator: "; "))")
            for key in health.counts.keys.sorted() { Output.line("  \(key): \(health.counts[key]!)") }
            Output.line(health.ok ? "All good." : "Problems found.")
        }
        return health.ok ? ExitCode.ok : ExitCode.failure
    }
}

/// JSON shape of one template sync result.
struct TemplateSyncJSON: Encodable {
    let id: String, version: Int, action: String, path: String
    init(_ r: TemplateSyncResult) {
        id = r.templateID; version = r.version; action = r.action.rawValue; path = r.path
    }
}
