"""Large articles: the fast segmenter, cancellable segmentation and search, and the search
that matches near the cursor first and counts the rest afterwards (issue 13)."""

from __future__ import annotations

import random

import pytest

from eternaut_reader.core.text import reading as reading_module
from eternaut_reader.core.text.reading import Reading
from eternaut_reader.core.text.search import SearchCancelled, find_all, find_near
from eternaut_reader.core.text.segment import SegmentCancelled, sentences
from eternaut_reader.core.text.wrap import WrapIndex

PROSE = (
    "Mr. Smith arrived at 9 a.m. in the U.S. capital. He said “it cost $3.5 million,” "
    "e.g. for the sets. Did Dr. Rossi agree? She did!\n\n"
    "Il sig. Bianchi ha detto che la produzione è costata 2,5 milioni, ecc. Poi è partito.\n\n"
    "- First item of a list.\n- Second item.\n"
)


@pytest.mark.parametrize("engine", ["pysbd", "sentencex"])
def test_every_sentence_is_an_exact_slice_of_the_text(engine: str) -> None:
    found = sentences(PROSE * 3, "en", engine=engine)
    assert found
    text = PROSE * 3
    assert all(text[s.start : s.end] == s.text for s in found)
    assert [s.start for s in found] == sorted(s.start for s in found)


def test_the_fast_segmenter_keeps_titles_and_quotes_with_their_sentence() -> None:
    text = '“The start,” Ms. Silva said. "It was," said Dr. Who. Ok.'
    found = [s.text for s in sentences(text, "en", engine="sentencex")]
    assert found == ["“The start,” Ms. Silva said.", '"It was," said Dr. Who.', "Ok."]


def test_the_fast_segmenter_agrees_with_pysbd_on_plain_prose() -> None:
    text = PROSE * 5
    ref = {s.end for s in sentences(text, "en", engine="pysbd")}
    got = {s.end for s in sentences(text, "en", engine="sentencex")}
    assert 2 * len(ref & got) / (len(ref) + len(got)) > 0.85


def test_segmentation_stops_when_cancelled() -> None:
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(SegmentCancelled):
        sentences("One. Two.\n\n" * 500, "en", cancel=cancel)


def test_a_piecewise_count_finds_what_one_pass_finds() -> None:
    rng = random.Random(3)
    words = ["aab", "ab", "ba", "AAB", "x", "’", "'"]
    text = " ".join(rng.choice(words) for _ in range(200_000))
    for query in ["aab", "a", "ab a", "'"]:
        assert find_all(text, query, cancel=lambda: False) == find_all(text, query)


def test_a_count_can_be_cancelled() -> None:
    with pytest.raises(SearchCancelled):
        find_all("abc " * 200_000, "b", cancel=lambda: True)


def test_find_near_looks_only_around_the_offset() -> None:
    text = "cat " * 1000
    spans, number = find_near(text, "cat", 2000, 100)
    assert all(start >= 1900 and end <= 2100 for start, end in spans)
    assert spans[number] == (2000, 2003)


def test_a_large_article_is_searched_near_the_cursor_then_counted(monkeypatch) -> None:
    monkeypatch.setattr(reading_module, "LARGE_TEXT", 1000)
    monkeypatch.setattr(reading_module, "NEAR_WINDOW", 200)
    text = "Nothing here. " * 100 + "A needle. " + "Nothing here. " * 100 + "Two needles."
    reading = Reading(text, sentences(text, "en"))
    reading.open_prompt()
    assert reading.type_query("needle") == 0  # none near the top
    assert not reading.search.complete
    assert reading.complete_search("needle", find_all(text, "needle"))
    assert reading.search.complete
    assert len(reading.search.matches) == 2
    assert reading.search.current_span == (text.index("needle"), text.index("needle") + 6)
    # An older count for a query no longer shown changes nothing.
    assert not reading.complete_search("need", find_all(text, "need"))


def test_stepping_an_incomplete_search_counts_it_first(monkeypatch) -> None:
    monkeypatch.setattr(reading_module, "LARGE_TEXT", 1000)
    monkeypatch.setattr(reading_module, "NEAR_WINDOW", 100)
    text = "Word. " * 300 + "far. " + "Word. " * 300 + "far."
    reading = Reading(text, sentences(text, "en"))
    reading.open_prompt()
    reading.type_query("far")
    reading.keep_prompt()
    span = reading.step_match(1)
    assert span is not None and text[span[0] : span[1]] == "far"
    assert reading.search.complete and len(reading.search.matches) == 2


def test_wrapping_text_of_one_cell_characters_needs_no_per_line_check() -> None:
    from eternaut_reader.core.text.display import cells

    text = "Perché “così” è già ‘fatto’ — sì. " * 50 + "\n" + "short line\n"
    index = WrapIndex(text, 30)
    assert index._uniform
    spans = [index.span(i) for i in range(len(index))]
    assert all(end - start <= 30 for start, end in spans)
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "").replace(
        "\n", ""
    )
    wide = "漢字 " * 40
    index = WrapIndex(wide, 30)
    assert not index._uniform
    assert all(cells(wide[s:e]) <= 30 for s, e in (index.span(i) for i in range(len(index))))


def test_the_picker_ranks_the_article_holding_every_typed_word_first() -> None:
    from dataclasses import dataclass

    from eternaut_reader.core.text.finder import pick

    @dataclass
    class Art:
        id: str
        title: str
        outlet: str | None = None
        language: str = "en"
        text: str = ""

    articles = [Art(f"r-{n:03}", f"{o} report {n}") for n, o in enumerate(["Wire", "Post"] * 20)]
    assert pick(articles, "post 35")[0].title == "Post report 35"
    assert pick(articles, "r-012")[0].id == "r-012"
    assert [a.id for a in pick(articles, "")] == [a.id for a in articles]


def test_search_across_articles_gives_each_match_with_its_context() -> None:
    from dataclasses import dataclass

    from eternaut_reader.core.text.finder import search_articles

    @dataclass
    class Art:
        id: str
        text: str
        title: str = ""
        outlet: str | None = None
        language: str = "en"

    found = search_articles(
        [
            Art("a", "Nothing here."),
            Art("b", "The ferry sailed. A “Ferry” strike\nfollowed; ferries stopped."),
        ],
        "ferry",
        per_article=1,
    )
    assert [(m.article_id, m.total) for m in found] == [("b", 2)]  # "ferries" is no match
    (hit,) = found[0].hits
    assert (hit.before, hit.match) == ("The ", "ferry")
    assert hit.after.startswith(" sailed. A “Ferry” strike followed;")  # on one line
