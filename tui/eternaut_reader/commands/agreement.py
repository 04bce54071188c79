"""`eternaut-reader agreement`: how far annotators agree on the claims they all tagged."""

from __future__ import annotations

import argparse

from eternaut_reader.commands._common import Unknown, add_paths, fail, stored_selection
from eternaut_reader.core.terminal import safe

HELP = (
    "Cohen's kappa for each pair of annotators (Fleiss' kappa for three or more), a "
    "confusion table per pair, and the claims they disagree on"
)

EPILOG = (
    "A claim is a set of overlapping spans in one article. It counts for a pair when both "
    "tagged it, and for Fleiss' kappa when every annotator did. Open claims (no verdict yet) "
    "and orphans are left out, and counted. Import other annotators' exports first "
    "(eternaut-reader import)."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    add_paths(parser)
    parser.add_argument(
        "--article", action="append", metavar="ARTICLE", help="only this article (repeatable)"
    )
    parser.add_argument(
        "--annotator", action="append", metavar="NAME", help="only this annotator (repeatable)"
    )


def run(args: argparse.Namespace) -> int:
    from eternaut_reader.core.analysis.agreement import agreement, render

    try:
        corpus, annotations, articles = stored_selection(args)
    except Unknown as exc:
        return fail(str(exc))
    if articles is not None:
        annotations = [a for a in annotations if a.article_id in articles]
    present = sorted({a.annotator for a in annotations})
    if args.annotator:
        missing = [n for n in args.annotator if n not in present]
        if missing:
            known = ", ".join(present) or "none"
            return fail(f"no annotations by {', '.join(missing)} (annotators: {known})")
    names = args.annotator or present
    if len(set(names)) < 2:
        who = f"only {names[0]}" if names else "nobody"
        return fail(
            f"agreement needs two or more annotators; {who} tagged these claims "
            "(import the others' exports with `eternaut-reader import`)"
        )
    report = agreement(annotations, corpus.articles, annotators=names)
    print(safe(render(report)), end="")
    return 0
