import Foundation
import ModelCache
import Store

/// `copydesk demo`: the README's main command, on the built-in defaults.
enum DemoCommand {
    static let command = Command(spec: CommandSpec(
        path: ["demo"],
        summary: "Run the main job on the built-in defaults (fetches models on first use).",
        options: [.workspace, .flag("--skip-models", "do not fetch or verify the default models"), .json],
        discussion: """
            Fetches and verifies the default models, creates (or updates) the workspace from Brand/ and
            Templates/, and reports what it holds. Later steps of the pipeline join as they land.
            """
    )) { args in
        let json = args.json
        func say(_ text: String) { if !json { Output.line(text) } }
        var models: [ModelStatusJSON] = []
        if !args.flag("--skip-models") {
            let cache = ModelCache(root: ModelCache.defaultRoot())
            say("Model cache: \(cache.root)")
            for spec in ModelCache.catalog {
                let entry = try cache.fetch(spec.name) { message in if !json { Output.error("  \(message)") } }
                let results = cache.verify(spec.name)
                let ok = results.allSatisfy { $0.isOK }
                say("  \(spec.name): \(entry.files.count) files, \(ok ? "verified" : "HASH MISMATCH")")
                models.append(ModelStatusJSON(name: spec.name, files: entry.files.map(\.path), verified: ok))
                guard ok else { throw ModelsCommands.verificationFailure(results) }
            }
        }
        let brand = try WorkspaceCommands.folder(nil, default: "Brand", option: "--brand")
        let templates = try WorkspaceCommands.folder(nil, default: "Templates", option: "--templates")
        let workspace = try Workspace.openOrCreate(Workspace.resolveDirectory(explicit: args.value("--workspace")))
        let report = try workspace.importProject(brand: brand, templates: templates)
        let db = workspace.database
        let templateCount = try db.scalar("SELECT count(*) FROM templates").int ?? 0
        if json {
            struct Out: Encodable { let workspace: String, models: [ModelStatusJSON], templates: Int, brandFiles: Int, integrity: [String] }
            try Output.json(Out(workspace: workspace.directory, models: models, templates: templateCount, brandFiles: report.brandFiles.count, integrity: try db.integrityCheck()))
        } else {
            say("Workspace: \(workspace.directory)")
            say("  \(templateCount) templates (\(report.templates.filter { $0.action != .unchanged }.count) new versions), \(report.brandFiles.count) brand files")
            say("  integrity: \(try db.integrityCheck().joined(separator: "; "))")
            say("Next: `copydesk templates list`, `copydesk runs list`.")
        }
        return ExitCode.ok
    }

    struct ModelStatusJSON: Encodable { let name: String, files: [String], verified: Bool }
}
