/// The workspace database schema, as numbered migrations.
public enum Schema {
    /// Every migration, in order. Never edit one that has shipped: add a new one.
    public static let migrator: Migrator = {
        var m = Migrator()
        m.register("0001-templates", """
            CREATE TABLE templates (
                id TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                channel TEXT,
                created_at TEXT NOT NULL
            );
            CREATE TABLE template_versions (
                template_id TEXT NOT NULL REFERENCES templates(id),
                version INTEGER NOT NULL CHECK (version > 0),
                content_hash TEXT NOT NULL,
                source_path TEXT,
                source TEXT NOT NULL,
                parameters TEXT NOT NULL,
                created_at TEXT NOT NULL,
                PRIMARY KEY (template_id, version)
            );
            CREATE TABLE template_labels (
                template_id TEXT NOT NULL REFERENCES templates(id),
                label TEXT NOT NULL,
                version INTEGER NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (template_id, label),
                FOREIGN KEY (template_id, version) REFERENCES template_versions(template_id, version)
            );
            CREATE TABLE template_label_history (
                id INTEGER PRIMARY KEY,
                template_id TEXT NOT NULL REFERENCES templates(id),
                label TEXT NOT NULL,
                from_version INTEGER,
                to_version INTEGER NOT NULL,
                moved_at TEXT NOT NULL,
                moved_by TEXT NOT NULL,
                note TEXT
            );
            -- Versions and label history are append-only.
            CREATE TRIGGER template_versions_immutable BEFORE UPDATE ON template_versions
            BEGIN SELECT RAISE(ABORT, 'template versions are immutable'); END;
            CREATE TRIGGER template_versions_no_delete BEFORE DELETE ON template_versions
            BEGIN SELECT RAISE(ABORT, 'template versions are immutable'); END;
            CREATE TRIGGER template_label_history_append_only BEFORE UPDATE ON template_label_history
            BEGIN SELECT RAISE(ABORT, 'label history is append-only'); END;
            CREATE TRIGGER template_label_history_no_delete BEFORE DELETE ON template_label_history
            BEGIN SELECT RAISE(ABORT, 'label history is append-only'); END;
            """)
        m.register("0002-assets-runs", """
            CREATE TABLE assets (
                hash TEXT PRIMARY KEY CHECK (length(hash) = 64),
                media_type TEXT NOT NULL,
                size INTEGER NOT NULL,
                created_at TEXT NOT NULL,
                content BLOB NOT NULL
            );
            CREATE TABLE runs (
                id INTEGER PRIMARY KEY,
                step TEXT NOT NULL,
                template_id TEXT,
                template_version INTEGER,
                model_id TEXT,
                model_hash TEXT,
                parameters TEXT NOT NULL DEFAULT '{}',
                seed INTEGER,
                started_at TEXT NOT NULL,
                ended_at TEXT,
                token_count INTEGER,
                sample_count INTEGER,
                status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled')),
                error TEXT,
                FOREIGN KEY (template_id, template_version) REFERENCES template_versions(template_id, version)
            );
            CREATE TABLE run_inputs (
                run_id INTEGER NOT NULL REFERENCES runs(id),
                ordinal INTEGER NOT NULL,
                role TEXT NOT NULL,
                asset_hash TEXT NOT NULL REFERENCES assets(hash),
                PRIMARY KEY (run_id, ordinal)
            );
            CREATE TABLE run_outputs (
                run_id INTEGER NOT NULL REFERENCES runs(id),
                ordinal INTEGER NOT NULL,
                role TEXT NOT NULL,
                asset_hash TEXT NOT NULL REFERENCES assets(hash),
                PRIMARY KEY (run_id, ordinal)
            );
            CREATE INDEX run_outputs_by_asset ON run_outputs(asset_hash);
            CREATE INDEX run_inputs_by_asset ON run_inputs(asset_hash);
            """)
        m.register("0003-workspace-files", """
            CREATE TABLE workspace_files (
                kind TEXT NOT NULL,
                path TEXT NOT NULL,
                asset_hash TEXT NOT NULL REFERENCES assets(hash),
                imported_at TEXT NOT NULL,
                PRIMARY KEY (kind, path)
            );
            """)
        m.register("0004-knowledge", """
            CREATE TABLE kb_documents (
                path TEXT PRIMARY KEY,
                content_hash TEXT NOT NULL,
                title TEXT,
                updated TEXT,
                model TEXT NOT NULL,
                added_at TEXT NOT NULL
            );
            CREATE TABLE kb_chunks (
                id INTEGER PRIMARY KEY,
                path TEXT NOT NULL REFERENCES kb_documents(path) ON DELETE CASCADE,
                ordinal INTEGER NOT NULL,
                heading TEXT NOT NULL,
                anchor TEXT NOT NULL,
                text TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                vector BLOB NOT NULL,
                UNIQUE (path, ordinal)
            );
            CREATE VIRTUAL TABLE kb_fts USING fts5(text, heading, content='kb_chunks', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');
            CREATE TRIGGER kb_chunks_ai AFTER INSERT ON kb_chunks BEGIN
                INSERT INTO kb_fts(rowid, text, heading) VALUES (new.id, new.text, new.heading);
            END;
            CREATE TRIGGER kb_chunks_ad AFTER DELETE ON kb_chunks BEGIN
                INSERT INTO kb_fts(kb_fts, rowid, text, heading) VALUES ('delete', old.id, old.text, old.heading);
            END;
            """)
        m.register("0005-pieces-review", """
            CREATE TABLE pieces (
                id INTEGER PRIMARY KEY,
                brief_hash TEXT REFERENCES assets(hash),
                campaign TEXT NOT NULL,
                channel TEXT NOT NULL,
                created_at TEXT NOT NULL
            );
            CREATE TABLE piece_versions (
                piece_id INTEGER NOT NULL REFERENCES pieces(id),
                version INTEGER NOT NULL CHECK (version > 0),
                asset_hash TEXT NOT NULL REFERENCES assets(hash),
                run_id INTEGER REFERENCES runs(id),
                origin TEXT NOT NULL,
                created_at TEXT NOT NULL,
                PRIMARY KEY (piece_id, version)
            );
            CREATE INDEX piece_versions_by_asset ON piece_versions(asset_hash);
            CREATE TABLE piece_checks (
                piece_id INTEGER NOT NULL,
                version INTEGER NOT NULL,
                report_hash TEXT NOT NULL REFERENCES assets(hash),
                score INTEGER NOT NULL,
                passed INTEGER NOT NULL,
                run_id INTEGER REFERENCES runs(id),
                checked_at TEXT NOT NULL,
                FOREIGN KEY (piece_id, version) REFERENCES piece_versions(piece_id, version)
            );
            CREATE TABLE review_events (
                id INTEGER PRIMARY KEY,
                piece_id INTEGER NOT NULL REFERENCES pieces(id),
                version INTEGER NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('draft', 'in_review', 'approved', 'rejected')),
                actor TEXT NOT NULL,
                at TEXT NOT NULL,
                note TEXT,
                FOREIGN KEY (piece_id, version) REFERENCES piece_versions(piece_id, version)
            );
            CREATE TRIGGER review_events_append_only_update BEFORE UPDATE ON review_events
                BEGIN SELECT RAISE(ABORT, 'review history is append-only'); END;
            CREATE TRIGGER review_events_append_only_delete BEFORE DELETE ON review_events
                BEGIN SELECT RAISE(ABORT, 'review history is append-only'); END;
            """)
        m.register("0006-batch-work", """
            CREATE TABLE batch_work (
                key TEXT PRIMARY KEY,
                campaign TEXT NOT NULL,
                brief TEXT NOT NULL,
                channel TEXT NOT NULL,
                variant INTEGER NOT NULL,
                piece_id INTEGER REFERENCES pieces(id),
                outcome TEXT NOT NULL CHECK (outcome IN ('passed', 'held', 'failed')),
                reason TEXT,
                tokens INTEGER NOT NULL DEFAULT 0,
                seconds REAL NOT NULL DEFAULT 0,
                finished_at TEXT NOT NULL
            );
            """)
        return m
    }()

    /// The newest migration id this build knows.
    public static var latestVersion: String { migrator.migrations.last?.id ?? "none" }
}
