"""What the store knows about articles besides their claims: where each came from, and the
metadata the user corrected.

One small JSON file beside the annotation database (`<db>.articles.json`), keyed by article
id, written atomically under a file lock:

    {"version": 1, "articles": {"decrypt-report": {
        "source": "/home/ana/reports/decrypt-report.html",   # a path or a URL
        "title": "Netflix Uses Generative AI …",             # as last seen, to name it
        "edits": {"outlet": "Decrypt", "author": null}}}}    # the user's corrections

The source lets the reader open an article that has claims but is not in the corpus; the
edits are applied whenever the corpus loads (so exports use them) and never written into
the article's file. A missing or unreadable file means nothing is known, never an error.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from eternaut_reader.core.storage.atomic import write_atomic

if TYPE_CHECKING:
    from eternaut_reader.core.text.corpus import Article

__all__ = [
    "EDITABLE",
    "ArticleRecord",
    "apply_edits",
    "edit_article",
    "load_records",
    "records_path",
    "remember_sources",
]

# The metadata the user can correct, in the order the dialog shows them.
EDITABLE = ("title", "outlet", "author", "url", "date", "language")
_VERSION = 1


@dataclass(frozen=True)
class ArticleRecord:
    article_id: str
    source: str | None = None
    title: str | None = None
    edits: dict[str, str | None] = field(default_factory=dict)


def records_path(db: str | Path | None = None) -> Path:
    """The articles file beside the database given (or the default one)."""
    from eternaut_reader.core.storage.paths import resolve_db_path

    path = resolve_db_path(db)
    return path.with_name(path.name + ".articles.json")


def _read(path: Path) -> dict[str, dict[str, object]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    articles = data.get("articles") if isinstance(data, dict) else None
    if not isinstance(articles, dict):
        return {}
    return {k: v for k, v in articles.items() if isinstance(k, str) and isinstance(v, dict)}


def load_records(path: Path) -> dict[str, ArticleRecord]:
    records = {}
    for article_id, raw in _read(path).items():
        source, title, edits = raw.get("source"), raw.get("title"), raw.get("edits")
        records[article_id] = ArticleRecord(
            article_id,
            source if isinstance(source, str) else None,
            title if isinstance(title, str) else None,
            {
                k: v
                for k, v in (edits.items() if isinstance(edits, dict) else ())
                if k in EDITABLE and (v is None or isinstance(v, str))
            },
        )
    return records


def _update(path: Path, change: Mapping[str, Mapping[str, object]]) -> None:
    """Merge {article id: {key: value}} into the file, under its lock."""
    from filelock import FileLock

    path.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(path) + ".lock", timeout=10):
        articles = _read(path)
        changed = False
        for article_id, values in change.items():
            entry = articles.setdefault(article_id, {})
            for key, value in values.items():
                if entry.get(key) != value:
                    entry[key] = value
                    changed = True
        if not changed:
            return
        text = json.dumps(
            {"version": _VERSION, "articles": dict(sorted(articles.items()))},
            ensure_ascii=False,
            indent=1,
        )
        write_atomic(path, [(text + "\n").encode("utf-8")])


def remember_sources(path: Path, articles: Iterable[Article]) -> None:
    """Note where each article came from and what it is called (bundled seeds need no
    source: they are always at hand). Raises OSError when the file cannot be written."""
    change: dict[str, dict[str, object]] = {}
    for article in articles:
        if article.source is None:
            continue
        change[article.id] = {"source": article.source, "title": article.title}
    if change:
        _update(path, change)


_LANGUAGE = re.compile(r"[a-z]{2}")


def edit_problem(name: str, value: str | None) -> str | None:
    """Why a corrected detail cannot be kept, in one line, or None: a date the exports would
    publish as schema.org's datePublished must be a date, a language sets the sentence rules,
    and a URL is linked to from the report."""
    if not value:
        return None  # emptied: "not known"
    if name == "date":
        try:  # a day, or a day and a time ("2025-07-18T09:30:00+02:00")
            dt.date.fromisoformat(value[:10])
            dt.datetime.fromisoformat(value)
        except ValueError:
            return f"Date: {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-07-18"
    elif name == "language" and not _LANGUAGE.fullmatch(value.lower()):
        return f"Language: {value!r} is not a two-letter language code (en, it, fr, de…)"
    elif name == "url":
        from eternaut_reader.core.annotations.record import web_url_problem

        problem = web_url_problem(value)
        if problem:
            return f"URL: {value!r} {problem}"
    return None


def edit_article(path: Path, article: Article, values: Mapping[str, str | None]) -> None:
    """Store the user's metadata for an article (every editable field given is kept, None
    meaning "not known"), and apply it to the article. Raises OSError."""
    edits = {k: v for k, v in values.items() if k in EDITABLE}
    known = _read(path).get(article.id, {}).get("edits")
    merged = {**(known if isinstance(known, dict) else {}), **edits}
    _update(path, {article.id: {"edits": merged}})
    _apply(article, edits)


def apply_edits(articles: Iterable[Article], records: Mapping[str, ArticleRecord]) -> None:
    for article in articles:
        record = records.get(article.id)
        if record is not None and record.edits:
            _apply(article, record.edits)


def _apply(article: Article, edits: Mapping[str, str | None]) -> None:
    for key, value in edits.items():
        value = value.strip() if isinstance(value, str) else None
        if key == "title":
            if value:
                article.title = value
        elif key == "language":
            if value and value.lower() != article.language:
                article.set_language(value.lower())
        elif key in EDITABLE:
            setattr(article, key, value or None)
