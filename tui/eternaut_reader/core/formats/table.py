"""CSV for spreadsheets: RFC 4180 (the csv module's defaults: CRLF rows, quoting as needed), UTF-8.

One row per annotation. Columns, in order:

    id, article id, article title, tag, quote, note, links, linked from, annotator, created,
    start, end, orphan, summary, review, evidence

`id` and `article id` are the annotation's and its article's ids, as in every other format,
so rows can be joined back to them. `tag` is empty for an open claim (highlighted, no verdict
yet). `links` holds the links this annotation made, one line each: `supports: “quote”
(article title)`; `linked from` the links other annotations made to it, one line each:
`supported by: “their quote” (their article's title)` (or `contradicted by: …`), so each
link shows at both ends and says which end made it. `start`/`end` are the code-point offsets
recorded with the annotation. `orphan` is true, false or unknown (the article is not in the
corpus). `summary`, `review` and `evidence` are the claim record, on the row of the annotation
that holds it (its claim's lead): the evidence one item a line, `title <url> “quote” — note`.

`export(..., bom=True)` (`export --bom`) starts the file with a UTF-8 byte-order mark, which
Excel needs to read UTF-8; without it, the file is plain UTF-8.

Formula injection (OWASP "CSV Injection"): a text cell that begins with = + - @, a tab or a
carriage return — or with their full-width forms, or with spaces before = + - @ — gets a
leading apostrophe, so a spreadsheet shows it as text instead of running it. Reading the file
back with the csv module gives the cell with that apostrophe in front.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from typing import TextIO

from eternaut_reader.core.formats.base import ExportSet, Item, passive

__all__ = ["COLUMNS", "backlink_lines", "evidence_lines", "guard", "link_lines", "write_csv"]

COLUMNS = (
    "id",
    "article id",
    "article title",
    "tag",
    "quote",
    "note",
    "links",
    "linked from",
    "annotator",
    "created",
    "start",
    "end",
    "orphan",
    "summary",
    "review",
    "evidence",
)

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
_AFTER_SPACES = ("=", "+", "-", "@")
QUOTE_EXCERPT = 80


def guard(cell: str) -> str:
    """The cell as a spreadsheet will show it, never as a formula."""
    if cell.startswith(_TRIGGERS) or cell.lstrip(" ").startswith(_AFTER_SPACES):
        return "'" + cell
    return cell


def excerpt(text: str, limit: int = QUOTE_EXCERPT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def link_lines(item: Item, data: ExportSet) -> list[str]:
    lines = []
    for link in item.annotation.links:
        target = data.target(link)
        if target is None:
            lines.append(f"{link.relation}: {link.target} (not in the store)")
        else:
            quote = excerpt(target.quote)
            lines.append(f"{link.relation}: “{quote}” ({data.title(target.article_id)})")
    return lines


def backlink_lines(item: Item, data: ExportSet) -> list[str]:
    """The links other annotations made to this one: `supported by: “their quote” (title)`."""
    return [
        f"{passive(b.relation)}: “{excerpt(b.source.quote)}” ({data.title(b.source.article_id)})"
        for b in data.linked_from(item.annotation.id)
    ]


def evidence_lines(item: Item) -> list[str]:
    """The claim record's evidence, one line each: `title <url> “quote” — note`."""
    lines = []
    for ev in item.annotation.evidence:
        parts = [p for p in (ev.title, f"<{ev.url}>" if ev.url else "") if p]
        if ev.quote:
            parts.append(f"“{excerpt(ev.quote, 200)}”")
        line = " ".join(parts)
        lines.append(f"{line} — {ev.note}" if ev.note else line)
    return lines


def _orphan(value: bool | None) -> str:
    return "unknown" if value is None else "true" if value else "false"


def write_csv(data: ExportSet, out: TextIO, tick: Callable[[], None]) -> None:
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for item in data.items:
        ann = item.annotation
        writer.writerow(
            (
                guard(ann.id),
                guard(ann.article_id),
                guard(item.title),
                ann.tag or "",  # empty for an open claim (no verdict yet)
                guard(ann.quote),
                guard(ann.note),
                guard("\n".join(link_lines(item, data))),
                guard("\n".join(backlink_lines(item, data))),
                guard(ann.annotator),
                guard(ann.created),
                ann.start,
                ann.end,
                _orphan(item.orphan),
                guard(ann.summary),
                guard(ann.review),
                guard("\n".join(evidence_lines(item))),
            )
        )
        tick()
