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
    public var ok: Bool { integrity == ["ok"] && schemaVersion == latestSchemaVersion }

    enum CodingKeys: String, CodingKey { case ok, workspace, integrity, migrations, schemaVersion, latestSchemaVersion, sqlite, counts }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ok, forKey: .ok)
        try c.encode(workspace, forKey: .workspace)
        try c.encode(integrity, forKey: .integrity)
        try c.encode(migrations, forKey: .migrations)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(latestSchemaVersion, forKey: .latestSchemaVersion)
        try c.encode(sqlite, forKey: .sqlite)
        try c.encode(counts, forKey: .counts)
    }
}

extension Workspace {
    /// Checks the database and counts what it holds.
    public func health() throws -> WorkspaceHealth {
        let tables = ["templates": "templates", "template_versions": "template_versions", "assets": "assets", "runs": "runs",
                      "brand_files": "workspace_files"]
        var counts: [String: Int] = [:]
        for (key, table) in tables { counts[key] = try database.scalar("SELECT count(*) FROM \(table)").int ?? 0 }
        let migrations = try schemaVersions()
        return WorkspaceHealth(workspace: directory, integrity: try database.integrityCheck(), migrations: migrations,
                               schemaVersion: migrations.last ?? "none", latestSchemaVersion: Schema.latestVersion,
                               sqlite: Database.sqliteVersion, counts: counts)
    }
}
