extension GGUFFile {
    /// An integer metadata value, or an error naming the key.
    public func requiredInt(_ key: String) throws(ModelFormatError) -> Int {
        guard let v = metadata[key]?.int else {
            throw ModelFormatError(.missingKey, "missing integer metadata '\(key)'", path: path)
        }
        return v
    }

    public func requiredString(_ key: String) throws(ModelFormatError) -> String {
        guard let v = metadata[key]?.string else {
            throw ModelFormatError(.missingKey, "missing string metadata '\(key)'", path: path)
        }
        return v
    }

    public func int(_ key: String) -> Int? { metadata[key]?.int }
    public func float(_ key: String) -> Float? { metadata[key]?.float }
    public func string(_ key: String) -> String? { metadata[key]?.string }

    /// A string array (token lists, merges).
    public func strings(_ key: String) -> [String]? {
        metadata[key]?.array?.compactMap(\.string)
    }

    public func floats(_ key: String) -> [Float]? { metadata[key]?.array?.compactMap(\.float) }
    public func ints(_ key: String) -> [Int]? { metadata[key]?.array?.compactMap(\.int) }

    /// The architecture name (`general.architecture`), e.g. "llama".
    public var architecture: String? { string("general.architecture") }
}
