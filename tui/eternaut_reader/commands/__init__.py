"""Subcommands of the command line. Each module has `add_arguments(parser)` and `run(args)`.

They call the same core functions as the reader, and import nothing from the UI.
"""

COMMANDS = {
    "where": "eternaut_reader.commands.where",
    "export": "eternaut_reader.commands.export",
    "import": "eternaut_reader.commands.importing",
    "agreement": "eternaut_reader.commands.agreement",
    "align": "eternaut_reader.commands.align",
    "matrix": "eternaut_reader.commands.matrix",
    "report": "eternaut_reader.commands.report",
}
