"""`eternaut-reader report`: the publishable fact-check report, as Markdown or HTML."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys

from eternaut_reader.commands._common import Unknown, add_paths, fail, note, stored_selection

HELP = (
    "the fact-check report: every claim (annotations joined by links) with its verdict, the "
    "reports that state it, where they conflict, notes, review and evidence; then the source "
    "scorecard and the claim × report matrix, as Markdown or one self-contained HTML page"
)

EPILOG = (
    "Claims come most important first: mixed (the reports disagree), contradicted, "
    "speculative, confirmed, then open. The HTML page has no scripts and loads nothing: "
    "its only links are to the articles and the evidence."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    add_paths(parser)
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    parser.add_argument(
        "-f",
        "--format",
        choices=("md", "html"),
        default=None,
        help="md or html (default: html for an -o name ending .html or .htm, else md)",
    )
    parser.add_argument(
        "--article",
        action="append",
        metavar="ARTICLE",
        help="only the claims this article states: its id, a unique start of it, or its "
        "title (repeatable)",
    )
    parser.add_argument(
        "--annotator",
        action="append",
        metavar="NAME",
        help="only this annotator's annotations (repeatable)",
    )
    parser.add_argument(
        "--title", metavar="TEXT", help='the heading (default: "Fact-check report")'
    )


def run(args: argparse.Namespace) -> int:
    from eternaut_reader.core.config import load_config
    from eternaut_reader.core.report import ReportError, make_report, render, report_format
    from eternaut_reader.core.report import write_report as write_file
    from eternaut_reader.core.terminal import safe

    fmt = args.format or report_format(args.output)
    try:
        corpus, annotations, articles = stored_selection(args)
    except Unknown as exc:
        return fail(str(exc))
    if args.annotator:
        present = sorted({a.annotator for a in annotations})
        missing = [n for n in args.annotator if n not in present]
        if missing:
            known = ", ".join(present) or "none"
            return fail(f"no annotations by {', '.join(missing)} (annotators: {known})")
    report, problems = make_report(
        annotations,
        corpus,
        only_articles=articles,
        annotators=args.annotator,
        title=args.title,
        publisher=load_config().profile.organisation,
    )
    for line in problems:
        note(line)
    if not report.claims:
        if not annotations:
            return fail("no claims to report: the database holds none (tag some claims first)")
        stored = f"none of the {len(annotations)} stored annotations"
        if args.article or args.annotator:
            why = f"{stored} is stated in the --article or made by the --annotator given"
        else:  # the claims are on articles not given (the report covers the reports given)
            why = f"{stored} is on these articles (give their paths, or --db another database)"
        return fail(f"no claims to report: {why}")
    try:
        if args.output:
            write_file(report, fmt, args.output)
            count = len(report.claims)
            claims = f"{count} claim{'' if count == 1 else 's'}"
            note(f"report of {claims} written to {args.output} ({fmt})")
            return 0
        text = render(report, fmt)
    except ReportError as exc:
        return fail(str(exc))
    terminal = _is_terminal(sys.stdout)
    data = (safe(text) if terminal else text).encode("utf-8", "replace")
    try:
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # a replaced sys.stdout (tests): text, not bytes
            sys.stdout.write(data.decode("utf-8"))
        else:
            sys.stdout.flush()
            buffer.write(data)
            buffer.flush()
    except BrokenPipeError:
        # The reader of our output went away (`| head`): not an error worth a message.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def _is_terminal(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False
