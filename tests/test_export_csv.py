"""The CSV export: its columns, what a spreadsheet reader gets back, and formula injection."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from eternaut_reader import open_store
from eternaut_reader.core.formats import export
from eternaut_reader.core.formats.table import COLUMNS, guard
from tests.helpers.claims import FakeArticle, seeds, tag_claims

HEADER = [
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
]


@pytest.fixture(scope="module")
def corpus():
    return seeds()


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_one_row_per_annotation_with_the_documented_columns(tmp_path, corpus):
    claims = tag_claims(tmp_path / "db.json", corpus)
    with open_store(tmp_path / "db.json") as store:
        export(store, corpus, "csv", tmp_path / "c.csv")
    raw = (tmp_path / "c.csv").read_bytes()
    assert raw.startswith(
        b"id,article id,article title,tag,quote,note,links,linked from,annotator,created,"
        b"start,end,orphan,summary,review,evidence\r\n"
    )
    assert list(COLUMNS) == HEADER
    rows = {r["quote"]: r for r in _rows(tmp_path / "c.csv")}
    assert len(rows) == len(claims)
    a1, b1 = claims["a1"], claims["b1"]
    row = rows[a1.quote]
    assert row == {
        "id": a1.id,
        "article id": corpus.articles[1].id,
        "article title": corpus.articles[1].title,
        "tag": "confirmed",
        "quote": a1.quote,
        "note": "Two outlets agree.\nThe third one does not.",
        # a long quote is cut to 80 characters in a link
        "links": f"supports: “{b1.quote[:79]}…” ({corpus.articles[2].title})",
        # c1 contradicts a1: made by c1, shown here too
        "linked from": f"contradicted by: “{claims['c1'].quote}” ({corpus.articles[4].title})",
        "annotator": "alice",
        "created": a1.created,
        "start": str(a1.start),
        "end": str(a1.end),
        "orphan": "false",
        "summary": "",
        "review": "",
        "evidence": "",
    }
    assert rows[claims["orphan"].quote]["orphan"] == "true"
    assert rows[claims["unknown"].quote]["orphan"] == "unknown"
    assert rows[claims["unknown"].quote]["article title"] == "gone-article"
    assert rows[claims["s1"].quote]["article title"] == corpus.articles[0].title  # Italian


@pytest.mark.parametrize(
    "note",
    [
        '=HYPERLINK("http://evil.example","click")',
        "+1+2",
        "-2+3",
        "@SUM(A1:A2)",
        "\t=1+1",
        "\r=1+1",
        "＝1+1",
        "  =1+1",
    ],
)
def test_a_cell_that_a_spreadsheet_would_run_gets_an_apostrophe(tmp_path, note):
    article = FakeArticle("=cmd|' /C calc'!A0", "-Quoted text begins with a minus sign.")
    with open_store(tmp_path / "db.json", "@admin") as store:
        store.add(article, 0, 12, "confirmed", note)
        export(store, None, "csv", tmp_path / "c.csv")
    (row,) = _rows(tmp_path / "c.csv")
    assert row["note"] == "'" + note
    assert row["article title"] == "'=cmd|' /C calc'!A0"
    assert row["quote"] == "'-Quoted text"
    assert row["annotator"] == "'@admin"


def test_harmless_cells_are_left_alone():
    for cell in ("2+2=4", "Sarandos said so", "", "e-mail me @home", "'already quoted"):
        assert guard(cell) == cell


def test_multi_line_notes_with_quotes_and_commas_survive_a_round_trip(tmp_path):
    note = 'He said "ten times faster", then:\nline two, with a comma\r\nline three\n\nlast'
    article = FakeArticle("a", 'Some, "quoted" text\nacross lines.')
    with open_store(tmp_path / "db.json") as store:
        store.add(article, 0, 26, "speculative", note)
        export(store, None, "csv", tmp_path / "c.csv")
    (row,) = _rows(tmp_path / "c.csv")
    # Spreadsheets and the csv module give back \r\n inside a cell as it was written.
    assert row["note"] == note
    assert row["quote"] == 'Some, "quoted" text\nacross'


def test_the_file_is_utf8_with_crlf_rows(tmp_path, corpus):
    tag_claims(tmp_path / "db.json", corpus)
    with open_store(tmp_path / "db.json") as store:
        export(store, corpus, "csv", tmp_path / "c.csv")
    raw = (tmp_path / "c.csv").read_bytes()
    text = raw.decode("utf-8")
    assert "L’Eternauta" in text and not text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) == 7 and all(len(r) == 16 for r in rows)
