"""Reading annotations back: our JSON / JSON Lines exports and W3C Web Annotation files.

Every file is read and checked completely before anything is written (read_files), so a bad
file changes nothing; its error names the file and says what is wrong in one line. Then
import_files hands all the annotations to AnnotationStore.merge, whose rules are:

- keyed by annotation id: an annotation already stored exactly so is left alone, so importing
  the same file twice adds nothing;
- the same id by the same annotator with different content: the later `modified` wins (ours
  on a tie);
- the same id by another annotator: theirs is kept beside ours under an id derived from
  theirs (store.beside_id), never over ours.

What is read:

- our JSON ({"format": "eternaut-reader", "annotations": [...]}, or a bare array of records)
  and JSON Lines (one record a line): the stored fields of each record (see
  export/native.py); the fields the export adds (article_title, orphan, ...) are ignored.
- W3C: an AnnotationCollection with embedded pages, an AnnotationPage, one Annotation, an
  array of them, or one a line. The verdict is the `tagging` body whose value is one of our
  tags; the note is the `commenting` bodies (or bodyValue); links are `linking` bodies with an
  eternaut:relation. The target needs a TextQuoteSelector; without a TextPositionSelector the
  span is recorded as 0..len(exact) and re-anchored by the quote. A missing creator is
  "unknown"; a missing modified is the created time.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from eternaut_reader.core.export.native import FORMAT_NAME, FORMAT_VERSION
from eternaut_reader.core.export.w3c import NS, PREFIX, annotation_id, article_id
from eternaut_reader.core.model import RELATIONS, SCHEMA_VERSION, TAGS, Annotation, Link
from eternaut_reader.core.store import AnnotationStore, MergeResult

__all__ = [
    "ImportFileError",
    "ImportReport",
    "ParsedFile",
    "import_files",
    "parse",
    "read_file",
    "read_files",
]


class ImportFileError(Exception):
    """A file that cannot be imported; str() is one line that names it."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class _Bad(ValueError):
    """What is wrong with one record; the caller adds the file and where."""


@dataclass(frozen=True, slots=True)
class ParsedFile:
    path: Path
    format: str  # "json", "jsonl" or "w3c"
    annotations: list[Annotation]


@dataclass(frozen=True, slots=True)
class ImportReport:
    files: list[ParsedFile]
    result: MergeResult

    @property
    def count(self) -> int:
        return sum(len(f.annotations) for f in self.files)


# ---- reading files --------------------------------------------------------------------------


