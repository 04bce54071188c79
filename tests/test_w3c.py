"""The W3C Web Annotation export against the W3C web-annotation test suite's MUST assertions.

tests/data/w3c/ holds, unchanged, annotations/annotationMusts.test, every assertion schema it
lists and the definitions/*.json they refer to (JSON Schema draft-04; license.md beside them).
jsonschema checks "format" only with a FormatChecker, and its own "uri" and "date-time"
checks need optional packages, so this file brings strict ones of its own.
"""

from __future__ import annotations

import copy
import json
import re
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from eternaut_reader import open_store
from eternaut_reader.core.annotations.model import Evidence
from eternaut_reader.core.formats import export
from tests.helpers.claims import FakeArticle, seeds, tag_claims

SUITE = Path(__file__).parent / "data" / "w3c"
MUSTS: list[str] = json.loads((SUITE / "annotations" / "annotationMusts.test").read_text())[
    "assertions"
]

# RFC 3986 URI: a scheme, then only URI characters, and well-formed percent-escapes.
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*$")
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
# RFC 3339 date-time.
_DATE_TIME = re.compile(r"^\d{4}-\d\d-\d\d[Tt]\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)$")

checker = FormatChecker(formats=())


@checker.checks("uri")
def _is_uri(value: object) -> bool:
    return not isinstance(value, str) or bool(_URI.match(value) and not _BAD_ESCAPE.search(value))


@checker.checks("date-time")
def _is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _DATE_TIME.match(value):
        return False
    datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
    return True


