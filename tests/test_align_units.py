"""Clause units: exact slices of the text, long sentences split at clause boundaries."""

from __future__ import annotations

import itertools

import pytest

from eternaut_reader.core.analysis.units import LONG, is_heading, split_sentence, units
from eternaut_reader.core.text.corpus import Article, load_corpus

IT = "000_4140a6fd70e58899"
EN = "001_e0f10242f82b10d2"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def test_every_unit_is_an_exact_slice_in_reading_order(corpus):
    for article in corpus.articles:
        found = units(article)
        assert found, article.id
        for unit in found:
            assert article.text[unit.start : unit.end] == unit.text
            assert unit.text == unit.text.strip()
        starts = [u.start for u in found]
        assert starts == sorted(starts)
        assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_the_italian_revenue_sentence_is_split_into_its_facts(corpus):
    texts = [u.text for u in units(corpus.by_id(IT))]
    revenue = next(t for t in texts if "11 miliardi di dollari" in t)
    hours = next(t for t in texts if "95 miliardi di ore" in t)
    titles = next(t for t in texts if "Squid Game" in t)
    assert revenue != hours != titles
    assert revenue.endswith("Netflix ha superato gli 11 miliardi di dollari di fatturato")
    assert "segnando un +16% rispetto all’anno precedente" in texts  # a gerund clause
    assert hours == (
        "e ha totalizzato oltre 95 miliardi di ore di streaming secondo i dati ufficiali "
        "condivisi dall’azienda"
    )
    assert titles == (
        "titoli come Adolescence, Squid Game e K-Pop Demon Hunters hanno dominato le classifiche"
    )


def test_a_short_sentence_stays_one_unit_and_a_list_marker_is_left_out(corpus):
    article = corpus.by_id(EN)
    texts = [u.text for u in units(article)]
    short = "The company is positioning its use as creator-friendly."
    assert short in texts
    assert "Personalized search features that better interpret user queries" in texts
    assert not any(t.startswith("- ") for t in texts)


def test_split_at_semicolon_then_colon_then_dash_then_conjunction():
    text = (
        "The council approved the new budget for the coming year after a long debate in the "
        "chamber; the opposition voted against it and asked for a referendum on the matter, "
        "but the mayor said the vote would stand and that works would start in the spring."
    )
    assert len(text) > LONG
    spans = split_sentence(text, 0, len(text), "en")
    pieces = [text[s:e] for s, e in spans]
    assert pieces == [
        "The council approved the new budget for the coming year after a long debate in the "
        "chamber",
        "the opposition voted against it and asked for a referendum on the matter",
        "but the mayor said the vote would stand and that works would start in the spring.",
    ]


def test_italian_conjunctions_split_italian_sentences():
    text = (
        "Il consiglio comunale ha approvato il bilancio dopo una lunga discussione in aula, "
        "mentre l'opposizione ha votato contro e ha chiesto un referendum sulla questione "
        "entro la fine dell'anno."
    )
    pieces = [text[s:e] for s, e in split_sentence(text, 0, len(text), "it")]
    assert pieces[0] == (
        "Il consiglio comunale ha approvato il bilancio dopo una lunga discussione in aula"
    )
    assert pieces[1].startswith("mentre l'opposizione")


def test_short_pieces_are_joined_to_a_neighbour():
    text = "Yes: " + "the committee agreed to publish every document of the inquiry " * 3
    spans = split_sentence(text, 0, len(text.rstrip()), "en")
    assert all(e - s >= 40 for s, e in spans)
    assert text[spans[0][0] : spans[0][1]].startswith("Yes")


def test_an_empty_article_has_no_units():
    assert units(Article(id="empty", title="empty", language="en", text="")) == []
    assert units(Article(id="blank", title="blank", language="en", text=" \n\n ")) == []


def test_section_headings_are_short_lines_without_a_sentence_end():
    text = (
        "Netflix uses generative AI for the first time\n\n"
        "Netflix said on Thursday it used AI in a scene.\n\n"
        "## Speed and Efficiency Gains\n\n"
        "- Personalized search features that better interpret user queries\n"
        "The work was done ten times faster, Sarandos said.\n"
    )
    article = Article(id="a", title="t", language="en", text=text)
    found = {u.text: is_heading(text, u) for u in units(article)}
    assert found["## Speed and Efficiency Gains"] is True
    assert found["Netflix uses generative AI for the first time"] is False  # the headline
    assert found["Personalized search features that better interpret user queries"] is False
    assert found["The work was done ten times faster, Sarandos said."] is False


def test_a_piece_with_no_letter_or_digit_is_no_unit():
    """A line of zero-width spaces or of asterisks states nothing: `align` lists no unit for
    it (an outside tester found one listed, with no text to see)."""
    text = "The line reopened on Sunday.\n\n\u200b\u200b\u200b\n\n* * *\n\nBuses ran until then."
    found = [text[s:e] for s, e in split_sentence(text, 0, len(text), "en")]
    article = Article(id="zw", title="zw", language="en", text=text)
    texts = [u.text for u in units(article)]
    assert all(any(c.isalnum() for c in t) for t in texts + found)
    assert any("reopened" in t for t in texts) and any("Buses" in t for t in texts)
