"""Method 17: disagreements in new text that method 16 took for agreement.

Each case is a pair of reports stating one fact two ways; the tests read the alignment as
`eternaut-reader align` does, and assert the conflict a fact-checker would see."""

from __future__ import annotations

from pathlib import Path

import pytest

from eternaut_reader.core.analysis import align
from eternaut_reader.core.analysis.lexicon import base_stem, stem
from eternaut_reader.core.text.corpus import load_corpus
from tests.helpers.pairs import aligned


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ETERNAUT_READER_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("ETERNAUT_READER_EMBEDDINGS", "0")


def test_english_verbs_are_read_by_their_base_form_next_to_a_value():
    assert base_stem("renewed") == base_stem("renew") == base_stem("renewing")
    assert base_stem("closed") == base_stem("closing") == base_stem("close")
    # ...not words that only end like a verb.
    assert base_stem("hundred") == stem("hundred")
    assert base_stem("agreed") == stem("agreed")
    assert base_stem("spring") == stem("spring")


def test_an_italian_verb_meets_the_english_past_tense_of_its_translation(tmp_path):
    """The lexicon gives "rinnovare" as "renew"; the English report writes "renewed". The
    year next to each is then one measure, and two years of it conflict."""
    relation, found = aligned(
        tmp_path,
        "Regional documents show that the track on the Cedegolo section was last renewed in 2018.",
        "Il tratto di Cedegolo, ricordano i sindaci della zona, era stato rinnovato nel 2021.",
    )
    assert relation == "conflicts"
    assert found == [("date", "in 2018", "nel 2021")]


def test_a_window_of_hours_is_not_how_long_the_rain_lasted(tmp_path):
    """ "In 24 ore sono caduti 180 millimetri" frames a rainfall; "after two days of heavy
    rain" says how long it rained. An outside tester saw them suggested as a contradiction."""
    relation, found = aligned(
        tmp_path,
        "The river burst its banks after two days of heavy rain, the civil protection agency said.",
        "In 24 ore sono caduti 180 millimetri di pioggia, secondo la protezione civile, e il "
        "fiume è esondato.",
    )
    assert found == []
    assert relation != "conflicts"


def test_two_windows_of_different_length_still_conflict(tmp_path):
    relation, found = aligned(
        tmp_path,
        "In 24 hours, 180 millimetres of rain fell on the town, the civil protection agency said.",
        "In 48 hours, 180 millimetres of rain fell on the town, the civil protection agency said.",
    )
    assert relation == "conflicts"
    assert found == [("number", "24 hours", "48 hours")]


def test_millimetres_are_one_unit_however_written(tmp_path):
    relation, found = aligned(
        tmp_path,
        "Some 180 mm of rain fell on Genoa overnight, the regional weather service said.",
        "Su Genova sono caduti nella notte 230 millimetri di pioggia, secondo il servizio "
        "meteo regionale.",
    )
    assert relation == "conflicts"
    assert found == [("number", "180 mm", "230 millimetri")]


def test_a_peak_and_the_level_the_river_fell_to_are_two_moments(tmp_path):
    """ "peaked at 5.2 metres on Sunday" / "è sceso a 3 metri lunedì sera": two times, so
    neither the heights nor the days clash."""
    relation, found = aligned(
        tmp_path,
        "The river peaked at 5.2 metres on Sunday, the agency said.",
        "Il fiume è sceso a 3 metri lunedì sera, ha detto l'agenzia.",
    )
    assert found == []
    assert relation != "conflicts"


def test_two_peaks_of_different_height_conflict(tmp_path):
    relation, found = aligned(
        tmp_path,
        "The river peaked at 5.2 metres on Sunday, the agency said.",
        "Il fiume ha raggiunto il picco di 4,1 metri domenica, ha detto l'agenzia.",
    )
    assert relation == "conflicts"
    assert ("number", "5.2 metres", "4,1 metri") in found


def test_two_times_of_one_event_conflict(tmp_path):
    """ "completed reconnection shortly after 1 a.m." / "la fornitura è stata riattivata
    completamente soltanto intorno alle 3 di notte": the time of one restoration, two ways."""
    relation, found = aligned(
        tmp_path,
        "The operator restored supply in stages and completed the reconnection of the "
        "district shortly after 1 a.m., it said.",
        "Secondo l'operatore, la fornitura del quartiere è stata riattivata completamente "
        "soltanto intorno alle 3 di notte.",
    )
    assert relation == "conflicts"
    assert found == [("time", "1 a.m.", "alle 3 di notte")]


