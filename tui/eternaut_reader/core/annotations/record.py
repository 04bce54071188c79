"""The one validator of the annotation record, wherever a record comes from.

    read_record(obj)                 a record from someone else's file (an import): strict
    read_record(obj, stored=True)    a record of the store's own database: old records migrated
    check_annotation(ann)            an Annotation built in code or by a format's reader
                                     (w3c.read_w3c; store.merge without quote_span)

The rules, in both modes:

- id, article_id and quote are non-empty strings; prefix, suffix, note, annotator, created,
  modified and content_hash are strings (missing means "");
- start and end are whole numbers with 0 <= start < end;
- tag is one of TAGS, or null for an open claim (highlighted, no verdict yet);
- links is an array of {"target", "relation", "article_id"?}, relation one of RELATIONS;
- summary and review are strings; evidence (optional) is an array of {"url", "title",
  "quote", "note"}, all strings, with a url or a title, the url an http(s) URL;
- schema is a whole number no newer than SCHEMA_VERSION.

The "tag" key must be there: null says "open", a missing key says nothing. A strict read
also wants: end - start == len(quote), created and modified in ISO 8601, schema from 1, and
every field within the `limits` given (the importer's). A stored read migrates instead: a
record without a schema (schema 0, written by TinyDB before we stamped records) gets the
defaults of the fields it lacks; it does not parse the dates (the store wrote them).

Every problem raises BadRecord (a ValueError) with one line that says what is wrong; the
caller adds where (the file and the record, or the database key).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, Protocol

from eternaut_reader.core.annotations.model import (
    SCHEMA_VERSION,
    Annotation,
    Evidence,
    Link,
    check_relation,
    check_tag,
)
from eternaut_reader.core.annotations.tags import RELATIONS, TAGS

__all__ = [
    "BadRecord",
    "RecordLimits",
    "check_annotation",
    "check_evidence",
    "check_relation_value",
    "check_tag_value",
    "integer",
    "kind",
    "read_evidence",
    "read_link",
    "read_record",
    "shorten",
    "shown",
    "span",
    "stamp",
    "string",
    "within",
    "within_links",
]


class BadRecord(ValueError):
    """What is wrong with one record, in one line; the caller adds the file and where."""


# The most a record may hold, wherever it is made: the reader's forms and store.update keep
# to these, so that whatever one person saves, another can import (formats.importer reads
# files within the same bounds, or tighter ones a test sets).
MAX_TEXT_CHARS = 1024 * 1024  # a quote, note, summary, review, evidence title, quote or note
MAX_URL_CHARS = 2048  # an article id or an evidence URL
MAX_EVIDENCE = 1000  # evidence items on one record


def check_text(name: str, value: str) -> str:
    """`value`, when it is within MAX_TEXT_CHARS; raises BadRecord saying which field is not."""
    within(name, value, MAX_TEXT_CHARS)
    return value


class RecordLimits(Protocol):
    """The bounds of a record read from someone else's file (formats.importer.Limits)."""

    @property
    def text_chars(self) -> int: ...
    @property
    def context_chars(self) -> int: ...
    @property
    def name_chars(self) -> int: ...
    @property
    def article_id_chars(self) -> int: ...
    @property
    def links(self) -> int: ...
    @property
    def evidence(self) -> int: ...
    @property
    def offset(self) -> int: ...


def _same(text: str) -> str:
    return text


# ---- reading a record -----------------------------------------------------------------------


