/// Chat formats of the supported model families, chosen from the file's `tokenizer.chat_template`.
public enum ChatTemplate: Sendable, Equatable {
    /// `<|im_start|>role\n...<|im_end|>\n` (SmolLM2, Qwen2). `defaultSystem` is inserted when the
    /// template adds one of its own and the conversation has none.
    case chatML(defaultSystem: String?)
    /// `<|start_header_id|>role<|end_header_id|>\n\n...<|eot_id|>` (Llama 3).
    case llama3

    public struct Message: Sendable, Equatable {
        public var role: String
        public var content: String
        public init(role: String, content: String) {
            self.role = role
            self.content = content
        }
    }

    /// The template for a file's Jinja template text (ChatML when there is none).
    public init(templateText: String?) {
        let text = templateText ?? ""
        if text.contains("<|start_header_id|>") {
            self = .llama3
            return
        }
        // SmolLM2's and Qwen2's templates write a default system turn when the first message is
        // not a system one: the first system turn written out as plain text (no Jinja inside).
        var system: String?
        for marker in ["<|im_start|>system\\n", "<|im_start|>system\n"] where system == nil {
            var rest = text[...]
            while system == nil, let range = rest.range(of: marker) {
                rest = rest[range.upperBound...]
                guard let end = rest.range(of: "<|im_end|>") else { break }
                let candidate = String(rest[..<end.lowerBound])
                if !candidate.contains("{{") && !candidate.contains("{%") && !candidate.contains("'") && !candidate.isEmpty {
                    system = candidate
                }
            }
        }
        self = .chatML(defaultSystem: system)
    }

    /// The prompt text for `messages`, ending with the assistant's turn opened.
    public func render(_ messages: [Message], addGenerationPrompt: Bool = true) -> String {
        var out = ""
        switch self {
        case .chatML(let defaultSystem):
            if let defaultSystem, messages.first?.role != "system" {
                out += "<|im_start|>system\n\(defaultSystem)<|im_end|>\n"
            }
            for m in messages { out += "<|im_start|>\(m.role)\n\(m.content)<|im_end|>\n" }
            if addGenerationPrompt { out += "<|im_start|>assistant\n" }
        case .llama3:
            out += "<|begin_of_text|>"
            for m in messages { out += "<|start_header_id|>\(m.role)<|end_header_id|>\n\n\(m.content)<|eot_id|>" }
            if addGenerationPrompt { out += "<|start_header_id|>assistant<|end_header_id|>\n\n" }
        }
        return out
    }
}
