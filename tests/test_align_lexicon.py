"""The Italian-English lexicon: Italian words on subjects no glossary covers meet English."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

from eternaut_reader.core.analysis import align, bilingual
from eternaut_reader.core.analysis.bilingual import TranslationMap, could_be_lemma, entries
from eternaut_reader.core.analysis.evaluate import evaluate, load_clusters
from eternaut_reader.core.analysis.lexicon import is_hedged, stem
from eternaut_reader.core.text.corpus import Article, load_corpus

DATA = Path(__file__).parent / "data" / "align"


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ETERNAUT_READER_CACHE", str(tmp_path / "cache"))


@pytest.fixture
def no_lexicon(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The alignment as it was before the lexicon: no sense of any Italian word is read."""
    monkeypatch.setattr(bilingual, "MAX_SENSES", 0)
    yield


def test_the_shipped_lexicon_carries_its_licence_and_thousands_of_lemmas():
    raw = resources.files(bilingual.__package__).joinpath("data", "it_en.txt.gz").read_bytes()
    text = gzip.decompress(raw).decode()
    assert "MultiWordNet" in text and "creativecommons.org/licenses/by/3.0" in text
    assert sum(1 for line in text.splitlines() if "\t" in line) > 30_000
    assert ("impurita", (stem("impurity"),)) in entries(stem("impurità"))
    assert ("ipertensione", (stem("hypertension"),)) in entries(stem("ipertensione"))


@pytest.mark.parametrize(
    ("form", "lemma"),
    [
        ("farmacie", "farmacia"),
        ("lotti", "lotto"),
        ("tecniche", "tecnica"),
        ("parchi", "parco"),
        ("studi", "studio"),
        ("ritirati", "ritirare"),
        ("sostituiranno", "sostituire"),
        ("venduto", "vendere"),
    ],
)
def test_an_inflected_italian_word_can_come_from_its_lemma(form, lemma):
    assert could_be_lemma(form, lemma)


@pytest.mark.parametrize(
    ("form", "lemma"),
    [("farmacie", "farmaco"), ("trasferta", "trasferimento"), ("campioni", "campionato")],
)
def test_a_lemma_that_only_shares_the_stem_is_not_the_word(form, lemma):
    assert not could_be_lemma(form, lemma)


def test_a_word_is_translated_only_into_english_the_other_reports_use():
    italian = {stem("campioni"), stem("scatole")}
    forms = {stem("campioni"): {"campioni"}, stem("scatole"): {"scatole"}}
    translate = TranslationMap.build(italian, {stem("samples"), stem("tablets")}, forms)
    assert translate(stem("campioni")) == stem("samples")
    # "scatole" is boxes, and no English report speaks of boxes: the word is left as it is.
    assert translate(stem("scatole")) == stem("scatole")
    # "campioni" read as "campionato" (a league) is ruled out by its form, not by chance.
    league = TranslationMap.build(italian, {stem("league")}, forms)
    assert league(stem("campioni")) == stem("campioni")


def _pair(italian: str, english: str) -> tuple[list[Article], tuple[int, int], tuple[int, int]]:
    articles = [
        Article(id="it", title="it", language="it", text=italian),
        Article(id="en", title="en", language="en", text=english),
    ]
    return articles, (0, len(italian)), (0, len(english))


def test_counts_of_a_noun_in_two_languages_conflict_through_the_lexicon():
    """ "16 campioni" against "14 samples": one measure, two figures."""
    articles, it_span, en_span = _pair(
        "I tecnici hanno analizzato 16 campioni di acqua del rubinetto a Nembro.",
        "Technicians analysed 14 samples of tap water in Nembro.",
    )
    result = align(articles, use_cache=False)
    (match,) = result.matches("it", *it_span)
    assert match.relation == "conflicts"
    assert [(c.what, c.here, c.there) for c in match.conflicts] == [
        ("number", "16 campioni", "14 samples")
    ]
    suggestion = result.suggest("en", *en_span)
    assert suggestion is not None and suggestion.tag == "contradicted"


def test_without_the_lexicon_the_two_counts_are_not_compared(no_lexicon):
    """Without the lexicon "campioni" and "samples" are two nouns: nothing to compare."""
    articles, it_span, _ = _pair(
        "I tecnici hanno analizzato 16 campioni di acqua del rubinetto a Nembro.",
        "Technicians analysed 14 samples of tap water in Nembro.",
    )
    result = align(articles, use_cache=False)
    assert all(m.relation != "conflicts" for m in result.matches("it", *it_span))


def _passage(corpus, article_id: str, quote: str) -> tuple[str, int, int]:
    text = next(a.text for a in corpus.articles if a.id == article_id)
    start = text.index(quote)
    return article_id, start, start + len(quote)


