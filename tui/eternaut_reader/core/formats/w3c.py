"""W3C Web Annotation (JSON-LD): an AnnotationCollection with one embedded AnnotationPage.

Each annotation stands alone (it carries its own @context) and is shaped like this:

    id          urn:uuid:<our id>
    motivation  "assessing"
    creator     {"type": "Person", "nickname": <annotator>}
    created, modified
    body        a TextualBody, purpose "tagging", value = the verdict (confirmed, ...);
                a TextualBody, purpose "commenting", value = the note (when there is one);
                per link, a SpecificResource, purpose "linking", source = the linked
                annotation's IRI, with eternaut:relation (supports / contradicts) and
                eternaut:article (the linked annotation's article id)
    target      a SpecificResource whose source is urn:eternaut-reader:article:<article id>,
                with a TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector
                (code-point offsets, as recorded), and eternaut:contentHash (the hash of the
                text the annotation was made on), eternaut:articleTitle and eternaut:orphan
                (absent when the article is not in the corpus)

`eternaut:` is our own namespace (urn:eternaut-reader:ns#), declared in the @context, so the
annotations stay valid W3C annotations and other tools can ignore what they do not know.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from typing import Any, TextIO
from urllib.parse import quote, unquote

from eternaut_reader.core.formats.base import ExportSet, Item

__all__ = [
    "ANNO_CONTEXT",
    "CONTEXT",
    "NS",
    "PREFIX",
    "annotation_id",
    "annotation_iri",
    "article_id",
    "article_iri",
    "to_w3c",
    "write_w3c",
]

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
NS = "urn:eternaut-reader:ns#"
PREFIX = "eternaut"
CONTEXT: list[Any] = [ANNO_CONTEXT, {PREFIX: NS}]
ARTICLE_URN = "urn:eternaut-reader:article:"
ANNOTATION_URN = "urn:eternaut-reader:annotation:"
UUID_URN = "urn:uuid:"

# Timestamps are written only in the form the W3C model asks for (xsd:dateTime with a zone).
_DATE_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]+$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def annotation_iri(ann_id: str) -> str:
    """urn:uuid:<id> for our ids; an id that is already an IRI (from an import) is kept."""
    if _UUID.match(ann_id):
        return UUID_URN + ann_id
    if _ABSOLUTE_IRI.match(ann_id):
        return ann_id
    return ANNOTATION_URN + quote(ann_id, safe="")


def annotation_id(iri: str) -> str:
    if iri.startswith(UUID_URN) and _UUID.match(iri[len(UUID_URN) :]):
        return iri[len(UUID_URN) :]
    if iri.startswith(ANNOTATION_URN):
        return unquote(iri[len(ANNOTATION_URN) :])
    return iri


def article_iri(art_id: str) -> str:
    if _ABSOLUTE_IRI.match(art_id) and not art_id.startswith(ARTICLE_URN):
        return art_id
    return ARTICLE_URN + quote(art_id, safe="")


def article_id(iri: str) -> str:
    if iri.startswith(ARTICLE_URN):
        return unquote(iri[len(ARTICLE_URN) :])
    return iri


def _stamp(value: str) -> str | None:
    return value if _DATE_TIME.match(value) else None


def to_w3c(item: Item, *, context: bool = True) -> dict[str, Any]:
    ann = item.annotation
    body: list[dict[str, Any]] = [{"type": "TextualBody", "purpose": "tagging", "value": ann.tag}]
    if ann.note:
        comment = {"type": "TextualBody", "purpose": "commenting", "value": ann.note}
        body.append({**comment, "format": "text/plain"})
    for link in ann.links:
        linking: dict[str, Any] = {
            "type": "SpecificResource",
            "purpose": "linking",
            "source": annotation_iri(link.target),
            f"{PREFIX}:relation": link.relation,
        }
        if link.article_id is not None:
            linking[f"{PREFIX}:article"] = link.article_id
        body.append(linking)
    target: dict[str, Any] = {
        "type": "SpecificResource",
        "source": article_iri(ann.article_id),
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": ann.quote,
                "prefix": ann.prefix,
                "suffix": ann.suffix,
            },
            {"type": "TextPositionSelector", "start": ann.start, "end": ann.end},
        ],
        f"{PREFIX}:contentHash": ann.content_hash,
        f"{PREFIX}:articleTitle": item.title,
    }
    if item.orphan is not None:
        target[f"{PREFIX}:orphan"] = item.orphan
    out: dict[str, Any] = {"@context": CONTEXT} if context else {}
    out.update(
        {
            "id": annotation_iri(ann.id),
            "type": "Annotation",
            "motivation": "assessing",
            "creator": {"type": "Person", "nickname": ann.annotator},
        }
    )
    for key in ("created", "modified"):
        stamp = _stamp(getattr(ann, key))
        if stamp is not None:
            out[key] = stamp
    out["body"] = body
    out["target"] = target
    return out


def _stable_iri(*parts: str) -> str:
    return UUID_URN + str(uuid.uuid5(uuid.NAMESPACE_URL, NS + "\n".join(parts)))


def collection_id(data: ExportSet) -> str:
    """The same selection of annotations always gets the same collection IRI."""
    return _stable_iri("collection", *sorted(item.annotation.id for item in data.items))


def write_w3c(data: ExportSet, out: TextIO, tick: Callable[[], None]) -> None:
    ident = collection_id(data)
    head: dict[str, Any] = {
        "@context": CONTEXT,
        "id": ident,
        "type": "AnnotationCollection",
        "label": "eternaut-reader annotations",
        "total": len(data.items),
        "generated": data.generated,
    }
    text = json.dumps(head, ensure_ascii=False, indent=2)
    if not data.items:
        out.write(text + "\n")
        return
    page = {"id": _stable_iri(ident, "page 1"), "type": "AnnotationPage", "startIndex": 0}
    page_text = json.dumps(page, ensure_ascii=False, indent=2).replace("\n", "\n  ")
    out.write(text[:-2] + ',\n  "first": ' + page_text[:-4] + ',\n    "items": [')
    for n, item in enumerate(data.items):
        body = json.dumps(to_w3c(item), ensure_ascii=False, indent=2)
        out.write(("\n      " if n == 0 else ",\n      ") + body.replace("\n", "\n      "))
        tick()
    out.write("\n    ]\n  }\n}\n")
