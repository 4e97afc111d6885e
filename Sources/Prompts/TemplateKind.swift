/// What a prompt template is for: the pipeline step that uses it.
public enum TemplateKind: String, Sendable, CaseIterable, Codable {
    case draft, factcheck, critique, revise, image, voiceover, system
}
