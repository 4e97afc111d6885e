#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only memory map of a whole file. Weights are used in place from it.
public final class MappedFile: @unchecked Sendable {
    /// The mapped bytes; valid for the life of this object, never written.
    public let bytes: UnsafeRawBufferPointer
    public let path: String

    /// Maps `path` read-only.
    public init(path: String) throws(ModelFormatError) {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw ModelFormatError(.openFailed, "cannot open: \(String(cString: strerror(errno)))", path: path)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw ModelFormatError(.openFailed, "cannot stat: \(String(cString: strerror(errno)))", path: path)
        }
        let size = Int(info.st_size)
        guard size > 0 else {
            throw ModelFormatError(.truncated, "the file is empty", path: path, offset: 0)
        }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            throw ModelFormatError(.openFailed, "cannot map: \(String(cString: strerror(errno)))", path: path)
        }
        bytes = UnsafeRawBufferPointer(start: base, count: size)
    }

    /// Wraps bytes already in memory (tests, fuzzing). The caller keeps them alive.
    public init(borrowing bytes: UnsafeRawBufferPointer, path: String) {
        self.bytes = bytes
        self.path = path
        ownsMapping = false
    }

    private var ownsMapping = true

    deinit {
        if ownsMapping, let base = bytes.baseAddress {
            munmap(UnsafeMutableRawPointer(mutating: base), bytes.count)
        }
    }
}
