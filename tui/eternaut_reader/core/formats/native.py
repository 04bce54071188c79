"""Our own lossless format: JSON (one document) and JSON Lines (one annotation per line).

Each record is Annotation.to_dict() — every stored field, links included — plus what the
export knows about the article as loaded:

    article_title  the article's title (when it is not in the corpus: as last seen, else its id)
    article_hash   the content hash of the article's current text; null if not in the corpus
    orphan         true / false; null when the article is not in the corpus (unknown)
    anchor         {"start", "end", "method"} where the quote is now; null for orphans
    linked_from    only when other annotations link to this one: the links they made, as
                   [{"source": <their id>, "relation": "supports" | "contradicts",
                   "article_id": <their article>}], in the store's order. `links` holds the
                   links this annotation made; a link is stored on that end only.

An open claim (highlighted, no verdict yet) has "tag": null.

Reading (read_native, check_header) takes back the stored fields of each record, checked
strictly by the record validator (annotations/record.py); the fields the export adds
(article_title, orphan, linked_from, ...) are ignored. So importing an export reproduces the
store exactly, and importing it again adds nothing.
A document is {"format": "eternaut-reader", "version": 1, "annotations": [...]}, a bare array
of records, or one record; JSON Lines hold one record a line.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any, TextIO

from eternaut_reader.core.annotations.model import Annotation
from eternaut_reader.core.annotations.record import BadRecord, RecordLimits, read_record
from eternaut_reader.core.formats.base import ExportSet, Item, dumps_indented

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "check_header",
    "is_native",
    "is_record",
    "read_native",
    "record",
    "write_json",
    "write_jsonl",
]

FORMAT_NAME = "eternaut-reader"
FORMAT_VERSION = 1


def record(item: Item, data: ExportSet) -> dict[str, Any]:
    ann = item.annotation
    out = ann.to_dict()
    anchor = item.anchor
    out["article_title"] = item.title
    out["article_hash"] = data.article_hash(ann.article_id)
    out["orphan"] = item.orphan
    out["anchor"] = (
        None
        if anchor is None or anchor.orphan
        else {"start": anchor.start, "end": anchor.end, "method": anchor.method}
    )
    backlinks = data.linked_from(ann.id)
    if backlinks:
        out["linked_from"] = [b.to_dict() for b in backlinks]
    return out


def write_json(data: ExportSet, out: TextIO, tick: Callable[[], None]) -> None:
    head = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "generated": data.generated,
        "filters": data.filters,
        "count": len(data.items),
    }
    # The header's closing brace is replaced by the annotations array, written one record at
    # a time so that progress is reported and no second copy of the whole document is built.
    text = json.dumps(head, ensure_ascii=False, indent=2)
    out.write(text[:-2] + ',\n  "annotations": [')
    for n, item in enumerate(data.items):
        body = dumps_indented(record(item, data))
        out.write(("\n    " if n == 0 else ",\n    ") + body.replace("\n", "\n    "))
        tick()
    out.write("\n  ]\n}\n" if data.items else "]\n}\n")


def write_jsonl(data: ExportSet, out: TextIO, tick: Callable[[], None]) -> None:
    for item in data.items:
        out.write(json.dumps(record(item, data), ensure_ascii=False))
        out.write("\n")
        tick()


# ---- reading --------------------------------------------------------------------------------


def _same(text: str) -> str:
    return text


def is_native(doc: Mapping[str, Any]) -> bool:
    """Our JSON document: {"format": "eternaut-reader", ...}."""
    return doc.get("format") == FORMAT_NAME


def is_record(doc: Mapping[str, Any]) -> bool:
    """A document that is one of our records on its own."""
    return "article_id" in doc and "quote" in doc


def check_header(doc: Mapping[str, Any]) -> None:
    """Our document's format version and its "annotations" array; raises BadRecord."""
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise BadRecord('"version" must be a whole number')
    if version > FORMAT_VERSION:
        raise BadRecord(f"written by a newer eternaut-reader (format version {version})")
    if not isinstance(doc.get("annotations"), list):
        raise BadRecord('"annotations" must be an array')


def read_native(
    obj: object, *, limits: RecordLimits | None = None, share: Callable[[str], str] = _same
) -> Annotation:
    """One record of our JSON or JSON Lines, read strictly; raises BadRecord."""
    return read_record(obj, limits=limits, share=share)
