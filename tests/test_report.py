"""The fact-check report (core/report): its content, and both renderings parsed back.

Markdown is parsed with markdown-it-py (CommonMark, with GitHub tables); HTML with html5lib,
as a browser would. Hostile text goes everywhere a string from the data can go.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import html5lib
import pytest
from markdown_it import MarkdownIt

from eternaut_reader import load_corpus
from eternaut_reader.core.analysis import align
from eternaut_reader.core.analysis.conflicts import (
    ALIGNED,
    ELSEWHERE,
    LINKED,
    OWN_CLAIM,
    TAGGED,
    TAGGED_ELSEWHERE,
)
from eternaut_reader.core.annotations.model import Evidence, Link
from eternaut_reader.core.report import build_report, render, report_format
from tests.helpers.report_data import EVIDENCE, ann, claims, phrase

ORDER = ["mixed", "contradicted", "speculative", "confirmed", "open"]
LABELS = {
    "mixed": "± mixed",
    "contradicted": "✗ contradicted",
    "speculative": "? speculative",
    "confirmed": "✓ confirmed",
    "open": "○ open",
}
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(2)>'
ESC = "\x1b]0;PWNED\x07\x1b[2J\u202eBIDI\u2066"
HOSTILE = f"{SCRIPT} {IMG} {ESC} [x](javascript:alert(3)) <a href='javascript:alert(4)'>y</a>"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


@pytest.fixture(scope="module")
def alignment(corpus):
    return align(corpus)


@pytest.fixture(scope="module")
def report(corpus, alignment):
    return build_report(
        claims(corpus).values(),
        corpus.articles,
        alignment=alignment,
        generated="2025-07-30T12:00:00Z",
    )


def md_tokens(text: str):
    return MarkdownIt("commonmark").enable("table").parse(text)


def md_html(text: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(text)


def parse_html(text: str):
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    return parser.parse(text)


def text_of(element) -> str:
    return "".join(element.itertext())


def headings(tokens, level: str) -> list[str]:
    return [
        tokens[i + 1].content
        for i, t in enumerate(tokens)
        if t.type == "heading_open" and t.tag == level
    ]


def tables(tokens) -> list[list[list[str]]]:
    """Every table as rows of cell texts (markup and escapes undone)."""
    out, rows, row = [], None, None
    for i, t in enumerate(tokens):
        if t.type == "table_open":
            rows = []
        elif t.type == "tr_open":
            row = []
        elif t.type in ("th_open", "td_open"):
            inline = tokens[i + 1]
            row.append("".join(c.content for c in inline.children or () if c.type == "text"))
        elif t.type == "tr_close":
            rows.append(row)
        elif t.type == "table_close":
            out.append(rows)
    return out


# ---- content --------------------------------------------------------------------------------


def test_claims_come_most_important_first_with_their_verdicts(report):
    assert [c.verdict for c in report.claims] == ORDER
    assert [c.number for c in report.claims] == [1, 2, 3, 4, 5]
    assert report.counts() == dict.fromkeys(ORDER, 1)
    assert report.annotators == ["alice"]
    mixed = report.claims[0]
    assert mixed.summary == "AI ad formats launch in the second half of 2025"
    assert mixed.reason == (
        "confirmed in (2) First AI-Generated Scene Debuts in El Eternauta; "
        "contradicted in (3) Netflix’s Pioneering Step into AI-Enhanced Storytelling"
    )


def test_a_mixed_claim_shows_its_conflicting_statements_side_by_side_with_the_values(report):
    mixed = report.claims[0]
    first = mixed.conflicts[0]
    assert (first.left.source.number, first.right.source.number) == (2, 3)
    assert (first.left.tag, first.right.tag) == ("confirmed", "contradicted")
    assert [(v.what, v.left, v.right) for v in first.values] == [
        ("date", "second half of 2025", "by 2026")
    ]
    assert first.reasons == (ALIGNED, LINKED, TAGGED)
    # The Italian report states the same date without being tagged: shown as such.
    untagged = [d for d in mixed.conflicts if d.right.annotator is None]
    assert [d.right.source.number for d in untagged] == [1]
    assert untagged[0].values[0].right == "seconda metà dell’anno (= Jul 2025–Dec 2025)"


def test_without_an_alignment_conflicts_come_from_links_and_tags(corpus):
    report = build_report(claims(corpus).values(), corpus.articles, alignment=None)
    [pair] = report.claims[0].conflicts
    assert pair.values == () and pair.reasons == (LINKED, TAGGED)
    # Without an alignment, a claim one report makes is that report's alone.
    alone = {s.article_id: s.alone for s in report.scores}
    assert alone[corpus.articles[4].id] == 1 and alone[corpus.articles[0].id] == 1


def test_a_report_contradicting_itself_by_a_link_is_shown_as_the_claim_view_shows_it(corpus):
    """A `contradicts` link between two passages of one report (a headline and its body) is
    the annotator's word: shown, as the claim view shows it (core/analysis/conflicts.py)."""
    made = claims(corpus)
    start, end = phrase(corpus.articles[1], "Netflix")
    made["self"] = ann(corpus.articles[1], start, end, None, "self", Link("ads", "contradicts"))
    report = build_report(made.values(), corpus.articles, alignment=None)
    mixed = report.claims[0]
    inside = [d for d in mixed.conflicts if d.left.source is d.right.source]
    assert [(d.left.source.number, d.reasons) for d in inside] == [(2, (LINKED,))]
    assert "*Why side by side: linked as contradicting.*" in render(report, "md")


