"""Re-anchoring: an annotation lands on its quote (or nearly) or is an orphan, never elsewhere."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

from eternaut_reader.core.annotations.anchor import Selector, locate, select
from eternaut_reader.core.annotations.facts import facts, same_facts

VOCABULARY = (
    "the storm mayor bridge river police said would stay closed until friday residents were "
    "told to indoors water rose two metres overnight and officials confirmed reports of "
    "flooding in city centre a spokesman denied that"
)
WORDS = tuple(VOCABULARY.split())

ARTICLE = (
    "The storm reached the coast at dawn. The mayor said the bridge would stay closed until "
    "Friday. Residents were told to stay indoors. Later, the mayor said the bridge would "
    "reopen on Monday."
)


def nearly_equal(quote: str, landed: str) -> bool:
    """At most one edit for every five characters: what a reader still recognises."""
    return Levenshtein.distance(quote, landed) <= 0.2 * max(len(quote), len(landed))


def _span(text: str, phrase: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def _occurrences(text: str, quote: str) -> int:
    """Overlapping ones too, unlike str.count: " storm " occurs twice in " storm storm "."""
    return sum(text.startswith(quote, i) for i in range(len(text)))


# ---- the four steps, one by one ---------------------------------------------------------------


def test_unchanged_text_uses_the_stored_position():
    sel = select(ARTICLE, *_span(ARTICLE, "the bridge would", 1))
    found = locate(ARTICLE, sel)
    assert found is not None
    assert (found.start, found.end, found.method) == (
        *_span(ARTICLE, "the bridge would", 1),
        "position",
    )


def test_moved_quote_is_found_exactly_and_context_picks_the_right_copy():
    sel = select(ARTICLE, *_span(ARTICLE, "the mayor said the bridge would"))
    # Text inserted before both copies shifts them; the suffix ("reopen") tells them apart.
    edited = "BREAKING. " + ARTICLE.replace("The mayor", "the mayor")
    found = locate(edited, sel)
    assert found is not None and found.method == "exact"
    assert (found.start, found.end) == _span(edited, "the mayor said the bridge would", 1)


def test_among_equal_contexts_the_nearest_copy_wins():
    filler = "-" * 40
    text = f"{filler} xyz {filler} xyz {filler}"  # both copies have the same surroundings
    sel = Selector("xyz", prefix="stale prefix", suffix="stale suffix", start=80, end=83)
    found = locate(text, sel)
    assert found is not None and (found.start, found.method) == (86, "exact")


def test_edited_quote_is_found_fuzzily():
    sel = select(ARTICLE, *_span(ARTICLE, "Residents were told to stay indoors."))
    edited = ARTICLE.replace("Residents were told", "Residents have been told")
    found = locate(edited, sel)
    assert found is not None and found.method == "fuzzy"
    assert edited[found.start : found.end] == "Residents have been told to stay indoors."


def test_deleted_quote_becomes_an_orphan():
    sel = select(ARTICLE, *_span(ARTICLE, "Residents were told to stay indoors."))
    edited = ARTICLE.replace(" Residents were told to stay indoors.", "")
    assert locate(edited, sel) is None


def test_short_quotes_are_never_matched_fuzzily():
    sel = select(ARTICLE, *_span(ARTICLE, "dawn"))
    edited = ARTICLE.replace("dawn", "noon")  # "down" or "lawn" elsewhere must not be taken
    assert locate(edited + " They went down to the lawn.", sel) is None


def test_unrelated_text_is_never_taken():
    sel = select(
        ARTICLE, *_span(ARTICLE, "The mayor said the bridge would stay closed until Friday.")
    )
    other = "Officials confirmed that the river rose two metres overnight in the city centre."
    assert locate(other, sel) is None


@pytest.mark.parametrize(("start", "end"), [(5, 5), (6, 5), (-1, 4), (0, len(ARTICLE) + 1)])
def test_bad_spans_are_refused(start: int, end: int):
    with pytest.raises(ValueError, match="span"):
        select(ARTICLE, start, end)


def test_context_is_32_characters():
    start, end = _span(ARTICLE, "Residents")
    sel = select(ARTICLE, start, end)
    assert sel.prefix == ARTICLE[start - 32 : start]
    assert sel.suffix == ARTICLE[end : end + 32]


# ---- properties -------------------------------------------------------------------------------

texts = st.lists(st.sampled_from(WORDS), min_size=15, max_size=120).map(" ".join)
letters = st.text(alphabet="abcdefghijklmnopqrstuvwxyz .,", min_size=1, max_size=12)


@st.composite
def annotated(draw: st.DrawFn) -> tuple[str, int, int]:
    text = draw(texts)
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, min(len(text), start + 80)))
    return text, start, end


@st.composite
def edit(draw: st.DrawFn, text_len: int, start: int, end: int) -> tuple[str, int, str, int]:
    """An insertion, deletion or typo somewhere around (or inside) the annotated span."""
    kind = draw(st.sampled_from(["insert", "delete", "typo"]))
    near = draw(st.sampled_from([start, end, (start + end) // 2]))
    pos = min(max(0, near + draw(st.integers(-40, 40))), text_len)
    return kind, pos, draw(letters), draw(st.integers(1, 10))


def apply(text: str, kind: str, pos: int, payload: str, size: int) -> str:
    pos = min(pos, len(text))
    if kind == "insert":
        return text[:pos] + payload + text[pos:]
    if kind == "delete":
        return text[:pos] + text[pos + size :]
    if pos >= len(text):
        return text
    replacement = "#" if text[pos] != "#" else "%"
    return text[:pos] + replacement + text[pos + 1 :]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), case=annotated())
def test_random_edits_land_on_the_quote_or_orphan(data: st.DataObject, case: tuple[str, int, int]):
    text, start, end = case
    sel = select(text, start, end)
    edited = text
    for _ in range(data.draw(st.integers(1, 6))):
        edited = apply(edited, *data.draw(edit(len(edited), start, end)))
    found = locate(edited, sel)
    if found is not None:
        landed = edited[found.start : found.end]
        assert landed == sel.quote or nearly_equal(sel.quote, landed), (sel.quote, landed)
        if found.method == "fuzzy":  # an exact quote is taken as it is
            assert same_facts(facts(text, start, end), facts(edited, found.start, found.end))


@settings(max_examples=300, deadline=None)
@given(data=st.data(), case=annotated())
def test_edits_outside_the_span_keep_it_exactly(data: st.DataObject, case: tuple[str, int, int]):
    text, start, end = case
    quote = text[start:end]
    sel = select(text, start, end)
    edited = text
    for _ in range(data.draw(st.integers(1, 6))):
        before = data.draw(st.booleans())
        payload = data.draw(letters)
        if before:
            pos = data.draw(st.integers(0, start))
            if data.draw(st.booleans()):
                edited = edited[:pos] + payload + edited[pos:]
                start, end = start + len(payload), end + len(payload)
            else:
                cut = min(data.draw(st.integers(1, 10)), start - pos)
                edited = edited[:pos] + edited[pos + cut :]
                start, end = start - cut, end - cut
        else:
            pos = data.draw(st.integers(end, len(edited)))
            edited = edited[:pos] + payload + edited[pos:]
    assert edited[start:end] == quote
    found = locate(edited, sel)
    assert found is not None
    assert edited[found.start : found.end] == quote
    if _occurrences(edited, quote) == 1:
        assert (found.start, found.end) == (start, end)


@settings(max_examples=300, deadline=None)
@given(data=st.data(), text=texts)
def test_light_typos_in_a_long_quote_are_still_found(data: st.DataObject, text: str):
    if len(text) < 60:
        return
    start = data.draw(st.integers(0, len(text) - 40))
    end = data.draw(st.integers(start + 30, min(len(text), start + 120)))
    sel = select(text, start, end)
    edited = text
    for _ in range((end - start) // 15):  # one typo per fifteen characters at most
        edited = apply(edited, "typo", data.draw(st.integers(start, end - 1)), "", 1)
    found = locate(edited, sel)
    # A typo can hit a number word ("two" -> "t#o"): the passage then no longer states the
    # quote's facts, and orphaning the claim is right.
    if not same_facts(facts(text, start, end), facts(edited, start, end)):
        assert (
            found is None
            or found.method != "fuzzy"
            or same_facts(facts(text, start, end), facts(edited, found.start, found.end))
        )
        return
    assert found is not None
    landed = edited[found.start : found.end]
    assert landed == sel.quote or nearly_equal(sel.quote, landed)
    if found.method == "fuzzy":
        assert found.start < end and found.end > start  # at the edited place, not elsewhere
