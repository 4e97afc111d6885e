import Prompts

/// One immutable recorded version of a prompt template.
public struct TemplateVersion: Sendable, Equatable {
    public var templateID: String
    /// 1, 2, 3... per template.
    public var version: Int
    /// SHA-256 hex of the template file's text.
    public var contentHash: String
    /// The file it was read from, relative to the templates folder.
    public var sourcePath: String?
    /// The complete file text.
    public var source: String
    public var createdAt: String
    /// Labels currently pointing at this version.
    public var labels: [String]

    /// The parsed template.
    public func template() throws -> PromptTemplate {
        try PromptTemplate(source: source, file: sourcePath)
    }
}

/// What `syncTemplates` did for one file.
public struct TemplateSyncResult: Sendable, Equatable {
    public enum Action: String, Sendable { case created, updated, unchanged }
    public var templateID: String
    public var version: Int
    public var action: Action
    public var path: String
}

/// One move of a label, from the append-only history.
public struct LabelMove: Sendable, Equatable {
    public var templateID: String
    public var label: String
    public var fromVersion: Int?
    public var toVersion: Int
    public var movedAt: String
    public var movedBy: String
    public var note: String?
}