def test_an_aligned_passage_tagged_as_a_claim_of_its_own_says_so(corpus, alignment):
    """The report showed the tag of an aligned passage under "a report where no passage of the
    claim is tagged" (an outside tester): the tag belongs to a claim of its own, not linked."""
    made = claims(corpus)
    third = corpus.articles[2]
    start = third.text.index("The series, which premiered recently")
    made["own"] = ann(third, start, third.text.index(".", start) + 1, "speculative", "own")
    report = build_report(made.values(), corpus.articles, alignment=alignment)
    [debut] = [
        c for c in report.claims if any(s.quote.startswith("In a landmark") for s in c.statements)
    ]
    premiered = [d for d in debut.conflicts if "premiered" in d.right.text + d.left.text]
    assert premiered and all(d.reasons == (OWN_CLAIM,) for d in premiered)
    assert {d.right.tag for d in premiered} | {d.left.tag for d in premiered} >= {"speculative"}
    assert OWN_CLAIM in render(report, "md")
    # Untagged, the same passage is the report's: ELSEWHERE, with no tag.
    report = build_report(claims(corpus).values(), corpus.articles, alignment=alignment)
    [debut] = [
        c for c in report.claims if any(s.quote.startswith("In a landmark") for s in c.statements)
    ]
    assert any(d.reasons == (ELSEWHERE,) for d in debut.conflicts)


def test_a_passage_stating_the_claim_tagged_otherwise_as_its_own_claim_is_a_disagreement(
    corpus, alignment
):
    """ "✓ confirmed" sat above a ✗ cell of its own matrix row, with no word on it (an outside
    tester): another report's passage stating the claim, tagged ✗ as a claim of its own."""
    second, fifth = corpus.articles[1], corpus.articles[4]
    here = ann(
        second,
        *phrase(second, "First Mainstream Use of GenAI in TV Production"),
        "confirmed",
        "here",
    )
    there = ann(
        fifth,
        *phrase(fifth, "Netflix Uses Generative AI in TV Show for First Time"),
        "contradicted",
        "there",
    )
    report = build_report([here, there], corpus.articles, alignment=alignment)
    [claim] = [c for c in report.claims if c.statements[0].quote.startswith("First Mainstream")]
    row = [d for d in claim.conflicts if d.reasons == (TAGGED_ELSEWHERE,)]
    assert [(d.left.tag, d.right.tag, d.right.source.number) for d in row] == [
        ("confirmed", "contradicted", 5)
    ]
    assert TAGGED_ELSEWHERE in render(report, "md")


def test_the_scorecard_counts_each_reports_claims(report, corpus):
    scores = {s.article_id: s for s in report.scores}
    third = scores[corpus.articles[2].id]  # ads-2 (contradicted) and faster (confirmed)
    assert (third.claims, third.confirmed, third.contradicted) == (2, 1, 1)
    fourth = scores[corpus.articles[3].id]  # faster-2 (confirmed) and the open claim
    assert (fourth.claims, fourth.confirmed, fourth.open) == (2, 1, 1)


def test_the_matrix_has_one_line_per_claim_in_report_order(report):
    assert [line.number for line in report.matrix] == [1, 2, 3, 4, 5]
    # The second claim is linked as contradicting the row's: its verdict and the conflict mark.
    assert report.matrix[0].marks[1:3] == ("✓", "✗⚠")
    assert report.matrix[3].marks[2:4] == ("✓", "✓")  # linked: one row, both reports
    assert report.matrix[4].marks[3] == "○"


def test_filters_by_article_and_annotator(corpus, alignment):
    made = claims(corpus)
    made["bob"] = replace(made["debut"], id="bob", annotator="bob", start=0, end=10)
    report = build_report(
        made.values(), corpus.articles, alignment=alignment, only_articles=[corpus.articles[2].id]
    )
    assert [c.verdict for c in report.claims] == ["mixed", "confirmed"]
    report = build_report(made.values(), corpus.articles, annotators=["bob"])
    assert [s.annotator for c in report.claims for s in c.statements] == ["bob"]


