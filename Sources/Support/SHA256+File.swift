import Foundation

extension SHA256 {
    /// Hashes a file in 1 MiB chunks without loading it whole.
    ///
    /// - Throws: `FileError` when the file cannot be opened or read.
    public static func hash(fileAt path: String) throws -> SHA256Digest {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FileError(.notFound, "cannot open the file for reading", path: path)
        }
        defer { try? handle.close() }
        var h = SHA256()
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            } catch {
                throw FileError(.readFailed, "read failed: \(error.localizedDescription)", path: path)
            }
            if chunk.isEmpty { break }
            chunk.withUnsafeBytes { h.update(buffer: $0) }
        }
        return h.finalize()
    }
}
