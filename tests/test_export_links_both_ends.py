"""Links from both ends (issue 10): a link made from claim A to claim B shows on B too, and
every format says which end made it. Stored only on A: the export adds, the import ignores.

    a  (report one)  supports b          made by a
    c  (report two)  contradicts b       made by c
    d  (report two)  supports b          made by d, which is outside an article filter below
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from eternaut_reader import open_store
from eternaut_reader.cli import main
from eternaut_reader.core.annotations.model import Annotation
from eternaut_reader.core.formats import export
from tests.helpers.claims import FakeArticle
from tests.test_w3c import _failures

ONE = FakeArticle(
    "one",
    "The scene was finished ten times faster with generative AI, the studio said.",
    title="Report one",
)
TWO = FakeArticle(
    "two",
    "Critics say it was only twice as fast. Insiders agree the tool saved time.",
    title="Report two",
)
THREE = FakeArticle("three", "Netflix confirmed it used generative AI for the scene.", "Three")


def _span(article: FakeArticle, phrase: str) -> tuple[int, int]:
    start = article.text.index(phrase)
    return start, start + len(phrase)


@pytest.fixture
def claims(tmp_path: Path) -> dict[str, Annotation]:
    with open_store(tmp_path / "db.json", "alice") as store:
        b = store.add(THREE, *_span(THREE, "Netflix confirmed it used generative AI"), "confirmed")
        a = store.add(ONE, *_span(ONE, "finished ten times faster"), "confirmed")
        c = store.add(TWO, *_span(TWO, "only twice as fast"), "contradicted", "Disputed.")
        d = store.add(TWO, *_span(TWO, "the tool saved time"), "speculative")
        store.link(a.id, b.id, "supports")
        store.link(c.id, b.id, "contradicts")
        store.link(d.id, b.id, "supports")
        made = {n: store.get(x.id) for n, x in {"a": a, "b": b, "c": c, "d": d}.items()}
    return {n: x for n, x in made.items() if x is not None}


def _export(tmp_path: Path, fmt: str, name: str, **filters: Any) -> Path:
    out = tmp_path / name
    with open_store(tmp_path / "db.json") as store:
        export(store, [ONE, TWO, THREE], fmt, out, **filters)
    return out


def _json_records(path: Path) -> dict[str, dict[str, Any]]:
    doc = json.loads(path.read_text(encoding="utf-8"))
    return {r["id"]: r for r in doc["annotations"]}


def test_json_gives_the_linked_annotation_linked_from(tmp_path, claims):
    records = _json_records(_export(tmp_path, "json", "c.json"))
    a, b, c, d = (claims[n] for n in "abcd")
    # b made no link: its links are empty, and linked_from says who linked to it, in the
    # store's order (article, then position), with each link's relation and article.
    assert records[b.id]["links"] == []
    assert records[b.id]["linked_from"] == [
        {"source": a.id, "relation": "supports", "article_id": "one"},
        {"source": c.id, "relation": "contradicts", "article_id": "two"},
        {"source": d.id, "relation": "supports", "article_id": "two"},
    ]
    # a made its link: it is in a's links, and a has no linked_from at all.
    assert records[a.id]["links"] == [
        {"target": b.id, "relation": "supports", "article_id": "three"}
    ]
    assert "linked_from" not in records[a.id]


def test_jsonl_says_the_same(tmp_path, claims):
    path = _export(tmp_path, "jsonl", "c.jsonl")
    records = {r["id"]: r for r in map(json.loads, path.read_text().splitlines())}
    b = claims["b"]
    assert [x["source"] for x in records[b.id]["linked_from"]] == [
        claims["a"].id,
        claims["c"].id,
        claims["d"].id,
    ]


def test_a_link_from_outside_the_selection_still_shows(tmp_path, claims):
    # Only article three is exported: b is; a, c and d are not, yet their links show on b.
    records = _json_records(_export(tmp_path, "json", "c.json", articles=["three"]))
    assert list(records) == [claims["b"].id]
    assert len(records[claims["b"].id]["linked_from"]) == 3


def test_nothing_of_it_is_stored(tmp_path, claims):
    _export(tmp_path, "json", "c.json")
    with open_store(tmp_path / "db.json") as store:
        b = store.get(claims["b"].id)
    assert b is not None and b.links == () and b == claims["b"]
    assert "linked_from" not in b.to_dict()


@pytest.mark.parametrize(("fmt", "name"), [("json", "c.json"), ("jsonl", "c.jsonl")])
def test_import_ignores_linked_from_and_stays_lossless_and_idempotent(
    tmp_path, claims, capsys, fmt, name
):
    exported = _export(tmp_path, fmt, name)
    copy = tmp_path / "copy.json"
    assert main(["import", "--db", str(copy), str(exported)]) == 0
    assert "4 added" in capsys.readouterr().out
    with open_store(copy) as store:
        imported = {a.id: a for a in store.annotations()}
    assert imported == {a.id: a for a in claims.values()}  # every field, links only on a, c, d
    before = copy.read_bytes()
    assert main(["import", "--db", str(copy), str(exported)]) == 0
    assert "0 added" in capsys.readouterr().out
    assert copy.read_bytes() == before
    # And back out again: the same records, linked_from and all.
    with open_store(copy) as store:
        out = tmp_path / f"again-{name}"
        export(store, [ONE, TWO, THREE], fmt, out)
    strip = ("article_hash",)
    first = exported.read_text(encoding="utf-8").splitlines()
    second = out.read_text(encoding="utf-8").splitlines()
    if fmt == "json":  # the header holds the time of the export
        first = [x for x in first if '"generated"' not in x]
        second = [x for x in second if '"generated"' not in x]
    assert [x for x in first if not any(s in x for s in strip)] == [
        x for x in second if not any(s in x for s in strip)
    ]


def test_csv_has_a_linked_from_column(tmp_path, claims):
    path = _export(tmp_path, "csv", "c.csv")
    with path.open(encoding="utf-8", newline="") as f:
        rows = {r["id"]: r for r in csv.DictReader(f)}
    a, b, c, d = (claims[n] for n in "abcd")
    assert rows[b.id]["links"] == ""
    assert rows[b.id]["linked from"].split("\n") == [
        f"supported by: “{a.quote}” (Report one)",
        f"contradicted by: “{c.quote}” (Report two)",
        f"supported by: “{d.quote}” (Report two)",
    ]
    assert rows[a.id]["links"] == f"supports: “{b.quote}” (Three)"
    assert rows[a.id]["linked from"] == ""
    assert rows[c.id]["links"] == f"contradicts: “{b.quote}” (Three)"


def _blockquote(html: str, quote: str) -> str:
    """The block quote of the claim whose quote this is."""
    blocks = [q.split("</blockquote>")[0] for q in html.split("<blockquote>")[1:]]
    found = [b for b in blocks if b.startswith(f"\n<p>{quote}</p>")]
    assert len(found) == 1, quote
    return found[0]


def test_markdown_shows_made_and_received_links(tmp_path, claims):
    text = _export(tmp_path, "md", "r.md").read_text(encoding="utf-8")
    html = MarkdownIt("commonmark").render(text)
    a, b, c = (claims[n] for n in "abc")
    on_b = _blockquote(html, b.quote)
    assert f"<li>← supported by “{a.quote}” (<em>Report one</em>)</li>" in on_b
    assert f"<li>← contradicted by “{c.quote}” (<em>Report two</em>)</li>" in on_b
    assert "→" not in on_b
    on_a = _blockquote(html, a.quote)
    assert f"<li>→ supports “{b.quote}” (<em>Three</em>)</li>" in on_a
    assert "←" not in on_a
    on_c = _blockquote(html, c.quote)
    assert f"<li>→ contradicts “{b.quote}” (<em>Three</em>)</li>" in on_c


def test_w3c_keeps_links_on_the_annotation_that_made_them(tmp_path, claims):
    doc = json.loads(_export(tmp_path, "w3c", "a.jsonld").read_text(encoding="utf-8"))
    by_id = {x["id"]: x for x in doc["first"]["items"]}
    a, b = claims["a"], claims["b"]
    on_a = by_id[f"urn:uuid:{a.id}"]
    assert [x for x in on_a["body"] if x["purpose"] == "linking"] == [
        {
            "type": "SpecificResource",
            "purpose": "linking",
            "source": f"urn:uuid:{b.id}",
            "eternaut:relation": "supports",
            "eternaut:article": "three",
        }
    ]
    on_b = by_id[f"urn:uuid:{b.id}"]
    assert [x["purpose"] for x in on_b["body"]] == ["tagging"]  # nothing added on b
    assert "linked_from" not in json.dumps(doc)
    for annotation in by_id.values():
        assert _failures(annotation) == {}, annotation["id"]


def test_claimreview_is_unchanged_by_links_made_to_a_claim(tmp_path, claims):
    reviews = json.loads(_export(tmp_path, "claimreview", "r.jsonld").read_text())
    # a supports b (both confirmed): one review; c and d stand alone.
    assert sorted(len(r["identifier"]) for r in reviews) == [1, 1, 2]
    assert "linked_from" not in json.dumps(reviews)


def test_every_format_writes_to_a_stream_with_links_both_ways(tmp_path, claims):
    with open_store(tmp_path / "db.json") as store:
        for fmt in ("json", "jsonl", "csv", "md", "w3c", "claimreview"):
            out = io.StringIO()
            result = export(store, [ONE, TWO, THREE], fmt, out)
            assert result.count == 4 and out.getvalue()
