"""`eternaut-reader matrix`: the claim × report matrix, as CSV or Markdown."""

from __future__ import annotations

import argparse
import sys

from eternaut_reader.commands._common import Unknown, add_paths, fail, note, stored_selection

HELP = (
    "the claim × report matrix: one row per claim (linked claims share a row), one column "
    "per report, saying where each report's passage is tagged, conflicts, or only states it"
)

EPILOG = (
    "Cells: the verdict (✓ ? ✗ ○) where that report's passage is tagged, ⚠ where an aligned "
    "passage conflicts, · where an aligned passage exists untagged, empty where nothing was "
    "found. The reader shows the same matrix with m."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    add_paths(parser)
    parser.add_argument(
        "-f",
        "--format",
        choices=("csv", "md"),
        default=None,
        help="csv or md (default: from the -o file name, else md)",
    )
    parser.add_argument(
        "--article", action="append", metavar="ARTICLE", help="only claims of this article"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from eternaut_reader.core.analysis import AlignCancelled, align
    from eternaut_reader.core.analysis.matrix import Placed, build_matrix, report_columns
    from eternaut_reader.core.annotations.anchor import anchor
    from eternaut_reader.core.storage.atomic import write_atomic
    from eternaut_reader.core.terminal import safe

    fmt = args.format or ("csv" if (args.output or "").lower().endswith(".csv") else "md")
    try:
        corpus, annotations, articles = stored_selection(args)
    except Unknown as exc:
        return fail(str(exc))
    placed: dict[str, list[Placed]] = {a.id: [] for a in corpus.articles}
    for ann in annotations:
        article = corpus.by_id(ann.article_id)
        if article is None:
            continue
        where = anchor(article.text, ann)
        if where is not None:
            placed[article.id].append(Placed(ann, where.start, where.end))
    chosen = [c for cs in placed.values() for c in cs]
    if articles is not None:
        chosen = [c for c in chosen if c.annotation.article_id in articles]
    alignment = None
    if len(corpus.articles) > 1:
        try:
            alignment = align(corpus)
        except (AlignCancelled, OSError, ValueError) as exc:
            note(f"no alignment ({exc}): only tagged passages are shown")
    matrix = build_matrix(chosen, report_columns(corpus.articles), alignment, tagged_at=placed)
    if not matrix.rows:
        # The table is written all the same (its header is the reports), but an empty one
        # must not pass for a result: say why it is empty.
        stored = len(annotations)
        why = (
            "no claims are stored"
            if not stored
            else "the one stored claim is not on these articles"
            if stored == 1
            else f"none of the {stored} stored claims is on these articles"
        )
        note(f"the matrix has no rows: {why}")
    text = matrix.to_csv() if fmt == "csv" else matrix.to_markdown()
    if args.output:
        target = Path(args.output)
        try:
            write_atomic(target, [text.encode("utf-8")])
        except IsADirectoryError:
            return fail(f"cannot write {target}: it is a folder")
        except OSError as exc:  # the path, not the temporary file beside it
            return fail(f"cannot write {target}: {exc.strerror or exc}")
        rows = len(matrix.rows)
        note(f"matrix of {rows} row{'' if rows == 1 else 's'} written to {args.output}")
    else:
        sys.stdout.write(safe(text) if sys.stdout.isatty() else text)
    return 0
