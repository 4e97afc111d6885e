import Foundation
import Knowledge
import ModelCache
import Pipeline
import Store
import Support

/// Shared by `demo` and `bench pipeline`: a workspace from Brand/ and Templates/, its knowledge
/// base, and briefs run through the pipeline.
enum CampaignRunner {
    struct OutcomeJSON: Encodable {
        let brief: String, channel: String, piece: Int64, version: Int, state: String, score: Int, passed: Bool, seconds: Double
        let text: String, claims: [String: Int], findings: Int
        /// Why a piece that passed was left for an editor (score below `[review] min_score`); null when none.
        @NullEncoded var heldBack: String?
        enum CodingKeys: String, CodingKey {
            case brief, channel, piece, version, state, score, passed, seconds, text, claims, findings
            case heldBack = "held_back"
        }
    }

    /// Opens (or creates) the workspace and brings it up to date with the kit, templates and knowledge.
    static func prepare(_ args: ParsedArguments, say: (String) -> Void) throws -> (Studio, brand: String) {
        let brand = try WorkspaceCommands.folder(nil, default: "Brand", option: "--brand")
        let templates = try WorkspaceCommands.folder(nil, default: "Templates", option: "--templates")
        let workspace = try Workspace.openOrCreate(Workspace.resolveDirectory(explicit: args.value("--workspace")))
        _ = try workspace.importProject(brand: brand, templates: templates)
        let models = try StudioModels.resolve(cache: ModelsCommands.cache(args)) { say("  \($0)") }
        let studio = Studio(workspace: workspace, models: models, threads: try args.int("--threads"))
        let added = try studio.knowledge().add(files: try KnowledgeCommands.files([(brand as NSString).appendingPathComponent("knowledge")]))
        say("Knowledge base: \(added.count) documents, \(added.reduce(0) { $0 + $1.chunks }) chunks (\(added.filter { $0.action != .unchanged }.count) new or changed)")
        return (studio, brand)
    }

    /// Runs one brief file, printing a readable report unless `quiet`.
    static func run(_ path: String, studio: Studio, seed: UInt64, approver: String?, quiet: Bool) throws -> [OutcomeJSON] {
        let brief = try PipelineCommands.brief(path, command: "copydesk demo")
        let voice = try BrandVoice.load(from: .workspace(studio.workspace))
        if !quiet { Output.line("\n== \(brief.campaign) (\((path as NSString).lastPathComponent))") }
        let outcomes = try studio.run(brief, brand: voice, seed: seed, approver: approver) { step in
            if !quiet { Output.error("  … \(step)") }
        }
        var out: [OutcomeJSON] = []
        for o in outcomes {
            let r = o.final.report
            if !quiet {
                Output.line("\n-- \(o.channel.rawValue): piece \(o.final.piece.id), v\(o.final.version) of \(o.final.piece.versions.count), \(o.final.piece.state.rawValue), score \(r.score)/100, \(String(format: "%.1f", o.seconds)) s")
                Output.line(o.final.text.trimmingCharacters(in: .newlines).split(separator: "\n", omittingEmptySubsequences: false).map { "   | " + $0 }.joined(separator: "\n"))
                PipelineCommands.printReport(r, text: o.final.text)
                if let why = o.heldBack { Output.line("   left for an editor: \(why)") }
            }
            out.append(OutcomeJSON(brief: (path as NSString).lastPathComponent, channel: o.channel.rawValue, piece: o.final.piece.id, version: o.final.version,
                                   state: o.final.piece.state.rawValue, score: r.score, passed: r.passed, seconds: o.seconds, text: o.final.text,
                                   claims: r.verdictCounts, findings: r.findings.count, heldBack: o.heldBack))
        }
        return out
    }
}