@cache
def _validator(assertion: str) -> Draft4Validator:
    resources = []
    for path in (SUITE / "definitions").glob("*.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["id"], Resource.from_contents(schema, DRAFT4)))
    schema = json.loads((SUITE / assertion).read_text(encoding="utf-8"))
    registry = Registry().with_resources(resources)
    return Draft4Validator(schema, registry=registry, format_checker=checker)


def _failures(annotation: dict[str, Any]) -> dict[str, list[str]]:
    found = {}
    for assertion in MUSTS:
        errors = [e.message for e in _validator(assertion).iter_errors(annotation)]
        if errors:
            found[assertion] = errors
    return found


EVIDENCE = Evidence("https://ir.netflix.net/q2", "Q2 letter", "a quote", "a note")


@pytest.fixture(scope="module")
def corpus():
    return seeds()


@pytest.fixture
def exported(tmp_path: Path, corpus) -> tuple[dict[str, Any], dict[str, Any]]:
    claims = tag_claims(tmp_path / "db.json", corpus)
    emoji = FakeArticle("emoji-article", "😀 Smile 👍🏽 then the claim: AI made it faster.")
    with open_store(tmp_path / "db.json") as store:
        claims["emoji"] = store.add(emoji, 27, 45, "confirmed", "astral characters before it")
        # A claim record on one of them: the MUST assertions hold with it too.
        store.update(claims["emoji"].id, summary="S", review="R", evidence=(EVIDENCE,))
        export(store, [*corpus.articles, emoji], "w3c", tmp_path / "a.jsonld")
    return json.loads((tmp_path / "a.jsonld").read_text(encoding="utf-8")), claims


def test_the_suite_lists_54_must_assertions_and_all_are_here():
    assert len(MUSTS) == 54
    assert all((SUITE / m).is_file() for m in MUSTS)
    assert (SUITE / "license.md").is_file()


def test_every_exported_annotation_passes_every_must_assertion(exported):
    doc, claims = exported
    items = doc["first"]["items"]
    assert len(items) == len(claims) == 7
    for annotation in items:
        assert _failures(annotation) == {}, annotation["id"]


@pytest.mark.parametrize(
    ("breakage", "assertion"),
    [
        (lambda a: a.pop("@context"), "annotations/3.1-annotationContextValidated.json"),
        (lambda a: a.update(id="not a uri"), "annotations/3.1-annotationIdValidated.json"),
        (lambda a: a.update(type="Note"), "annotations/3.1-annotationTypeValidated.json"),
        (lambda a: a.pop("target"), "annotations/3.1-targetKeyFound.json"),
        (lambda a: a.update(bodyValue="x"), "annotations/3.2.5-notBodyBodyValue.json"),
        (
            lambda a: a.update(created="yesterday"),
            "annotations/3.3.1-annotationCreatedValidated.json",
        ),
        (
            lambda a: a["target"]["selector"][0].pop("exact"),
            "annotations/specificResource/4.2.4-textQuoteSelectorValid.json",
        ),
    ],
)
def test_the_checks_do_catch_a_broken_annotation(exported, breakage, assertion):
    annotation = copy.deepcopy(exported[0]["first"]["items"][0])
    breakage(annotation)
    assert assertion in _failures(annotation)


def test_the_collection_and_its_page(exported):
    doc, claims = exported
    assert doc["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    assert doc["type"] == "AnnotationCollection"
    assert doc["total"] == len(claims)
    assert _is_uri(doc["id"]) and doc["id"].startswith("urn:uuid:")
    page = doc["first"]
    assert page["type"] == "AnnotationPage" and page["startIndex"] == 0


def test_selectors_bodies_and_creator_say_what_the_store_holds(exported, corpus):
    doc, claims = exported
    by_id = {a["id"]: a for a in doc["first"]["items"]}
    a1 = claims["a1"]
    w = by_id[f"urn:uuid:{a1.id}"]
    assert w["type"] == "Annotation" and w["motivation"] == "assessing"
    assert w["creator"] == {"type": "Person", "nickname": "alice"}
    assert (w["created"], w["modified"]) == (a1.created, a1.modified)
    target = w["target"]
    assert target["source"] == f"urn:eternaut-reader:article:{a1.article_id}"
    quote, position = target["selector"]
    assert quote == {
        "type": "TextQuoteSelector",
        "exact": a1.quote,
        "prefix": a1.prefix,
        "suffix": a1.suffix,
    }
    assert position == {"type": "TextPositionSelector", "start": a1.start, "end": a1.end}
    assert target["eternaut:contentHash"] == corpus.articles[1].content_hash
    assert target["eternaut:orphan"] is False
    tagging, commenting, linking = w["body"]
    assert tagging == {"type": "TextualBody", "purpose": "tagging", "value": "confirmed"}
    assert commenting["purpose"] == "commenting" and commenting["value"] == a1.note
    assert linking == {
        "type": "SpecificResource",
        "purpose": "linking",
        "source": f"urn:uuid:{claims['b1'].id}",
        "eternaut:relation": "supports",
        "eternaut:article": claims["b1"].article_id,
    }
    # No note, no commenting body; orphans and unknown articles are said so.
    b1 = by_id[f"urn:uuid:{claims['b1'].id}"]
    assert [b["purpose"] for b in b1["body"]] == ["tagging"]
    assert by_id[f"urn:uuid:{claims['orphan'].id}"]["target"]["eternaut:orphan"] is True
    assert "eternaut:orphan" not in by_id[f"urn:uuid:{claims['unknown'].id}"]["target"]


def test_text_position_selector_counts_code_points(exported):
    doc, claims = exported
    ann = claims["emoji"]
    w = next(a for a in doc["first"]["items"] if a["id"] == f"urn:uuid:{ann.id}")
    quote, position = w["target"]["selector"]
    text = "😀 Smile 👍🏽 then the claim: AI made it faster."
    assert text[position["start"] : position["end"]] == quote["exact"] == "AI made it faster."
    assert quote["prefix"].startswith("😀 Smile 👍🏽")


def test_the_claim_record_rides_in_our_namespace_and_comes_back(exported, tmp_path):
    from eternaut_reader.core.formats.w3c import read_w3c

    doc, claims = exported
    [item] = [a for a in doc["first"]["items"] if a["id"].endswith(claims["emoji"].id)]
    assert item["eternaut:summary"] == "S" and item["eternaut:review"] == "R"
    assert item["eternaut:evidence"] == [EVIDENCE.to_dict()]
    back = read_w3c(item)
    assert (back.summary, back.review, back.evidence) == ("S", "R", (EVIDENCE,))
    others = [a for a in doc["first"]["items"] if a is not item]
    assert not any(key.startswith("eternaut:evidence") for a in others for key in a)


def test_selectors_follow_the_quote_into_an_edited_article(tmp_path):
    """Found by an outside tester: after a line was inserted above the claims, the W3C
    selectors still gave the old offsets, prefix and hash, so a tool anchoring by position
    against today's file found the wrong text. They are today's now; an orphan and an
    unchanged article keep what was recorded."""
    before = FakeArticle("a", "The bridge fell on Monday. Three people died in the collapse.")
    with open_store(tmp_path / "db.json") as store:
        start = before.text.index("Three")
        kept = store.add(before, start, len(before.text), "confirmed")
        gone = store.add(before, 0, 26, "speculative")
    edited = FakeArticle(
        "a",
        "UPDATE: the toll was revised.\n\nThe bridge collapsed. Three people died in the collapse.",
        content_hash="sha256:new",
    )
    with open_store(tmp_path / "db.json") as store:
        export(store, [edited], "w3c", tmp_path / "now.jsonld")
        export(store, [before], "w3c", tmp_path / "then.jsonld")
    now = {
        a["id"]: a["target"]
        for a in json.loads((tmp_path / "now.jsonld").read_text())["first"]["items"]
    }
    target = now[f"urn:uuid:{kept.id}"]
    quote, position = target["selector"]
    assert edited.text[position["start"] : position["end"]] == quote["exact"] == kept.quote
    assert position["start"] > kept.start and quote["prefix"].endswith("collapsed. ")
    assert target["eternaut:contentHash"] == "sha256:new" and not target["eternaut:orphan"]
    lost = now[f"urn:uuid:{gone.id}"]
    assert lost["eternaut:orphan"] and lost["selector"][1]["start"] == 0
    assert lost["eternaut:contentHash"] == gone.content_hash
    then = {
        a["id"]: a["target"]
        for a in json.loads((tmp_path / "then.jsonld").read_text())["first"]["items"]
    }
    assert then[f"urn:uuid:{kept.id}"]["selector"][1] == {
        "type": "TextPositionSelector",
        "start": kept.start,
        "end": kept.end,
    }
