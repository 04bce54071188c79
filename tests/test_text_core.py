"""Wrapping, safe display and search: the pure pieces under the reader view."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from eternaut_reader.core.text.display import cells, printable
from eternaut_reader.core.text.search import find_all
from eternaut_reader.core.text.wrap import WrapIndex


def test_printable_neutralises_escape_sequences_and_keeps_length():
    raw = "a\x1b[31mred\x1b]0;title\x07\x9b2J\u202eb\tc\nd"
    shown = printable(raw)
    assert len(shown) == len(raw)
    assert "\x1b" not in shown and "\x07" not in shown and "\x9b" not in shown
    assert "\u202e" not in shown
    assert "␛[31mred" in shown and shown.endswith("b c\nd")


@given(st.text(alphabet=st.sampled_from("ab c\n日é"), max_size=200), st.integers(4, 30))
def test_wrap_covers_text_and_fits_width(text, width):
    index = WrapIndex(text, width)
    previous_end = -1
    for line in range(len(index)):
        start, end = index.span(line)
        assert start >= previous_end and end >= start
        assert cells(printable(text[start:end])) <= width
        assert text[max(previous_end, 0) : start].strip() == ""
        previous_end = end
    assert previous_end == len(text)
    assert index.line_of(len(text)) == len(index) - 1


def test_wrap_breaks_at_spaces():
    index = WrapIndex("the quick brown fox jumps", 10)
    text = "the quick brown fox jumps"
    assert [text[slice(*index.span(i))] for i in range(len(index))] == [
        "the quick",
        "brown fox",
        "jumps",
    ]


def test_search_is_case_insensitive_and_folds_quotes():
    text = "Netflix’s scene. NETFLIX's scene. Co–CEO"
    assert find_all(text, "netflix's") == [(0, 9), (17, 26)]
    assert find_all(text, "co-ceo") == [(34, 40)]
    assert find_all(text, "") == []
    assert find_all(text, "[bold]") == []


def test_a_date_line_is_metadata_and_no_claim_unit():
    from eternaut_reader.core.text.segment import is_metadata

    for line in (
        "2025-07-28",
        "date 2025-07-18",
        "Published: 2025-07-18",
        "pubblicato il 2025-07-18",
    ):
        assert is_metadata(line)
    for line in ("On 2025-07-18 Netflix confirmed it.", "2025", "Netflix Uses Generative AI"):
        assert not is_metadata(line)
