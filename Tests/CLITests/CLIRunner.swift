import Foundation
import XCTest

/// Runs the built `copydesk` executable as a subprocess, the way a user or CI would.
struct CLIResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

enum CLI {
    /// The `copydesk` binary beside the test bundle (SwiftPM builds it for `swift test`).
    static var executable: URL {
        let candidates = [Bundle.main.executableURL?.deletingLastPathComponent(), Bundle(for: Marker.self).bundleURL.deletingLastPathComponent()]
        for dir in candidates.compactMap({ $0 }) {
            let url = dir.appendingPathComponent("copydesk")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return candidates.compactMap { $0 }.first!.appendingPathComponent("copydesk")
    }

    /// The repository root.
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    private final class Marker {}

    /// Runs `copydesk` with arguments, optional standard input and extra environment.
    @discardableResult
    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:], in directory: String? = nil) throws -> CLIResult {
        try runProcess(executable, arguments, stdin: stdin, environment: environment, in: directory)
    }

    static func runProcess(_ url: URL, _ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:], in directory: String? = nil) throws -> CLIResult {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        // Drain both pipes concurrently so large outputs cannot block the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try? input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A fresh temporary folder, removed when released.
final class Scratch {
    let path: String
    init() {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("copydesk-cli-\(UUID().uuidString)")
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
