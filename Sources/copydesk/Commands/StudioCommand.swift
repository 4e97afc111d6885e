import Foundation
import Pipeline
import Store
import TUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `copydesk studio` (and `copydesk` alone in a terminal): the terminal studio.
enum StudioCommand {
    static let command = Command(spec: CommandSpec(
        path: ["studio"],
        summary: "Open the terminal studio on the workspace (also `copydesk` with no arguments in a terminal).",
        options: [.workspace, .value("--brand", "DIR", "the brand kit whose briefs/ pane 1 lists (default: ./Brand)"),
                  GenerateCommand.modelOption, ModelsCommands.modelsOption, GenerateCommand.threadsOption],
        discussion: """
            Panes: 1 briefs and pieces, 2 the draft, 3 findings, 4 versions. Keys: 1-4 and Tab move between panes,
            arrows or hjkl move, Enter opens, ? shows the keys, : runs any action by name, / searches, q backs out and quits.
            Esc or Ctrl-C cancels a running job. With no workspace, it offers to create one from Brand/ and Templates/.
            """
    ), ownsTerminal: true) { args in
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw UsageError(message: "the studio needs a terminal; for scripts use the other commands (see `copydesk --help`)", command: "copydesk studio")
        }
        let options = try args.studioOptions()
        let kit = try args.value("--brand").map { try WorkspaceCommands.folder($0, default: "Brand", option: "--brand") } ?? ProjectFolders.locate("Brand")
        let directory = options.workspaceDirectory
        if !FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(Workspace.databaseName)) {
            guard let brand = kit, let templates = ProjectFolders.locate("Templates") else {
                throw StoreError(.noWorkspace, "no workspace here and no Brand/ and Templates/ to create one from; run `copydesk init`", path: directory)
            }
            Output.write("No workspace at \(directory). Create it from \(brand) and \(templates)? [Y/n] ")
            let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? "n"
            guard answer.isEmpty || answer == "y" || answer == "yes" else { return ExitCode.failure }
            let (job, printer) = args.job()
            _ = try Studio.openProject(brand: brand, templates: templates, options, job: job)
            printer.finish()
        }
        try StudioApp(options: options, kit: kit).run()
        return ExitCode.ok
    }
}
