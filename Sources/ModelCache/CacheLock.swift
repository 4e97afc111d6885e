import Foundation
import Support
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An advisory lock on `root/.lock`, so two copydesk processes do not install into or rewrite the
/// manifest of one cache at the same time.
enum CacheLock {
    static func withLock<T>(root: String, _ body: () throws -> T) throws -> T {
        let path = root + "/.lock"
        let fd = open(path, O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else {
            throw FileError(.writeFailed, "cannot open the cache lock file: \(String(cString: strerror(errno)))", path: path)
        }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw FileError(.writeFailed, "cannot lock the model cache: \(String(cString: strerror(errno)))", path: path)
            }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
