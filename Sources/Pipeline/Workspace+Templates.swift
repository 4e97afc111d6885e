import Prompts
import Store

extension Workspace {
    /// Every template's latest version, by id.
    public func templates() throws -> [TemplateVersion] {
        try database.templates()
    }

    /// All versions of a template, oldest first; an unknown id is an error naming the known ones.
    public func templateVersions(_ id: String) throws -> [TemplateVersion] {
        try database.templateVersions(id)
    }

    /// Two versions of a template, each named `vN`, `N` or by a label, and their line diff.
    public func templateDiff(_ id: String, from old: String, to new: String) throws -> TemplateDiff {
        let a = try database.templateVersion(id, old)
        let b = try database.templateVersion(id, new)
        return TemplateDiff(old: a, new: b, diff: LineDiff(old: a.source, new: b.source))
    }
}
