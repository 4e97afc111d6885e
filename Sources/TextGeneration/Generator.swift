import Foundation
import ModelFormats
import Support

/// What a generation produced and how fast.
public struct GenerationResult: Sendable {
    public enum StopReason: String, Sendable { case endOfText, maxTokens, constraintComplete, cancelled }

    public var text: String
    public var tokens: [Int32]
    public var promptTokens: Int
    public var stopReason: StopReason
    public var prefillSeconds: Double
    public var decodeSeconds: Double

    public var prefillTokensPerSecond: Double { prefillSeconds > 0 ? Double(promptTokens) / prefillSeconds : 0 }
    public var decodeTokensPerSecond: Double { decodeSeconds > 0 ? Double(max(tokens.count - 1, 0)) / decodeSeconds : 0 }
}

/// A loaded language model: GGUF file, tokenizer, transformer and chat template. One thread at a time.
public final class LanguageModel {
    public let file: GGUFFile
    public let tokenizer: Tokenizer
    public let transformer: Transformer
    public let chatTemplate: ChatTemplate
    /// The tokens whose keys and values are in the transformer's cache, in order.
    private var cachedTokens: [Int32] = []

    /// Opens a GGUF model.
    ///
    /// `cancellation` is checked before the file is mapped, before the tokenizer and the weights
    /// are built, and before each weight matrix is prepared; when it is set, loading throws
    /// `Cancelled` (nothing is kept, and a later load starts again).
    public init(path: String, contextLength: Int? = nil, threads: Int? = nil, cancellation: CancellationToken? = nil) throws {
        func check() throws {
            if cancellation?.isCancelled == true { throw Cancelled() }
        }
        try check()
        file = try GGUFFile(path: path)
        try check()
        tokenizer = try Tokenizer(file: file)
        try check()
        do {
            transformer = try Transformer(file: file, contextLength: contextLength, threads: threads, cancellation: cancellation)
        } catch {
            if error.code == .cancelled { throw Cancelled() }
            throw error
        }
        chatTemplate = ChatTemplate(templateText: tokenizer.chatTemplate)
    }

    /// The prompt tokens for a chat turn (template applied, special tokens parsed).
    public func chatPrompt(user: String, system: String? = nil) -> [Int32] {
        var messages: [ChatTemplate.Message] = []
        if let system { messages.append(.init(role: "system", content: system)) }
        messages.append(.init(role: "user", content: user))
        return tokenizer.encode(chatTemplate.render(messages), parseSpecial: true, addBOS: false)
    }

    /// The prompt tokens for a conversation (template applied, special tokens parsed, ending
    /// with the assistant's turn).
    public func chatPrompt(_ messages: [ChatTemplate.Message]) -> [Int32] {
        tokenizer.encode(chatTemplate.render(messages), parseSpecial: true, addBOS: false)
    }

    /// Generates from `prompt` tokens, streaming text through `onText` (return false to stop;
    /// the result's stop reason is then `.cancelled`).
    ///
    /// `cancellation` is checked between prefill batches and before every token; when it is set,
    /// generation throws `Cancelled`.
    ///
    /// - Parameters:
    ///   - schema: when given, output is constrained to JSON matching it, and generation stops
    ///     when the document is complete.
    ///   - reusingPrefix: keep the cached positions that `prompt` shares with the previous
    ///     generation (a conversation's next turn) instead of computing them again. The caller
    ///     makes this deterministic by always running the same sequence of generations.
    public func generate(prompt: [Int32], maxTokens: Int, sampler parameters: SamplerParameters,
                         schema: JSONSchema? = nil, reusingPrefix: Bool = false, cancellation: CancellationToken? = nil,
                         onText: (String) -> Bool = { _ in true }) throws -> GenerationResult {
        var shared = 0
        if reusingPrefix {
            while shared < min(cachedTokens.count, prompt.count), cachedTokens[shared] == prompt[shared] { shared += 1 }
            // The last prompt position is always computed again, for its logits.
            shared = min(shared, prompt.count - 1, transformer.position)
        }
        transformer.rewind(to: shared)
        cachedTokens = []
        let clock = ContinuousClock()
        let t0 = clock.now
        var logits = try prefill(Array(prompt[shared...]), cancellation: cancellation)
        cachedTokens = Array(prompt)
        let prefill = clock.now - t0
        var sampler = Sampler(parameters)
        var constraint = schema.map(JSONConstraint.init)
        var history = prompt
        var generated: [Int32] = []
        var pendingBytes: [UInt8] = []
        var text = ""
        var reason = GenerationResult.StopReason.maxTokens
        let t1 = clock.now
        var scratch = [Float](repeating: 0, count: logits.count)
        while generated.count < maxTokens {
            if let cancellation, cancellation.isCancelled { throw Cancelled() }
            _ = scratch.withUnsafeMutableBufferPointer { $0.initialize(from: logits) }
            let next: Int32? = scratch.withUnsafeMutableBufferPointer { buffer in
                if let current = constraint {
                    return sampler.sample(buffer, history: history) { token in
                        if self.tokenizer.stopTokens.contains(token) { return current.canEnd }
                        let bytes = self.tokenizer.bytes(of: token)
                        guard !bytes.isEmpty else { return false }
                        var trial = current
                        return trial.accept(bytes)
                    }
                }
                return sampler.sample(buffer, history: history)
            }
            guard let token = next else {
                throw TextGenerationError(.invalidSchema, "no token in the vocabulary continues the JSON document after: \(text)")
            }
            if tokenizer.stopTokens.contains(token) { reason = .endOfText; break }
            generated.append(token)
            history.append(token)
            pendingBytes += tokenizer.bytes(of: token)
            // Emit the longest valid UTF-8 prefix.
            let valid = Self.validUTF8Prefix(pendingBytes)
            if valid > 0 {
                let piece = String(decoding: pendingBytes[..<valid], as: UTF8.self)
                pendingBytes.removeFirst(valid)
                text += piece
                if !onText(piece) { reason = .cancelled; break }
            }
            if var c = constraint {
                _ = c.accept(tokenizer.bytes(of: token))
                constraint = c
                if c.isComplete { reason = .constraintComplete; break }
            }
            if generated.count >= maxTokens { break }
            logits = try transformer.forward(token: token)
            cachedTokens.append(token)
        }
        if !pendingBytes.isEmpty {
            let piece = String(decoding: pendingBytes, as: UTF8.self)
            text += piece
            _ = onText(piece)
        }
        let decode = clock.now - t1
        func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
        return GenerationResult(text: text, tokens: generated, promptTokens: prompt.count, stopReason: reason,
                                prefillSeconds: seconds(prefill), decodeSeconds: seconds(decode))
    }

    /// The prompt's forward pass, its cancellation surfacing as `Cancelled`.
    private func prefill(_ tokens: [Int32], cancellation: CancellationToken?) throws -> UnsafeBufferPointer<Float> {
        do {
            return try transformer.forward(tokens: tokens, cancellation: cancellation)
        } catch {
            if error.code == .cancelled { throw Cancelled() }
            throw error
        }
    }

    /// Length of the longest prefix that is complete UTF-8 (an incomplete trailing sequence is held back).
    static func validUTF8Prefix(_ bytes: [UInt8]) -> Int {
        var end = bytes.count
        var back = 0
        while back < 4 && end - back - 1 >= 0 {
            let b = bytes[end - back - 1]
            if b & 0xC0 == 0x80 { back += 1; continue }
            let need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            if need > back + 1 { end -= back + 1 }
            break
        }
        return end
    }
}
