"""The claim record in the other exports: ClaimReview's reviewBody and citation, Markdown."""

from __future__ import annotations

import csv
import io
import json

from markdown_it import MarkdownIt

from eternaut_reader import load_corpus
from eternaut_reader.core.annotations.model import Evidence
from eternaut_reader.core.formats import export
from tests.helpers.report_data import EVIDENCE, claims

BAD = Evidence("javascript:alert(1)", "Not a link", "", "")  # never made by the store


def _export(fmt: str, annotations) -> str:
    out = io.StringIO()
    export(annotations, load_corpus(), fmt, out)
    return out.getvalue()


def test_claimreview_carries_the_review_and_the_evidence_as_citations():
    made = claims(load_corpus())
    reviews = json.loads(_export("claimreview", made.values()))
    ads = next(r for r in reviews if "ads" in r["identifier"])
    assert ads["claimReviewed"] == "AI ad formats launch in the second half of 2025"
    assert ads["reviewBody"] == (
        "Netflix said so on its earnings call; one report says 2026.\n\nThe call is the source."
    )
    assert ads["citation"] == [
        {
            "@type": "CreativeWork",
            "url": EVIDENCE.url,
            "name": EVIDENCE.title,
            "description": f"“{EVIDENCE.quote}” — {EVIDENCE.note}",
        }
    ]
    assert all("citation" not in r for r in reviews if r is not ads)


def test_claimreview_never_cites_a_url_that_is_not_http():
    made = claims(load_corpus())
    made["ads"] = made["ads"].changed(evidence=(BAD,))
    reviews = json.loads(_export("claimreview", made.values()))
    ads = next(r for r in reviews if "ads" in r["identifier"])
    assert ads["citation"] == [{"@type": "CreativeWork", "name": "Not a link"}]


def test_markdown_export_shows_the_record_where_it_is_kept():
    made = claims(load_corpus())
    made["ads"] = made["ads"].changed(evidence=(EVIDENCE, BAD))
    rendered = MarkdownIt("commonmark").render(_export("md", made.values()))
    assert "<strong>Claim:</strong> AI ad formats launch in the second half of 2025" in rendered
    assert "<strong>Review:</strong> Netflix said so on its earnings call" in rendered
    assert f'<a href="{EVIDENCE.url}">{EVIDENCE.title}</a>' in rendered
    assert "Not a link" in rendered and "javascript:" not in rendered


def test_csv_export_has_the_record_on_the_row_that_holds_it():
    made = claims(load_corpus())
    made["ads"] = made["ads"].changed(evidence=(EVIDENCE, Evidence("", "=cmd|' /C calc'!A0")))
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(_export("csv", made.values())))}
    ads = rows[made["ads"].id]
    assert ads["summary"] == "AI ad formats launch in the second half of 2025"
    assert ads["review"].startswith("Netflix said so on its earnings call")
    first, second = ads["evidence"].split("\n")
    assert first == f"{EVIDENCE.title} <{EVIDENCE.url}> “{EVIDENCE.quote}” — {EVIDENCE.note}"
    assert second == "=cmd|' /C calc'!A0"  # a later line: the cell starts with the first
    others = [r for key, r in rows.items() if key != made["ads"].id]
    assert all(r["summary"] == r["review"] == r["evidence"] == "" for r in others)