def read_file(path: str | Path) -> ParsedFile:
    """Parse one file completely; raises ImportFileError naming it."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ImportFileError(path, "no such file") from None
    except IsADirectoryError:
        raise ImportFileError(path, "is a folder, not a file") from None
    except OSError as exc:
        raise ImportFileError(path, f"cannot read it: {exc.strerror or exc}") from None
    try:
        fmt, annotations = parse(raw)
    except _Bad as exc:
        raise ImportFileError(path, str(exc)) from None
    return ParsedFile(path, fmt, annotations)


def read_files(paths: Iterable[str | Path]) -> list[ParsedFile]:
    """Every file parsed, or ImportFileError for the first bad one (nothing is written)."""
    return [read_file(p) for p in paths]


def import_files(
    store: AnnotationStore, paths: Iterable[str | Path], *, dry_run: bool = False
) -> ImportReport:
    """Read every file, then merge all their annotations into the store and save (flush)."""
    files = read_files(paths)
    result = store.merge((a for f in files for a in f.annotations), dry_run=dry_run)
    if not dry_run:
        store.flush()
    return ImportReport(files, result)


# ---- parsing --------------------------------------------------------------------------------


def parse(raw: bytes) -> tuple[str, list[Annotation]]:
    """The format and the annotations of a file's bytes; raises _Bad (a ValueError)."""
    if not raw.strip():
        raise _Bad("the file is empty")
    if b"\x00" in raw[:8192]:
        raise _Bad("a binary file, not JSON")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _Bad(f"not UTF-8 text (byte {raw[exc.start]:#04x} at offset {exc.start})") from None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg != "Extra data":
            raise _Bad(f"not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
        return _parse_lines(text)
    except RecursionError:
        raise _Bad("not an annotation file (JSON nested too deeply)") from None
    return _parse_document(doc)


def _parse_lines(text: str) -> tuple[str, list[Annotation]]:
    annotations, formats = [], set()
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise _Bad(f"line {n}: not JSON ({exc.msg}, column {exc.colno})") from None
        try:
            fmt, ann = _record(record)
        except _Bad as exc:
            raise _Bad(f"line {n}: {exc}") from None
        formats.add(fmt)
        annotations.append(ann)
    return ("w3c" if formats == {"w3c"} else "jsonl"), annotations


def _types(obj: Mapping[str, Any]) -> set[str]:
    value = obj.get("type", obj.get("@type"))
    values = value if isinstance(value, list) else [value]
    return {v for v in values if isinstance(v, str)}


def _parse_document(doc: Any) -> tuple[str, list[Annotation]]:
    if isinstance(doc, list):
        parsed = [_numbered(n, record, _record) for n, record in enumerate(doc, 1)]
        fmt = "w3c" if parsed and all(f == "w3c" for f, _ in parsed) else "json"
        return fmt, [a for _, a in parsed]
    if not isinstance(doc, dict):
        raise _Bad(f"not an annotation file (the JSON is {_kind(doc)}, not an object)")
    if doc.get("format") == FORMAT_NAME:
        version = doc.get("version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise _Bad('"version" must be a whole number')
        if version > FORMAT_VERSION:
            raise _Bad(f"written by a newer eternaut-reader (format version {version})")
        records = doc.get("annotations")
        if not isinstance(records, list):
            raise _Bad('"annotations" must be an array')
        return "json", [_numbered(n, r, _ours_checked)[1] for n, r in enumerate(records, 1)]
    types = _types(doc)
    if types & {"AnnotationCollection", "AnnotationPage", "Annotation"}:
        return "w3c", [_numbered(n, r, _record)[1] for n, r in enumerate(_w3c_items(doc), 1)]
    if "article_id" in doc and "quote" in doc:
        return "json", [_ours(doc)]
    keys = ", ".join(sorted(map(str, doc))[:6]) or "none"
    raise _Bad(
        "not an eternaut-reader export or a W3C Web Annotation file "
        f"(a JSON object with keys: {keys})"
    )


def _numbered(
    n: int, record: Any, parse_one: Callable[[Any], tuple[str, Annotation]]
) -> tuple[str, Annotation]:
    try:
        return parse_one(record)
    except _Bad as exc:
        ident = record.get("id") if isinstance(record, dict) else None
        where = f"annotation {n}" + (f" ({ident})" if isinstance(ident, str) and ident else "")
        raise _Bad(f"{where}: {exc}") from None


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "true/false", int: "a number", float: "a number", str: "a string"}.get(
        type(value), "an array" if isinstance(value, list) else "an object"
    )


def _record(record: Any) -> tuple[str, Annotation]:
    if not isinstance(record, dict):
        raise _Bad(f"expected an object, found {_kind(record)}")
    if "Annotation" in _types(record):
        return "w3c", _w3c(record)
    return "json", _ours(record)


def _ours_checked(record: Any) -> tuple[str, Annotation]:
    if not isinstance(record, dict):
        raise _Bad(f"expected an object, found {_kind(record)}")
    return "json", _ours(record)


# ---- field checks ---------------------------------------------------------------------------


def _string(obj: Mapping[str, Any], key: str, *, required: bool = False, default: str = "") -> str:
    if key not in obj or obj[key] is None:
        if required:
            raise _Bad(f'missing "{key}"')
        return default
    value = obj[key]
    if not isinstance(value, str):
        raise _Bad(f'"{key}" must be a string, not {_kind(value)}')
    if required and not value:
        raise _Bad(f'"{key}" is empty')
    return value


def _integer(obj: Mapping[str, Any], key: str) -> int:
    if key not in obj:
        raise _Bad(f'missing "{key}"')
    value = obj[key]
    if not isinstance(value, int) or isinstance(value, bool):
        raise _Bad(f'"{key}" must be a whole number, not {_kind(value)}')
    return value


def _span(start: int, end: int) -> None:
    if not 0 <= start < end:
        raise _Bad(f"start {start} and end {end} are not a span (0 <= start < end)")


def _tag(value: Any) -> str:
    if value not in TAGS:
        raise _Bad(f"tag {value!r} is not one of {', '.join(TAGS)}")
    return str(value)


def _stamp(obj: Mapping[str, Any], key: str, default: str = "") -> str:
    value = _string(obj, key, default=default)
    if value:
        try:
            datetime.fromisoformat(value)
        except ValueError:
            raise _Bad(f'"{key}" is not an ISO 8601 date and time: {value!r}') from None
    return value


def _link(obj: Any) -> Link:
    if not isinstance(obj, dict):
        raise _Bad(f"a link must be an object, not {_kind(obj)}")
    relation = _string(obj, "relation", required=True)
    if relation not in RELATIONS:
        raise _Bad(f"link relation {relation!r} is not one of {', '.join(RELATIONS)}")
    target = _string(obj, "target", required=True)
    linked = obj.get("article_id")
    if linked is not None and not isinstance(linked, str):
        raise _Bad(f'a link\'s "article_id" must be a string, not {_kind(linked)}')
    return Link(target, relation, linked)


# ---- our records ----------------------------------------------------------------------------


def _ours(obj: Mapping[str, Any]) -> Annotation:
    schema = obj.get("schema", SCHEMA_VERSION)
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise _Bad('"schema" must be a whole number from 1')
    if schema > SCHEMA_VERSION:
        raise _Bad(f"written by a newer eternaut-reader (schema {schema})")
    links = obj.get("links", [])
    if not isinstance(links, list):
        raise _Bad(f'"links" must be an array, not {_kind(links)}')
    start, end = _integer(obj, "start"), _integer(obj, "end")
    _span(start, end)
    return Annotation(
        id=_string(obj, "id", required=True),
        article_id=_string(obj, "article_id", required=True),
        quote=_string(obj, "quote", required=True),
        prefix=_string(obj, "prefix"),
        suffix=_string(obj, "suffix"),
        start=start,
        end=end,
        tag=_tag(obj.get("tag")),
        note=_string(obj, "note"),
        annotator=_string(obj, "annotator"),
        created=_stamp(obj, "created"),
        modified=_stamp(obj, "modified"),
        content_hash=_string(obj, "content_hash"),
        links=tuple(_link(link) for link in links),
        schema=SCHEMA_VERSION,
    )


# ---- W3C Web Annotation ---------------------------------------------------------------------


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _w3c_items(doc: Mapping[str, Any]) -> Iterator[Any]:
    types = _types(doc)
    if "Annotation" in types:
        yield doc
        return
    if "AnnotationPage" in types:
        items = doc.get("items")
        if not isinstance(items, list):
            raise _Bad('the AnnotationPage has no "items" array')
        yield from items
        return
    page = doc.get("first")
    if page is None:
        return  # an empty collection
    while page is not None:
        if not isinstance(page, dict):
            raise _Bad("the collection's pages are not embedded (only embedded pages are read)")
        yield from _w3c_items({**page, "type": "AnnotationPage"})
        page = page.get("next")


def _ns(obj: Mapping[str, Any], name: str) -> Any:
    return obj.get(f"{PREFIX}:{name}", obj.get(NS + name))


def _creator(value: Any) -> str:
    first = _as_list(value)[:1]
    if not first:
        return "unknown"
    agent = first[0]
    if isinstance(agent, str):
        return agent
    if isinstance(agent, dict):
        for key in ("nickname", "name", "id"):
            name = _as_list(agent.get(key))[:1]
            if name and isinstance(name[0], str) and name[0]:
                return name[0]
    raise _Bad("creator is neither a name nor an agent with a nickname, name or id")


def _selectors(target: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any] | None]:
    quote = position = None
    for sel in _as_list(target.get("selector")):
        if not isinstance(sel, dict):
            continue
        kinds = _types(sel)
        if "TextQuoteSelector" in kinds and quote is None:
            quote = sel
        elif "TextPositionSelector" in kinds and position is None:
            position = sel
    if quote is None:
        raise _Bad("the target has no TextQuoteSelector")
    return quote, position


