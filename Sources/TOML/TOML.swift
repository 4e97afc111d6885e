/// Entry points of the TOML 1.0.0 parser.
public enum TOML {
    /// Parses a UTF-8 document.
    ///
    /// - Parameter file: a name for error messages.
    /// - Throws: `TOMLError` with the line and column of the first problem.
    public static func parse(bytes: [UInt8], file: String? = nil) throws(TOMLError) -> TOMLTable {
        var parser = TOMLParser(bytes: bytes, file: file)
        return try parser.parseDocument()
    }

    /// Parses a document held in a string.
    public static func parse(_ text: String, file: String? = nil) throws(TOMLError) -> TOMLTable {
        try parse(bytes: Array(text.utf8), file: file)
    }
}
