/// Every command, in the order `copydesk --help` lists them.
enum Commands {
    static let all: [Command] = [
        DemoCommand.command,
        WorkspaceCommands.initCommand,
        WorkspaceCommands.doctor,
        TemplatesCommands.sync,
        TemplatesCommands.list,
        TemplatesCommands.log,
        TemplatesCommands.show,
        TemplatesCommands.diff,
        TemplatesCommands.label,
        TemplatesCommands.render,
        AssetsCommands.list,
        AssetsCommands.show,
        AssetsCommands.add,
        RunsCommands.list,
        RunsCommands.show,
        RunsCommands.lineage,
        ModelsCommands.list,
        ModelsCommands.fetch,
        ModelsCommands.verify,
        ModelsCommands.add,
        GenerateCommand.command,
        EmbedCommand.command,
        BenchCommands.llm,
        BenchCommands.embed,
        DevCommands.tomlDecode,
        DevCommands.logits,
    ]

    static let groups: [(name: String, summary: String)] = [
        ("templates", "Versioned prompt templates: sync, list, log, show, diff, label, render."),
        ("assets", "Content-addressed assets stored in the workspace."),
        ("runs", "Recorded pipeline runs."),
        ("models", "The model cache: list, fetch, verify, add."),
        ("bench", "Speed measurements."),
        ("dev", "Developer tools."),
    ]
}
