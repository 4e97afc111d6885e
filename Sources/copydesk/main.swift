import Foundation

let app = CommandLineApp(commands: Commands.all, groups: Commands.groups)
exit(app.run(Array(CommandLine.arguments.dropFirst())))
