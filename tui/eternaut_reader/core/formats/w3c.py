"""W3C Web Annotation (JSON-LD): an AnnotationCollection with one embedded AnnotationPage.

Each annotation stands alone (it carries its own @context) and is shaped like this:

    id          urn:uuid:<our id>
    motivation  "assessing"; "highlighting" for an open claim (no verdict yet)
    creator     {"type": "Person", "nickname": <annotator>}
    created, modified
    body        a TextualBody, purpose "tagging", value = the verdict (confirmed, ...),
                absent for an open claim (which has no body at all without a note or links);
                a TextualBody, purpose "commenting", value = the note (when there is one);
                per link, a SpecificResource, purpose "linking", source = the linked
                annotation's IRI, with eternaut:relation (supports / contradicts) and
                eternaut:article (the linked annotation's article id)
    target      a SpecificResource whose source is the article's URL when it has an http(s)
                one (a web page's canonical URL, or as the user set it; written as a URI:
                the host in IDNA, other characters percent-encoded), so that tools such as
                Hypothesis or Recogito anchor the annotation to the page; then
                eternaut:articleId holds our article id. Otherwise the source is
                urn:eternaut-reader:article:<article id>. With a TextQuoteSelector (exact,
                prefix, suffix) and a TextPositionSelector (code-point offsets into the text
                as we extracted it: a page's own tools anchor by the quote), and
                eternaut:contentHash (the hash of the text the selectors are in). When the
                article's file changed since the tagging and the quote is still found, the
                selectors and the hash are those of today's text; else as recorded;
                eternaut:articleTitle and eternaut:orphan (absent when the article is not in
                the corpus)

Links are written on the annotation that made them (a `linking` body), as stored; the
annotation they point to gets nothing more, so that every annotation stays within the W3C
model (the other formats show links from both ends).

Reading (read_w3c, at the end) takes back what this writes, and W3C annotations of other
tools as far as they say what we keep.

The claim record rides on the annotation in our namespace: eternaut:summary, eternaut:review
(strings) and eternaut:evidence (an array of {"url", "title", "quote", "note"}), each only
when set; reading takes them back, checked like a native record's.

`eternaut:` is our own namespace (urn:eternaut-reader:ns#), declared in the @context, so the
annotations stay valid W3C annotations and other tools can ignore what they do not know.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from typing import Any, TextIO
from urllib.parse import quote, unquote

from eternaut_reader.core.annotations.anchor import Selector, select
from eternaut_reader.core.annotations.model import Annotation, Evidence, Link
from eternaut_reader.core.annotations.record import (
    BadRecord,
    RecordLimits,
    check_annotation,
    check_relation_value,
    integer,
    kind,
    read_evidence,
    shown,
    stamp,
    string,
    within_links,
)
from eternaut_reader.core.annotations.tags import TAGS
from eternaut_reader.core.formats.base import (
    ExportSet,
    Item,
    article_url,
    dumps_indented,
    web_uri,
)

__all__ = [
    "ANNO_CONTEXT",
    "CONTEXT",
    "NS",
    "PREFIX",
    "annotation_id",
    "annotation_iri",
    "article_id",
    "article_iri",
    "is_annotation",
    "is_items",
    "is_w3c",
    "pages",
    "read_w3c",
    "source_iri",
    "to_w3c",
    "types",
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


@lru_cache(maxsize=1024)  # twice per annotation, for a handful of articles
def article_iri(art_id: str) -> str:
    if _ABSOLUTE_IRI.match(art_id) and not art_id.startswith(ARTICLE_URN):
        return art_id
    return ARTICLE_URN + quote(art_id, safe="")


def article_id(iri: str) -> str:
    if iri.startswith(ARTICLE_URN):
        return unquote(iri[len(ARTICLE_URN) :])
    return iri


def source_iri(item: Item) -> str:
    """The target's source: the article's URL as a URI when it has an http(s) one, else our
    article IRI."""
    url = article_url(item.article)
    uri = web_uri(url) if url else None
    return uri if uri is not None else article_iri(item.annotation.article_id)


def _stamp(value: str) -> str | None:
    return value if _DATE_TIME.match(value) else None


def _selected(item: Item) -> tuple[Selector, str]:
    """The selectors and the text's hash the target carries: where the quote is in the
    article's text now when it is found there (the file changed since the tagging: a tool
    anchoring by position against today's text must find the quote), else as recorded."""
    ann, placed, article = item.annotation, item.anchor, item.article
    if placed is not None and article is not None and placed.start is not None:
        assert placed.end is not None
        now = (placed.start, placed.end, article.content_hash)
        if now != (ann.start, ann.end, ann.content_hash):
            return select(article.text, placed.start, placed.end), article.content_hash
    recorded = Selector(ann.quote, ann.prefix, ann.suffix, ann.start, ann.end)
    return recorded, ann.content_hash


