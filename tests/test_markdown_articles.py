"""A .md article is read as its text, not its markup (core/text/markdown.py): an outside
tester saw every "#", "**" and link target in the pane, and in the quotes of claims."""

from __future__ import annotations

from pathlib import Path

from eternaut_reader.core.text.corpus import CorpusError, load_corpus
from eternaut_reader.core.text.markdown import markdown_text

REPORT = """# Big fire in Milan

2025-03-01

A **fire** broke out on _Monday_ in a [warehouse](https://example.org/w) near the ring road,
the fire brigade said.

## Injured

- 3 people hurt
- 1 firefighter

> "It spread fast," a resident said.
"""


def test_markup_is_dropped_and_blocks_are_paragraphs():
    assert markdown_text(REPORT) == (
        "Big fire in Milan\n\n2025-03-01\n\nA fire broke out on Monday in a warehouse near the "
        "ring road, the fire brigade said.\n\nInjured\n\n- 3 people hurt\n- 1 firefighter\n\n"
        '"It spread fast," a resident said.\n'
    )


def test_a_markdown_file_opens_as_its_text_with_its_title_and_date(tmp_path: Path):
    (tmp_path / "fire.md").write_text(REPORT, encoding="utf-8")
    [article] = load_corpus([tmp_path / "fire.md"]).articles
    assert article.title == "Big fire in Milan"
    assert article.date == "2025-03-01"
    assert "**" not in article.text and "https://" not in article.text
    assert "- 3 people hurt\n- 1 firefighter" in article.text


def test_a_txt_file_keeps_its_asterisks(tmp_path: Path):
    (tmp_path / "fire.txt").write_text(REPORT, encoding="utf-8")
    [article] = load_corpus([tmp_path / "fire.txt"]).articles
    assert article.text.startswith("# Big fire in Milan")  # a .txt is shown as written


def test_a_markdown_file_of_markup_alone_is_skipped_with_a_notice(tmp_path: Path):
    (tmp_path / "rule.md").write_text("---\n\n***\n", encoding="utf-8")
    (tmp_path / "fire.md").write_text(REPORT, encoding="utf-8")
    corpus = load_corpus([tmp_path])
    assert [a.title for a in corpus.articles] == ["Big fire in Milan"]
    assert any("rule.md has no text, only Markdown markup; skipped" in n for n in corpus.notices)
    try:
        load_corpus([tmp_path / "rule.md"])
    except CorpusError as exc:
        assert "only Markdown markup" in str(exc)
    else:
        raise AssertionError("a corpus of markup alone should not open")


def test_a_date_field_run_into_a_headline_is_a_sentence_of_its_own():
    """The third seed starts " date 2025-07-18 Netflix's Pioneering Step…": the headline is a
    sentence of its own, not compared with the date stuck to it (an outside tester)."""
    from eternaut_reader.core.text.segment import sentences

    text = " date 2025-07-18 Netflix’s Pioneering Step into AI-Enhanced Storytelling\n\nBody."
    assert [s.text for s in sentences(text, "en")] == [
        "date 2025-07-18",
        "Netflix’s Pioneering Step into AI-Enhanced Storytelling",
        "Body.",
    ]
    assert [s.text for s in sentences("The date 2025-07-18 was set.", "en")] == [
        "The date 2025-07-18 was set."
    ]