def test_two_times_of_two_events_do_not_conflict(tmp_path):
    """A story has many hours: the call for help and the rescuers' arrival ("shortly" says
    how exactly, not of what)."""
    relation, found = aligned(
        tmp_path,
        "The four hikers called the 112 emergency number shortly before 7 p.m., police said.",
        "Rescuers reached the four hikers shortly after 2 a.m. with blankets, food and warm "
        "drinks, police said.",
    )
    assert found == []
    assert relation != "conflicts"


def test_times_read_with_their_part_of_the_night_and_zone():
    from eternaut_reader.core.analysis.values import compare, extract

    (three,) = [v for v in extract("intorno alle 3 di notte", "it") if v.kind == "time"]
    (eleven,) = [v for v in extract("alle 11 di notte", "it") if v.kind == "time"]
    assert (three.low, three.rough, eleven.low) == (180, True, 23 * 60)
    (one,) = [v for v in extract("by 1 a.m. on Wednesday", "en") if v.kind == "time"]
    assert compare(eleven, one) is False  # two hours apart across midnight
    assert compare(three, one) is False
    (roughly,) = [v for v in extract("around 1.30 a.m.", "en") if v.kind == "time"]
    assert compare(roughly, one) is True
    # A time of one zone ("le 21 italiane") is not compared with a time of none ("8pm").
    (italian,) = [v for v in extract("poco dopo le 21 italiane", "it") if v.kind == "time"]
    (eight,) = [v for v in extract("at 8pm", "en") if v.kind == "time"]
    assert compare(italian, eight) is None


def test_a_date_in_figures_is_read_day_first_in_italian(tmp_path):
    """ "crollata domenica 3/3/2024" / "collapsed on 4 March 2024": an outside tester saw them
    agree, the Italian date unread."""
    relation, found = aligned(
        tmp_path,
        "The footbridge over the river Adda collapsed on 4 March 2024, injuring two people.",
        "La passerella sul fiume Adda è crollata domenica 3/3/2024, ferendo due persone.",
    )
    assert relation == "conflicts"
    assert found == [("date", "4 March 2024", "domenica 3/3/2024")]


@pytest.mark.parametrize(
    ("text", "language", "day"),
    [
        ("il 14.07.2025 alle 19.30", "it", "2025-07-14"),
        ("dal 3/4/24", "it", "2024-04-03"),
        ("on 14/7/2025", "en", "2025-07-14"),
        ("on 7/14/2025", "en", "2025-07-14"),
        ("on 3/3/2024", "en", "2024-03-03"),
    ],
)
def test_dates_in_figures(text, language, day):
    import datetime as dt

    from eternaut_reader.core.analysis.values import extract

    (date,) = [v for v in extract(text, language) if v.kind == "date"]
    assert dt.date.fromordinal(int(date.low)).isoformat() == day


def test_an_english_date_in_figures_that_reads_two_ways_is_not_guessed():
    from eternaut_reader.core.analysis.values import extract

    assert not [v for v in extract("on 3/4/2024", "en") if v.kind == "date"]
    assert not [v for v in extract("1.200.000 euro", "it") if v.kind == "date"]


def test_two_ledes_give_the_main_events_day_in_whatever_words(tmp_path):
    """A wire of Tuesday 18 November says the bridge closed "on Tuesday"; a weekly of the 21st
    says "the decision to close … on Monday 17 November". Their ledes share few words, but
    the one day each gives is the day of the story's main event."""
    relation, found = aligned(
        tmp_path,
        "Authorities in northern Italy closed a 1960s road bridge over the Adige river on "
        "Tuesday after an inspection found corrosion.",
        "The Province of Verona's decision to close the Ponte dei Mulini at Legnago on Monday "
        "17 November is the latest reminder of the state of Italy's post-tensioned bridges.",
        dates=("2025-11-18", "2025-11-21"),
    )
    assert relation == "conflicts"
    assert found == [("date", "on Tuesday", "Monday 17 November")]


