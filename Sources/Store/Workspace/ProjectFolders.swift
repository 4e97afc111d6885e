import Foundation

/// Finds the project's own folders (Brand/, Templates/) for `copydesk init` defaults.
public enum ProjectFolders {
    /// `name` in the current directory, else next to the executable or one of its ancestors
    /// (a build under `.build/debug/` finds the checkout's folders).
    public static func locate(_ name: String, executable: String = CommandLine.arguments.first ?? "") -> String? {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        let here = (fm.currentDirectoryPath as NSString).appendingPathComponent(name)
        if fm.fileExists(atPath: here, isDirectory: &isDir), isDir.boolValue { return here }
        var dir = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent(name).path
            if fm.fileExists(atPath: candidate, isDirectory: &isDir), isDir.boolValue { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }
}