def _matched(result, here: tuple[str, int, int], there: tuple[str, int, int]) -> bool:
    return any(m.article == there[0] and m.start <= there[1] < m.end for m in result.matches(*here))


def test_a_held_out_italian_passage_meets_its_english_one_only_through_the_lexicon(monkeypatch):
    """corpus8 was written after the method. "con la pista accorciata, però, il jet non può
    decollare a pieno carico" meets the Aviation Brief's "the runway is too short for the
    A220" once "accorciata" is read as "shortened", the word a third report uses."""
    corpus = load_corpus([DATA / "corpus8"])
    italian = _passage(corpus, "cronaca-isontina", "il jet non può decollare a pieno carico")
    english = _passage(corpus, "aviation-brief", "the runway is too short for the A220")
    assert _matched(align(corpus, use_cache=False), italian, english)
    monkeypatch.setattr(bilingual, "MAX_SENSES", 0)
    assert not _matched(align(corpus, use_cache=False), italian, english)


def test_the_lexicon_finds_more_italian_english_pairs_on_the_held_out_sets(monkeypatch):
    def found() -> int:
        total = 0
        for name in ("corpus6", "corpus7", "corpus8", "corpus9", "corpus10"):
            corpus = load_corpus([DATA / name])
            clusters = load_clusters(DATA / f"{name}_clusters.json")
            result = evaluate(align(corpus, use_cache=False), corpus.articles, clusters)
            assert result.contradictions[0] >= 1
            total += result.true_positive["en-it"]
        return total

    with_lexicon = found()
    monkeypatch.setattr(bilingual, "MAX_SENSES", 0)
    without = found()
    assert with_lexicon > without


@pytest.mark.parametrize(
    ("text", "language", "cue"),
    [
        ("in what is thought to be the largest breach ever", "en", "thought to"),
        ("which is in talks to sell a majority stake", "en", "in talks"),
        ("the suspected hackers left no trace", "en", "suspected"),
        ("said a person who spoke on condition of anonymity", "en", "anonymity"),
        ("il presunto autore dell'attacco è stato fermato", "it", "presunto"),
        ("l'azienda è in trattativa per vendere la rete", "it", "in trattativa"),
        ("la notizia, non confermata, circola da ieri", "it", "non confermata"),
        ("Police are said to be looking into a tip-off", "en", "are said to"),
        ("we cannot exclude another shock of similar strength", "en", "cannot exclude"),
        ("a second collapse could not be ruled out", "en", "could"),
        ("There was talk at the gates of a local buyer", "en", "there was talk"),
        ("Gli investigatori non escludono che i ladri avessero un complice", "it", "non escludono"),
        ("non possiamo escludere altre scosse nei prossimi giorni", "it", "non possiamo escludere"),
    ],
)
def test_belief_suspicion_and_talks_are_hedges(text: str, language: str, cue: str) -> None:
    assert is_hedged(text, language) == cue


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The company said it had found the intruders on 27 January.", "en"),
        ("Il consiglio ha approvato la delibera con 24 voti a favore.", "it"),
    ],
)
def test_plain_statements_are_not_hedged(text: str, language: str) -> None:
    assert is_hedged(text, language) is None


@pytest.mark.parametrize(
    ("text", "language", "cue"),
    [
        ("secondo l'Istituto nazionale di geofisica (Ingv), a 9 chilometri", "it", None),
        ("the quake was 9 km deep, according to Italy's National Institute", "en", None),
        ("secondo fonti sindacali, uno dei sensori era guasto", "it", "secondo"),
        ("secondo gli esperti la faglia è la stessa", "it", "secondo"),
        ("according to two people familiar with the plans", "en", "according to"),
        ("according to Bloomberg sources, the deal is done", "en", "according to"),
    ],
)
def test_attribution_to_a_named_source_is_no_hedge(text, language, cue):
    """ "According to sources" is a hedge; "according to INGV" names who stands behind it."""
    assert is_hedged(text, language) == cue


@pytest.mark.parametrize(
    ("text", "language", "cue"),
    [
        ("Secondo il ministero della Salute, i bambini contagiati sono 46.", "it", None),
        ("According to hospital director Marco Galli, 46 children were treated.", "en", None),
        ("according to the police, three people were arrested", "en", None),
        ("Secondo l'azienda, le emissioni calano del 90%.", "it", "secondo"),
        ("According to the operator, emissions fall by 90 percent.", "en", "according to"),
        ("according to local residents, the river rose overnight", "en", "according to"),
    ],
)
def test_a_public_body_or_a_named_person_is_a_source_a_party_is_not(text, language, cue):
    """A public office named in lower case, as Italian writes it, or a person named after
    their title, stands behind the claim; a company's own figure stays its claim (found by
    an outside tester: "secondo il ministero della Salute" was hedged)."""
    assert is_hedged(text, language) == cue