def read_record(
    obj: object,
    *,
    stored: bool = False,
    limits: RecordLimits | None = None,
    share: Callable[[str], str] = _same,
) -> Annotation:
    """The Annotation a record (a JSON object) holds; raises BadRecord.

    stored=True reads the store's own database (migrating old records); otherwise the record
    is read strictly, as for an import, within `limits` when given. `share` may map equal
    strings that records repeat (article ids, annotators) to one object.
    """
    if stored and type(obj) is dict:
        fast = _stored_as_written(obj, share)
        if fast is not None:
            return fast
    if not isinstance(obj, Mapping):
        raise BadRecord(f"expected an object, found {kind(obj)}")
    schema = _schema(obj, stored)
    if stored and schema == 0:
        obj = _migrate_v0(obj)
    links = obj.get("links", [])
    if links is None and stored:
        links = []
    if not isinstance(links, list):
        raise BadRecord(f'"links" must be an array, not {kind(links)}')
    if limits is not None:
        within_links(len(links), limits.links)
    evidence = obj.get("evidence")
    if evidence is None:
        evidence = []
    if not isinstance(evidence, list):
        raise BadRecord(f'"evidence" must be an array, not {kind(evidence)}')
    if limits is not None and len(evidence) > limits.evidence:
        raise BadRecord(f"{len(evidence):,} evidence items, over the limit of {limits.evidence:,}")
    start, end = integer(obj, "start"), integer(obj, "end")
    if stored:
        created, modified = string(obj, "created"), string(obj, "modified")
    else:
        name_chars = None if limits is None else limits.name_chars
        created, modified = stamp(obj, "created", name_chars), stamp(obj, "modified", name_chars)
    ident = string(obj, "id", required=True)
    article_id = string(obj, "article_id", required=True)
    quote = string(obj, "quote", required=True)
    prefix, suffix = string(obj, "prefix"), string(obj, "suffix")
    if "tag" not in obj:
        raise BadRecord('missing "tag" (null for an open claim)')
    tag = check_tag_value(obj["tag"])
    ann = Annotation(
        id=ident,
        article_id=share(article_id),
        quote=quote,
        prefix=prefix,
        suffix=suffix,
        start=start,
        end=end,
        tag=None if tag is None else share(tag),
        note=string(obj, "note"),
        annotator=share(string(obj, "annotator")),
        created=created,
        # Most annotations were never edited: one string for both times.
        modified=created if modified == created else modified,
        content_hash=share(string(obj, "content_hash")),
        links=tuple(read_link(link, share) for link in links),
        schema=SCHEMA_VERSION,
        summary=string(obj, "summary"),
        review=string(obj, "review"),
        evidence=tuple(read_evidence(item) for item in evidence),
    )
    # Its fields were checked as they were read: what is left is what needs them all.
    _finish(ann, limits, quote_span=not stored)
    return ann


def _stored_as_written(obj: dict[str, Any], share: Callable[[str], str]) -> Annotation | None:
    """A record the store wrote itself, current schema and no links, read in one pass.

    Opening 100,000 claims spends most of its time checking fields one call at a time; a
    record in exactly the shape the store writes needs only these type checks, written out
    one by one (no generator, no helper call: this runs 100,000 times at start-up). None sends
    anything else (old schemas, links, a wrong type, a bad span) through the full reading,
    which says what is wrong.
    """
    try:
        links = obj.get("links")
        if (
            obj["schema"] != SCHEMA_VERSION
            or (links is not None and (links or type(links) is not list))
            or "review" in obj
            or "evidence" in obj
        ):
            return None
        ident, article_id, quote = obj["id"], obj["article_id"], obj["quote"]
        prefix, suffix, note = obj["prefix"], obj["suffix"], obj["note"]
        annotator, created = obj["annotator"], obj["created"]
        start, end, tag = obj["start"], obj["end"], obj["tag"]
    except (KeyError, TypeError):
        return None
    get = obj.get
    modified, content_hash, summary = (
        get("modified", ""),
        get("content_hash", ""),
        get("summary", ""),
    )
    if not (
        type(ident) is str
        and type(article_id) is str
        and type(quote) is str
        and ident
        and article_id
        and quote
        and type(prefix) is str
        and type(suffix) is str
        and type(note) is str
        and type(annotator) is str
        and type(created) is str
        and type(modified) is str
        and type(content_hash) is str
        and type(summary) is str
        and type(start) is int
        and type(end) is int
        and 0 <= start < end
        and (tag is None or tag in TAGS)
    ):
        return None
    # Positional, in the order of Annotation's fields (a fifth quicker than by keyword, for
    # 100,000 records; tests/test_record.py checks that both readings agree).
    return Annotation(
        ident,
        share(article_id),
        quote,
        prefix,
        suffix,
        start,
        end,
        None if tag is None else share(tag),
        note,
        share(annotator),
        created,
        created if modified == created else modified,
        share(content_hash),
        (),
        SCHEMA_VERSION,
        summary,
    )


def _schema(obj: Mapping[str, Any], stored: bool) -> int:
    schema = obj.get("schema", 0 if stored else SCHEMA_VERSION)
    lowest = 0 if stored else 1
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < lowest:
        raise BadRecord(f'"schema" must be a whole number from {lowest}')
    if schema > SCHEMA_VERSION:
        raise BadRecord(f"written by a newer eternaut-reader (schema {schema})")
    return schema


def _migrate_v0(obj: Mapping[str, Any]) -> dict[str, Any]:
    """A schema 0 record (before records were stamped): every optional field it lacks, with
    its default; an absent `modified` is the created time."""
    record = dict(obj)
    for key in ("prefix", "suffix", "note", "annotator", "created", "content_hash"):
        if record.get(key) is None:
            record[key] = ""
    if record.get("modified") is None:
        record["modified"] = record["created"]
    if record.get("links") is None:
        record["links"] = []
    record["schema"] = SCHEMA_VERSION
    return record