def test_the_format_comes_from_the_file_name():
    assert report_format("out.html") == report_format("OUT.HTM") == "html"
    assert report_format("out.md") == report_format(None) == report_format("x.txt") == "md"


# ---- Markdown -------------------------------------------------------------------------------


def test_markdown_parses_back_with_every_claim_verdict_and_source(report, corpus):
    text = render(report, "md")
    tokens = md_tokens(text)
    assert headings(tokens, "h1") == ["Fact-check report"]
    assert headings(tokens, "h2") == ["Claims", "Source scorecard", "Claim × report matrix"]
    h3 = headings(tokens, "h3")
    assert len(h3) == 5 and h3[0] == "1. AI ad formats launch in the second half of 2025"
    rendered = md_html(text)
    for claim in report.claims:
        verdict = f"<strong>Verdict: {LABELS[claim.verdict]}</strong>"
        assert verdict in rendered
    # Claims in order of importance.
    found = [rendered.index(f"Verdict: {LABELS[v]}") for v in ORDER]
    assert found == sorted(found)
    # Every report that states a claim is named with its quote.
    for claim in report.claims:
        for statement in claim.statements:
            assert statement.quote.split("“")[0].strip()[:40] in text
    assert "Generated 2025-07-30 12:00 UTC" in text and "annotators: alice" in text
    for article in corpus.articles:
        assert article.title in rendered


def test_markdown_tables_scorecard_matrix_and_conflict(report):
    all_tables = tables(md_tokens(render(report, "md")))
    conflict = next(t for t in all_tables if t[0][0] == "" and "date" in str(t))
    assert conflict[-1] == ["date", "second half of 2025", "by 2026"]
    scorecard = next(t for t in all_tables if t[0][0] == "Report")
    assert scorecard[0] == [
        "Report",
        "Claims tagged",
        "✓ confirmed",
        "? speculative",
        "✗ contradicted",
        "○ open",
        "Only this report",
    ]
    assert len(scorecard) == 1 + 5
    assert scorecard[3][:4] == [
        "(3) Netflix’s Pioneering Step into AI-Enhanced Storytelling",
        "2",
        "1",
        "0",
    ]
    matrix = next(t for t in all_tables if t[0][0] == "#")
    assert matrix[0] == ["#", "Claim", "1", "2", "3", "4", "5"]
    assert [row[0] for row in matrix[1:]] == ["1", "2", "3", "4", "5"]
    assert matrix[1][1] == "AI ad formats launch in the second half of 2025"


def test_markdown_shows_review_and_evidence_linked(report):
    rendered = md_html(render(report, "md"))
    assert (
        '<a href="https://ir.netflix.net/q2-2025">Netflix Q2 2025 earnings interview</a>'
        in rendered
    )
    assert EVIDENCE.quote in rendered and EVIDENCE.note in rendered
    assert "Netflix said so on its earnings call; one report says 2026." in rendered


# ---- hostile data ---------------------------------------------------------------------------


@dataclass
class Hostile:
    id: str
    title: str
    text: str
    language: str = "en"
    outlet: str | None = None
    date: str | None = None
    url: str | None = None

    @property
    def content_hash(self) -> str:
        return "sha256:x"


def hostile_report():
    text = f"The claim {HOSTILE} is here. Another sentence follows it."
    one = Hostile("h1", f"Title {HOSTILE}", text, outlet=f"Outlet {IMG}", url="javascript:alert(5)")
    two = Hostile("h2", f"Second {SCRIPT}", text, url=f"https://example.org/a?q={IMG}")
    evil = Evidence("javascript:alert(6)", f"Evidence {HOSTILE}", f"quote {HOSTILE}", f"note {ESC}")
    good = Evidence("https://example.org/e", f"Good {SCRIPT}", "", "")
    end = text.index(" Another")
    first = ann(
        one,
        0,
        end,
        "confirmed",
        "x1",
        Link("x2", "contradicts"),
        summary=f"Summary {HOSTILE}",
        review=f"Review {HOSTILE}\nsecond line",
        note=f"Note {HOSTILE}\n# not a heading",
        annotator=f"ann {IMG}",
        evidence=(evil, good),
    )
    second = ann(two, 0, end, "contradicted", "x2", annotator=f"bob {ESC}")
    return build_report([first, second], [one, two], title=f"Story {SCRIPT}")


