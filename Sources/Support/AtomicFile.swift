import Foundation

/// Writes files so that readers see either the old content or the whole new content, never a part.
public enum AtomicFile {
    /// Writes `data` to a temporary file beside `path`, flushes it, then renames it over `path`.
    /// Creates missing parent folders.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw FileError(.writeFailed, "cannot create the folder: \(error.localizedDescription)", path: folder)
        }
        let temp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))").path
        guard FileManager.default.createFile(atPath: temp, contents: nil) , let handle = FileHandle(forWritingAtPath: temp) else {
            throw FileError(.writeFailed, "cannot create a temporary file", path: temp)
        }
        do {
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temp)
            throw FileError(.writeFailed, "write failed: \(error.localizedDescription)", path: path)
        }
        guard rename(temp, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temp)
            throw FileError(.writeFailed, "cannot move the new file into place: \(reason)", path: path)
        }
    }

    /// Writes UTF-8 text atomically.
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }
}