def read_evidence(obj: object) -> Evidence:
    """An Evidence item from {"url", "title", "quote", "note"}; raises BadRecord."""
    if not isinstance(obj, Mapping):
        raise BadRecord(f"an evidence item must be an object, not {kind(obj)}")
    return check_evidence(
        Evidence(
            url=string(obj, "url").strip(),
            title=string(obj, "title"),
            quote=string(obj, "quote"),
            note=string(obj, "note"),
        )
    )


def check_evidence(item: Evidence) -> Evidence:
    """The item, once it has a URL or a title and its URL (if any) is http or https.

    Only web URLs are kept: a report links to them and the reader copies them, so a
    `javascript:` or `file:` URL must never get that far.
    """
    for name in ("url", "title", "quote", "note"):
        if not isinstance(getattr(item, name), str):
            raise BadRecord(f'an evidence item\'s "{name}" must be a string')
    if not (item.url or item.title.strip()):
        raise BadRecord("an evidence item needs a URL or a title")
    problem = web_url_problem(item.url) if item.url else None
    if problem:
        raise BadRecord(f"evidence URL {shown(item.url)} {problem}")
    within("the URL", item.url, MAX_URL_CHARS)
    for name in ("title", "quote", "note"):
        within(f"the {name}", getattr(item, name), MAX_TEXT_CHARS)
    return item


def is_web_url(url: str) -> bool:
    """An absolute http(s) URL with a host and no whitespace or control characters."""
    return web_url_problem(url) is None


def web_url_problem(url: str) -> str | None:
    """Why a URL is no web URL ("holds a space", "is not an http or https URL"), or None."""
    from urllib.parse import urlsplit

    if any(ch.isspace() for ch in url):
        return "holds a space (write it as %20)"
    if any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in url):
        return "holds a control character"
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return "is not a valid URL"
    if parts.scheme.lower() not in ("http", "https"):
        return "is not an http or https URL"
    if not host:
        return "has no host name"
    return None


def read_link(obj: object, share: Callable[[str], str] = _same) -> Link:
    """A Link from {"target", "relation", "article_id"?}; raises BadRecord."""
    if not isinstance(obj, Mapping):
        raise BadRecord(f"a link must be an object, not {kind(obj)}")
    relation = check_relation_value(string(obj, "relation", required=True))
    target = string(obj, "target", required=True)
    linked = obj.get("article_id")
    if linked is not None and not isinstance(linked, str):
        raise BadRecord(f'a link\'s "article_id" must be a string, not {kind(linked)}')
    return Link(target, share(relation), None if linked is None else share(linked))


# ---- checking an annotation -----------------------------------------------------------------


def check_annotation(
    ann: object, *, limits: RecordLimits | None = None, quote_span: bool = True
) -> Annotation:
    """The annotation, once its fields are of the right kinds, its tag and relations known,
    its span sound (0 <= start < end; with quote_span, as long as its quote too) and it is
    within `limits`.

    Raises TypeError for something that is not an Annotation, else ValueError (BadRecord).
    """
    if not isinstance(ann, Annotation):
        raise TypeError(f"expected an Annotation, not {type(ann).__name__}")
    for name in ("id", "article_id", "quote"):
        value = getattr(ann, name)
        if not isinstance(value, str) or not value:
            raise BadRecord(f"annotation {ann.id!r} has no id, article, quote or span")
    for name in (
        "prefix",
        "suffix",
        "note",
        "summary",
        "review",
        "annotator",
        "created",
        "modified",
        "content_hash",
    ):
        if not isinstance(getattr(ann, name), str):
            raise BadRecord(f'"{name}" must be a string, not {kind(getattr(ann, name))}')
    for name in ("start", "end"):
        value = getattr(ann, name)
        if not isinstance(value, int) or isinstance(value, bool):
            raise BadRecord(f'"{name}" must be a whole number, not {kind(value)}')
    # Said as the store's API says it: a record's tag and relations were checked as it was read.
    check_tag(ann.tag)
    for link in ann.links:
        check_relation(link.relation)
    if not isinstance(ann.evidence, tuple):
        raise BadRecord(f'"evidence" must be a tuple, not {type(ann.evidence).__name__}')
    for item in ann.evidence:
        if not isinstance(item, Evidence):
            raise BadRecord(f"an evidence item must be an Evidence, not {type(item).__name__}")
        check_evidence(item)
    _finish(ann, limits, quote_span=quote_span)
    return ann


def _finish(ann: Annotation, limits: RecordLimits | None, *, quote_span: bool) -> None:
    if limits is not None:
        _within_limits(ann, limits)
    span(ann.start, ann.end, len(ann.quote) if quote_span else None, limits)


