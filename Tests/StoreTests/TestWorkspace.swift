import Foundation
import Store

/// A fresh temporary folder for one test, removed when released.
final class TemporaryFolder {
    let path: String

    init() {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("copydesk-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    func write(_ name: String, _ text: String) {
        let full = file(name)
        try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! text.write(toFile: full, atomically: true, encoding: .utf8)
    }
}

/// A small template file's text.
func templateSource(id: String, body: String = "Write about {{brief}}.", inputs: [String] = ["brief"], temperature: Double = 0.7) -> String {
    """
    +++
    id = "\(id)"
    kind = "draft"
    channel = "email"
    inputs = [\(inputs.map { "\"\($0)\"" }.joined(separator: ", "))]

    [model]
    temperature = \(temperature)
    +++
    \(body)
    """
}
