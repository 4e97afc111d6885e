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

    /// Lets the whole pages inside `byteCount` bytes at `p` leave memory (`MADV_DONTNEED`): for
    /// data that was copied out and will not be read again. Reading them later still works (the
    /// pages come back from the file). Does nothing for borrowed bytes.
    public func release(_ p: UnsafeRawPointer, byteCount: Int) {
        guard ownsMapping, let base = bytes.baseAddress, p >= base, p + byteCount <= base + bytes.count else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (Int(bitPattern: p) + page - 1) / page * page
        let end = (Int(bitPattern: p) + byteCount) / page * page
        guard end > start, let first = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(first, end - start, Int32(MADV_DONTNEED))
    }

    deinit {
        if ownsMapping, let base = bytes.baseAddress {
            munmap(UnsafeMutableRawPointer(mutating: base), bytes.count)
        }
    }
}
