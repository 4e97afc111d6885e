import BrandKit

/// A pipeline error: what went wrong, and where (file, line, field) when it came from an input file.
public struct PipelineError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case invalidBrief, unknownChannel, missingTemplate, missingModel, invalidState, notFound, generationFailed, invalidInput, cancelled
    }
    public var code: Code
    public var message: String
    public var file: String?
    public var line: Int?
    public var field: String?

    public init(_ code: Code, _ message: String, file: String? = nil, line: Int? = nil, field: String? = nil) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.field = field
    }

    public var description: String {
        var place = file ?? ""
        if let line { place += place.isEmpty ? "line \(line)" : ":\(line)" }
        let prefix = place.isEmpty ? "" : place + ": "
        let fieldText = field.map { "`\($0)`: " } ?? ""
        return prefix + fieldText + message
    }
}
