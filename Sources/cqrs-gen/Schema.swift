import ArgumentParser
import CQRSGenCore

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Prints the JSON Schema of the spec language, for editors.",
        discussion: """
            A YAML language server (VS Code's YAML extension, Neovim, JetBrains IDEs) validates the spec as it is \
            typed, completes its keys and explains them on hover, given a first line such as
              # yaml-language-server: $schema=operations.schema.json
            The schema checks each mapping's keys and each value's shape; references, duplicates and defaults are \
            the validator's (cqrs-gen lint). The repository keeps its copy beside the spec; a test fails when it \
            differs from this command's output.

            With --configuration, the schema of cqrs-gen-config.yaml instead.

            Examples:
              cqrs-gen schema > spec/operations.schema.json
              cqrs-gen schema --configuration > spec/cqrs-gen-config.schema.json

            Exit status: 0 printed.
            """
    )

    @Flag(help: "Print the schema of cqrs-gen-config.yaml instead of the spec's.")
    var configuration = false

    func run() {
        print(configuration ? ConfigurationSchema.json() : SpecSchema.json(), terminator: "")
    }
}