def to_w3c(item: Item, *, context: bool = True) -> dict[str, Any]:
    ann = item.annotation
    body: list[dict[str, Any]] = []
    if ann.tag is not None:
        body.append({"type": "TextualBody", "purpose": "tagging", "value": ann.tag})
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
    source = source_iri(item)
    sel, content_hash = _selected(item)
    target: dict[str, Any] = {
        "type": "SpecificResource",
        "source": source,
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": sel.quote,
                "prefix": sel.prefix,
                "suffix": sel.suffix,
            },
            {"type": "TextPositionSelector", "start": sel.start, "end": sel.end},
        ],
        f"{PREFIX}:contentHash": content_hash,
        f"{PREFIX}:articleTitle": item.title,
    }
    if source != article_iri(ann.article_id):  # the page's URL: our id is said beside it
        target[f"{PREFIX}:articleId"] = ann.article_id
    if item.orphan is not None:
        target[f"{PREFIX}:orphan"] = item.orphan
    out: dict[str, Any] = {"@context": CONTEXT} if context else {}
    out.update(
        {
            "id": annotation_iri(ann.id),
            "type": "Annotation",
            # An open claim is highlighted: it has no verdict to assess with yet.
            "motivation": "highlighting" if ann.tag is None else "assessing",
            "creator": {"type": "Person", "nickname": ann.annotator},
        }
    )
    for key in ("created", "modified"):
        stamp = _stamp(getattr(ann, key))
        if stamp is not None:
            out[key] = stamp
    if body:  # an open claim without a note or links has none
        out["body"] = body
    out["target"] = target
    # The claim record (annotations/groups.py), in our namespace, so that a W3C export read
    # back keeps it: the summary, the review and the evidence.
    if ann.summary:
        out[f"{PREFIX}:summary"] = ann.summary
    if ann.review:
        out[f"{PREFIX}:review"] = ann.review
    if ann.evidence:
        out[f"{PREFIX}:evidence"] = [item.to_dict() for item in ann.evidence]
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
        body = dumps_indented(to_w3c(item))
        out.write(("\n      " if n == 0 else ",\n      ") + body.replace("\n", "\n      "))
        tick()
    out.write("\n    ]\n  }\n}\n")


# ---- reading --------------------------------------------------------------------------------
# What the importer reads of a W3C file: an AnnotationCollection with embedded pages, an
# AnnotationPage, one Annotation, an array of them, or one a line (formats/importer.py finds
# the records; this reads one). The verdict is the `tagging` body whose value is one of our
# tags; an annotation with no such body whose motivation is `highlighting` is an open claim
# (highlighted, no verdict yet); any other annotation without a verdict is refused. The note
# is the `commenting` bodies (or bodyValue); links are `linking` bodies with an
# eternaut:relation. The article is the target's eternaut:articleId when there is one (our
# export of an article with a URL, whose source is the page), else the id in our
# urn:eternaut-reader:article: source, else the source itself (another tool's page URL). The
# target needs a TextQuoteSelector; without a TextPositionSelector the span is recorded as
# 0..len(exact) and re-anchored by the quote. A missing creator is "unknown"; a missing
# modified is the created time.


def types(obj: Mapping[str, Any]) -> set[str]:
    """The JSON-LD types of an object ("type" or "@type", one or a list)."""
    value = obj.get("type", obj.get("@type"))
    values = value if isinstance(value, list) else [value]
    return {v for v in values if isinstance(v, str)}


def is_annotation(obj: Mapping[str, Any]) -> bool:
    return "Annotation" in types(obj)


def is_w3c(doc: Mapping[str, Any]) -> bool:
    """A W3C Annotation, AnnotationPage or AnnotationCollection."""
    return bool(types(doc) & {"AnnotationCollection", "AnnotationPage", "Annotation"})


def pages(doc: Mapping[str, Any]) -> Iterator[tuple[str | None, ...]]:
    """The paths of the items arrays of a W3C AnnotationPage or AnnotationCollection."""
    if "AnnotationPage" in types(doc):
        if not isinstance(doc.get("items"), list):
            raise BadRecord('the AnnotationPage has no "items" array')
        yield ("items",)
        return
    page = doc.get("first")
    path: tuple[str, ...] = ("first",)
    while page is not None:
        if not isinstance(page, dict):
            raise BadRecord(
                "the collection's pages are not embedded (only embedded pages are read)"
            )
        if not isinstance(page.get("items"), list):
            raise BadRecord('the AnnotationPage has no "items" array')
        yield (*path, "items")
        page = page.get("next")
        path = (*path, "next")


def is_items(path: tuple[str | None, ...]) -> bool:
    """Whether the array at `path` of a document is a W3C page's items."""
    if path == ("items",):
        return True
    return (
        len(path) >= 2
        and path[0] == "first"
        and path[-1] == "items"
        and all(p == "next" for p in path[1:-1])
    )


def _same(text: str) -> str:
    return text