def _within_limits(ann: Annotation, limits: RecordLimits) -> None:
    fields: tuple[tuple[str, str, int], ...] = (
        ("id", ann.id, limits.name_chars),
        ("article id", ann.article_id, limits.article_id_chars),
        ("quote", ann.quote, limits.text_chars),
        ("prefix", ann.prefix, limits.context_chars),
        ("suffix", ann.suffix, limits.context_chars),
        ("note", ann.note, limits.text_chars),
        ("summary", ann.summary, limits.text_chars),
        ("review", ann.review, limits.text_chars),
        ("annotator", ann.annotator, limits.name_chars),
        ("created", ann.created, limits.name_chars),
        ("modified", ann.modified, limits.name_chars),
        ("content hash", ann.content_hash, limits.name_chars),
    )
    for name, value, limit in fields:
        within(name, value, limit)
    within_links(len(ann.links), limits.links)
    for link in ann.links:
        within("a link's target", link.target, limits.name_chars)
        within("a link's article id", link.article_id or "", limits.article_id_chars)
    if len(ann.evidence) > limits.evidence:
        raise BadRecord(
            f"{len(ann.evidence):,} evidence items, over the limit of {limits.evidence:,}"
        )
    for item in ann.evidence:
        within("an evidence URL", item.url, limits.article_id_chars)
        within("an evidence title", item.title, limits.text_chars)
        within("an evidence quote", item.quote, limits.text_chars)
        within("an evidence note", item.note, limits.text_chars)


# ---- one field ------------------------------------------------------------------------------


def check_tag_value(value: object) -> str | None:
    """A record's tag: one of TAGS, or None (an open claim)."""
    if value is None:
        return None
    if not isinstance(value, str) or value not in TAGS:
        raise BadRecord(
            f"tag {shown(value)} is not one of {', '.join(TAGS)} (or null, for an open claim)"
        )
    return value


def check_relation_value(value: object) -> str:
    if not isinstance(value, str) or value not in RELATIONS:
        raise BadRecord(f"link relation {shown(value)} is not one of {', '.join(RELATIONS)}")
    return value


def string(obj: Mapping[str, Any], key: str, *, required: bool = False, default: str = "") -> str:
    """obj[key], a string; missing or null is `default`, or an error when required."""
    value = obj.get(key)
    if isinstance(value, str):
        if required and not value:
            raise BadRecord(f'"{key}" is empty')
        return value
    if value is None:
        if required:
            raise BadRecord(f'missing "{key}"')
        return default
    raise BadRecord(f'"{key}" must be a string, not {kind(value)}')


def integer(obj: Mapping[str, Any], key: str) -> int:
    if key not in obj:
        raise BadRecord(f'missing "{key}"')
    value = obj[key]
    if not isinstance(value, int) or isinstance(value, bool):
        raise BadRecord(f'"{key}" must be a whole number, not {kind(value)}')
    return value


def stamp(
    obj: Mapping[str, Any], key: str, name_chars: int | None = None, default: str = ""
) -> str:
    """An ISO 8601 date and time (or ""), measured before it is parsed."""
    value = string(obj, key, default=default)
    if name_chars is not None:
        within(key, value, name_chars)
    if value:
        try:
            datetime.fromisoformat(value)
        except ValueError:
            raise BadRecord(f'"{key}" is not an ISO 8601 date and time: {shown(value)}') from None
    return value


def span(start: int, end: int, quoted: int | None, limits: RecordLimits | None = None) -> None:
    """0 <= start < end (within limits.offset), and end - start == quoted unless None."""
    if not 0 <= start < end:
        raise BadRecord(f"start {start} and end {end} are not a span (0 <= start < end)")
    if limits is not None and end > limits.offset:
        raise BadRecord(f"end {end:,} is over the limit of {limits.offset:,}")
    if quoted is not None and end - start != quoted:
        raise BadRecord(
            f"start {start:,} and end {end:,} span {end - start:,} characters, "
            f"but the quote has {quoted:,}"
        )


def within(name: str, value: str, limit: int) -> None:
    if len(value) > limit:
        raise BadRecord(f"{name} is {len(value):,} characters, over the limit of {limit:,}")


def within_links(count: int, limit: int) -> None:
    if count > limit:
        raise BadRecord(f"{count:,} links, over the limit of {limit:,}")


# ---- words for messages ---------------------------------------------------------------------


def shorten(text: str, most: int = 80) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


def shown(value: object) -> str:
    """A value for a message: a string quoted (and cut if long), anything else its kind."""
    if isinstance(value, str):
        return repr(shorten(value, 60))
    return kind(value)


def kind(value: object) -> str:
    if value is None:
        return "null"
    return {bool: "true/false", int: "a number", float: "a number", str: "a string"}.get(
        type(value), "an array" if isinstance(value, list) else "an object"
    )
