"""`eternaut-reader align`: the same fact in the other reports, and a suggested verdict."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from eternaut_reader.commands._common import Unknown, fail, note, resolve_articles, say
from eternaut_reader.core.terminal import json_escaped

if TYPE_CHECKING:
    from eternaut_reader.core.analysis import Alignment, Match

HELP = (
    "for every clause of every article, the passages of the other reports that state the "
    "same fact (agreeing, conflicting or related) and a suggested verdict"
)

EPILOG = (
    "Suggestions are never applied: tag the claims yourself in the reader. Results are "
    "cached by the articles' content hashes, so a second run is quick."
)

_MARK = {"agrees": "✓", "conflicts": "⚠", "related": "~"}
_SHOWN = 110  # characters of a unit or passage shown in the readable report


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="article files or folders of .txt and .md files (default: the bundled seeds)",
    )
    parser.add_argument(
        "--article",
        action="append",
        metavar="ARTICLE",
        help="report only on this article: its id, a unique start of it, or its title "
        "(repeatable); it is still compared with every other article",
    )
    parser.add_argument(
        "--json", action="store_true", help="print JSON on standard output instead of a report"
    )


def run(args: argparse.Namespace) -> int:
    from eternaut_reader.core.analysis import align
    from eternaut_reader.core.text.corpus import load_corpus

    corpus = load_corpus(args.paths)
    for notice in corpus.notices:
        note(notice)
    titles = {a.id: a.title for a in corpus.articles}
    try:
        chosen = resolve_articles(args.article, titles, ())
    except Unknown as exc:
        return fail(str(exc))
    if len(corpus.articles) < 2:
        return fail(
            f"align compares articles, and there is only one ({corpus.articles[0].id}); "
            "give two or more"
        )
    alignment = align(corpus, progress=_progress_line() if sys.stderr.isatty() else None)
    ids = chosen if chosen is not None else alignment.article_ids
    try:
        if args.json:
            text = json.dumps(to_json(alignment, ids), ensure_ascii=False)
            sys.stdout.write(json_escaped(text) + "\n")
        else:
            _report(alignment, ids, {a.id: a.language for a in corpus.articles})
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader of our output went away (`| head`): not an error worth a message.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    if not any(r.matches for i in ids for r in alignment.results(i)):
        note("no passage of these articles matches another report")
    return 0


def _progress_line() -> Callable[[float], None]:
    """Progress on standard error, one line rewritten in place, for an interactive terminal
    (a long article takes seconds to align); cleared when done."""
    shown = [-1]

    def show(fraction: float) -> None:
        percent = int(fraction * 100)
        if percent != shown[0]:
            shown[0] = percent
            line = f"aligning… {percent}%" if percent < 100 else ""
            sys.stderr.write("\r" + line.ljust(16) + ("\r" if not line else ""))
            sys.stderr.flush()

    return show


def to_json(alignment: Alignment, ids: list[str]) -> dict[str, Any]:
    """The --json document: every unit of the chosen articles with matches and suggestion."""

    def match(m: Match) -> dict[str, Any]:
        return {
            "article": m.article,
            "start": m.start,
            "end": m.end,
            "score": m.score,
            "relation": m.relation,
            "conflicts": [{"what": c.what, "here": c.here, "there": c.there} for c in m.conflicts],
        }

    units = []
    for article in ids:
        for result in alignment.results(article):
            unit = result.unit
            suggestion = result.suggestion
            units.append(
                {
                    "article": article,
                    "start": unit.start,
                    "end": unit.end,
                    "text": unit.text,
                    "matches": [match(m) for m in result.matches],
                    "suggestion": None
                    if suggestion is None
                    else {"tag": suggestion.tag, "reason": suggestion.reason},
                }
            )
    return {"units": units}


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _SHOWN else flat[: _SHOWN - 1] + "…"


def _report(alignment: Alignment, ids: list[str], languages: dict[str, str]) -> None:
    # say() passes every line through core.terminal.safe: the text is data from files.
    from eternaut_reader.core.analysis.verdict import rename_reports

    # Reports are also named by place ("2/5"), as in the reader: ids made of hashes (the
    # seeds' "001_e0f10242f82b10d2") are hard to tell apart.
    every = alignment.article_ids
    places = {a: f"{n}/{len(every)}" for n, a in enumerate(every, 1)}
    for number, article in enumerate(ids):
        if number:
            say("")
        title = alignment.titles.get(article, article)
        say(f"== {places.get(article, '?')} {title} ({article}, {languages.get(article, '?')})")
        for result in alignment.results(article):
            unit, suggestion = result.unit, result.suggestion
            say(f"[{unit.start}-{unit.end}] {_short(unit.text)}")
            if suggestion is not None:
                say(f"    suggest {suggestion.tag}: {rename_reports(suggestion.reason, places)}")
            for m in result.matches:
                place = places.get(m.article, "?")
                language = languages.get(m.article, "?")
                where = f"{place} {m.article} [{m.start}-{m.end}] ({language})"
                say(f"    {_MARK[m.relation]} {m.relation} {m.score:.2f} {where}")
                say(f"        {_short(alignment.passage(m))}")
                for k, c in enumerate(m.conflicts):
                    here, there = m.shown(k)
                    say(f'        {c.what}: "{here}" here vs "{there}" there')
