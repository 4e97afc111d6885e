import Foundation

/// Each format's folder layout.
enum ExportLayouts {
    static func write(_ entries: [ExportEntry], _ r: ExportRequest, _ w: inout ExportWriter) throws {
        switch r.format {
        case .hugo:
            for e in entries { try w.write("content/\(ExportSlug.make(e.campaign))/\(e.slug)/index.md", markdown(e, extra: [])) }
        case .jekyll:
            for e in entries { try w.write("_posts/\(e.date)-\(e.slug).md", markdown(e, extra: [("layout", "\"post\"")])) }
        case .astro:
            for e in entries { try w.write("src/content/\(ExportSlug.make(e.campaign))/\(e.slug).md", markdown(e, extra: [])) }
        case .eleventy:
            for e in entries { try w.write("src/posts/\(e.slug).md", markdown(e, extra: [("permalink", yaml("/\(e.slug)/"))])) }
        case .decap:
            var collections: [String: String] = [:]
            for e in entries {
                let folder = "content/\(ExportSlug.make(e.campaign))"
                try w.write("\(folder)/\(e.slug).md", markdown(e, extra: []))
                collections[folder] = e.campaign
            }
            var config = "collections:\n"
            for (folder, campaign) in collections.sorted(by: { $0.key < $1.key }) {
                config += """
                      - name: \(yaml(ExportSlug.make(campaign)))
                        label: \(yaml(campaign))
                        folder: \(yaml(folder))
                        create: true
                        slug: "{{slug}}"
                        fields:
                          - {label: "Title", name: "title", widget: "string"}
                          - {label: "Date", name: "date", widget: "datetime"}
                          - {label: "Draft", name: "draft", widget: "boolean"}
                          - {label: "Description", name: "description", widget: "string"}
                          - {label: "Tags", name: "tags", widget: "list"}
                          - {label: "Body", name: "body", widget: "markdown"}

                    """
            }
            try w.write("static/admin/config.yml", config)
        case .sanity:
            var lines = ""
            for e in entries {
                let doc: [String: Any] = [
                    "_id": "copydesk-piece-\(e.piece)", "_type": "post", "title": e.title,
                    "slug": ["_type": "slug", "current": e.slug], "publishedAt": e.date, "draft": e.draft,
                    "description": e.description, "body": e.body, "tags": e.tags,
                    "copydesk": ["lineage": e.lineage, "contentHash": e.contentHash, "piece": e.piece, "version": e.version],
                ]
                lines += String(decoding: try JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self) + "\n"
            }
            try w.write("sanity.ndjson", lines)
        case .contentful:
            let l = r.locale
            let fields: [[String: Any]] = [
                ["id": "title", "name": "Title", "type": "Symbol", "required": true, "localized": false],
                ["id": "slug", "name": "Slug", "type": "Symbol", "required": true, "localized": false],
                ["id": "date", "name": "Date", "type": "Date", "required": false, "localized": false],
                ["id": "description", "name": "Description", "type": "Symbol", "required": false, "localized": false],
                ["id": "body", "name": "Body", "type": "Text", "required": true, "localized": false],
                ["id": "tags", "name": "Tags", "type": "Array", "items": ["type": "Symbol"], "required": false, "localized": false],
                ["id": "lineage", "name": "Lineage", "type": "Symbol", "required": false, "localized": false],
            ]
            let document: [String: Any] = [
                "contentTypes": [["sys": ["id": "copydeskPiece", "type": "ContentType"], "name": "copydesk piece", "displayField": "title", "fields": fields]],
                "entries": entries.map { e -> [String: Any] in
                    ["sys": ["id": "copydesk-piece-\(e.piece)", "type": "Entry", "contentType": ["sys": ["id": "copydeskPiece", "type": "Link", "linkType": "ContentType"]]],
                     "fields": ["title": [l: e.title], "slug": [l: e.slug], "date": [l: e.date], "description": [l: e.description],
                                "body": [l: e.body], "tags": [l: e.tags], "lineage": [l: e.lineage]]]
                },
                "assets": [[String: Any]](),
                "locales": [["code": l, "name": l, "default": true, "fallbackCode": NSNull()]],
            ]
            try w.write("contentful.json", String(decoding: try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]), as: UTF8.self) + "\n")
        case .json:
            try w.write("pieces.json", try json(entries))
        }
    }

    /// Markdown with YAML front matter; every value is written in flow style (JSON), which YAML reads.
    static func markdown(_ e: ExportEntry, extra: [(String, String)]) throws -> String {
        let copydesk = try String(decoding: JSONSerialization.data(withJSONObject: [
            "lineage": e.lineage, "content_hash": e.contentHash, "piece": e.piece, "version": e.version, "model": e.model ?? NSNull(),
            "templates": e.templates, "verdicts": e.verdicts,
        ] as [String: Any], options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
        var fields: [(String, String)] = [("title", yaml(e.title)), ("date", yaml(e.date)), ("draft", e.draft ? "true" : "false"),
                                          ("description", yaml(e.description)), ("tags", "[" + e.tags.map(yaml).joined(separator: ", ") + "]"),
                                          ("images", "[]")]
        fields += extra
        fields.append(("copydesk", copydesk))
        return "---\n" + fields.map { "\($0.0): \($0.1)" }.joined(separator: "\n") + "\n---\n\n" + e.body
    }

    /// A YAML double-quoted scalar (also a JSON string).
    static func yaml(_ s: String) -> String {
        String(decoding: (try? JSONSerialization.data(withJSONObject: s, options: [.fragmentsAllowed, .withoutEscapingSlashes])) ?? Data("\"\"".utf8), as: UTF8.self)
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