def _target(obj: Mapping[str, Any]) -> dict[str, Any]:
    targets = [t for t in _as_list(obj.get("target")) if isinstance(t, dict)]
    if not targets:
        raise _Bad("no target with selectors (a target that is only an IRI has no quote)")
    if len(targets) > 1:
        raise _Bad(f"{len(targets)} targets; one quoted span per annotation is read")
    return targets[0]


def _bodies(obj: Mapping[str, Any]) -> tuple[str, str, tuple[Link, ...]]:
    tags: list[str] = []
    notes: list[str] = []
    links: list[Link] = []
    if isinstance(obj.get("bodyValue"), str):
        notes.append(obj["bodyValue"])
    for body in _as_list(obj.get("body")):
        if not isinstance(body, dict):
            continue  # an IRI body says nothing we keep
        purposes = {p for p in _as_list(body.get("purpose")) if isinstance(p, str)}
        value = body.get("value")
        if "tagging" in purposes and value in TAGS:
            tags.append(value)
        elif "linking" in purposes:
            relation = _ns(body, "relation")
            if relation is None:
                continue  # a link to something else than one of our annotations
            if relation not in RELATIONS:
                raise _Bad(f"link relation {relation!r} is not one of {', '.join(RELATIONS)}")
            source = body.get("source")
            source = source.get("id") if isinstance(source, dict) else source
            if not isinstance(source, str) or not source:
                raise _Bad("a linking body has no source")
            linked = _ns(body, "article")
            links.append(Link(annotation_id(source), relation, linked if linked else None))
        elif isinstance(value, str) and (not purposes or "commenting" in purposes):
            notes.append(value)
    found = list(dict.fromkeys(tags))
    if not found:
        raise _Bad(f"no tagging body whose value is one of {', '.join(TAGS)}")
    if len(found) > 1:
        raise _Bad(f"more than one verdict ({', '.join(found)})")
    return found[0], "\n\n".join(notes), tuple(links)


def _w3c(obj: Mapping[str, Any]) -> Annotation:
    ident = obj.get("id")
    if not isinstance(ident, str) or not ident:
        raise _Bad('missing "id" (an annotation needs one to be merged)')
    target = _target(obj)
    source = target.get("source")
    source = source.get("id") if isinstance(source, dict) else source
    if not isinstance(source, str) or not source:
        raise _Bad("the target has no source")
    quote_sel, position = _selectors(target)
    quote = _string(quote_sel, "exact", required=True)
    if position is None:
        start, end = 0, len(quote)
    else:
        start, end = _integer(position, "start"), _integer(position, "end")
        _span(start, end)
    tag, note, links = _bodies(obj)
    created = _stamp(obj, "created")
    content_hash = _ns(target, "contentHash")
    return Annotation(
        id=annotation_id(ident),
        article_id=article_id(source),
        quote=quote,
        prefix=_string(quote_sel, "prefix"),
        suffix=_string(quote_sel, "suffix"),
        start=start,
        end=end,
        tag=tag,
        note=note,
        annotator=_creator(obj.get("creator")),
        created=created,
        modified=_stamp(obj, "modified", default=created),
        content_hash=content_hash if isinstance(content_hash, str) else "",
        links=links,
    )
