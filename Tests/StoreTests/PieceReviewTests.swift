import XCTest
@testable import Store

final class PieceReviewTests: XCTestCase {
    func testReviewFollowsTheStateMachineAndIsAppendOnly() throws {
        let db = try Workspace.openOrCreate(TemporaryFolder().path).database
        let brief = try db.storeAsset(text: "brief")
        let v1 = try db.storeAsset(text: "Subject: hello")
        var piece = try db.createPiece(briefHash: brief.hash, campaign: "Spring", channel: "email", assetHash: v1.hash, runID: nil, origin: .draft, actor: "ana")
        XCTAssertEqual(piece.state, .draft)
        XCTAssertThrowsError(try db.recordReview(piece.id, state: .approved, actor: "ana")) { error in
            XCTAssertTrue("\(error)".contains("before it is in review"), "\(error)")
        }
        piece = try db.recordReview(piece.id, state: .inReview, actor: "ana")
        piece = try db.recordReview(piece.id, state: .rejected, actor: "ben", note: "too long")
        let v2 = try db.storeAsset(text: "Subject: hi")
        let version = try db.addVersion(to: piece.id, assetHash: v2.hash, runID: nil, origin: .revise, actor: "ana")
        XCTAssertEqual(version.version, 2)
        piece = try db.recordReview(piece.id, state: .inReview, actor: "ana")
        piece = try db.recordReview(piece.id, state: .approved, actor: "ben")
        XCTAssertEqual(piece.history.map(\.state), [.draft, .inReview, .rejected, .draft, .inReview, .approved])
        XCTAssertEqual(piece.history.map(\.actor), ["ana", "ana", "ben", "ana", "ana", "ben"])
        XCTAssertEqual(piece.history.last?.version, 2)
        XCTAssertEqual(try db.piece(containing: String(v1.hash.prefix(8))).version, 1)
        XCTAssertEqual(try db.piece(containing: v2.hash).piece.id, piece.id)
        // History cannot be rewritten.
        XCTAssertThrowsError(try db.execute("UPDATE review_events SET actor = 'mallory'"))
        XCTAssertThrowsError(try db.execute("DELETE FROM review_events"))
        XCTAssertEqual(try db.piece(piece.id).history.count, 6)
    }

    func testAFailedTransitionWritesNothing() throws {
        let db = try Workspace.openOrCreate(TemporaryFolder().path).database
        let v1 = try db.storeAsset(text: "post")
        let piece = try db.createPiece(briefHash: nil, campaign: "c", channel: "social", assetHash: v1.hash, runID: nil, origin: .editor)
        XCTAssertThrowsError(try db.addVersion(to: piece.id, assetHash: String(repeating: "0", count: 64), runID: nil, origin: .revise))
        XCTAssertThrowsError(try db.recordReview(piece.id, state: .rejected))
        let after = try db.piece(piece.id)
        XCTAssertEqual(after.versions.count, 1)
        XCTAssertEqual(after.history.count, 1)
    }
}
