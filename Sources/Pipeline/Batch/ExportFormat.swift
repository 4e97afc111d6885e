/// A CMS folder layout `export` writes.
public enum ExportFormat: String, Sendable, CaseIterable, Codable {
    case hugo, jekyll, astro, eleventy, decap, sanity, contentful, json
}
