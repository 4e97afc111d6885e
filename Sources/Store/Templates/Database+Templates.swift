import Foundation
import Prompts
import Support

extension Database {
    /// Records a version of each template whose content changed since its latest version.
    ///
    /// Idempotent: syncing the same files again records nothing. A template seen for the
    /// first time gets version 1 and the `production` label. All files are parsed before
    /// anything is written, and everything is written in one transaction.
    public func syncTemplates(_ files: [(path: String, source: String)], by actor: String = Database.defaultActor) throws -> [TemplateSyncResult] {
        var parsed: [(path: String, template: PromptTemplate)] = []
        var seen: [String: String] = [:]
        for file in files {
            let template = try PromptTemplate(source: file.source, file: file.path)
            if let other = seen[template.id] {
                throw StoreError(.conflict, "template id '\(template.id)' is used by both \(other) and \(file.path)", path: file.path)
            }
            seen[template.id] = file.path
            parsed.append((file.path, template))
        }
        return try inTransaction {
            try parsed.map { file in try recordTemplateVersion(file.template, path: file.path, by: actor) }
        }
    }

    private func recordTemplateVersion(_ template: PromptTemplate, path: String, by actor: String) throws -> TemplateSyncResult {
        let hash = SHA256.hash(Array(template.source.utf8)).hex
        let latest = try row("SELECT version, content_hash FROM template_versions WHERE template_id = ? ORDER BY version DESC LIMIT 1", template.id)
        if let latest, try latest.string("content_hash") == hash {
            return TemplateSyncResult(templateID: template.id, version: try latest.int("version"), action: .unchanged, path: path)
        }
        let now = Timestamp.now()
        if latest == nil {
            try execute("INSERT INTO templates (id, kind, channel, created_at) VALUES (?, ?, ?, ?)",
                        template.id, template.kind.rawValue, template.channel, now)
        } else {
            try execute("UPDATE templates SET kind = ?, channel = ? WHERE id = ?", template.kind.rawValue, template.channel, template.id)
        }
        let version = (try latest?.int("version") ?? 0) + 1
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let parameters = String(decoding: try encoder.encode(template.parameters), as: UTF8.self)
        try execute("INSERT INTO template_versions (template_id, version, content_hash, source_path, source, parameters, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    template.id, version, hash, path, template.source, parameters, now)
        if latest == nil {
            try moveLabel(template.id, "production", to: version, by: actor, note: "first version")
        }
        return TemplateSyncResult(templateID: template.id, version: version, action: latest == nil ? .created : .updated, path: path)
    }

    /// Every template's latest version.
    public func templates() throws -> [TemplateVersion] {
        try rows("""
            SELECT v.* FROM template_versions v
            WHERE v.version = (SELECT max(version) FROM template_versions w WHERE w.template_id = v.template_id)
            ORDER BY v.template_id
            """).map { try templateVersion($0) }
    }

    /// All versions of one template, oldest first.
    public func templateVersions(_ id: String) throws -> [TemplateVersion] {
        let versions = try rows("SELECT * FROM template_versions WHERE template_id = ? ORDER BY version", id).map { try templateVersion($0) }
        guard !versions.isEmpty else { throw unknownTemplate(id) }
        return versions
    }

    /// One version: a number, a label, or the latest when `version` is nil.
    ///
    /// `reference` may be written `ID`, `ID@vN`, `ID@N` or `ID@label`.
    public func templateVersion(_ reference: String) throws -> TemplateVersion {
        let parts = reference.split(separator: "@", maxSplits: 1).map(String.init)
        let id = parts[0]
        let versions = try templateVersions(id)
        guard parts.count == 2 else { return versions.last! }
        return try templateVersion(id, parts[1], in: versions)
    }

    /// One version of `id` by "vN", "N" or a label name.
    public func templateVersion(_ id: String, _ selector: String) throws -> TemplateVersion {
        try templateVersion(id, selector, in: templateVersions(id))
    }

    private func templateVersion(_ id: String, _ selector: String, in versions: [TemplateVersion]) throws -> TemplateVersion {
        let digits = selector.hasPrefix("v") ? String(selector.dropFirst()) : selector
        if let n = Int(digits) {
            guard let v = versions.first(where: { $0.version == n }) else {
                throw StoreError(.notFound, "template '\(id)' has no version \(n) (it has v1...v\(versions.count))")
            }
            return v
        }
        guard let labelled = try scalar("SELECT version FROM template_labels WHERE template_id = ? AND label = ?", id, selector).int,
              let v = versions.first(where: { $0.version == labelled }) else {
            throw StoreError(.notFound, "template '\(id)' has no version or label '\(selector)'")
        }
        return v
    }

    /// Points `label` of template `id` at `version`, appending the move to the history.
    ///
    /// Moving it back to an earlier version is how a rollback is done.
    @discardableResult
    public func moveLabel(_ id: String, _ label: String, to version: Int, by actor: String = Database.defaultActor, note: String? = nil) throws -> LabelMove {
        guard !label.isEmpty, label.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }), Int(label) == nil, !label.hasPrefix("v") || Int(label.dropFirst()) == nil else {
            throw StoreError(.invalidArgument, "label '\(label)' must be a word of letters, digits, '-' and '_' that is not a version number")
        }
        return try inTransaction {
            guard try scalar("SELECT 1 FROM template_versions WHERE template_id = ? AND version = ?", id, version) != .null else {
                _ = try templateVersions(id)  // throws for an unknown template
                throw StoreError(.notFound, "template '\(id)' has no version \(version)")
            }
            let from = try scalar("SELECT version FROM template_labels WHERE template_id = ? AND label = ?", id, label).int
            let now = Timestamp.now()
            try execute("""
                INSERT INTO template_labels (template_id, label, version, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (template_id, label) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at
                """, id, label, version, now)
            try execute("INSERT INTO template_label_history (template_id, label, from_version, to_version, moved_at, moved_by, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        id, label, from, version, now, actor, note)
            return LabelMove(templateID: id, label: label, fromVersion: from, toVersion: version, movedAt: now, movedBy: actor, note: note)
        }
    }

