"""Open claims in the core ("highlight first, decide later"): a claim with no verdict yet.

The store adds, retags and undoes them; the claims index counts them under "open"; every
export format writes them exactly as documented (ClaimReview leaves them out and says so);
JSON and W3C read them back; the agreement leaves them out and says how many.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from eternaut_reader import open_store
from eternaut_reader.cli import main
from eternaut_reader.core.analysis.agreement import agreement, render
from eternaut_reader.core.annotations.claims import ClaimIndex
from eternaut_reader.core.annotations.editing import ClaimEditor
from eternaut_reader.core.annotations.model import KEEP, Annotation
from eternaut_reader.core.formats import ExportSet, export, prepare, write
from eternaut_reader.core.formats.importer import read_file
from eternaut_reader.core.formats.w3c import to_w3c
from eternaut_reader.core.text.corpus import Article, Corpus
from tests.test_w3c import _failures

TEXT = "The studio said the sequence was finished ten times faster. Critics doubted it."
QUOTE = "the sequence was finished ten times faster"
START = TEXT.index(QUOTE)
END = START + len(QUOTE)
ARTICLE = Article(
    id="report", title="Report", language="en", text=TEXT, outlet="Daily", date="2025-07-20"
)
OPEN_ID = "0f8fad5b-d9cb-469f-a165-70867728950e"
STAMP = "2025-07-20T10:00:00.000Z"


def _open_claim(note: str = "Check the studio's figures.") -> Annotation:
    return Annotation(
        id=OPEN_ID,
        article_id="report",
        quote=QUOTE,
        prefix=TEXT[:START],
        suffix=TEXT[END : END + 32],
        start=START,
        end=END,
        tag=None,
        note=note,
        annotator="alice",
        created=STAMP,
        modified=STAMP,
        content_hash=ARTICLE.content_hash,
    )


def _written(fmt: str, *annotations: Annotation) -> str:
    data: ExportSet = prepare(list(annotations), [ARTICLE])
    data.generated = "2025-07-21T09:00:00.000Z"
    out = io.StringIO()
    write(data, fmt, out)
    return out.getvalue()


# ---- the store, the claims index and the editor ---------------------------------------------


def test_the_store_adds_an_open_claim_gives_it_a_verdict_later_and_undoes(tmp_path):
    db = tmp_path / "db.json"
    with open_store(db, "alice") as store:
        claim = store.add(ARTICLE, START, END, tag=None, note="why?")
        assert claim.tag is None and claim.open and claim.note == "why?"
        assert store.update(claim.id, note="still open").tag is None  # KEEP is the default
        assert store.update(claim.id, tag=KEEP, note="still open") == store.get(claim.id)
        decided = store.update(claim.id, tag="speculative")
        assert decided.tag == "speculative" and decided.note == "still open"
        reopened = store.update(claim.id, tag=None)
        assert reopened.tag is None
        assert store.undo() is not None
        assert store.get(claim.id).tag == "speculative"  # type: ignore[union-attr]
        store.undo()
        assert store.get(claim.id).tag is None  # type: ignore[union-attr]
        store.redo()
    with open_store(db, "alice") as store:  # saved, and read back after a restart
        (again,) = store.annotations()
        assert again.tag == "speculative"
        store.update(again.id, tag=None)
    with open_store(db, "alice") as store:
        assert store.annotations()[0].tag is None
    with (
        open_store(tmp_path / "other.json", "alice") as store,
        pytest.raises(ValueError, match="unknown tag ''"),
    ):
        store.add(ARTICLE, START, END, tag="")


def test_claims_index_and_editor_count_open_claims(tmp_path):
    with open_store(tmp_path / "db.json", "alice") as store:
        editor = ClaimEditor(store, Corpus([ARTICLE], source="test"))
        edit = editor.tag(ARTICLE, START, END, None)
        assert edit.annotation is not None and edit.annotation.tag is None
        counts = editor.counts()
        assert counts["open"] == 1 and counts["confirmed"] == 0
        editor.tag(ARTICLE, 0, 10, "confirmed")
        # A verdict given later retags the same claim: no second one.
        editor.tag(ARTICLE, START, END, "contradicted")
        assert editor.counts() == {"confirmed": 1, "speculative": 0, "contradicted": 1, "open": 0}
        assert len(store.annotations()) == 2
        editor.undo()
        assert editor.counts()["open"] == 1
        index = ClaimIndex(store.anchor(ARTICLE))
        assert index.counts() == {"confirmed": 1, "speculative": 0, "contradicted": 0, "open": 1}
        claim = index.exactly(START, END)
        assert claim is not None and claim.tag is None


# ---- every export format's exact output -------------------------------------------------------


def test_json_and_jsonl_write_a_null_tag():
    record = json.loads(_written("jsonl", _open_claim()))
    assert record == {
        "schema": 1,
        "id": OPEN_ID,
        "article_id": "report",
        "quote": QUOTE,
        "prefix": "The studio said ",
        "suffix": ". Critics doubted it.",
        "start": 16,
        "end": 58,
        "tag": None,
        "note": "Check the studio's figures.",
        "links": [],
        "annotator": "alice",
        "created": STAMP,
        "modified": STAMP,
        "content_hash": ARTICLE.content_hash,
        "article_title": "Report",
        "article_hash": ARTICLE.content_hash,
        "orphan": False,
        "anchor": {"start": 16, "end": 58, "method": "position"},
    }
    assert '      "tag": null,\n' in _written("json", _open_claim())
    assert json.loads(_written("json", _open_claim()))["annotations"] == [record]


def test_csv_leaves_the_tag_cell_empty():
    assert _written("csv", _open_claim()) == (
        "id,article id,article title,tag,quote,note,links,linked from,annotator,created,start,"
        "end,orphan,summary,review,evidence\r\n"
        f"{OPEN_ID},report,Report,,{QUOTE},Check the studio's figures.,,,alice,{STAMP},16,58,"
        "false,,,\r\n"
    )
    rows = list(csv.DictReader(io.StringIO(_written("csv", _open_claim()))))
    assert rows[0]["tag"] == ""


def test_markdown_has_an_open_section_and_column():
    tagged = _tagged()
    assert _written("md", tagged, _open_claim()) == (
        "# Claims report\n\n"
        "2 annotations, exported 2025-07-21 09:00 UTC.\n\n"
        "## Summary\n\n"
        "| Article | Confirmed | Speculative | Contradicted | Open | Orphans | Total |\n"
        "|---|--:|--:|--:|--:|--:|--:|\n"
        "| Report | 1 | 0 | 0 | 1 | 0 | 2 |\n"
        "| **All articles** | **1** | **0** | **0** | **1** | **0** | **2** |\n\n"
        "## Report\n\n"
        "Daily · 2025-07-20 · language: en\n\n"
        "### Confirmed (1)\n\n"
        "> The studio\n>\n> — alice · 2025-07-20 10:00 · characters 0–10\n\n"
        "### Open (1)\n\n"
        f"> {QUOTE}\n>\n"
        "> **Note:** Check the studio's figures.\n>\n"
        "> — alice · 2025-07-20 10:00 · characters 16–58\n\n"
    )
    # A report without open claims has no Open column.
    assert "Open" not in _written("md", tagged)


def _tagged(**changes: Any) -> Annotation:
    """A confirmed claim on "The studio", with changes."""
    fields: dict[str, Any] = {
        "id": "1f8fad5b-d9cb-469f-a165-70867728950e",
        "article_id": "report",
        "quote": "The studio",
        "prefix": "",
        "suffix": TEXT[10:42],
        "start": 0,
        "end": 10,
        "tag": "confirmed",
        "note": "",
        "annotator": "alice",
        "created": STAMP,
        "modified": STAMP,
        "content_hash": ARTICLE.content_hash,
    }
    return Annotation(**{**fields, **changes})


def test_w3c_writes_a_highlighting_annotation_without_a_tagging_body():
    (item,) = prepare([_open_claim()], [ARTICLE]).items
    annotation = to_w3c(item)
    assert annotation == {
        "@context": ["http://www.w3.org/ns/anno.jsonld", {"eternaut": "urn:eternaut-reader:ns#"}],
        "id": f"urn:uuid:{OPEN_ID}",
        "type": "Annotation",
        "motivation": "highlighting",
        "creator": {"type": "Person", "nickname": "alice"},
        "created": STAMP,
        "modified": STAMP,
        "body": [
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "value": "Check the studio's figures.",
                "format": "text/plain",
            }
        ],
        "target": {
            "type": "SpecificResource",
            "source": "urn:eternaut-reader:article:report",
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": QUOTE,
                    "prefix": "The studio said ",
                    "suffix": ". Critics doubted it.",
                },
                {"type": "TextPositionSelector", "start": 16, "end": 58},
            ],
            "eternaut:contentHash": ARTICLE.content_hash,
            "eternaut:articleTitle": "Report",
            "eternaut:orphan": False,
        },
    }
    assert _failures(annotation) == {}
    # Without a note it has no body at all, and is still a valid annotation.
    (bare,) = prepare([_open_claim(note="")], [ARTICLE]).items
    bare_annotation = to_w3c(bare)
    assert "body" not in bare_annotation and bare_annotation["motivation"] == "highlighting"
    assert _failures(bare_annotation) == {}
    doc = json.loads(_written("w3c", _tagged(), _open_claim(note="")))
    items = doc["first"]["items"]
    assert [a["motivation"] for a in items] == ["assessing", "highlighting"]
    assert [b["purpose"] for b in items[0]["body"]] == ["tagging"] and "body" not in items[1]


# ---- reading them back ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "name"), [("json", "o.json"), ("jsonl", "o.jsonl"), ("w3c", "o.jsonld")]
)
def test_an_open_claim_round_trips_through_json_and_w3c(tmp_path, fmt, name):
    claim = _open_claim()
    path = tmp_path / name
    export([claim], [ARTICLE], fmt, path)
    parsed = read_file(path, articles=[ARTICLE])
    assert parsed.format == ("json" if fmt == "jsonl" else fmt)  # one line: one JSON document
    assert parsed.annotations == [claim]
    db = tmp_path / "db.json"
    with open_store(db, "bob") as store:
        assert store.merge(parsed.annotations).added == (OPEN_ID,)
        assert store.merge(read_file(path).annotations).unchanged == (OPEN_ID,)
    with open_store(db, "bob") as store:
        assert store.get(OPEN_ID) == claim


def test_a_w3c_highlight_of_another_tool_is_an_open_claim(tmp_path):
    path = tmp_path / "h.jsonld"
    path.write_text(
        json.dumps(
            {
                "@context": "http://www.w3.org/ns/anno.jsonld",
                "id": "https://annotations.example/h/1",
                "type": "Annotation",
                "motivation": "highlighting",
                "target": {
                    "source": "https://news.example/story",
                    "selector": {"type": "TextQuoteSelector", "exact": "ten times faster"},
                },
            }
        ),
        encoding="utf-8",
    )
    (ann,) = read_file(path).annotations
    assert ann.tag is None and ann.quote == "ten times faster" and ann.note == ""
    assert (ann.start, ann.end, ann.annotator) == (0, 16, "unknown")


# ---- ClaimReview leaves them out, and says so --------------------------------------------------


def _db_with_claims(tmp_path: Path) -> Path:
    db = tmp_path / "db.json"
    with open_store(db, "alice") as store:
        store.add(ARTICLE, 0, 10, tag="confirmed")
        store.add(ARTICLE, START, END, tag=None, note="open")
        store.add(ARTICLE, END + 2, END + 9, tag=None)
    return db


def test_claimreview_leaves_open_claims_out_and_says_so_on_stderr(tmp_path, capsys):
    db = _db_with_claims(tmp_path)
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "report.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "claims.claimreview.jsonld"
    assert main(["export", "--db", str(db), str(folder), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "left out 2 open claims (no verdict yet): claimreview has no place for" in err
    assert "exported 1 review of 1 annotation as claimreview" in err
    reviews = json.loads(out.read_text(encoding="utf-8"))
    assert [r["claimReviewed"] for r in reviews] == ["The studio"]
    # To standard output too, and with only open claims chosen: nothing but the note.
    code = main(["export", "--db", str(db), str(folder), "-f", "claimreview", "--tag", "open"])
    captured = capsys.readouterr()
    assert code == 0 and captured.out == "[]\n"
    assert "left out 2 open claims" in captured.err and "nothing matched" not in captured.err
    # Any other format keeps them; --tag open chooses just them.
    code = main(["export", "--db", str(db), str(folder), "-f", "csv", "--tag", "open"])
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert code == 0 and [r["tag"] for r in rows] == ["", ""]


def test_export_result_counts_what_claimreview_left_out(tmp_path):
    db = _db_with_claims(tmp_path)
    with open_store(db, "alice") as store:
        result = export(store, [ARTICLE], "claimreview", io.StringIO())
        assert (result.count, result.left_out) == (1, 2)
        assert export(store, [ARTICLE], "json", io.StringIO()).left_out == 0


# ---- the agreement ----------------------------------------------------------------------------


def test_agreement_leaves_open_claims_out_and_says_how_many():
    alice = _tagged(id="alice-1")
    bob = _tagged(id="bob-1", annotator="bob")
    undecided = _tagged(id="bob-2", annotator="bob", tag=None)
    report = agreement([alice, bob, undecided], [ARTICLE])
    assert report.open == 1
    assert len(report.claims) == 1 and report.pairs[0].n == 1
    assert all(a.tag is not None for c in report.claims for a in c.verdicts.values())
    assert "Left out: 1 open claim (no verdict yet)." in render(report)
