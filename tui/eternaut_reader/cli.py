# PYTHON_ARGCOMPLETE_OK  (argcomplete looks for this mark to offer completion)
"""Command line: `eternaut-reader [PATH...]` opens the reader; subcommands work on the store.

Every command takes --db (or ETERNAUT_READER_DB). The UI is imported only when the reader is
launched, so the other commands stay quick and never need a terminal.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
import textwrap
from collections.abc import Sequence
from importlib import import_module
from typing import NoReturn

from eternaut_reader.commands import COMMANDS
from eternaut_reader.core.terminal import one_line

PROG = "eternaut-reader"


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line rather than the usage block and a message."""

    def error(self, message: str) -> NoReturn:
        # The message can quote an argument, and an argument is data (a file name).
        self.exit(2, f"{self.prog}: {one_line(message)} (see {self.prog} --help)\n")


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="annotation database (default: $ETERNAUT_READER_DB, else the "
        "user data directory; see `eternaut-reader where`)",
    )


def _commands_help() -> str:
    """Each subcommand with its one-line summary (imports every command: only for --help)."""
    width = max(len(name) for name in COMMANDS)
    lines = []
    for name, module in COMMANDS.items():
        summary = import_module(module).HELP
        lines += textwrap.wrap(
            summary,
            78,
            initial_indent=f"  {name:<{width}}  ",
            subsequent_indent=" " * (width + 4),
        )
    return "\n".join(lines)


def _reader_parser(*, with_commands: bool = False) -> _Parser:
    from textual.theme import BUILTIN_THEMES

    from eternaut_reader import __version__

    commands = _commands_help() if with_commands else "  " + ", ".join(COMMANDS)
    parser = _Parser(
        prog=PROG,
        usage=f"{PROG} [PATH|URL...] [--refresh] [--theme THEME] [--db PATH]\n"
        f"       {PROG} COMMAND [ARGS...]   (see below; {PROG} COMMAND --help for each)",
        description=textwrap.fill(
            "Read several reports of one story side by side, and tag their claims. With no "
            "PATH, opens the bundled corpus of five reports on Netflix's use of generative AI "
            "in El Eternauta.",
            78,
        ),
        epilog=f"commands:\n{commands}\n\n"
        + textwrap.fill(
            "Keys: press ? in the reader. Colour: NO_COLOR=1 turns colour off. Settings: "
            f"config.toml (`{PROG} where` prints its path). Claims are signed with its "
            "[profile] name, or $ETERNAUT_READER_ANNOTATOR, else the login name. Web pages are "
            "read from their snapshots in the data folder; --refresh fetches them again. Shell "
            "completion: see the README.",
            78,
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH|URL",
        help="article files (.txt, .md, .html), folders of them, or web pages (http/https URLs)",
    )
    parser.add_argument(
        "--refresh",
        action="store_true",
        help="fetch web pages again instead of reading their snapshots",
    )
    parser.add_argument(
        "--theme",
        choices=sorted(BUILTIN_THEMES),
        metavar="THEME",
        help="a Textual theme: " + ", ".join(sorted(BUILTIN_THEMES)),
    )
    _add_db(parser)
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    return parser


def _command_parser(name: str) -> tuple[_Parser, object]:
    module = import_module(COMMANDS[name])
    parser = _Parser(prog=f"{PROG} {name}", description=module.HELP)
    module.add_arguments(parser)
    _add_db(parser)
    return parser, module


def _fail(message: str, code: int = 1) -> int:
    print(f"{PROG}: {one_line(message)}", file=sys.stderr)
    return code


def run_reader(argv: Sequence[str]) -> int:
    from eternaut_reader.core.text.corpus import load_corpus

    args = _reader_parser().parse_args(argv)
    # Web pages are fetched here, before the reader starts, each fetch said on stderr.
    corpus = load_corpus(args.paths, db=args.db, refresh=args.refresh, progress=_progress)
    if not sys.stdout.isatty() or not sys.stdin.isatty():
        return _fail("the reader needs a terminal; run it in one (see --help for commands)")
    from eternaut_reader.ui.app import ReaderApp

    app = ReaderApp(corpus, theme=args.theme, db=args.db, ask_profile=True)
    app.run()
    if app.exit_note:
        return _fail(app.exit_note)
    return 0


def _progress(message: str) -> None:
    print(f"{PROG}: {one_line(message)}", file=sys.stderr, flush=True)


def _completion_parser() -> argparse.ArgumentParser:
    """One parser holding every command, for shell completion (argcomplete)."""
    parser = _reader_parser(with_commands=False)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        module = import_module(module_name)
        sub = subparsers.add_parser(name, help=module.HELP)
        module.add_arguments(sub)
        _add_db(sub)
    return parser


def _complete() -> None:
    """Answer the shell's completion request and exit, when the shell is asking."""
    if "_ARGCOMPLETE" not in os.environ:
        return
    import argcomplete

    argcomplete.autocomplete(_completion_parser())


def _mistyped_command(word: str) -> str | None:
    """The command a first argument that is no file was probably meant to be."""
    if word.startswith("-") or os.path.exists(word) or os.sep in word:
        return None
    close = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.6)
    return close[0] if close else None


def main(argv: Sequence[str] | None = None) -> int:
    from eternaut_reader.core.storage.database import StoreError
    from eternaut_reader.core.text.corpus import CorpusError

    if argv is None:
        _complete()
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in COMMANDS:
            parser, module = _command_parser(args[0])
            return int(module.run(parser.parse_args(args[1:])))  # type: ignore[attr-defined]
        if args and (meant := _mistyped_command(args[0])):
            return _fail(f"unknown command {args[0]!r}; did you mean {meant!r}?", 2)
        if any(a in {"-h", "--help"} for a in args):
            _reader_parser(with_commands=True).parse_args(args)
        return run_reader(args)
    except BrokenPipeError:
        # `eternaut-reader where | head -2`: the reader of the output has gone, which is no
        # error. Standard output goes to /dev/null so that the flush at exit is quiet too.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except (CorpusError, StoreError, OSError) as exc:
        return _fail(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
