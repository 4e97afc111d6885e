import Foundation
import Store

/// The knowledge files named by paths: files, or folders of `*.md` and `*.txt`.
public enum KnowledgeFiles {
    /// Each file with the name it is recorded under: its folder and file name ("knowledge/x.md"),
    /// so the same file added from anywhere gets the same name. No paths: the project's
    /// `Brand/knowledge`.
    public static func collect(_ paths: [String]) throws -> [(path: String, name: String)] {
        var roots = paths
        if roots.isEmpty {
            guard let brand = ProjectFolders.locate("Brand") else {
                throw KnowledgeError(.notFound, "no Brand/ folder here; give the files or folders to add")
            }
            roots = [(brand as NSString).appendingPathComponent("knowledge")]
        }
        var out: [(String, String)] = []
        for root in roots {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isDir) else {
                throw KnowledgeError(.notFound, "no such file or folder", path: root)
            }
            if isDir.boolValue {
                let names = (try FileManager.default.contentsOfDirectory(atPath: root)).filter { $0.hasSuffix(".md") || $0.hasSuffix(".txt") }.sorted()
                let base = ((root as NSString).standardizingPath as NSString).lastPathComponent
                for n in names { out.append(((root as NSString).appendingPathComponent(n), "\(base)/\(n)")) }
            } else {
                let parent = ((root as NSString).standardizingPath as NSString).deletingLastPathComponent
                let folder = (parent as NSString).lastPathComponent
                let file = (root as NSString).lastPathComponent
                out.append((root, folder.isEmpty || folder == "/" ? file : "\(folder)/\(file)"))
            }
        }
        return out
    }
}
