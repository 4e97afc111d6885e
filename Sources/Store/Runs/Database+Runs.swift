extension Database {
    /// Records the start of a run with its inputs, which must already be stored as assets.
    public func beginRun(_ start: RunStart) throws -> Int64 {
        try inTransaction {
            try execute("""
                INSERT INTO runs (step, template_id, template_version, model_id, model_hash, parameters, seed, started_at, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'running')
                """, start.step.rawValue, start.templateID, start.templateVersion, start.modelID, start.modelHash, start.parameters,
                     start.seed.map { Int64(bitPattern: $0) }, Timestamp.now())
            let id = lastInsertedRowID
            for (i, input) in start.inputs.enumerated() {
                try requireAsset(input.hash)
                try execute("INSERT INTO run_inputs (run_id, ordinal, role, asset_hash) VALUES (?, ?, ?, ?)", id, i, input.role, input.hash)
            }
            return id
        }
    }

    /// Marks a run succeeded with its outputs and counts, in one transaction.
    public func finishRun(_ id: Int64, outputs: [Run.AssetLink], tokenCount: Int? = nil, sampleCount: Int? = nil) throws {
        try inTransaction {
            try requireRunning(id)
            for (i, output) in outputs.enumerated() {
                try requireAsset(output.hash)
                try execute("INSERT INTO run_outputs (run_id, ordinal, role, asset_hash) VALUES (?, ?, ?, ?)", id, i, output.role, output.hash)
            }
            try execute("UPDATE runs SET status = 'succeeded', ended_at = ?, token_count = ?, sample_count = ? WHERE id = ?",
                        Timestamp.now(), tokenCount, sampleCount, id)
        }
    }

    /// Marks a run failed (or cancelled) with the error text.
    public func failRun(_ id: Int64, error: String, status: Run.Status = .failed) throws {
        try inTransaction {
            try requireRunning(id)
            try execute("UPDATE runs SET status = ?, ended_at = ?, error = ? WHERE id = ?", status.rawValue, Timestamp.now(), error, id)
        }
    }

    /// Runs, newest first, optionally only one step kind.
    public func runs(step: RunStep? = nil, limit: Int = 50) throws -> [Run] {
        let rows: [Row]
        if let step {
            rows = try self.rows("SELECT * FROM runs WHERE step = ? ORDER BY id DESC LIMIT ?", step.rawValue, limit)
        } else {
            rows = try self.rows("SELECT * FROM runs ORDER BY id DESC LIMIT ?", limit)
        }
        return try rows.map(run(from:))
    }

    /// One run by id.
    public func run(_ id: Int64) throws -> Run {
        guard let row = try row("SELECT * FROM runs WHERE id = ?", id) else { throw StoreError(.notFound, "no run \(id)") }
        return try run(from: row)
    }

    /// The run that produced an asset, if any: the first, when several did (a later run that
    /// writes the same bytes, such as a revision that changed nothing, is not its origin).
    public func producingRun(of hash: String) throws -> Run? {
        try row("""
            SELECT r.* FROM runs r JOIN run_outputs o ON o.run_id = r.id
            WHERE o.asset_hash = ? AND r.status = 'succeeded' ORDER BY r.id ASC LIMIT 1
            """, hash).map(run(from:))
    }

    /// The chain from an asset back to its original inputs (the brief).
    public func lineage(of hash: String) throws -> LineageNode {
        let asset = try resolveAsset(hash)
        var visiting: Set<String> = []
        return try lineageNode(asset, role: nil, visiting: &visiting)
    }

    private func lineageNode(_ asset: Asset, role: String?, visiting: inout Set<String>) throws -> LineageNode {
        guard !visiting.contains(asset.hash), let run = try producingRun(of: asset.hash) else {
            return LineageNode(asset: asset, role: role, producedBy: nil, inputs: [])
        }
        visiting.insert(asset.hash)
        defer { visiting.remove(asset.hash) }
        var inputs: [LineageNode] = []
        for input in run.inputs {
            guard let inputAsset = try self.asset(input.hash) else { continue }
            inputs.append(try lineageNode(inputAsset, role: input.role, visiting: &visiting))
        }
        return LineageNode(asset: asset, role: role, producedBy: run, inputs: inputs)
    }

    func requireAsset(_ hash: String) throws {
        guard try asset(hash) != nil else { throw StoreError(.notFound, "no asset with hash \(hash); store it before linking it to a run") }
    }

    private func requireRunning(_ id: Int64) throws {
        guard let status = try scalar("SELECT status FROM runs WHERE id = ?", id).string else { throw StoreError(.notFound, "no run \(id)") }
        guard status == Run.Status.running.rawValue else { throw StoreError(.conflict, "run \(id) already ended (\(status))") }
    }

    private func run(from row: Row) throws -> Run {
        let id = try row.int64("id")
        func links(_ table: String) throws -> [Run.AssetLink] {
            try rows("SELECT role, asset_hash FROM \(table) WHERE run_id = ? ORDER BY ordinal", id).map {
                Run.AssetLink(role: try $0.string("role"), hash: try $0.string("asset_hash"))
            }
        }
        let stepName = try row.string("step"), statusName = try row.string("status")
        guard let step = RunStep(rawValue: stepName) else { throw StoreError(.invalidArgument, "run \(id) has an unknown step '\(stepName)'") }
        guard let status = Run.Status(rawValue: statusName) else { throw StoreError(.invalidArgument, "run \(id) has an unknown status '\(statusName)'") }
        return Run(id: id, step: step, templateID: try row.optionalString("template_id"), templateVersion: try row.optionalInt("template_version"),
                   modelID: try row.optionalString("model_id"), modelHash: try row.optionalString("model_hash"), parameters: try row.string("parameters"),
                   seed: try row.optionalInt64("seed").map { UInt64(bitPattern: $0) }, startedAt: try row.string("started_at"), endedAt: try row.optionalString("ended_at"),
                   tokenCount: try row.optionalInt("token_count"), sampleCount: try row.optionalInt("sample_count"),
                   status: status, error: try row.optionalString("error"),
                   inputs: try links("run_inputs"), outputs: try links("run_outputs"))
    }
}
