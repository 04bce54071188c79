"""Command line: `eternaut-reader [PATH...]` opens the reader; subcommands work on the store.

The UI is imported only when the reader is launched, so the other commands stay quick.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from eternaut_reader import __version__

PROG = "eternaut-reader"


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line rather than the usage block and a message."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _reader_parser() -> _Parser:
    from textual.theme import BUILTIN_THEMES

    parser = _Parser(
        prog=PROG,
        description="Read several reports of one story side by side, and tag their claims. "
        "With no PATH, opens the bundled corpus of five reports on Netflix's use of "
        "generative AI in El Eternauta.",
        epilog="Keys: press ? inside the reader. Colour: NO_COLOR=1 turns colour off.",
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="article files or folders of .txt and .md files"
    )
    parser.add_argument(
        "--theme",
        choices=sorted(BUILTIN_THEMES),
        metavar="THEME",
        help="a Textual theme: " + ", ".join(sorted(BUILTIN_THEMES)),
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    return parser


def _fail(message: str, code: int = 1) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return code


def run_reader(argv: Sequence[str]) -> int:
    from eternaut_reader.core.corpus import CorpusError, load_corpus

    args = _reader_parser().parse_args(argv)
    try:
        corpus = load_corpus(args.paths)
    except CorpusError as exc:
        return _fail(str(exc))
    if not sys.stdout.isatty() and not os.environ.get("TEXTUAL_HEADLESS"):
        return _fail("the reader needs a terminal; run it in one (or see --help)")
    from eternaut_reader.ui.app import ReaderApp

    ReaderApp(corpus, theme=args.theme).run()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        return run_reader(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
