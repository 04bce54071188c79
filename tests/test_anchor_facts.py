"""Re-anchoring never moves a claim onto a different fact.

A fuzzy match is accepted only if it keeps the quote's numbers, dates, names and negations;
otherwise the claim is an orphan. Typo, whitespace, punctuation and quote-style edits still
re-anchor. `python tests/test_anchor_facts.py` prints the counts over the seed articles.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

from eternaut_reader.core.annotations import anchor
from eternaut_reader.core.annotations.anchor import (
    MIN_FUZZY_QUOTE,
    MIN_SIMILARITY,
    Location,
    locate,
    select,
)
from eternaut_reader.core.annotations.facts import facts, same_facts
from eternaut_reader.core.text.corpus import load_corpus

# ---- what counts as a fact ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("1,000 people", "1.000 people"),
        ("1000 people", "1,000 people"),
        ("3.5 million", "3,5 million"),
        ("ten times faster", "10 times faster"),
        ("dieci volte", "10 volte"),
        ("ventitré persone", "23 persone"),
        ("84% of viewers", "84 per cent of viewers"),
        ("il 18 luglio 2025", "il 18 Luglio 2025"),
        ("on 18 July 2025", "on 18 Jul 2025"),
        ("they didn't say", "they did not say"),
        ("on day 07", "on day 7"),
        ("the 12th day", "il 12° giorno"),
    ],
)
def test_the_same_fact_in_other_spellings(one: str, other: str):
    assert same_facts(facts(one), facts(other)), (facts(one), facts(other))


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("On day 12, 84 people", "On day 11, 77 people"),
        ("3.5 million", "35 million"),
        ("84% of viewers", "84 of viewers"),
        ("10 times", "ten thousand times"),
        ("dieci volte", "cinque volte"),
        ("the first show", "the second show"),
        ("la prima serie", "la seconda serie"),
        ("in 2025", "in 2026"),
        ("on 3 May", "on 3 June"),
        ("a maggio", "a giugno"),
        ("on Friday", "on Monday"),
        ("costs $5", "costs €5"),
        ("then Sarandos said", "then Hastings said"),
        ("Sarandos said", "Hastings said"),  # a name that opens a sentence is still a name
        ("said Chen", "said Chan"),  # short names: one letter is the whole difference
        ("it did not premiere", "it did premiere"),
        ("it didn't premiere", "it did premiere"),
        ("it never premiered", "it not premiered"),
        ("non è mai successo", "è mai successo"),
        ("né la serie", "la serie"),
        ("senza l'IA", "con l'IA"),
        ("nobody said", "everybody said"),
    ],
)
def test_a_different_fact(one: str, other: str):
    assert not same_facts(facts(one), facts(other))


def test_a_typo_in_a_long_name_keeps_the_name():
    assert same_facts(facts("the Netflx series"), facts("the Netflix series"))
    assert same_facts(facts("the Netlfix series"), facts("the Netflix series"))  # transposed
    assert not same_facts(facts("the Netflx series"), facts("the Nutflax series"))


def test_common_words_opening_a_sentence_are_not_names():
    assert facts("The storm came. «Il sindaco» parlò.") == facts(
        "the storm came. il sindaco parlò."
    )
    assert facts("in “The Eternaut”")["name:The"] == 1  # mid-sentence, part of a title


def test_a_cut_number_is_read_whole_and_a_cut_word_left_out():
    text = "the city centre flooded on day 12 at the Helm"
    # "2" of "12" is twelve; "tre" of "centre" is not three, "He" of "Helm" is not a name.
    assert facts(text, text.index("2 at"), text.index(" at")) == Counter({"number:12": 1})
    assert facts(text, text.index("tre"), text.index(" flooded")) == Counter()
    assert facts(text, 0, text.index("lm")) == Counter({"number:12": 1})
    # Re-anchoring reads a word its match cuts whole where the quote itself cut no word.
    assert facts(text, 0, text.index("lm"), drop_cut=(True, False))["name:Helm"] == 1


# ---- concrete claims whose sentence was deleted -----------------------------------------------


def _delete_and_locate(
    tagged: str, neighbour: str, before: str = "", after: str = ""
) -> tuple[Location | None, str]:
    """Tag `tagged` in a text where `neighbour` follows it, delete it, and locate the claim."""
    text = " ".join(s for s in (before, tagged, neighbour, after) if s)
    start = text.index(tagged)
    sel = select(text, start, start + len(tagged))
    edited = text[:start] + text[start + len(tagged) + 1 :]
    return locate(edited, sel), edited


def _accepted_without_facts(
    monkeypatch: pytest.MonkeyPatch, tagged: str, neighbour: str, **context: str
) -> Location | None:
    with monkeypatch.context() as m:
        m.setattr(anchor, "same_facts", lambda quote, candidate: True)
        return _delete_and_locate(tagged, neighbour, **context)[0]


FACT_CHANGES = [
    pytest.param(
        "On day 12 of the siege, 84 people were evacuated.",
        "On day 11 of the siege, 77 people were evacuated.",
        id="numbers",
    ),
    pytest.param(
        "Sarandos said the collapse sequence was finished ten times faster.",
        "Hastings said the collapse sequence was finished ten times faster.",
        id="name",
    ),
    pytest.param(
        "After the call, Sarandos said the scene was made with generative tools.",
        "After the call, Hastings said the scene was made with generative tools.",
        id="name mid-sentence",
    ),
    pytest.param(
        "The series did not premiere on the platform in the spring.",
        "The series did premiere on the platform in the spring.",
        id="negation",
    ),
    pytest.param(
        "La sequenza è stata completata dieci volte più velocemente.",
        "La sequenza è stata completata cinque volte più velocemente.",
        id="italian number words",
    ),
    pytest.param(
        "The company expects the second season to arrive in 2025.",
        "The company expects the second season to arrive in 2026.",
        id="year",
    ),
    pytest.param(
        "Production of the second season began in July in Buenos Aires.",
        "Production of the second season began in June in Buenos Aires.",
        id="month",
    ),
    pytest.param(
        "Costs fell by 30% compared with traditional visual effects work.",
        "Costs fell by 20% compared with traditional visual effects work.",
        id="percentage",
    ),
]


@pytest.mark.parametrize(("tagged", "neighbour"), FACT_CHANGES)
def test_a_claim_never_moves_onto_a_neighbour_with_other_facts(
    monkeypatch: pytest.MonkeyPatch, tagged: str, neighbour: str
):
    context = {
        "before": "The report was published on the company blog.",
        "after": "Analysts were not surprised by the announcement.",
    }
    # Edit distance alone takes the neighbour: this is the case the rule is for...
    assert _accepted_without_facts(monkeypatch, tagged, neighbour, **context) is not None
    # ...and with the rule the claim is an orphan.
    found, edited = _delete_and_locate(tagged, neighbour, **context)
    assert found is None, edited[found.start : found.end]


TYPO_FIXES = [
    pytest.param(
        "A Netflx spokesman confirmed the scene was finished in July.",
        "A Netflix spokesman confirmed the scene was finished in July.",
        id="typo in a name",
    ),
    pytest.param(
        "The team compelted the sequence 10 times faster than before.",
        "The team completed the sequence 10 times faster than before.",
        id="typo in a word",
    ),
    pytest.param(
        "Netflix called “The Eternaut” its first show made with the tools.",
        'Netflix called "The Eternaut" its first show made with the tools.',
        id="curly quotes",
    ),
    pytest.param(
        "Sarandos said the  scene cost less than  a traditional one.",
        "Sarandos said the scene cost less than a traditional one.",
        id="double spaces",
    ),
    pytest.param(
        "Sarandos said, on Thursday, that the scene cost 1,000 dollars less",
        "Sarandos said on Thursday that the scene cost 1.000 dollars less.",
        id="punctuation",
    ),
    pytest.param(
        "The studio didn't use the tools for the whole series of 2025.",
        "The studio did not use the tools for the whole series of 2025.",
        id="contraction",
    ),
]


@pytest.mark.parametrize(("tagged", "edited"), TYPO_FIXES)
def test_a_claim_follows_its_sentence_through_typo_and_style_edits(tagged: str, edited: str):
    before = "The report was published on the company blog. "
    after = " Analysts were not surprised by the announcement."
    text = before + tagged + after
    sel = select(text, len(before), len(before) + len(tagged))
    new = before + edited + after
    found = locate(new, sel)
    assert found is not None and found.method == "fuzzy"
    assert new[found.start : found.end].strip(" .") == edited.strip(" .")


def test_a_match_that_stops_inside_a_word_stops_before_it():
    """From the seeds: with "the" edited to "a", the aligned match ends "at a He" ("He" of
    "Helm"). Read whole, that piece is a name the quote does not state; the claim is still the
    same passage, so the match is trimmed to "at a" instead of being given up."""
    text = (
        "Co-CEO Ted Sarandos emphasized GenAI as a tool for enhancement, not replacement—enabling"
        " scenes that would’ve been cut due to budget limits.\n- In-House Innovation Studio at"
        " the Helm: Netflix’s Eyeline Studios"
    )
    sel = select(text, 0, text.index(" Helm"))
    edited = text.replace(" the ", " a ")
    found = locate(edited, sel)
    assert found is not None and found.method == "fuzzy"
    assert edited[found.start : found.end].endswith("Innovation Studio at a ")


def test_an_exact_match_is_taken_as_before():
    text = "On day 12 of the siege, 84 people were evacuated. Nothing else happened."
    sel = select(text, 0, 49)
    moved = "Update: " + text
    found = locate(moved, sel)
    assert found is not None and (found.start, found.method) == (8, "exact")


# ---- property: near-duplicates that differ in one fact ------------------------------------------

_FILLER = (
    "storm reached coast bridge would stay closed residents were told remain indoors water "
    "rose overnight officials confirmed reports flooding city centre spokesman denied that "
    "siege people evacuated premiere series scene collapse studio"
)
FILLER = tuple(_FILLER.split())
# Other sentences share no words with these, so the near-duplicate is the only similar text.
_OTHER = (
    "market shares traded higher after quarterly earnings beat forecasts analysts expected "
    "growth investors cheered results"
)
OTHER = tuple(_OTHER.split())
# Pairwise at least two edits apart: a one-letter difference may be a typo fix.
NAMES = ("Sarandos", "Hastings", "Oesterheld", "Darín", "Bianchi", "Ferrari", "Warner", "Milano")
MONTHS = ("January", "March", "May", "July", "September", "November", "giugno", "ottobre")
_EN_WORDS = "one two three four five six seven eight nine ten eleven twelve"
_IT_WORDS = "uno due tre quattro cinque sei sette otto nove dieci undici dodici"
EN_WORDS, IT_WORDS = _EN_WORDS.split(), _IT_WORDS.split()


def _render(kind: str, value: int) -> str:
    """One fact slot as text; `value` picks the fact, different values are different facts."""
    if kind == "integer":
        return str(value)
    if kind == "thousands":
        return f"{value * 1000 + 7:,}"
    if kind == "decimal":
        return f"{value}.5"
    if kind == "percent":
        return f"{value}%"
    if kind == "ordinal":
        return f"{value}th"
    if kind == "english word":
        return EN_WORDS[value % len(EN_WORDS)]
    if kind == "italian word":
        return IT_WORDS[value % len(IT_WORDS)]
    if kind == "year":
        return str(1990 + value % 40)
    if kind == "month":
        return MONTHS[value % len(MONTHS)]
    if kind == "name":
        return NAMES[value % len(NAMES)]
    assert kind == "negation"
    return ("not", "")[value % 2]  # present or absent


KINDS = ("integer", "thousands", "decimal", "percent", "ordinal", "english word")
KINDS += ("italian word", "year", "month", "name", "negation")
# How many distinct facts each kind can state: a changed value must be a different fact.
SIZES = {"english word": 12, "italian word": 12, "year": 40, "month": 8, "name": 8, "negation": 2}


@st.composite
def near_duplicates(draw: st.DrawFn) -> tuple[str, str, int, int]:
    """A sentence, its near-duplicate differing in exactly one fact, and the span of a claim
    on the sentence: whole words around the changed fact, at least one either side of it."""
    words: list[str | tuple[str, int]] = list(
        draw(st.lists(st.sampled_from(FILLER), min_size=6, max_size=14))
    )
    for kind in draw(st.lists(st.sampled_from(KINDS), min_size=1, max_size=3)):
        # Inside the sentence, never first or last: "not." ending a sentence is not prose.
        words.insert(draw(st.integers(1, len(words) - 1)), (kind, draw(st.integers(0, 99))))
    changed = draw(st.sampled_from([i for i, w in enumerate(words) if isinstance(w, tuple)]))
    kind, value = words[changed]  # type: ignore[misc]
    size = SIZES.get(kind, 100)
    value, other = value % size, (value + draw(st.integers(1, size - 1))) % size

    def render(changed_value: int | None) -> tuple[str, list[tuple[int, int] | None]]:
        """The sentence with the changed slot at changed_value (None: left out), and where
        each word is in it (None for a word left out: an absent negation)."""
        text, spans = "", []
        for i, w in enumerate(words):
            if i == changed:
                token = "" if changed_value is None else _render(kind, changed_value)
            else:
                token = _render(*w) if isinstance(w, tuple) else w
            if not token:
                spans.append(None)
                continue
            text += " " if text else ""
            spans.append((len(text), len(text) + len(token)))
            text += token
        return text[0].upper() + text[1:] + ".", spans

    # The changed fact occurs nowhere else in the sentence: else the claim's words could be
    # found again, legitimately, around another copy of it.
    rest = facts(render(None)[0])
    assume(not (facts(_render(kind, value)) | facts(_render(kind, other))) & rest)

    tagged, spans = render(value)
    first = draw(st.integers(0, changed - 1))
    last = draw(st.integers(changed + 1, len(words) - 1))
    start = next(span for span in reversed(spans[: first + 1]) if span is not None)[0]
    end = next(span for span in spans[last:] if span is not None)[1]
    return tagged, render(other)[0], start, end


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.data(),
    pair=near_duplicates(),
    others=st.lists(st.lists(st.sampled_from(OTHER), min_size=5, max_size=12), max_size=4),
)
def test_deleting_a_sentence_never_moves_its_claim_onto_a_near_duplicate(
    data: st.DataObject, pair: tuple[str, str, int, int], others: list[list[str]]
):
    tagged, neighbour, claim_start, claim_end = pair
    sentences = [" ".join(words).capitalize() + "." for words in others]
    at = data.draw(st.integers(0, len(sentences)))
    sentences.insert(at, tagged)
    sentences.insert(data.draw(st.integers(0, len(sentences))), neighbour)
    if data.draw(st.booleans()):
        sentences.remove(neighbour)
        sentences.insert(sentences.index(tagged) + 1, neighbour)  # right after it, as in news
    text = " ".join(sentences)
    offset = sum(len(s) + 1 for s in sentences[: sentences.index(tagged)])
    start, end = (0, len(tagged)) if data.draw(st.booleans()) else (claim_start, claim_end)
    sel = select(text, offset + start, offset + end)
    edited = text[:offset] + text[offset + len(tagged) + 1 :]
    assert tagged not in edited

    found = locate(edited, sel)
    if found is not None:  # never on text that states other facts...
        landed = facts(edited, found.start, found.end)
        assert same_facts(facts(text, sel.start, sel.end), landed), (sel.quote, landed)
    if sel.quote in edited:  # a slot repeated: the very words are still there, elsewhere
        assert found is not None and edited[found.start : found.end] == sel.quote
    else:  # ...and nothing but the near-duplicate is similar: an orphan
        assert found is None, edited[found.start : found.end]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), pair=near_duplicates())
def test_a_typo_or_style_edit_of_the_sentence_still_re_anchors(
    data: st.DataObject, pair: tuple[str, str, int, int]
):
    words = pair[0].split(" ")
    edited = list(words)
    edit = data.draw(st.sampled_from(["double space", "quotes", "typo", "name typo", "comma"]))
    i = data.draw(st.integers(1, len(words) - 1))
    w = words[i]
    if edit == "double space":
        edited[i] = " " + w
    elif edit == "quotes":
        words[i], edited[i] = f'"{w}"', f"“{w}”"
    elif edit == "comma":
        edited[i] = w + ","
    elif edit == "typo":  # two letters swapped inside a word
        assume(w in FILLER and len(w) >= 4)
        j = data.draw(st.integers(1, len(w) - 3))
        edited[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    else:  # a name misspelt, then corrected: Netflx -> Netflix
        assume(w in NAMES and len(w) >= 6)
        j = data.draw(st.integers(1, len(w) - 2))
        words[i] = w[:j] + w[j + 1 :]
    tagged, new_sentence = " ".join(words), " ".join(edited)
    assert same_facts(facts(tagged), facts(new_sentence))
    before, after = "Market shares traded higher. ", " Investors cheered results."
    text = before + tagged + after
    sel = select(text, len(before), len(before) + len(tagged))
    new = before + new_sentence + after
    found = locate(new, sel)
    assert found is not None, (tagged, new_sentence)
    assert found.start < len(before) + len(new_sentence) and found.end > len(before)


# ---- property: every sentence of the seed articles, deleted ----------------------------------


def _claims_in(text: str, start: int, end: int) -> set[tuple[int, int]]:
    """Spans a reader might tag in a sentence: all of it, each clause, and six-word windows."""
    spans = {(start, end)}
    for m in re.finditer(r"[^,;:()—–]+", text[start:end]):
        a, b = start + m.start(), start + m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b - a >= MIN_FUZZY_QUOTE:
            spans.add((a, b))
    words = [m.span() for m in re.finditer(r"\S+", text[start:end])]
    for i in range(0, max(1, len(words) - 5), 3):
        a, b = start + words[i][0], start + words[min(len(words), i + 6) - 1][1]
        if b - a >= MIN_FUZZY_QUOTE:
            spans.add((a, b))
    return spans


def _deleted_sentences() -> Iterator[tuple[str, str, int, int]]:
    """(text, text without one sentence, claim start, claim end) for every claim in it."""
    for article in load_corpus().articles:
        text = article.text
        for sentence in article.segment():
            end = sentence.end
            while end < len(text) and text[end] in " \t":
                end += 1
            edited = text[: sentence.start] + text[end:]
            for a, b in sorted(_claims_in(text, sentence.start, sentence.end)):
                yield text, edited, a, b


def seed_deletion_counts() -> dict[str, int]:
    counts = {"deleted spans": 0, "orphaned": 0, "re-anchored": 0, "wrong": 0}
    for text, edited, start, end in _deleted_sentences():
        found = locate(edited, select(text, start, end))
        counts["deleted spans"] += 1
        if found is None:
            counts["orphaned"] += 1
        elif same_facts(facts(text, start, end), facts(edited, found.start, found.end)):
            counts["re-anchored"] += 1
        else:
            counts["wrong"] += 1
    return counts


def test_deleting_any_seed_sentence_orphans_its_claims_or_keeps_their_facts():
    counts = seed_deletion_counts()
    print(counts)
    assert counts["deleted spans"] > 1000  # every sentence, with its clauses and windows
    assert counts["wrong"] == 0, counts


def _with_one_fact_changed(sentence: str) -> str | None:
    """The sentence with its first number raised by one, or else its first name replaced."""
    number = re.search(r"\d+", sentence)
    if number is not None:
        value = str(int(number.group()) + 1)
        return sentence[: number.start()] + value + sentence[number.end() :]
    for key in facts(sentence):
        if key.startswith("name:") and len(key) > len("name:") + 1:
            # The last occurrence: a first "The" opens the sentence, "The Eternaut" is a name.
            at = [m.start() for m in re.finditer(rf"\b{re.escape(key[5:])}\b", sentence)][-1]
            return sentence[:at] + "Zanzibar" + sentence[at + len(key) - 5 :]
    return None


def seed_near_duplicate_counts() -> dict[str, int]:
    """Each seed sentence followed by a copy with one fact changed; the sentence is deleted."""
    counts = {"sentences": 0, "orphaned": 0, "re-anchored elsewhere": 0, "wrong": 0}
    for article in load_corpus().articles:
        text = article.text
        for sentence in article.segment():
            copy = _with_one_fact_changed(sentence.text)
            if copy is None or len(sentence.text) < MIN_FUZZY_QUOTE:
                continue
            doubled = text[: sentence.end] + " " + copy + text[sentence.end :]
            sel = select(doubled, sentence.start, sentence.end)
            edited = text[: sentence.start] + copy + text[sentence.end :]
            found = locate(edited, sel)
            counts["sentences"] += 1
            if found is None:
                counts["orphaned"] += 1
            elif not (
                found.start < sentence.start + len(copy) and found.end > sentence.start
            ) and same_facts(
                facts(doubled, sel.start, sel.end), facts(edited, found.start, found.end)
            ):
                counts["re-anchored elsewhere"] += 1  # the same words again, e.g. a title
            else:
                counts["wrong"] += 1
    return counts


def test_a_seed_sentence_never_moves_onto_a_copy_with_one_fact_changed():
    counts = seed_near_duplicate_counts()
    print(counts)
    assert counts["sentences"] > 50
    assert counts["wrong"] == 0, counts


def test_the_seed_near_duplicates_are_similar_enough_to_have_been_taken():
    """Without the rule, most of these copies pass the similarity bar: the test is not idle."""
    similar = 0
    for article in load_corpus().articles:
        for sentence in article.segment():
            copy = _with_one_fact_changed(sentence.text)
            if copy is not None and len(sentence.text) >= MIN_FUZZY_QUOTE:
                similar += Levenshtein.normalized_similarity(sentence.text, copy) >= (
                    MIN_SIMILARITY
                )
    assert similar > 50


if __name__ == "__main__":
    print("sentence deleted:", seed_deletion_counts())
    print("copy with one fact changed:", seed_near_duplicate_counts())


def test_a_claim_never_lands_just_after_a_not_its_words_did_not_follow():
    # Found by the property above: the fuzzy match dropped "stay" and began after "not", so
    # the words it kept stated the same facts, yet the sentence now denies them.
    text = "Storm stay 0 storm reached storm storm."
    sel = select(text, 6, 26)  # "stay 0 storm reached"
    edited = "Storm stay not 0 storm reached storm storm."
    assert locate(edited, sel) is None
    # The same words after a "not" the quote did follow still re-anchor.
    negated = "It did not stay 0 storm reached here."
    sel = select(negated, negated.index("stay"), negated.index(" here"))
    moved = "Then it did not stay 0 storm reached here."
    found = locate(moved, sel)
    assert found is not None and moved[found.start : found.end] == "stay 0 storm reached"


def test_a_fuzzy_match_never_starts_inside_a_word_the_quote_held_whole():
    """Found by the random-edit property: " the two the the…" after edits landed on "wo the
    atwo the…", starting inside "two". Its facts matched only because the cut "two" was read
    whole; the highlight now takes the whole word, and states what the quote stated."""
    text = (
        "the storm storm storm residents indoors residents two the two the the the the the the"
        " storm overnight"
    )
    sel = select(text, 53, 101)
    edited = text[:58] + "a" + text[58:]
    edited = edited[:39] + "aa" + edited[39:]
    found = locate(edited, sel)
    assert found is not None and found.method == "fuzzy"
    assert edited[found.start : found.end].startswith("two the atwo")
    assert same_facts(facts(text, 53, 101), facts(edited, found.start, found.end))
