import Foundation
import Pipeline
import Store

/// `copydesk runs ...` and `copydesk lineage`.
enum RunsCommands {
    struct RunJSON: Encodable {
        struct Link: Encodable { let role: String, hash: String }
        let id: Int64, step: String, status: String, templateID: String?, templateVersion: Int?, modelID: String?, modelHash: String?
        let parameters: String, seed: UInt64?, startedAt: String, endedAt: String?, tokenCount: Int?, sampleCount: Int?, error: String?
        let inputs: [Link], outputs: [Link]
        init(_ r: Run) {
            id = r.id; step = r.step.rawValue; status = r.status.rawValue; templateID = r.templateID; templateVersion = r.templateVersion
            modelID = r.modelID; modelHash = r.modelHash; parameters = r.parameters; seed = r.seed; startedAt = r.startedAt
            endedAt = r.endedAt; tokenCount = r.tokenCount; sampleCount = r.sampleCount; error = r.error
            inputs = r.inputs.map { Link(role: $0.role, hash: $0.hash) }; outputs = r.outputs.map { Link(role: $0.role, hash: $0.hash) }
        }
    }

    static let list = Command(spec: CommandSpec(
        path: ["runs", "list"],
        summary: "List recorded runs, newest first.",
        options: [.workspace, .value("--step", "KIND", "only this step (\(RunStep.allCases.map(\.rawValue).joined(separator: ", ")))"), .value("--limit", "N", "how many (default 50)"), .json]
    )) { args in
        let db = try WorkspaceCommands.open(args).database
        let runs = try db.runs(step: try args.value("--step").map(RunStep.named), limit: try args.int("--limit") ?? 50)
        if args.json {
            try Output.json(runs.map(RunJSON.init))
        } else if runs.isEmpty {
            Output.line("No runs recorded yet.")
        } else {
            Output.table(["ID", "STEP", "STATUS", "TEMPLATE", "MODEL", "SEED", "STARTED", "OUTPUTS"], runs.map { r in
                ["\(r.id)", r.step.rawValue, r.status.rawValue, r.templateID.map { "\($0)@v\(r.templateVersion ?? 0)" } ?? "-", r.modelID ?? "-",
                 r.seed.map(String.init) ?? "-", r.startedAt, r.outputs.map { String($0.hash.prefix(12)) }.joined(separator: ",")]
            })
        }
        return ExitCode.ok
    }

    static let show = Command(spec: CommandSpec(
        path: ["runs", "show"],
        summary: "Show one run: versions, parameters, seed, inputs and outputs.",
        positionals: [PositionalSpec(name: "ID", help: "run id")],
        options: [.workspace, .json]
    )) { args in
        guard let id = Int64(args.positionals[0]) else {
            throw UsageError(message: "run id must be a number, got '\(args.positionals[0])'", command: "copydesk runs show")
        }
        let run = try WorkspaceCommands.open(args).database.run(id)
        if args.json {
            try Output.json(RunJSON(run))
        } else {
            Output.line(describe(run))
            for i in run.inputs { Output.line("  in  \(i.role): \(i.hash)") }
            for o in run.outputs { Output.line("  out \(o.role): \(o.hash)") }
        }
        return ExitCode.ok
    }

    static func describe(_ r: Run) -> String {
        var parts = ["run \(r.id) \(r.step.rawValue) [\(r.status.rawValue)]"]
        if let t = r.templateID { parts.append("template \(t)@v\(r.templateVersion ?? 0)") }
        if let m = r.modelID { parts.append("model \(m)" + (r.modelHash.map { " (\($0.prefix(12)))" } ?? "")) }
        if let s = r.seed { parts.append("seed \(s)") }
        if r.parameters != "{}" { parts.append("params \(r.parameters)") }
        parts.append(r.startedAt)
        if let e = r.error { parts.append("error: \(e)") }
        return parts.joined(separator: ", ")
    }

    static let diff = Command(spec: CommandSpec(
        path: ["runs", "diff"],
        summary: "Compare two batch runs of a campaign, piece by piece: text diff, outcomes, verdicts, findings and scores.",
        positionals: [PositionalSpec(name: "A", help: "the workspace of the first run"), PositionalSpec(name: "B", help: "the workspace of the second run")],
        options: [.value("--campaign", "NAME", "the campaign's name (required)"), .json],
        discussion: "Items pair up by brief, channel and variant. Exit 1 when any item differs. --json prints {\"campaign\", \"items\": [...]}."
    )) { args in
        guard let name = args.value("--campaign") else { throw UsageError(message: "give --campaign NAME", command: "copydesk runs diff") }
        let diff = try BatchDiff.compare(campaign: name, try Workspace.open(args.positional(0)!), try Workspace.open(args.positional(1)!))
        if args.json { try Output.json(diff) } else {
            for item in diff.items {
                let mark = item.changed ? "≠" : "="
                Output.line("\(mark) \(item.brief) \(item.channel) v\(item.variant): outcome \(item.outcome.map { $0 ?? "-" }.joined(separator: " → ")), score \(item.score.map { $0.map(String.init) ?? "-" }.joined(separator: " → "))")
                for f in item.findingsRemoved { Output.line("    - \(f)") }
                for f in item.findingsAdded { Output.line("    + \(f)") }
                if !item.textDiff.isEmpty { Output.line(item.textDiff.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")) }
            }
        }
        return diff.items.contains(where: \.changed) ? ExitCode.failure : ExitCode.ok
    }

    static let lineage = Command(spec: CommandSpec(
        path: ["lineage"],
        summary: "Trace an asset back through the runs that made it, to the brief.",
        positionals: [PositionalSpec(name: "HASH", help: "asset hash or a unique prefix")],
        options: [.workspace, .json]
    )) { args in
        let db = try WorkspaceCommands.open(args).database
        let node = try db.lineage(of: args.positionals[0])
        if args.json {
            try Output.json(LineageJSON(node))
        } else {
            printTree(node, indent: "")
        }
        return ExitCode.ok
    }

    final class LineageJSON: Encodable {
        let hash: String, mediaType: String, size: Int, role: String?, producedBy: RunJSON?, inputs: [LineageJSON]
        init(_ n: LineageNode) {
            hash = n.asset.hash; mediaType = n.asset.mediaType; size = n.asset.size; role = n.role
            producedBy = n.producedBy.map(RunJSON.init); inputs = n.inputs.map(LineageJSON.init)
        }
    }

    static func printTree(_ node: LineageNode, indent: String) {
        let role = node.role.map { "\($0): " } ?? ""
        Output.line("\(indent)\(role)\(node.asset.hash.prefix(16)) \(node.asset.mediaType), \(node.asset.size) bytes")
        if let run = node.producedBy {
            Output.line("\(indent)  <- \(describe(run))")
            for input in node.inputs { printTree(input, indent: indent + "     ") }
        } else {
            Output.line("\(indent)  (original input)")
        }
    }
}
