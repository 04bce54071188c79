"""What an annotation is, as stored: plain frozen dataclasses, their JSON form, and migrations.

Records are immutable so that the UI thread and the writer thread can share them without
copying, and so that an undo entry's "before" can never be changed behind its back.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any, Final, Literal

from eternaut_reader.core.annotations.tags import OPEN, RELATIONS, TAGS
from eternaut_reader.core.storage.database import NewerSchema

if TYPE_CHECKING:
    from eternaut_reader.core.annotations.anchor import Location

__all__ = [
    "KEEP",
    "OPEN",
    "RELATIONS",
    "SCHEMA_VERSION",
    "TAGS",
    "Anchored",
    "Annotation",
    "Evidence",
    "HistoryEntry",
    "Keep",
    "Link",
    "check_relation",
    "check_tag",
    "migrate",
    "now_iso",
]

SCHEMA_VERSION = 1


class _Unchanged(Enum):
    KEEP = "keep"


# update(tag=KEEP) leaves the tag as it is; update(tag=None) makes the claim open.
KEEP: Final = _Unchanged.KEEP
Keep = Literal[_Unchanged.KEEP]


def check_tag(tag: object) -> str | None:
    """A tag given to a claim: one of TAGS, or None for an open claim (no verdict yet)."""
    if tag is None:
        return None
    if not isinstance(tag, str) or tag not in TAGS:
        raise ValueError(
            f"unknown tag {tag!r}: expected one of {', '.join(TAGS)}, or None for an open claim"
        )
    return str(tag)


def check_relation(relation: object) -> str:
    if not isinstance(relation, str) or relation not in RELATIONS:
        raise ValueError(f"unknown relation {relation!r}: expected one of {', '.join(RELATIONS)}")
    return str(relation)


def now_iso() -> str:
    """ISO 8601 in UTC with a Z, to the millisecond."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True, slots=True)
class Link:
    target: str
    relation: str
    article_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"target": self.target, "relation": self.relation, "article_id": self.article_id}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Link:
        """Raises ValueError (record.BadRecord) for a link that is not one (see record.py)."""
        from eternaut_reader.core.annotations.record import read_link

        return read_link(data)


@dataclass(frozen=True, slots=True)
class Evidence:
    """One piece of evidence behind a claim's verdict: an earnings-call transcript, a press
    release, a second outlet. A URL (http or https only), a title, or both; the quote and the
    note are optional. Validated by record.read_evidence / check_evidence."""

    url: str = ""
    title: str = ""
    quote: str = ""
    note: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"url": self.url, "title": self.title, "quote": self.quote, "note": self.note}

    @property
    def label(self) -> str:
        """How a list names it: its title, else its URL."""
        return self.title or self.url


