"""What the export, import and agreement commands share: messages, the store, article names."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

PROG = "eternaut-reader"


def fail(message: str, code: int = 1) -> int:
    """Print a one-line error the way cli.py does, and return the exit code."""
    print(f"{PROG}: {' '.join(message.split())}", file=sys.stderr)
    return code


def note(message: str) -> None:
    print(message, file=sys.stderr)


class Unknown(ValueError):
    pass


def existing_db(option: str | None) -> Path:
    """The database path; raises Unknown if there is no database there yet."""
    from eternaut_reader.core.paths import resolve_db_path

    db = resolve_db_path(option)
    if not db.exists():
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
        matches = [i for i in ids if i.startswith(query)] or [
            i for i, t in titles.items() if t.casefold() == query.casefold()
        ]
        if len(matches) == 1:
            found.append(matches[0])
        elif matches:
            several = ", ".join(matches)
            raise Unknown(f"--article {query!r} matches {len(matches)} articles: {several}")
        else:
            raise Unknown(f"--article {query!r} matches no article (ids: {', '.join(ids)})")
    return found
