/// One schema change, identified by a stable id and applied once.
public struct Migration: Sendable {
    /// A stable identifier such as "0001-initial"; recorded once applied.
    public let id: String
    /// The SQL script that performs the change.
    public let sql: String

    public init(id: String, sql: String) {
        self.id = id
        self.sql = sql
    }
}

/// Applies registered migrations in order, each in its own transaction, recording them in
/// `schema_migrations`.
public struct Migrator: Sendable {
    /// The migrations, in the order they apply.
    public private(set) var migrations: [Migration] = []

    public init() {}

    /// Registers a migration. Ids must be unique.
    public mutating func register(_ id: String, _ sql: String) {
        precondition(!migrations.contains { $0.id == id }, "duplicate migration id \(id)")
        migrations.append(Migration(id: id, sql: sql))
    }

    /// Ids of migrations already applied to `db`, in application order.
    public func appliedIDs(in db: Database) throws -> [String] {
        try ensureTable(db)
        return try db.rows("SELECT id FROM schema_migrations ORDER BY applied_order").map { try $0.string("id") }
    }

    /// Applies every migration not yet recorded. Returns the ids applied now.
    @discardableResult
    public func migrate(_ db: Database) throws -> [String] {
        try ensureTable(db)
        let applied = Set(try appliedIDs(in: db))
        let known = Set(migrations.map(\.id))
        if let unknown = applied.subtracting(known).sorted().first {
            throw DatabaseError(code: 1, message: "the database has migration '\(unknown)' that this copydesk does not know; it was written by a newer version", path: db.path)
        }
        var now: [String] = []
        for migration in migrations where !applied.contains(migration.id) {
            try db.inTransaction {
                try db.executeScript(migration.sql)
                try db.execute(
                    "INSERT INTO schema_migrations (id, applied_order, applied_at) VALUES (?, (SELECT coalesce(max(applied_order), 0) + 1 FROM schema_migrations), ?)",
                    migration.id, Timestamp.now())
            }
            now.append(migration.id)
        }
        return now
    }

    private func ensureTable(_ db: Database) throws {
        try db.executeScript("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                id TEXT PRIMARY KEY,
                applied_order INTEGER NOT NULL,
                applied_at TEXT NOT NULL
            )
            """)
    }
}
