"""What the export, import and agreement commands share: messages, the store, article names."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from eternaut_reader.core.terminal import one_line, safe

if TYPE_CHECKING:
    from eternaut_reader.core.annotations.model import Annotation
    from eternaut_reader.core.text.corpus import Corpus

PROG = "eternaut-reader"


def add_paths(parser: argparse.ArgumentParser) -> None:
    """The articles a command's annotations were made on, as its positional arguments."""
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="the articles the annotations were made on (default: the bundled seeds)",
    )


def fail(message: str, code: int = 1) -> int:
    """Print a one-line error the way cli.py does, and return the exit code."""
    print(f"{PROG}: {one_line(message)}", file=sys.stderr)
    return code


def note(message: str) -> None:
    """An informational line on standard error, named like the errors are."""
    print(f"{PROG}: {one_line(message)}", file=sys.stderr)


def say(message: str) -> None:
    """A line of a command's report on standard output; it may quote data, so made safe."""
    print(safe(message))


class Unknown(ValueError):
    pass


def existing_db(option: str | None) -> Path:
    """The database path; raises Unknown if there is no database there yet."""
    from eternaut_reader.core.storage.paths import resolve_db_path
    from eternaut_reader.core.storage.shards import shard_files, shards_root

    db = resolve_db_path(option)
    # The claims live in the shards folder beside the manifest: a manifest moved aside as
    # damaged leaves them all there, and they are exported (an outside tester was told there
    # was no database).
    if not db.exists() and next(shard_files(shards_root(db)), None) is None:
        raise Unknown(f"no annotation database at {db} (tag some claims first, or give --db)")
    return db


def resolve_articles(
    queries: Sequence[str] | None, titles: dict[str, str], stored: Iterable[str]
) -> list[str] | None:
    """Article ids for --article values: an id, a unique id prefix, or a title (any case).

    titles maps the corpus's ids to titles; stored holds the ids annotations refer to.
    None when there is no --article. Raises Unknown naming what matched nothing or too much.
    """
    if not queries:
        return None
    ids = list(dict.fromkeys([*titles, *sorted(stored)]))
    found = []
    for query in queries:
        if query in ids:
            found.append(query)
            continue
        # Ids are lower case whatever the file's name ("openCity-variety.txt"): any case will do.
        folded = query.casefold()
        matches = (
            [i for i in ids if i.casefold() == folded]
            or [i for i in ids if i.casefold().startswith(folded)]
            or [i for i, t in titles.items() if t.casefold() == query.casefold()]
        )
        if len(matches) == 1:
            found.append(matches[0])
        elif matches:
            several = ", ".join(matches)
            raise Unknown(f"--article “{query}” matches {len(matches)} articles: {several}")
        else:
            raise Unknown(f"--article “{query}” matches no article (ids: {', '.join(ids)})")
    return found


def stored_selection(
    args: argparse.Namespace,
) -> tuple[Corpus, list[Annotation], list[str] | None]:
    """The corpus (args.paths), every stored annotation (args.db) and the --article ids.

    Raises Unknown when there is no database or an --article matches nothing or too much.
    """
    from eternaut_reader.core.storage.store import open_store, skipped_notice
    from eternaut_reader.core.text.corpus import load_corpus

    db = existing_db(args.db)
    corpus = load_corpus(args.paths, db=args.db)
    # Read-only: these commands need no lock file and must work on a database the user cannot
    # write; a corrupt file is reported and left where it is, for a command that writes.
    with open_store(db, readonly=True) as store:
        annotations = store.annotations()
    notice = skipped_notice(store.skipped, store.damaged)
    if notice:
        note(notice)
    titles = {a.id: a.title for a in corpus.articles}
    articles = resolve_articles(args.article, titles, {a.article_id for a in annotations})
    return corpus, annotations, articles