@dataclass(frozen=True, slots=True)
class Annotation:
    id: str
    article_id: str
    quote: str
    prefix: str
    suffix: str
    start: int
    end: int
    tag: str | None  # None: an open claim (no verdict yet)
    note: str
    annotator: str
    created: str
    modified: str
    content_hash: str
    links: tuple[Link, ...] = ()
    schema: int = SCHEMA_VERSION
    # The claim in short, as the user wrote it for a published fact-check (ClaimReview's
    # claimReviewed); empty: the quote, cut, stands for it.
    summary: str = ""
    # The claim record (see annotations/groups.py): the review of the claim, in prose, and the
    # evidence behind its verdict. A claim's record lives on one of its annotations (its lead),
    # so that it is stored, undone, merged, imported and exported exactly like them.
    review: str = ""
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = self._fields()
        # Written only when there is one: older readers see no new field.
        if self.summary:
            data["summary"] = self.summary
        if self.review:
            data["review"] = self.review
        if self.evidence:
            data["evidence"] = [item.to_dict() for item in self.evidence]
        return data

    @property
    def has_record(self) -> bool:
        """Whether it holds a claim record: a summary, a review or evidence."""
        return bool(self.summary or self.review or self.evidence)

    def _fields(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "id": self.id,
            "article_id": self.article_id,
            "quote": self.quote,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "start": self.start,
            "end": self.end,
            "tag": self.tag,
            "note": self.note,
            "links": [link.to_dict() for link in self.links],
            "annotator": self.annotator,
            "created": self.created,
            "modified": self.modified,
            "content_hash": self.content_hash,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Annotation:
        """A record of the store's database, old ones migrated; raises ValueError (record.py)."""
        from eternaut_reader.core.annotations.record import read_record

        return read_record(data, stored=True)

    @property
    def open(self) -> bool:
        """An open claim: highlighted, perhaps noted, no verdict yet."""
        return self.tag is None

    def changed(self, **fields: Any) -> Annotation:
        return replace(self, modified=now_iso(), **fields)


@dataclass(frozen=True, slots=True)
class Anchored:
    """Where an annotation sits in the article's current text; start/end are None for orphans."""

    annotation: Annotation
    start: int | None
    end: int | None
    method: str | None = None  # "position", "exact" or "fuzzy"; None for an orphan

    @property
    def orphan(self) -> bool:
        return self.start is None

    @classmethod
    def at(cls, annotation: Annotation, where: Location | None) -> Anchored:
        """The annotation placed where anchor.anchor() found it (None: an orphan)."""
        if where is None:
            return cls(annotation, None, None, None)
        return cls(annotation, where.start, where.end, where.method)


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One undoable change: the annotation before and after (None = did not exist).

    `at` and `undone_at` are nanosecond stamps that only grow within a process; they order the
    undo and redo stacks, which live in the database so that they survive a restart.
    """

    id: str
    action: str
    annotation_id: str
    before: Annotation | None
    after: Annotation | None
    at: int
    undone_at: int | None = None
    annotator: str = ""
    schema: int = SCHEMA_VERSION
    # Entries made by one user action share a step ("+" in the same-fact panel tags the
    # passage and links it): undo and redo take the whole step back or make it again.
    step: str = ""

    @property
    def undone(self) -> bool:
        return self.undone_at is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "id": self.id,
            "action": self.action,
            "annotation_id": self.annotation_id,
            "before": None if self.before is None else self.before.to_dict(),
            "after": None if self.after is None else self.after.to_dict(),
            "at": self.at,
            "undone_at": self.undone_at,
            "annotator": self.annotator,
        } | ({"step": self.step} if self.step else {})

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> HistoryEntry:
        before, after = data.get("before"), data.get("after")
        return cls(
            id=str(data["id"]),
            action=str(data["action"]),
            annotation_id=str(data["annotation_id"]),
            before=None if before is None else Annotation.from_dict(before),
            after=None if after is None else Annotation.from_dict(after),
            at=int(data["at"]),
            undone_at=None if data.get("undone_at") is None else int(data["undone_at"]),
            annotator=str(data.get("annotator", "")),
            schema=int(data.get("schema", SCHEMA_VERSION)),
            step=str(data.get("step", "")),
        )


# ---- schema migrations --------------------------------------------------------------------
# The file is a TinyDB database: {table: {doc_id: document}}. The "meta" table holds one
# document, {"schema": N}. A file without it is schema 0: what TinyDB itself would write.

Tables = dict[str, dict[str, Any]]
META_TABLE = "meta"
META_ID = "1"


def _v0_to_v1(tables: Tables) -> Tables:
    """Schema 0 (no meta table, no per-record version) becomes 1 by stamping both."""
    for name in ("annotations", "history"):
        for doc in tables.get(name, {}).values():
            if isinstance(doc, dict):
                doc.setdefault("schema", 1)
    tables[META_TABLE] = {META_ID: {"schema": 1}}
    return tables


# MIGRATIONS[n] turns schema n into n + 1. The next schema adds its step here.
MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {0: _v0_to_v1}


def schema_of(tables: Tables) -> int:
    meta = tables.get(META_TABLE, {}).get(META_ID)
    return int(meta.get("schema", 0)) if isinstance(meta, dict) else 0


def migrate(tables: Tables, path: object = "the database") -> tuple[Tables, int]:
    """Bring tables up to SCHEMA_VERSION; returns them with the version they were read at."""
    found = schema_of(tables)
    if found > SCHEMA_VERSION:
        raise NewerSchema(
            f"{path} was written by a newer eternaut-reader (schema {found}; this version "
            f"reads up to {SCHEMA_VERSION}); upgrade eternaut-reader to open it"
        )
    version = found
    while version < SCHEMA_VERSION:
        tables = MIGRATIONS[version](tables)
        version += 1
    return tables, found
