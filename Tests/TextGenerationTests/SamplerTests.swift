import XCTest
@testable import TextGeneration

final class SamplerTests: XCTestCase {
    func testGreedyPicksTheLargestAndTopKOneIsGreedy() {
        var logits: [Float] = [0.1, 3.0, -1, 2.9, 0]
        var greedy = Sampler(.greedy)
        XCTAssertEqual(logits.withUnsafeMutableBufferPointer { greedy.sample($0, history: []) }, 1)
        var p = SamplerParameters()
        p.topK = 1
        p.temperature = 2
        var s = Sampler(p)
        XCTAssertEqual(logits.withUnsafeMutableBufferPointer { s.sample($0, history: []) }, 1)
    }

    func testRepetitionPenaltyAndConstraint() {
        var logits: [Float] = [1, 3.0, 2.9]
        var p = SamplerParameters.greedy
        p.repetitionPenalty = 2
        var s = Sampler(p)
        XCTAssertEqual(logits.withUnsafeMutableBufferPointer { s.sample($0, history: [1]) }, 2)
        var logits2: [Float] = [1, 3.0, 2.9]
        var g = Sampler(.greedy)
        XCTAssertEqual(logits2.withUnsafeMutableBufferPointer { g.sample($0, history: [], allowed: { $0 == 0 }) }, 0)
        XCTAssertNil(logits2.withUnsafeMutableBufferPointer { g.sample($0, history: [], allowed: { _ in false }) })
    }

    func testSeededDrawsAreReproducible() {
        var p = SamplerParameters()
        p.temperature = 1
        p.topK = 0
        p.topP = 1
        p.minP = 0
        p.seed = 9
        let logits: [Float] = (0..<50).map { Float($0 % 7) }
        func draws() -> [Int32] {
            var s = Sampler(p)
            return (0..<30).map { _ in
                var l = logits
                return l.withUnsafeMutableBufferPointer { s.sample($0, history: []) }!
            }
        }
        XCTAssertEqual(draws(), draws())
        XCTAssertGreaterThan(Set(draws()).count, 3)
    }
}
