extension Database {
    /// The finished item with this key, if any.
    public func batchWork(_ key: String) throws -> BatchWork? {
        try row("SELECT * FROM batch_work WHERE key = ?", key).map(Self.batchWork(from:))
    }

    /// Every finished item of a campaign, in the order they finished.
    public func batchWork(campaign: String) throws -> [BatchWork] {
        try rows("SELECT * FROM batch_work WHERE campaign = ? ORDER BY rowid", campaign).map(Self.batchWork(from:))
    }

    /// Records a finished item (a failed one may be recorded again when it is retried).
    public func record(_ w: BatchWork) throws {
        try execute("""
            INSERT INTO batch_work (key, campaign, brief, channel, variant, piece_id, outcome, reason, tokens, seconds, finished_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (key) DO UPDATE SET piece_id = excluded.piece_id, outcome = excluded.outcome, reason = excluded.reason,
                tokens = excluded.tokens, seconds = excluded.seconds, finished_at = excluded.finished_at
            """, w.key, w.campaign, w.brief, w.channel, w.variant, w.pieceID, w.outcome.rawValue, w.reason, w.tokens, w.seconds, w.finishedAt)
    }

    static func batchWork(from row: Row) throws -> BatchWork {
        let name = try row.string("outcome")
        guard let outcome = BatchWork.Outcome(rawValue: name) else { throw StoreError(.invalidArgument, "batch item has an unknown outcome '\(name)'") }
        return BatchWork(key: try row.string("key"), campaign: try row.string("campaign"), brief: try row.string("brief"),
                         channel: try row.string("channel"), variant: try row.int("variant"), pieceID: try row.optionalInt64("piece_id"),
                         outcome: outcome, reason: try row.optionalString("reason"), tokens: try row.int("tokens"),
                         seconds: try row.value("seconds").double ?? 0, finishedAt: try row.string("finished_at"))
    }
}