def test_html_escapes_hostile_text_and_links_only_web_urls():
    page = render(hostile_report(), "html")
    tree = parse_html(page)
    assert tree.findall(".//script") == []
    assert tree.findall(".//img") == [] and tree.findall(".//iframe") == []
    for element in tree.iter():
        for name in element.attrib:
            assert not name.lower().startswith("on"), (element.tag, name)
        assert "src" not in element.attrib
    hrefs = {a.get("href") for a in tree.iter("a")}
    assert hrefs == {
        "https://example.org/a?q=%22%3E%3Cimg%20src=x%20onerror=alert(2)%3E",
        "https://example.org/e",
    }
    # The hostile strings are there as text, to read.
    body = text_of(tree.find(".//body"))
    assert SCRIPT in body and IMG in body and "javascript:alert(3)" in body
    assert tree.find(".//title").text == f"Story {SCRIPT}"
    # No control character reaches the page: the terminal escapes are replacement characters.
    assert "\x1b" not in page and "\x07" not in page and "\ufffd]0;PWNED\ufffd" in body
    assert "\u202e" not in page and "\u2066" not in page and "\ufffdBIDI\ufffd" in body
    # Nothing is fetched: no @import, no url(), a policy that forbids everything else.
    css = "".join(style.text for style in tree.iter("style"))
    assert "@import" not in css and "url(" not in css
    policy = tree.find(".//meta[@http-equiv='Content-Security-Policy']").get("content")
    assert policy.startswith("default-src 'none'")


def test_markdown_escapes_hostile_text_and_links_only_web_urls():
    text = render(hostile_report(), "md")
    rendered = md_html(text)
    tree = parse_html(rendered)
    assert tree.findall(".//script") == [] and tree.findall(".//img") == []
    hrefs = {a.get("href") for a in tree.iter("a")}
    assert hrefs == {
        "https://example.org/a?q=%22%3E%3Cimg%20src=x%20onerror=alert(2)%3E",
        "https://example.org/e",
    }
    body = text_of(tree)
    assert SCRIPT in body and "[x](javascript:alert(3))" in body
    assert "\x1b" not in text
    # The note's second line stays text in its list item, never a heading.
    assert [h.tag for h in tree.iter() if re.fullmatch(r"h[1-6]", str(h.tag))].count("h1") == 1


# ---- HTML -----------------------------------------------------------------------------------


def test_html_is_one_self_contained_page_for_phones_print_and_dark_mode(report):
    page = render(report, "html")
    tree = parse_html(page)
    assert page.startswith("<!DOCTYPE html>")
    viewport = tree.find(".//meta[@name='viewport']")
    assert viewport is not None and "width=device-width" in viewport.get("content")
    css = tree.find(".//style").text
    assert "@media print" in css and "prefers-color-scheme: dark" in css
    assert "max-width" in css  # a fluid column, not a fixed width
    for tag in ("link", "script", "img", "iframe", "object", "embed", "base", "form"):
        assert tree.findall(f".//{tag}") == [], tag
    hrefs = [a.get("href") for a in tree.iter("a")]
    assert hrefs and all(h.startswith(("http://", "https://")) for h in hrefs)


def test_html_parses_without_a_single_error_even_with_hostile_data(report):
    strict = html5lib.HTMLParser(strict=True)  # raises on any parse error
    strict.parse(render(report, "html"))
    strict.parse(render(hostile_report(), "html"))


def test_html_claims_in_order_each_with_glyph_and_word(report):
    tree = parse_html(render(report, "html"))
    cards = [e for e in tree.iter("article") if "claim" in e.get("class", "")]
    assert len(cards) == 5
    verdicts = []
    for card in cards:
        pill = next(e for e in card.iter("span") if "verdict" in e.get("class", "").split())
        verdicts.append(text_of(pill))
    assert verdicts == [LABELS[v] for v in ORDER]
    first = cards[0]
    assert "AI ad formats launch in the second half of 2025" in text_of(first.find(".//h3"))
    values = first.find(".//table")
    cells = [text_of(td) for td in values.iter("td")]
    assert cells[:2] == ["second half of 2025", "by 2026"]
    assert any(a.get("href") == EVIDENCE.url for a in first.iter("a"))


def test_html_scorecard_and_matrix_tables(report):
    tree = parse_html(render(report, "html"))
    scorecard = tree.find(".//section[@id='scorecard']//table")
    assert len(scorecard.findall(".//tbody/tr")) == 5
    matrix = tree.find(".//section[@id='matrix']//table")
    rows = matrix.findall(".//tbody/tr")
    assert [text_of(r.find("td")) for r in rows] == ["1", "2", "3", "4", "5"]
    # Report 4 only has a passage on the same topic ("ad-supported models"): blank, no dot.
    # The Italian report agrees with the row's claim (a dot), whatever it says of the claim
    # linked as contradicting it (✗⚠).
    assert [text_of(td) for td in rows[0].findall("td")][2:] == ["·", "✓", "✗⚠", "", ""]
    assert "·" in [text_of(td) for r in rows for td in r.findall("td")]  # a dot elsewhere