    /// The labels of a template and the versions they point at, by label name.
    public func labels(of id: String) throws -> [(label: String, version: Int)] {
        try rows("SELECT label, version FROM template_labels WHERE template_id = ? ORDER BY label", id).map { (try $0.string("label"), try $0.int("version")) }
    }

    /// The history of label moves for a template, oldest first.
    public func labelHistory(_ id: String) throws -> [LabelMove] {
        try rows("SELECT * FROM template_label_history WHERE template_id = ? ORDER BY id", id).map { row in
            LabelMove(templateID: try row.string("template_id"), label: try row.string("label"), fromVersion: try row.optionalInt("from_version"),
                      toVersion: try row.int("to_version"), movedAt: try row.string("moved_at"), movedBy: try row.string("moved_by"), note: try row.optionalString("note"))
        }
    }

    /// The version a label points at, for the pipeline (normally "production").
    public func labelledTemplate(_ id: String, label: String = "production") throws -> TemplateVersion {
        try templateVersion(id, label)
    }

    /// Who is acting, for label history: `COPYDESK_USER`, else `USER`, else "unknown".
    public static var defaultActor: String {
        let env = ProcessInfo.processInfo.environment
        return env["COPYDESK_USER"] ?? env["USER"] ?? "unknown"
    }

    private func templateVersion(_ row: Row) throws -> TemplateVersion {
        let id = try row.string("template_id"), version = try row.int("version")
        let labels = try rows("SELECT label FROM template_labels WHERE template_id = ? AND version = ? ORDER BY label", id, version).map { try $0.string("label") }
        return TemplateVersion(templateID: id, version: version, contentHash: try row.string("content_hash"), sourcePath: try row.optionalString("source_path"),
                               source: try row.string("source"), createdAt: try row.string("created_at"), labels: labels)
    }

    private func unknownTemplate(_ id: String) -> StoreError {
        let known = (try? rows("SELECT id FROM templates ORDER BY id").map { try $0.string("id") }) ?? []
        return StoreError(.notFound, "no template '\(id)'" + (known.isEmpty ? "; run `copydesk templates sync` first" : " (known: \(known.joined(separator: ", ")))"))
    }
}
