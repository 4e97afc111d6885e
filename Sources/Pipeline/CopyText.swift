import Foundation

/// Copy to check: text in a human language. Empty, binary and letterless input is refused with
/// where and why, never checked (an empty file would otherwise "pass").
public enum CopyText {
    /// The least number of letters a text needs to be checked as copy.
    public static let minimumLetters = 2

    /// Reads a file as copy.
    public static func read(file: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: file) else { throw PipelineError(.notFound, "no such file", file: file) }
        return try decode(data, file: file)
    }

    /// Decodes `data` read from `file` as copy.
    /// - Throws: ``PipelineError`` `.invalidInput` naming the file and, for binary data, the byte offset.
    public static func decode(_ data: Data, file: String) throws -> String {
        if let nul = data.firstIndex(of: 0) {
            throw PipelineError(.invalidInput, "byte \(nul - data.startIndex): a NUL byte; this is binary data, not text", file: file)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PipelineError(.invalidInput, "byte \(firstInvalidUTF8(data)): not UTF-8 text", file: file)
        }
        try validate(text, file: file)
        return text
    }

    /// Refuses text with nothing to check: empty, only white space, or fewer than two letters.
    public static func validate(_ text: String, file: String? = nil) throws {
        if text.allSatisfy(\.isWhitespace) {
            throw PipelineError(.invalidInput, "the text is empty; there is no copy to check", file: file)
        }
        let letters = text.unicodeScalars.filter { CharacterSet.letters.contains($0) }.count
        if letters < minimumLetters {
            throw PipelineError(.invalidInput, "the text has no words (\(letters) letter\(letters == 1 ? "" : "s")); there is no copy to check", file: file)
        }
    }

    /// The offset of the first byte that does not begin or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ data: Data) -> Int {
        let bytes = [UInt8](data)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            guard length > 0, i + length <= bytes.count else { return i }
            for k in 1..<length where bytes[i + k] >> 6 != 0b10 { return i }
            if length > 1, String(bytes: bytes[i..<(i + length)], encoding: .utf8) == nil { return i }
            i += length
        }
        return bytes.count
    }
}