def read_w3c(
    obj: Mapping[str, Any],
    *,
    limits: RecordLimits | None = None,
    share: Callable[[str], str] = _same,
) -> Annotation:
    """The annotation one W3C Annotation holds, checked by the record validator (within
    `limits` when given); raises BadRecord."""
    ident = obj.get("id")
    if not isinstance(ident, str) or not ident:
        raise BadRecord('missing "id" (an annotation needs one to be merged)')
    target = _target(obj)
    source = target.get("source")
    source = source.get("id") if isinstance(source, dict) else source
    if not isinstance(source, str) or not source:
        raise BadRecord("the target has no source")
    ours = _ns(target, "articleId")  # the source is the page's URL: this is our article id
    if ours is not None and (not isinstance(ours, str) or not ours):
        raise BadRecord(f"eternaut:articleId must be a non-empty string, not {shown(ours)}")
    quote_sel, position = _selectors(target)
    quote = string(quote_sel, "exact", required=True)
    if position is None:
        start, end = 0, len(quote)
    else:
        start, end = integer(position, "start"), integer(position, "end")
    tag, note, links = _bodies(obj, limits)
    name_chars = None if limits is None else limits.name_chars
    created = stamp(obj, "created", name_chars)
    content_hash = _ns(target, "contentHash")
    ann = Annotation(
        id=annotation_id(ident),
        article_id=share(ours if isinstance(ours, str) else article_id(source)),
        quote=quote,
        prefix=string(quote_sel, "prefix"),
        suffix=string(quote_sel, "suffix"),
        start=start,
        end=end,
        tag=None if tag is None else share(tag),
        note=note,
        annotator=share(_creator(obj.get("creator"))),
        created=created,
        modified=stamp(obj, "modified", name_chars, default=created),
        content_hash=share(content_hash) if isinstance(content_hash, str) else "",
        links=links,
        summary=_ns_string(obj, "summary"),
        review=_ns_string(obj, "review"),
        evidence=_evidence(obj, limits),
    )
    return check_annotation(ann, limits=limits)


def _ns_string(obj: Mapping[str, Any], name: str) -> str:
    value = _ns(obj, name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise BadRecord(f"{PREFIX}:{name} must be a string, not {kind(value)}")
    return value


def _evidence(obj: Mapping[str, Any], limits: RecordLimits | None) -> tuple[Evidence, ...]:
    items = _as_list(_ns(obj, "evidence"))
    if limits is not None and len(items) > limits.evidence:
        raise BadRecord(f"{len(items):,} evidence items, over the limit of {limits.evidence:,}")
    return tuple(read_evidence(item) for item in items)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


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
    raise BadRecord("creator is neither a name nor an agent with a nickname, name or id")


def _selectors(target: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any] | None]:
    quote = position = None
    for sel in _as_list(target.get("selector")):
        if not isinstance(sel, dict):
            continue
        kinds = types(sel)
        if "TextQuoteSelector" in kinds and quote is None:
            quote = sel
        elif "TextPositionSelector" in kinds and position is None:
            position = sel
    if quote is None:
        raise BadRecord("the target has no TextQuoteSelector")
    return quote, position


def _target(obj: Mapping[str, Any]) -> dict[str, Any]:
    targets = [t for t in _as_list(obj.get("target")) if isinstance(t, dict)]
    if not targets:
        raise BadRecord("no target with selectors (a target that is only an IRI has no quote)")
    if len(targets) > 1:
        raise BadRecord(f"{len(targets)} targets; one quoted span per annotation is read")
    return targets[0]


def _bodies(
    obj: Mapping[str, Any], limits: RecordLimits | None
) -> tuple[str | None, str, tuple[Link, ...]]:
    """The verdict (None: an open claim), the note and the links of an annotation."""
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
        if "tagging" in purposes and isinstance(value, str) and value in TAGS:
            tags.append(value)
        elif "linking" in purposes:
            relation = _ns(body, "relation")
            if relation is None:
                continue  # a link to something else than one of our annotations
            relation = check_relation_value(relation)
            source = body.get("source")
            source = source.get("id") if isinstance(source, dict) else source
            if not isinstance(source, str) or not source:
                raise BadRecord("a linking body has no source")
            linked = _ns(body, "article")
            if linked is not None and not isinstance(linked, str):
                raise BadRecord(f"a link's eternaut:article must be a string, not {kind(linked)}")
            links.append(Link(annotation_id(source), relation, linked if linked else None))
            if limits is not None:
                within_links(len(links), limits.links)
        elif isinstance(value, str) and (not purposes or "commenting" in purposes):
            notes.append(value)
    found = list(dict.fromkeys(tags))
    if len(found) > 1:
        raise BadRecord(f"more than one verdict ({', '.join(found)})")
    if not found and "highlighting" not in _as_list(obj.get("motivation")):
        raise BadRecord(
            f"no tagging body whose value is one of {', '.join(TAGS)} (an annotation "
            "without one is read only when its motivation is highlighting: an open claim)"
        )
    # The parts are measured before they are joined, so a note over the limit is never built.
    length = sum(len(n) for n in notes) + 2 * max(0, len(notes) - 1)
    if limits is not None and length > limits.text_chars:
        raise BadRecord(f"note is {length:,} characters, over the limit of {limits.text_chars:,}")
    return (found[0] if found else None), "\n\n".join(notes), tuple(links)
