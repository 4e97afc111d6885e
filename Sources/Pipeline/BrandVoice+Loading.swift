import TOML

extension BrandVoice {
    /// The name and voice from a brand kit's `brand.toml` (`[brand] name`, `[voice] description`,
    /// `traits`, `avoid_traits`). The full file, rules included, is validated by the critique.
    public static func load(from source: BrandSource) throws -> BrandVoice {
        guard let text = try source.text("brand.toml") else {
            throw PipelineError(.notFound, "no brand.toml in \(source.label)")
        }
        let table: TOMLTable
        do { table = try TOML.parse(text, file: "brand.toml") } catch {
            throw PipelineError(.invalidBrief, error.message, file: "brand.toml", line: error.line)
        }
        guard let name = table["brand"]?.table?["name"]?.string else {
            throw PipelineError(.invalidBrief, "missing required field", file: "brand.toml", field: "brand.name")
        }
        let voice = table["voice"]?.table
        var parts: [String] = []
        if let d = voice?["description"]?.string { parts.append(d) }
        if let traits = voice?["traits"]?.array?.compactMap(\.string), !traits.isEmpty { parts.append("Be " + traits.joined(separator: ", ") + ".") }
        if let avoid = voice?["avoid_traits"]?.array?.compactMap(\.string), !avoid.isEmpty { parts.append("Never: " + avoid.joined(separator: ", ") + ".") }
        return BrandVoice(name: name, voice: parts.joined(separator: " "), brandAssetHash: try source.hash("brand.toml"))
    }
}
