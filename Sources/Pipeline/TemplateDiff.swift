import Prompts
import Store

/// Two versions of a prompt template and the line diff that turns the older into the newer.
public struct TemplateDiff: Sendable {
    public var old: TemplateVersion
    public var new: TemplateVersion
    public var diff: LineDiff
}
