import Foundation
import Pipeline
import Support

/// One channel's outcome as `demo --json` and `bench pipeline --json` print it, and as they
/// show it to people.
struct OutcomeJSON: Encodable {
    let brief: String, channel: String, piece: Int64, version: Int, state: String, score: Int, passed: Bool, seconds: Double
    let text: String, claims: [String: Int], findings: Int
    /// Why a piece that passed was left for an editor (score below `[review] min_score`); null when none.
    @NullEncoded var heldBack: String?

    init(file: String, _ o: ChannelOutcome) {
        let r = o.final.report
        brief = file; channel = o.channel.rawValue; piece = o.final.piece.id; version = o.final.version
        state = o.final.piece.state.rawValue; score = r.score; passed = r.passed; seconds = o.seconds; text = o.final.text
        claims = r.verdictCounts; findings = r.findings.count; heldBack = o.heldBack
    }

    static func all(_ briefs: [BriefOutcome]) -> [OutcomeJSON] {
        briefs.flatMap { b in b.channels.map { OutcomeJSON(file: b.file, $0) } }
    }

    /// Prints a brief's pieces for people: each text, its report, and why it was held.
    static func print(_ b: BriefOutcome) {
        Output.line("\n== \(b.brief.campaign) (\(b.file))")
        for o in b.channels {
            let r = o.final.report
            Output.line("\n-- \(o.channel.rawValue): piece \(o.final.piece.id), v\(o.final.version) of \(o.final.piece.versions.count), \(o.final.piece.state.rawValue), score \(r.score)/100, \(String(format: "%.1f", o.seconds)) s")
            Output.line(o.final.text.trimmingCharacters(in: .newlines).split(separator: "\n", omittingEmptySubsequences: false).map { "   | " + $0 }.joined(separator: "\n"))
            PipelineCommands.printReport(r, text: o.final.text)
            if let why = o.heldBack { Output.line("   left for an editor: \(why)") }
        }
    }

    var claimsText: String { claims.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ") }
}
