import Foundation

/// The subset of JSON Schema that constrained decoding supports: objects with properties and
/// required keys, strings (optionally `maxLength`), numbers, integers, booleans, `enum`, and
/// arrays (`items`, `minItems`, `maxItems`). Anything else is an error, never ignored.
public indirect enum JSONSchema: Sendable, Equatable {
    case object(properties: [(String, JSONSchema)], required: [String])
    case array(items: JSONSchema, minItems: Int, maxItems: Int?)
    case string(maxLength: Int?)
    case number(integer: Bool)
    case boolean
    /// Allowed values, as their JSON text.
    case enumeration([String])

    public static func == (a: JSONSchema, b: JSONSchema) -> Bool {
        switch (a, b) {
        case let (.object(p1, r1), .object(p2, r2)): return r1 == r2 && p1.map(\.0) == p2.map(\.0) && zip(p1, p2).allSatisfy { $0.1 == $1.1 }
        case let (.array(i1, a1, b1), .array(i2, a2, b2)): return i1 == i2 && a1 == a2 && b1 == b2
        case let (.string(m1), .string(m2)): return m1 == m2
        case let (.number(i1), .number(i2)): return i1 == i2
        case (.boolean, .boolean): return true
        case let (.enumeration(e1), .enumeration(e2)): return e1 == e2
        default: return false
        }
    }

    /// Parses a schema document.
    public init(json: Data) throws(TextGenerationError) {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: json) } catch {
            throw TextGenerationError(.invalidSchema, "the schema is not valid JSON: \(error.localizedDescription)")
        }
        self = try Self.parse(object, path: "$")
    }

    static let ignoredKeys: Set<String> = ["$schema", "title", "description", "$id", "examples", "default"]

    static func parse(_ value: Any, path: String) throws(TextGenerationError) -> JSONSchema {
        guard let dict = value as? [String: Any] else {
            throw TextGenerationError(.invalidSchema, "\(path): a schema must be an object")
        }
        func unsupported(_ keys: Set<String>) throws(TextGenerationError) {
            for key in dict.keys.sorted() where !keys.contains(key) && !ignoredKeys.contains(key) {
                throw TextGenerationError(.invalidSchema, "\(path): schema keyword '\(key)' is not supported here")
            }
        }
        if let values = dict["enum"] {
            try unsupported(["enum", "type"])
            guard let list = values as? [Any], !list.isEmpty else {
                throw TextGenerationError(.invalidSchema, "\(path): enum must be a non-empty array")
            }
            var texts: [String] = []
            for v in list {
                if let s = v as? String {
                    let data = (try? JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])) ?? Data()
                    texts.append(String(String(decoding: data, as: UTF8.self).dropFirst().dropLast()))
                } else if let n = v as? NSNumber, !Self.isBoolean(n) {
                    texts.append("\(n)")
                } else if let b = v as? Bool {
                    texts.append(b ? "true" : "false")
                } else {
                    throw TextGenerationError(.invalidSchema, "\(path): enum values must be strings, numbers or booleans")
                }
            }
            return .enumeration(texts)
        }
        guard let type = dict["type"] as? String else {
            throw TextGenerationError(.invalidSchema, "\(path): a schema needs a \"type\" (object, array, string, number, integer, boolean) or an \"enum\"")
        }
        switch type {
        case "object":
            try unsupported(["type", "properties", "required", "additionalProperties"])
            if let extra = dict["additionalProperties"] as? Bool, extra {
                throw TextGenerationError(.invalidSchema, "\(path): additionalProperties true is not supported")
            }
            guard let props = dict["properties"] as? [String: Any], !props.isEmpty else {
                throw TextGenerationError(.invalidSchema, "\(path): an object needs \"properties\"")
            }
            let required = dict["required"] as? [String] ?? []
            for r in required where props[r] == nil {
                throw TextGenerationError(.invalidSchema, "\(path): required property '\(r)' is not in properties")
            }
            // Properties in a stable order: required ones in their listed order, then the rest by name.
            let order = required + props.keys.filter { !required.contains($0) }.sorted()
            var parsed: [(String, JSONSchema)] = []
            for key in order { parsed.append((key, try parse(props[key]!, path: "\(path).\(key)"))) }
            return .object(properties: parsed, required: required)
        case "array":
            try unsupported(["type", "items", "minItems", "maxItems"])
            guard let items = dict["items"] else { throw TextGenerationError(.invalidSchema, "\(path): an array needs \"items\"") }
            let minItems = dict["minItems"] as? Int ?? 0
            let maxItems = dict["maxItems"] as? Int
            if let maxItems, maxItems < minItems { throw TextGenerationError(.invalidSchema, "\(path): maxItems is below minItems") }
            return .array(items: try parse(items, path: "\(path)[]"), minItems: minItems, maxItems: maxItems)
        case "string":
            try unsupported(["type", "maxLength"])
            return .string(maxLength: dict["maxLength"] as? Int)
        case "number": try unsupported(["type"]); return .number(integer: false)
        case "integer": try unsupported(["type"]); return .number(integer: true)
        case "boolean": try unsupported(["type"]); return .boolean
        default:
            throw TextGenerationError(.invalidSchema, "\(path): type '\(type)' is not supported (object, array, string, number, integer, boolean)")
        }
    }

    /// JSONSerialization gives booleans as NSNumbers of Objective-C type "c".
    static func isBoolean(_ n: NSNumber) -> Bool { String(cString: n.objCType) == "c" }

    /// True when `value` (from JSONSerialization) conforms.
    public func validates(_ value: Any) -> Bool {
        switch self {
        case let .object(properties, required):
            guard let d = value as? [String: Any] else { return false }
            for r in required where d[r] == nil { return false }
            for (k, v) in d {
                guard let s = properties.first(where: { $0.0 == k })?.1, s.validates(v) else { return false }
            }
            return true
        case let .array(items, minItems, maxItems):
            guard let a = value as? [Any], a.count >= minItems, a.count <= (maxItems ?? Int.max) else { return false }
            return a.allSatisfy(items.validates)
        case let .string(maxLength):
            guard let s = value as? String else { return false }
            return s.count <= (maxLength ?? Int.max)
        case let .number(integer):
            guard let n = value as? NSNumber, !Self.isBoolean(n) else { return false }
            return !integer || n.doubleValue.rounded() == n.doubleValue
        case .boolean:
            guard let n = value as? NSNumber else { return false }
            return Self.isBoolean(n)
        case let .enumeration(texts):
            let data = (try? JSONSerialization.data(withJSONObject: [value], options: [.withoutEscapingSlashes])) ?? Data()
            let text = String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
            return texts.contains(text) || texts.contains { Double($0) != nil && Double($0) == (value as? NSNumber)?.doubleValue }
        }
    }
}
