import FactCheck
import ModelCache
import BrandKit
import XCTest
@testable import Pipeline

final class CriticTests: XCTestCase {
    /// The check report locates claims and findings by Unicode scalars; safe fixes make the copy pass.
    func testCheckAndAutofixOnAFlawedEmail() throws {
        let f = try PipelineFixture()
        let critic = try f.studio.critic(judge: false)
        let text = """
            Subject: Meet the kinglet pro ☕️
            Preheader: Two kids, one bike.
            Body: The Kinglet Pro goes up to 70 miles on one charge. It comes with a lifetime warranty. Our bikes are guaranteed to delight.
            """
        let report = try critic.check(text, channel: .email)
        XCTAssertFalse(report.passed)
        let scalars = Array(text.unicodeScalars)
        let range = try XCTUnwrap(report.claims.first { $0.text.contains("70 miles") })
        XCTAssertEqual(range.verdict, .contradicted)
        XCTAssertEqual(String(String.UnicodeScalarView(scalars[range.start..<range.end])), range.text)
        XCTAssertEqual(range.suggestion, "The Kinglet Pro goes up to 60 miles on one charge.")
        XCTAssertTrue(range.evidence.contains { $0.source == "knowledge/kinglet-pro-specs.md" })
        let rules = Set(report.findings.map(\.rule))
        XCTAssertTrue(rules.isSuperset(of: ["product-names", "warranty-wording", "no-legal-risk", "email-unsubscribe"]), "\(rules)")
        for finding in report.findings where finding.end > finding.start {
            XCTAssertEqual(String(String.UnicodeScalarView(scalars[finding.start..<finding.end])), finding.text)
        }
        let (fixed, applied) = critic.autofix(text, report: report)
        XCTAssertTrue(fixed.contains("Meet the Kinglet Pro"))
        XCTAssertTrue(fixed.contains("up to 60 miles"))
        XCTAssertTrue(fixed.contains("lifetime frame warranty"))
        XCTAssertFalse(fixed.contains("guaranteed"))
        XCTAssertTrue(fixed.hasSuffix("Unsubscribe\n"))
        XCTAssertGreaterThanOrEqual(applied.count, 5)
        let again = try critic.check(fixed, channel: .email)
        XCTAssertTrue(again.passed, "\(again.findings.map(\.rule)) \(again.claims.map(\.verdict))")
        XCTAssertGreaterThan(again.score, report.score)
    }

    /// Brief to pieces with the production model: a piece is approved only when it passes, every
    /// claim is verified and it scores at least the kit's minimum; anything else stays in review with
    /// the reason. Every step is recorded back to the brief.
    func testBriefRunsThroughTheGate() throws {
        let f = try PipelineFixture(languageModel: ModelCache.defaultLanguageModel)
        let brief = try f.brief("kinglet-pro-spring-launch.md")
        let voice = try BrandVoice.load(from: .workspace(f.studio.workspace))
        XCTAssertEqual(voice.name, "Larkhaven Cycles")
        XCTAssertNotNil(voice.brandAssetHash)
        let gate = try f.studio.critic().profile.review
        let outcomes = try f.studio.run(brief, brand: voice, seed: 1, approver: "tester")
        XCTAssertEqual(outcomes.map(\.channel), [.email, .social])
        for o in outcomes {
            let report = o.final.report
            if o.final.piece.state == .approved {
                XCTAssertTrue(report.passed)
                XCTAssertGreaterThanOrEqual(report.score, gate.minScore)
                XCTAssertEqual(report.claims.filter { $0.verdict == .unverifiable }.count, 0, "\(o.channel)")
                XCTAssertNil(o.heldBack)
                XCTAssertEqual(o.final.piece.history.last?.actor, "tester")
            } else {
                XCTAssertEqual(o.final.piece.state, .inReview)
                XCTAssertTrue(!report.passed || o.heldBack != nil, "\(o.channel): a passing piece left in review says why")
            }
            XCTAssertFalse(o.final.piece.state == .approved && report.claims.contains { $0.verdict == .contradicted })
            XCTAssertEqual(o.final.piece.history.first?.state, .draft)
            // Every version keeps its lineage back to the brief.
            let lineage = try f.studio.database.lineage(of: o.final.piece.versions[0].assetHash)
            XCTAssertEqual(lineage.producedBy?.step, .draft)
            XCTAssertTrue(lineage.inputs.contains { $0.role == "brief" })
        }
        XCTAssertTrue(outcomes.contains { $0.final.piece.state == .approved }, "the production model gets at least one piece of this brief approved")
    }

    /// The gate's reasons: unverifiable claims beyond the kit's allowance, then a score below its minimum.
    func testHoldReasons() {
        func report(score: Int, verdicts: [ClaimCheck.Verdict]) -> CheckReport {
            CheckReport(claims: verdicts.map { .init(text: "c", start: 0, end: 1, verdict: $0, evidence: [], reason: "", suggestion: nil, decidedBy: .rules) },
                        findings: [], tone: nil, readability: .init(grade: 5, words: 10, sentences: 1, syllables: 12, maxGrade: nil),
                        score: score, passed: true, channel: .social)
        }
        var gate = BrandProfile.Review()
        XCTAssertNil(Studio.holdReason(report(score: 80, verdicts: [.supported, .supported]), gate: gate))
        XCTAssertEqual(Studio.holdReason(report(score: 80, verdicts: [.supported, .unverifiable]), gate: gate),
                       "1 claim could not be verified against the knowledge base (none is allowed for automatic approval)")
        gate.maxUnverifiable = 1
        XCTAssertNil(Studio.holdReason(report(score: 80, verdicts: [.supported, .unverifiable]), gate: gate))
        XCTAssertTrue(Studio.holdReason(report(score: 80, verdicts: [.unverifiable, .unverifiable]), gate: gate)!.contains("at most 1 allowed"))
        gate.minScore = 90
        XCTAssertTrue(Studio.holdReason(report(score: 80, verdicts: []), gate: gate)!.contains("below the brand's minimum of 90"))
    }

    /// A piece that passes every check but scores below the kit's `[review] min_score` is left in
    /// review for an editor, with the reason; nothing is approved.
    func testPassingPieceBelowMinimumScoreIsHeldBack() throws {
        let f = try PipelineFixture(minScore: 100, languageModel: ModelCache.defaultLanguageModel)
        let brief = try f.brief("kinglet-pro-spring-launch.md")
        let voice = try BrandVoice.load(from: .workspace(f.studio.workspace))
        XCTAssertEqual(try f.studio.critic().profile.review.minScore, 100)
        let outcomes = try f.studio.run(brief, brand: voice, seed: 1, approver: "tester", channels: [.email])
        let o = try XCTUnwrap(outcomes.first)
        XCTAssertLessThan(o.final.report.score, 100)
        XCTAssertNotEqual(o.final.piece.state, .approved)
        XCTAssertFalse(o.final.piece.history.contains { $0.state == .approved })
        if o.final.report.passed {
            let why = try XCTUnwrap(o.heldBack)
            XCTAssertTrue(why.contains("below the brand's minimum of 100") || why.contains("could not be verified"), why)
        }
    }
}
