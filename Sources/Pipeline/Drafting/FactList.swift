/// The facts a draft may use, numbered for the plan: the brief's key messages first, then
/// statements from the retrieved knowledge-base passages (one per sentence, list item or table
/// row), each short enough for a small model to read.
public struct FactList: Sendable, Equatable {
    /// One numbered fact.
    public struct Item: Sendable, Equatable {
        /// "F1", "F2", ...
        public var id: String
        public var text: String
        /// The knowledge file it comes from (nil: the brief).
        public var source: String?
    }

    public var items: [Item]

    /// - Parameter statements: the most knowledge-base statements to list.
    public init(brief: Brief, sheet: FactSheet, statements: Int = 10) {
        var items: [Item] = []
        for message in brief.keyMessages { items.append(Item(id: "F\(items.count + 1)", text: message, source: nil)) }
        var added = 0
        for passage in sheet.passages {
            for statement in Self.statements(in: passage.text) where added < statements {
                guard !items.contains(where: { $0.text == statement }) else { continue }
                items.append(Item(id: "F\(items.count + 1)", text: statement, source: passage.source))
                added += 1
            }
        }
        self.items = items
    }

    /// "F1: ..." lines.
    public var text: String { items.map { "\($0.id): \($0.text)" }.joined(separator: "\n") }

    /// The items with these ids, in list order (unknown ids are ignored).
    public func selected(_ ids: [String]) -> [Item] { items.filter { ids.contains($0.id) } }

    /// A passage's statements: list items and sentences of 4 to 220 characters, and table rows as
    /// "Row: Header value; Header value".
    static func statements(in text: String) -> [String] {
        var out: [String] = []
        var header: [String]?
        for raw in text.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("|") {
                let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                if cells.allSatisfy({ $0.allSatisfy { $0 == "-" || $0 == ":" } }) { continue }
                guard let h = header else { header = cells; continue }
                if cells.count == h.count, cells.count > 1 {
                    out.append(cells[0] + ": " + zip(h.dropFirst(), cells.dropFirst()).map { "\($0) \($1)" }.joined(separator: "; "))
                }
                continue
            }
            header = nil
            if line.hasPrefix("#") || line.hasPrefix("+++") { continue }
            var body = line
            while let first = body.first, "-*•> ".contains(first) { body.removeFirst() }
            if body.count >= 4 { out.append(body) }
        }
        return out.filter { $0.count <= 220 }
    }
}
