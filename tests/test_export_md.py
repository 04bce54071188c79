"""The Markdown report, read back with a CommonMark parser as a renderer would read it."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from eternaut_reader import open_store
from eternaut_reader.core.formats import export
from eternaut_reader.core.formats.markdown import escape_block, escape_inline
from tests.helpers.claims import FakeArticle, seeds, tag_claims

HOSTILE = (
    "first line\n# heading\n## another\n```\nfenced\n```\n<script>alert(1)</script>\n"
    "| a | b |\n|---|---|\n- item\n1. one\n    indented code\n> nested quote\n"
    "[link](javascript:alert(1)) ![img](x.png) *stars* _under_ `tick` ~~strike~~\n"
    "---\n===\n&amp; &#35;\n\\ backslash\n\x1b[31mred\x1b[0m"
)


@pytest.fixture(scope="module")
def corpus():
    return seeds()


def _parse(text: str) -> list[Token]:
    return MarkdownIt("commonmark").enable("table").parse(text)


def _inline_children(tokens: list[Token]) -> list[Token]:
    return [c for t in tokens if t.type == "inline" for c in (t.children or [])]


def _headings(tokens: list[Token]) -> list[tuple[str, str]]:
    return [
        (tok.tag, tokens[n + 1].content)
        for n, tok in enumerate(tokens)
        if tok.type == "heading_open"
    ]


def _report(tmp_path: Path, corpus, **filters) -> str:
    tag_claims(tmp_path / "db.json", corpus)
    with open_store(tmp_path / "db.json") as store:
        export(store, corpus, "md", tmp_path / "r.md", **filters)
    return (tmp_path / "r.md").read_text(encoding="utf-8")


def test_report_is_grouped_by_article_then_tag_with_orphans_last(tmp_path, corpus):
    tokens = _parse(_report(tmp_path, corpus))
    arts = corpus.articles
    assert _headings(tokens) == [
        ("h1", "Claims report"),
        ("h2", "Summary"),
        ("h2", arts[0].title),
        ("h3", "Speculative (1)"),
        ("h2", arts[1].title),
        ("h3", "Confirmed (1)"),
        ("h2", arts[2].title),
        ("h3", "Confirmed (1)"),
        ("h2", arts[4].title),
        ("h3", "Contradicted (1)"),
        ("h2", "Orphans"),
        ("h3", arts[1].title),
        ("h3", "gone-article"),
    ]


def test_summary_table_at_the_top_counts_each_article(tmp_path, corpus):
    tokens = _parse(_report(tmp_path, corpus))
    first_table = next(n for n, t in enumerate(tokens) if t.type == "table_open")
    first_article = [n for n, t in enumerate(tokens) if t.type == "heading_open"][2]
    assert first_table < first_article
    rows: list[list[str]] = []
    for tok in tokens[first_table:]:
        if tok.type == "table_close":
            break
        if tok.type == "tr_open":
            rows.append([])
        if tok.type == "inline":
            rows[-1].append(tok.content)
    arts = corpus.articles
    assert rows[0] == ["Article", "Confirmed", "Speculative", "Contradicted", "Orphans", "Total"]
    assert rows[1:] == [
        [arts[0].title, "0", "1", "0", "0", "1"],
        [arts[1].title, "1", "1", "0", "1", "2"],
        [arts[2].title, "1", "0", "0", "0", "1"],
        [arts[4].title, "0", "0", "1", "0", "1"],
        ["gone-article", "1", "0", "0", "1", "1"],
        ["**All articles**", "**3**", "**2**", "**1**", "**2**", "**6**"],
    ]


def test_each_quote_is_a_block_quote_holding_its_note_and_links(tmp_path, corpus):
    html = MarkdownIt("commonmark").render(_report(tmp_path, corpus))
    quotes = html.split("<blockquote>")[1:]
    assert len(quotes) == 6
    a1 = next(q for q in quotes if "Netflix has confirmed the use of generative AI" in q)
    a1 = a1.split("</blockquote>")[0]
    assert "<strong>Note:</strong> Two outlets agree.<br />\nThe third one does not." in a1
    assert "<li>→ supports “allowed the production team" in a1
    assert "— alice · " in a1 and "characters 0–46" in a1


def test_user_text_never_becomes_markup(tmp_path):
    article = FakeArticle("art", "# Not a heading | *not bold* <b>raw</b> and more text.")
    db = tmp_path / "db.json"
    with open_store(db, "<img src=x onerror=alert(1)>") as store:
        store.add(article, 0, 40, "confirmed", HOSTILE)
        article.title = "Title with | pipe # and *stars*"
        export(store, [article], "md", tmp_path / "r.md")
    text = (tmp_path / "r.md").read_text(encoding="utf-8")
    tokens = _parse(text)
    assert _headings(tokens) == [
        ("h1", "Claims report"),
        ("h2", "Summary"),
        ("h2", "Title with \\| pipe \\# and \\*stars\\*"),
        ("h3", "Confirmed (1)"),
    ]
    kinds = {t.type for t in tokens} | {c.type for c in _inline_children(tokens)}
    for markup in ("html_block", "html_inline", "fence", "code_block", "link_open", "image"):
        assert markup not in kinds
    assert "em_open" not in kinds and "code_inline" not in kinds
    assert "\x1b" not in text
    # The whole note stays inside the one block quote, line by line, as literal text.
    html = MarkdownIt("commonmark").render(text)
    quote = html.split("<blockquote>")[1].split("</blockquote>")[0]
    for line in ("# heading", "## another", "```", "<script>alert(1)</script>", "- item"):
        assert line.replace("<", "&lt;").replace(">", "&gt;") in quote
    assert "1. one" in quote and "&amp;amp; &amp;#35;" in quote
    assert html.count("<blockquote>") == 1 and "<h1>" in html and html.count("<h1>") == 1


def test_escaping_keeps_the_text_readable():
    assert escape_inline("Netflix’s 10x claim, 2025.") == "Netflix’s 10x claim, 2025."
    assert escape_inline("a\nb   c") == "a b c"
    assert escape_block("a\n# b\n\n2. c") == ["a\\", "\\# b", "", "2\\. c"]
    assert escape_block("  code") == ["&#32;&#32;code"]


def test_filters_are_named_at_the_top(tmp_path, corpus):
    text = _report(tmp_path, corpus, tags=["contradicted"])
    assert "1 annotation, exported " in text and "(only tag: contradicted)" in text
    # Every tag chosen is no filter (it said "only tag: confirmed, contradicted, open…").
    text = _report(tmp_path, corpus, tags=["confirmed", "speculative", "contradicted", "open"])
    assert "(only" not in text.split("## Summary")[0]


def test_escaping_a_line_is_what_the_regular_expressions_did():
    """The escaping is one str.translate now; it must give what the substitutions gave."""
    import random
    import re

    from eternaut_reader.core.formats.markdown import _escape_line

    markup = re.compile(r"([\\`*_\[\]<>#|~&])")
    control = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
    leading = re.compile(r"^[ \t]+")
    ordered = re.compile(r"^(\d{1,9})([.)])")

    def before(line: str) -> str:
        line = markup.sub(r"\\\1", control.sub("\ufffd", line))
        line = leading.sub(lambda m: m.group().replace(" ", "&#32;").replace("\t", "&#9;"), line)
        if line[:1] in ("+", "-", "="):
            return "\\" + line
        return ordered.sub(r"\1\\\2", line)

    alphabet = " \t+-=.)#*_`\\[]<>|~&12٣²ab\x00\x07\x0b\x1b\x7f\x85\x9f\xa0é\u2028"
    rng = random.Random(13)
    for _ in range(20_000):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        assert _escape_line(line) == before(line), repr(line)


def test_bidirectional_overrides_cannot_turn_the_text_after_them_around():
    # U+202E in a quote would show "by ana ✓ confirmed" reversed wherever the Markdown is read.
    text = "a \u202eevil\u202c and \u2067isolate\u2069 and \u061c"
    for escaped in (escape_inline(text), *escape_block(text)):
        assert not any(
            ch in escaped for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
        )
    assert escape_inline(text) == "a \ufffdevil\ufffd and \ufffdisolate\ufffd and \ufffd"
