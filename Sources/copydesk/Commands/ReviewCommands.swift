import Foundation
import Pipeline
import Store

/// `copydesk pieces`, `approve`, `reject`: drafted pieces and their review history.
enum ReviewCommands {
    struct PieceJSON: Encodable {
        let id: Int64, campaign: String, channel: String, state: String, version: Int, asset: String
        let history: [EventJSON]
        init(_ p: Piece) {
            id = p.id; campaign = p.campaign; channel = p.channel; state = p.state.rawValue
            version = p.latest?.version ?? 0; asset = p.latest?.assetHash ?? ""
            history = p.history.map { EventJSON(version: $0.version, state: $0.state.rawValue, actor: $0.actor, at: $0.at, note: $0.note) }
        }
    }
    struct EventJSON: Encodable { let version: Int, state: String, actor: String, at: String, note: String? }

    static let list = Command(spec: CommandSpec(
        path: ["pieces"],
        summary: "List drafted pieces with their review state, newest first.",
        options: [.workspace, .value("--limit", "N", "how many (default 50)"), .json]
    )) { args in
        let pieces = try WorkspaceCommands.open(args).database.pieces(limit: try args.int("--limit") ?? 50)
        if args.json { try Output.json(pieces.map(PieceJSON.init)) } else {
            Output.table(["piece", "campaign", "channel", "version", "state", "asset"],
                         pieces.map { ["\($0.id)", $0.campaign, $0.channel, "v\($0.latest?.version ?? 0)", $0.state.rawValue, String(($0.latest?.assetHash ?? "").prefix(12))] })
        }
        return ExitCode.ok
    }

    static func transition(_ state: Piece.State, verb: String, summary: String) -> Command {
        Command(spec: CommandSpec(
            path: [verb],
            summary: summary,
            positionals: [PositionalSpec(name: "ASSET", help: "a version's asset hash (or unique prefix of at least 6 digits)")],
            options: [.workspace, .value("--note", "TEXT", "a note kept with the decision"), .value("--as", "NAME", "who decides (default: $COPYDESK_USER or $USER)"), .json],
            discussion: "The piece must be in review (see `copydesk review`). The history is append-only."
        )) { args in
            let updated = try WorkspaceCommands.open(args).decide(asset: args.positional(0)!, state, actor: args.value("--as") ?? Database.defaultActor,
                                                                  note: args.value("--note"))
            if args.json { try Output.json(PieceJSON(updated)) } else {
                let e = updated.history.last!
                Output.line("piece \(updated.id) (\(updated.campaign), \(updated.channel)) v\(e.version): \(e.state.rawValue) by \(e.actor) at \(e.at)")
            }
            return ExitCode.ok
        }
    }

    static let approve = transition(.approved, verb: "approve", summary: "Approve a piece that is in review.")
    static let reject = transition(.rejected, verb: "reject", summary: "Reject a piece that is in review; `copydesk revise` makes the next version.")
}
