import Foundation

/// A copydesk workspace: a folder holding `copydesk.sqlite` and exported outputs.
///
/// The database connection belongs to the thread that opened the workspace.
public final class Workspace {
    /// The workspace folder.
    public let directory: String
    /// The open, migrated database.
    public let database: Database

    /// The database file name inside a workspace folder.
    public static let databaseName = "copydesk.sqlite"

    /// The database file path.
    public var databasePath: String { (directory as NSString).appendingPathComponent(Self.databaseName) }

    private init(directory: String, database: Database) {
        self.directory = directory
        self.database = database
    }

    /// The workspace folder: `explicit` (from `--workspace`), else `COPYDESK_WORKSPACE`, else `./.copydesk`.
    public static func resolveDirectory(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let raw = explicit ?? environment["COPYDESK_WORKSPACE"].flatMap { $0.isEmpty ? nil : $0 } ?? ".copydesk"
        return URL(fileURLWithPath: raw).standardizedFileURL.path
    }

    /// Opens an existing workspace and applies pending migrations.
    ///
    /// - Throws: `StoreError.noWorkspace` when there is none, `DatabaseError` when the file is damaged.
    public static func open(_ directory: String) throws -> Workspace {
        let path = (directory as NSString).appendingPathComponent(databaseName)
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(.noWorkspace, "no copydesk workspace here (\(path) does not exist); run `copydesk init` first, or pass --workspace DIR", path: directory)
        }
        return try openOrCreate(directory)
    }

    /// Opens the workspace, creating the folder and database if needed, and migrates it.
    public static func openOrCreate(_ directory: String) throws -> Workspace {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError(.invalidArgument, "cannot create the workspace folder: \(error.localizedDescription)", path: directory)
        }
        let db = try Database(path: (directory as NSString).appendingPathComponent(databaseName))
        try Schema.migrator.migrate(db)
        return Workspace(directory: directory, database: db)
    }

    /// The ids of applied migrations, oldest first.
    public func schemaVersions() throws -> [String] {
        try Schema.migrator.appliedIDs(in: database)
    }
}