def test_two_durations_of_two_things_do_not_conflict(tmp_path):
    """ "an incubation period of up to ten days" / "è morto dopo quasi due settimane in terapia
    intensiva": a story has many durations; the noun "days" does not say of what."""
    relation, found = aligned(
        tmp_path,
        "With an incubation period of up to ten days, more Legionnaires' cases may follow at "
        "the hospital, the expert said.",
        "Il paziente di 84 anni è morto in ospedale domenica, dopo quasi due settimane in "
        "terapia intensiva per legionella.",
    )
    assert found == []
    assert relation != "conflicts"


def test_two_durations_of_one_strike_conflict(tmp_path):
    relation, found = aligned(
        tmp_path,
        "The rail strike will last 24 hours from Friday evening, the unions said.",
        "Lo sciopero dei treni durerà 48 ore a partire da venerdì sera, secondo i sindacati.",
    )
    assert relation == "conflicts"
    assert found == [("number", "24 hours", "48 ore")]


def test_ha_gia_avviato_is_an_operation_already_started(tmp_path):
    """An outside tester's "La polizia ha già avviato le ricerche" against "will start next
    week" came out as agreement."""
    relation, found = aligned(
        tmp_path,
        "A search of the city's antique shops will start next week, police said.",
        "La polizia ha già avviato le ricerche nei negozi di antiquariato della città.",
    )
    assert relation == "conflicts"
    assert found == [("status", "will start", "ha già avviato")]


def test_a_bare_italian_hour_before_a_comma_is_a_time(tmp_path):
    relation, found = aligned(
        tmp_path,
        "The theft happened at 7 p.m., shortly after the museum closed to visitors.",
        "Il furto è avvenuto alle 21, dopo la chiusura del museo ai visitatori.",
    )
    assert relation == "conflicts"
    assert found == [("time", "7 p.m.", "alle 21")]


def test_passages_sharing_only_a_day_and_its_name_are_related_even_in_a_triangle(tmp_path):
    """ "Heavy rain fell on the city on Tuesday." agreed with two reports' theft sentences of
    that Tuesday (the two theft sentences agreeing with each other made a triangle)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    reports = {
        "a": (
            "2025-11-05",
            "Thieves stole three violins from the museum in Cremona on "
            "Tuesday evening, police said.\n\nHeavy rain fell on the city on Tuesday.",
        ),
        "b": (
            "2025-11-06",
            "Three violins were taken from the museum in Cremona on Tuesday, "
            "November 4, police said.",
        ),
        "c": (
            "2025-11-05",
            "Tre violini sono stati rubati ieri sera dal museo di Cremona, secondo la polizia.",
        ),
    }
    for name, (date, body) in reports.items():
        (folder / f"{name}.txt").write_text(f"Report {name}\n\n{date}\n\n{body}\n", "utf-8")
    corpus = load_corpus([folder])
    alignment = align(corpus, use_cache=False, embed=False)
    text = next(a.text for a in corpus.articles if a.id == "a")
    start = text.index("Heavy rain")
    found = alignment.matches("a", start, start + len("Heavy rain fell on the city on Tuesday."))
    assert found and all(m.relation == "related" for m in found)
    suggestion = alignment.suggest("a", start, start + 10)
    assert suggestion is not None and suggestion.tag == "speculative"


def test_a_sentence_of_two_confirmed_clauses_names_every_report_that_states_either():
    """The claim bar named only the first clause's reports, while the same-fact panel listed
    the sentence's: the sentence's suggestion now names them all (an outside tester)."""
    corpus = load_corpus()
    fifth = corpus.articles[4]
    start = fifth.text.index("The decision signals a new era")
    sentence = next(s for s in fifth.segment() if s.start <= start < s.end)
    alignment = align(corpus, use_cache=False, embed=False)
    clauses = [u for u in alignment.units(fifth.id) if sentence.start <= u.start < sentence.end]
    assert len(clauses) == 2
    named = set()
    for clause in clauses:
        one = alignment.suggest(fifth.id, clause.start, clause.end)
        assert one is not None and one.tag == "confirmed"
        named |= {m.article for m in one.evidence}
    whole = alignment.suggest(fifth.id, sentence.start, sentence.end)
    assert whole is not None and whole.tag == "confirmed"
    assert {m.article for m in whole.evidence} == named
    assert all(article in whole.reason for article in named) or "all 4 other" in whole.reason
