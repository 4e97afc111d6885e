import Foundation
import Support

/// Picks tokens from logits: penalties, then top-k, top-p and min-p filtering, temperature, and a
/// seeded draw. An optional `allowed` predicate (constrained decoding) removes candidates.
public struct Sampler: Sendable {
    public let parameters: SamplerParameters
    private var random: RandomSource

    public init(_ parameters: SamplerParameters) {
        self.parameters = parameters
        random = RandomSource(seed: parameters.seed)
    }

    /// Applies repetition, frequency and presence penalties in place.
    public func applyPenalties(_ logits: UnsafeMutableBufferPointer<Float>, history: [Int32]) {
        let p = parameters
        guard p.repetitionPenalty != 1 || p.frequencyPenalty != 0 || p.presencePenalty != 0, !history.isEmpty else { return }
        var counts: [Int32: Int] = [:]
        for t in history.suffix(max(0, p.penaltyLastN)) { counts[t, default: 0] += 1 }
        for (t, n) in counts where Int(t) < logits.count {
            var l = logits[Int(t)]
            if p.repetitionPenalty != 1 { l = l > 0 ? l / p.repetitionPenalty : l * p.repetitionPenalty }
            l -= Float(n) * p.frequencyPenalty + p.presencePenalty
            logits[Int(t)] = l
        }
    }

    /// Chooses the next token. `allowed` is asked about candidates in order of decreasing logit.
    public mutating func sample(_ logits: UnsafeMutableBufferPointer<Float>, history: [Int32],
                                allowed: ((Int32) -> Bool)? = nil) -> Int32? {
        applyPenalties(logits, history: history)
        let p = parameters
        // Candidates: the top-k by logit (all when constrained and nothing in the top passes).
        let k = p.temperature <= 0 ? (allowed == nil ? 1 : 64) : (p.topK > 0 ? min(p.topK, logits.count) : logits.count)
        var candidates = Self.topIndices(logits, k)
        if let allowed {
            candidates = candidates.filter(allowed)
            if candidates.isEmpty {
                let all = Self.topIndices(logits, logits.count)
                guard let first = all.first(where: allowed) else { return nil }
                candidates = [first] + all.drop { $0 != first }.dropFirst().prefix(max(k, 1) - 1).filter(allowed)
            }
        }
        guard let best = candidates.first else { return nil }
        if p.temperature <= 0 { return best }
        // Softmax over the candidates at the temperature.
        let maxLogit = logits[Int(best)]
        var probs = candidates.map { Double(expf((logits[Int($0)] - maxLogit) / p.temperature)) }
        var total = probs.reduce(0, +)
        // min-p: drop tokens below min_p × the best probability.
        if p.minP > 0 {
            let floor = Double(p.minP) * probs[0]
            let keep = probs.firstIndex { $0 < floor } ?? probs.count
            probs = Array(probs.prefix(max(1, keep)))
            candidates = Array(candidates.prefix(probs.count))
            total = probs.reduce(0, +)
        }
        // top-p: the smallest prefix whose mass reaches top_p.
        if p.topP < 1 {
            var mass = 0.0
            var cut = probs.count
            for (i, q) in probs.enumerated() {
                mass += q / total
                if mass >= Double(p.topP) { cut = i + 1; break }
            }
            probs = Array(probs.prefix(cut))
            candidates = Array(candidates.prefix(cut))
            total = probs.reduce(0, +)
        }
        var r = random.nextUnit() * total
        for (i, q) in probs.enumerated() {
            r -= q
            if r < 0 { return candidates[i] }
        }
        return candidates[candidates.count - 1]
    }

    /// Indices of the `k` largest values, largest first (ties: lower index first).
    static func topIndices(_ x: UnsafeMutableBufferPointer<Float>, _ k: Int) -> [Int32] {
        if k == 1 {
            var best = 0
            for i in 1..<x.count where x[i] > x[best] { best = i }
            return [Int32(best)]
        }
        if k >= x.count {
            return x.indices.sorted { x[$0] > x[$1] || (x[$0] == x[$1] && $0 < $1) }.map(Int32.init)
        }
        var top = TopK<Int32>(k)
        for i in 0..<x.count { top.insert(Int32(i), x[i]) }
        return top.items.map(\.id)
    }
}
