/// What kind of work a run recorded.
public enum RunStep: String, Sendable, CaseIterable, Codable {
    /// Knowledge files embedded and indexed.
    case index
    /// A prompt answered by the language model (`copydesk generate`).
    case generate
    /// A channel drafted from a brief (plan, then copy).
    case draft
    /// A text fact-checked and critiqued.
    case check
    /// One claim put to the language-model judge.
    case judge
    /// Safe automatic fixes from a check's findings.
    case autofix
    /// A re-draft with a check's findings.
    case revise
    case image, voiceover, export

    /// Parses a stored or typed step name, or throws naming the known ones.
    public static func named(_ name: String) throws(StoreError) -> RunStep {
        guard let step = RunStep(rawValue: name) else {
            throw StoreError(.invalidArgument, "unknown step '\(name)'; expected one of \(allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return step
    }
}
