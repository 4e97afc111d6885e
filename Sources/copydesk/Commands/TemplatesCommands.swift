import Foundation
import Pipeline
import Prompts
import Store

/// `copydesk templates ...`.
enum TemplatesCommands {
    static let sync = Command(spec: CommandSpec(
        path: ["templates", "sync"],
        summary: "Record a new version of each template whose content changed.",
        options: [.workspace, .value("--templates", "DIR", "templates folder (default: ./Templates)"), .json]
    )) { args in
        let workspace = try WorkspaceCommands.open(args)
        let folder = try WorkspaceCommands.folder(args.value("--templates"), default: "Templates", option: "--templates")
        let results = try workspace.syncTemplates(from: folder)
        if args.json {
            try Output.json(results.map(TemplateSyncJSON.init))
        } else {
            Output.table(["TEMPLATE", "VERSION", "ACTION", "FILE"], results.map { [$0.templateID, "v\($0.version)", $0.action.rawValue, $0.path] })
        }
        return ExitCode.ok
    }

    static let list = Command(spec: CommandSpec(
        path: ["templates", "list"],
        summary: "List templates with their latest version and labels.",
        options: [.workspace, .json]
    )) { args in
        let db = try WorkspaceCommands.open(args).database
        let versions = try db.templates()
        var rows: [TemplateJSON] = []
        for v in versions {
            let t = try v.template()
            let labels = try db.labels(of: v.templateID).map { "\($0.label)=v\($0.version)" }
            rows.append(TemplateJSON(id: v.templateID, kind: t.kind.rawValue, channel: t.channel, latest: v.version, labels: labels, inputs: t.inputs, path: v.sourcePath))
        }
        if args.json {
            try Output.json(rows)
        } else {
            Output.table(["TEMPLATE", "KIND", "CHANNEL", "LATEST", "LABELS"], rows.map { [$0.id, $0.kind, $0.channel ?? "-", "v\($0.latest)", $0.labels.joined(separator: " ")] })
        }
        return ExitCode.ok
    }

    struct TemplateJSON: Encodable {
        let id: String, kind: String, channel: String?, latest: Int, labels: [String], inputs: [String], path: String?
    }

    static let log = Command(spec: CommandSpec(
        path: ["templates", "log"],
        summary: "Show a template's versions and the history of its labels.",
        positionals: [PositionalSpec(name: "ID", help: "template id")],
        options: [.workspace, .json]
    )) { args in
        let db = try WorkspaceCommands.open(args).database
        let id = args.positionals[0]
        let versions = try db.templateVersions(id)
        let history = try db.labelHistory(id)
        if args.json {
            struct V: Encodable { let version: Int, hash: String, createdAt: String, path: String?, labels: [String] }
            struct M: Encodable { let label: String, from: Int?, to: Int, at: String, by: String, note: String? }
            struct Out: Encodable { let id: String, versions: [V], labelHistory: [M] }
            try Output.json(Out(id: id,
                                versions: versions.map { V(version: $0.version, hash: $0.contentHash, createdAt: $0.createdAt, path: $0.sourcePath, labels: $0.labels) },
                                labelHistory: history.map { M(label: $0.label, from: $0.fromVersion, to: $0.toVersion, at: $0.movedAt, by: $0.movedBy, note: $0.note) }))
        } else {
            Output.line("Versions of \(id):")
            Output.table(["version", "created", "hash", "labels"], versions.reversed().map { ["v\($0.version)", $0.createdAt, String($0.contentHash.prefix(12)), $0.labels.joined(separator: " ")] })
            Output.line("\nLabel history:")
            Output.table(["WHEN", "LABEL", "MOVE", "BY", "NOTE"], history.reversed().map {
                [$0.movedAt, $0.label, "\($0.fromVersion.map { "v\($0)" } ?? "(new)") -> v\($0.toVersion)", $0.movedBy, $0.note ?? ""]
            })
        }
        return ExitCode.ok
    }

