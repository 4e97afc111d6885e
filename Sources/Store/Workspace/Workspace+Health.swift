import Foundation

/// What `copydesk doctor` reports: the database's integrity and schema, and what it holds.
public struct WorkspaceHealth: Sendable, Encodable {
    public var workspace: String
    /// SQLite's `integrity_check` lines ("ok" when sound).
    public var integrity: [String]
    /// Applied migrations, oldest first.
    public var migrations: [String]
    public var schemaVersion: String
    public var latestSchemaVersion: String
    public var sqlite: String
    /// Rows per kind of record: templates, template_versions, assets, runs, brand_files.
    public var counts: [String: Int]

    /// Sound, and on the newest schema.
    public var ok: Bool
}

extension Workspace {
    /// Checks the database and counts what it holds.
    public func health() throws -> WorkspaceHealth {
        let tables = ["templates": "templates", "template_versions": "template_versions", "assets": "assets", "runs": "runs",
                      "brand_files": "workspace_files"]
        var counts: [String: Int] = [:]
        for (key, table) in tables { counts[key] = try database.scalar("SELECT count(*) FROM \(table)").int ?? 0 }
        let migrations = try schemaVersions()
        let integrity = try database.integrityCheck()
        let version = migrations.last ?? "none"
        return WorkspaceHealth(workspace: directory, integrity: integrity, migrations: migrations, schemaVersion: version,
                               latestSchemaVersion: Schema.latestVersion, sqlite: Database.sqliteVersion, counts: counts,
                               ok: integrity == ["ok"] && version == Schema.latestVersion)
    }
}
