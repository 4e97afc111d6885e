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
        XCTAssertEqual(range.verdict, "contradicted")
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

    /// Brief to approved email and social post, every claim supported or flagged, each step recorded.
    func testBriefRunsToApprovedPieces() throws {
        let f = try PipelineFixture()
        let brief = try f.brief("kinglet-pro-spring-launch.md")
        let voice = try BrandVoice.load(from: .workspace(f.studio.workspace))
        XCTAssertEqual(voice.name, "Larkhaven Cycles")
        XCTAssertNotNil(voice.brandAssetHash)
        let outcomes = try f.studio.run(brief, brand: voice, seed: 1, approver: "tester")
        XCTAssertEqual(outcomes.map(\.channel), [.email, .social])
        for o in outcomes {
            XCTAssertEqual(o.final.piece.state, .approved, "\(o.channel): \(o.final.report.findings.map(\.rule))")
            XCTAssertGreaterThanOrEqual(o.final.report.score, 50)
            XCTAssertNil(o.heldBack)
            XCTAssertTrue(o.final.report.claims.allSatisfy { ["supported", "contradicted", "unverifiable"].contains($0.verdict) })
            XCTAssertFalse(o.final.report.claims.contains { $0.verdict == "contradicted" })
            XCTAssertEqual(o.final.piece.history.first?.state, .draft)
            XCTAssertEqual(o.final.piece.history.last?.actor, "tester")
            // Every version keeps its lineage back to the brief.
            let lineage = try f.studio.database.lineage(of: o.final.piece.versions[0].assetHash)
            XCTAssertEqual(lineage.producedBy?.step, "draft")
            XCTAssertTrue(lineage.inputs.contains { $0.role == "brief" })
        }
    }

    /// A piece that passes every check but scores below the kit's `[review] min_score` is left in
    /// review for an editor, with the reason; nothing is approved.
    func testPassingPieceBelowMinimumScoreIsHeldBack() throws {
        let f = try PipelineFixture(minScore: 100)
        let brief = try f.brief("kinglet-pro-spring-launch.md")
        let voice = try BrandVoice.load(from: .workspace(f.studio.workspace))
        XCTAssertEqual(try f.studio.critic().profile.review.minScore, 100)
        let outcomes = try f.studio.run(brief, brand: voice, seed: 1, approver: "tester", channels: [.social])
        let o = try XCTUnwrap(outcomes.first)
        XCTAssertTrue(o.final.report.passed)
        XCTAssertLessThan(o.final.report.score, 100)
        XCTAssertNotEqual(o.final.piece.state, .approved)
        XCTAssertFalse(o.final.piece.history.contains { $0.state == .approved })
        let why = try XCTUnwrap(o.heldBack)
        XCTAssertTrue(why.contains("below the brand's minimum of 100"), why)
    }
}
