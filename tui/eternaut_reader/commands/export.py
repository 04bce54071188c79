"""`eternaut-reader export`: write the tagged claims in one of the export formats."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from typing import TYPE_CHECKING, Any, TextIO, cast

from eternaut_reader.commands._common import Unknown, fail, note, stored_selection
from eternaut_reader.core.annotations.tags import OPEN, TAGS
from eternaut_reader.core.formats import FORMATS, ExportError, export, guess_format
from eternaut_reader.core.terminal import SafeStream

if TYPE_CHECKING:
    from eternaut_reader.core.annotations.model import Annotation
    from eternaut_reader.core.formats import ExportResult
    from eternaut_reader.core.text.corpus import Corpus

HELP = "export the tagged claims as json, jsonl, csv, md, w3c or claimreview"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="the articles the annotations were made on (default: the bundled seeds); "
        "used for titles and to find orphans",
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=list(FORMATS),
        metavar="FORMAT",
        help="; ".join(f"{f.name}: {f.description}" for f in FORMATS.values())
        + " (default: from the -o file name)",
    )
    parser.add_argument(
        "--tag",
        action="append",
        choices=[*TAGS, OPEN],
        help=f"only this tag (repeat for several); {OPEN}: the open claims, not yet given a "
        "verdict",
    )
    parser.add_argument(
        "--article",
        action="append",
        metavar="ARTICLE",
        help="only this article: its id, a unique start of it, or its title (repeatable)",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    parser.add_argument(
        "--bom",
        action="store_true",
        help="start a csv file with a UTF-8 byte-order mark, so that Excel reads it as UTF-8",
    )


def run(args: argparse.Namespace) -> int:
    from eternaut_reader.core.gcpause import gc_paused

    # A short process that keeps every claim it reads: no cyclic collection walking them
    # while thousands of records are read and written (gcpause.py).
    with gc_paused():
        return _run(args)


def _run(args: argparse.Namespace) -> int:

    fmt = args.format or (guess_format(args.output) if args.output else None)
    if fmt is None:
        choices = ", ".join(FORMATS)
        where = f"from the name {args.output!r}" if args.output else "for stdout"
        return fail(f"cannot tell the format {where}: give --format ({choices})")
    if args.bom and not FORMATS[fmt].bom:
        takes = ", ".join(f.name for f in FORMATS.values() if f.bom)
        return fail(f"--bom is for {takes} (Excel); {fmt} is written without a byte-order mark")
    try:
        corpus, annotations, articles = stored_selection(args)
    except Unknown as exc:
        return fail(str(exc))
    from eternaut_reader.core.config import load_config

    # Who publishes (ClaimReview's author and url): the [profile] of config.toml. A config
    # file with problems still gives what it can; the reader reports the problems.
    profile = load_config().profile
    options = {"tags": args.tag, "articles": articles, "profile": profile, "bom": args.bom}
    try:
        if args.output:
            result = export(annotations, corpus, fmt, args.output, **options)
        else:
            result = _to_stdout(annotations, corpus, fmt, options)
    except ExportError as exc:
        return fail(str(exc))
    except BrokenPipeError:
        # The reader of our output went away (`| head`): not an error worth a message.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    for line in result.notes:
        note(line)
    if result.left_out:
        note(result.left_out_note)
    if not result.count and not result.left_out:
        note(f"nothing matched: {len(annotations)} stored annotations, none selected")
    elif args.output:
        # (an orphan: its text, or its article, is no longer in the corpus)
        orphans = f" ({result.orphans} of them on text not in the corpus)" if result.orphans else ""
        plural = "" if result.count == 1 else "s"
        what = f"{result.count} annotation{plural}{orphans}"
        if result.unit != "annotation":  # ClaimReview: linked claims share one review
            records = f"{result.records} {result.unit}{'' if result.records == 1 else 's'}"
            what = f"{records} of {what}"
        note(f"exported {what} as {fmt} to {args.output}")
    return 0


def _is_terminal(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False


def _to_stdout(
    annotations: list[Annotation], corpus: Corpus, fmt: str, options: dict[str, Any]
) -> ExportResult:
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a replaced sys.stdout without bytes underneath
        return export(annotations, corpus, fmt, sys.stdout, **options)
    sys.stdout.flush()
    stream = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
    # Piped or redirected, the bytes are the data exactly. On a terminal a note or quote
    # holding ESC would drive it, so there every control character is shown, not sent.
    out = cast(TextIO, SafeStream(stream)) if _is_terminal(sys.stdout) else stream
    try:
        result = export(annotations, corpus, fmt, out, **options)
        stream.flush()
        return result
    finally:
        with contextlib.suppress(OSError, ValueError):
            stream.detach()  # leaves sys.stdout's buffer open, whatever happened