    static let show = Command(spec: CommandSpec(
        path: ["templates", "show"],
        summary: "Print a template version's text (latest, or ID@vN, ID@label).",
        positionals: [PositionalSpec(name: "ID[@vN|@LABEL]", help: "template id, optionally with a version or label")],
        options: [.workspace, .json]
    )) { args in
        let db = try WorkspaceCommands.open(args).database
        let v = try db.templateVersion(args.positionals[0])
        if args.json {
            let t = try v.template()
            struct Out: Encodable {
                let id: String, version: Int, hash: String, labels: [String], kind: String, channel: String?, inputs: [String]
                let parameters: ModelParameters, source: String
            }
            try Output.json(Out(id: v.templateID, version: v.version, hash: v.contentHash, labels: v.labels, kind: t.kind.rawValue,
                                channel: t.channel, inputs: t.inputs, parameters: t.parameters, source: v.source))
        } else {
            Output.write(v.source.hasSuffix("\n") ? v.source : v.source + "\n")
        }
        return ExitCode.ok
    }

    static let diff = Command(spec: CommandSpec(
        path: ["templates", "diff"],
        summary: "Line diff between two versions of a template.",
        positionals: [
            PositionalSpec(name: "ID", help: "template id"),
            PositionalSpec(name: "A", help: "older version (vN, N or a label)"),
            PositionalSpec(name: "B", help: "newer version (vN, N or a label)"),
        ],
        options: [.workspace]
    )) { args in
        let id = args.positionals[0]
        let compared = try WorkspaceCommands.open(args).templateDiff(id, from: args.positionals[1], to: args.positionals[2])
        let (a, b, diff) = (compared.old, compared.new, compared.diff)
        if diff.isEmpty {
            Output.line("\(id) v\(a.version) and v\(b.version) are identical.")
        } else {
            Output.write(diff.unified(oldName: "\(id)@v\(a.version)", newName: "\(id)@v\(b.version)"))
        }
        return ExitCode.ok
    }

    static let label = Command(spec: CommandSpec(
        path: ["templates", "label"],
        summary: "Point a label (production, staging...) at a version; moving it back is a rollback.",
        positionals: [
            PositionalSpec(name: "ID", help: "template id"),
            PositionalSpec(name: "VERSION", help: "version to label (vN or N)"),
            PositionalSpec(name: "LABEL", help: "label name, e.g. production"),
        ],
        options: [.workspace, .value("--note", "TEXT", "why the label moved (kept in the history)"), .json]
    )) { args in
        let db = try WorkspaceCommands.open(args).database
        let id = args.positionals[0]
        let target = try db.templateVersion(id, args.positionals[1])
        let move = try db.moveLabel(id, args.positionals[2], to: target.version, note: args.value("--note"))
        if args.json {
            struct Out: Encodable { let id: String, label: String, from: Int?, to: Int, at: String, by: String }
            try Output.json(Out(id: id, label: move.label, from: move.fromVersion, to: move.toVersion, at: move.movedAt, by: move.movedBy))
        } else {
            Output.line("\(id): \(move.label) \(move.fromVersion.map { "v\($0)" } ?? "(new)") -> v\(move.toVersion)")
        }
        return ExitCode.ok
    }

    static let render = Command(spec: CommandSpec(
        path: ["templates", "render"],
        summary: "Render a template version with NAME=VALUE variables (checks every input is given).",
        positionals: [
            PositionalSpec(name: "ID[@vN|@LABEL]", help: "template (default label: production)"),
            PositionalSpec(name: "NAME=VALUE", help: "variable values; VALUE may be @FILE to read a file", optional: true, repeating: true),
        ],
        options: [.workspace]
    )) { args in
        let db = try WorkspaceCommands.open(args).database
        let reference = args.positionals[0]
        let version = reference.contains("@") ? try db.templateVersion(reference) : try db.labelledTemplate(reference)
        var values: [String: String] = [:]
        for pair in args.positionals.dropFirst() {
            guard let eq = pair.firstIndex(of: "=") else {
                throw UsageError(message: "expected NAME=VALUE, got '\(pair)'", command: "copydesk templates render")
            }
            var value = String(pair[pair.index(after: eq)...])
            if value.hasPrefix("@") {
                let path = String(value.dropFirst())
                guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                    throw StoreError(.notFound, "cannot read UTF-8 text", path: path)
                }
                value = text
            }
            values[String(pair[..<eq])] = value
        }
        let template = try version.template()
        Output.write(try template.render(values, file: "\(version.templateID)@v\(version.version)"))
        return ExitCode.ok
    }
}
