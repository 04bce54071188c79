"""Method 19: what an outside tester's first small corpora showed missing.

Each case is a pair of short reports stating one fact two ways, the kind a fact-checker
writes to try the tool; the tests read the alignment as `eternaut-reader align` does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eternaut_reader.core.analysis.bilingual import TranslationMap
from eternaut_reader.core.analysis.lexicon import stem
from eternaut_reader.core.analysis.values import compare, extract
from tests.helpers.pairs import aligned


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ETERNAUT_READER_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("ETERNAUT_READER_EMBEDDINGS", "0")


def test_an_english_count_of_men_is_of_men_not_of_an_italian_word():
    """ "men" has the letters of the stem of "meno" (less): the Italian glossary read it so."""
    (value,) = extract("Police arrested three men on Friday.", "en")[:1]
    assert value.unit == "men"


def test_three_men_against_quattro_uomini_conflicts(tmp_path):
    relation, found = aligned(
        tmp_path,
        "Police arrested three men on Friday.",
        "La polizia ha arrestato quattro uomini venerdì.",
    )
    assert relation == "conflicts"
    assert found == [("number", "three men", "quattro uomini")]


def test_the_dead_said_before_their_count_in_italian_are_the_dead(tmp_path):
    """ "sono morte dodici persone": the participle comes first, and is short."""
    (value,) = extract("Nell'incidente sono morte dodici persone.", "it")
    assert (value.unit, value.low) == ("dead", 12.0)
    relation, found = aligned(
        tmp_path,
        "Ten people were killed in the crash.",
        "Nell'incidente sono morte dodici persone.",
    )
    assert relation == "conflicts"
    assert found == [("number", "Ten people were killed", "morte dodici persone")]


def test_an_age_in_apposition_is_an_age_with_its_owner():
    (age,) = [v for v in extract("Marco Benetti, 38, a driver from Verona.", "en")]
    assert (age.unit, age.low, age.display()) == ("year", 38.0, "Benetti, 38")
    # Not a list of figures, nor a year.
    assert extract("The vote was 21, 15 against.", "en") == []


def test_two_ages_of_one_mayor_conflict(tmp_path):
    relation, found = aligned(
        tmp_path,
        "The mayor, 54, was elected in 2019.",
        "Il sindaco, 45 anni, è stato eletto nel 2019.",
    )
    assert relation == "conflicts"
    assert found == [("number", "mayor, 54", "sindaco, 45 anni")]


def test_ages_of_two_people_do_not_conflict(tmp_path):
    relation, found = aligned(
        tmp_path,
        "The driver, Marco Benetti, 38, was taken to hospital in Verona after the crash.",
        "Il passeggero, Luca Rossi, 51 anni, è stato portato in ospedale a Verona.",
    )
    assert (relation, found) != ("conflicts", [("number", "Benetti, 38", "Rossi, 51 anni")])
    assert found == []


@pytest.mark.parametrize(
    ("text", "language", "status"),
    [
        ("The concert was cancelled because of the storm.", "en", "cancelled"),
        ("The final has been called off.", "en", "cancelled"),
        ("La partita è stata annullata per la pioggia.", "it", "cancelled"),
        ("The vote was postponed to next week.", "en", "postponed"),
        ("L'udienza è stata rinviata a giugno.", "it", "postponed"),
        ("The meeting went ahead as planned.", "en", "held"),
        ("Il concerto si è regolarmente svolto.", "it", "held"),
        ("The meeting is scheduled for Thursday.", "en", "scheduled"),
        ("Il vertice si terrà giovedì a Roma.", "it", "scheduled"),
    ],
)
def test_whether_an_event_took_place_is_a_status(text, language, status):
    assert [v.unit for v in extract(text, language) if v.kind == "status"] == [status]


def test_held_said_of_no_event_is_no_status():
    assert extract("He was held in custody overnight.", "en") == []


def test_a_concert_cancelled_against_one_that_went_ahead_conflicts(tmp_path):
    relation, found = aligned(
        tmp_path,
        "The concert was cancelled because of the storm.",
        "Il concerto si è regolarmente svolto nonostante il temporale.",
    )
    assert relation == "conflicts"
    assert found == [("status", "was cancelled", "si è regolarmente svolto")]


def test_postponed_and_then_scheduled_do_not_conflict(tmp_path):
    relation, found = aligned(
        tmp_path,
        "The council meeting was postponed and is now scheduled for Thursday evening.",
        "The council meeting is scheduled for Thursday evening at the town hall.",
    )
    assert (relation, found) == ("agrees", [])


def test_talks_to_come_against_talks_held_conflict_in_reports_of_one_day(tmp_path):
    """Set 33's planted disagreement: the wire says the talks are still to come."""
    relation, found = aligned(
        tmp_path,
        "The meeting between unions and terminal operators is scheduled for Thursday.",
        "L'incontro tra sindacati e terminalisti si è svolto ieri pomeriggio in prefettura.",
        dates=("2025-03-20", "2025-03-20"),
    )
    assert relation == "conflicts"
    assert ("status", "is scheduled for", "si è svolto") in found


def test_talks_to_come_in_an_older_report_than_the_one_saying_they_were_held_agree(tmp_path):
    relation, found = aligned(
        tmp_path,
        "The meeting between unions and terminal operators is scheduled for Thursday.",
        "L'incontro tra sindacati e terminalisti si è svolto giovedì pomeriggio in prefettura.",
        dates=("2025-03-17", "2025-03-21"),
    )
    assert relation != "conflicts"
    assert ("status", "is scheduled for", "si è svolto") not in found


def test_inflation_slowed_against_rose_to_one_figure_is_a_direction_conflict(tmp_path):
    relation, found = aligned(
        tmp_path, "Inflation slowed to 2.1% in May.", "L'inflazione è salita al 2,1% a maggio."
    )
    assert relation == "conflicts"
    assert found[0][0] == "direction"


def test_people_stuck_in_lifts_are_counted_alike_in_both_languages(tmp_path):
    """ "bloccate" and "trapped" say the same of the people counted; 37 is no sixty."""
    relation, found = aligned(
        tmp_path,
        "Firefighters rescued 37 people trapped in lifts.",
        "I vigili del fuoco hanno liberato una sessantina di persone bloccate negli ascensori.",
    )
    assert relation == "conflicts"
    assert found == [("number", "37 people trapped", "sessantina di persone bloccate")]


@pytest.mark.parametrize(
    ("text", "language", "status"),
    [
        ("The bridge reopened to traffic yesterday.", "en", "reopened"),
        ("The registry office is back online.", "en", "reopened"),
        ("L'anagrafe è tornata operativa da ieri pomeriggio.", "it", "reopened"),
        ("L'anagrafe resta ferma.", "it", "closed"),
        ("I sistemi restano bloccati.", "it", "closed"),
    ],
)
def test_a_service_back_or_still_down_is_a_status(text, language, status):
    assert [v.unit for v in extract(text, language) if v.kind == "status"] == [status]


def test_a_bridge_reopened_against_one_still_closed_conflicts(tmp_path):
    relation, found = aligned(
        tmp_path,
        "The bridge reopened to traffic yesterday after two months of repairs.",
        "The bridge remains closed to traffic after two months of repairs.",
    )
    assert relation == "conflicts"
    assert found == [("status", "reopened to traffic", "remains closed")]


def test_one_weekday_read_in_two_tenses_is_no_conflict(tmp_path):
    """The present "closes on Sunday" reads last Sunday, the future "chiuderanno domenica"
    next Sunday: in reports of one day that is one Sunday."""
    relation, found = aligned(
        tmp_path, "Voting closes at 10 p.m. on Sunday.", "I seggi chiuderanno alle 22 di domenica."
    )
    assert (relation, found) == ("agrees", [])
    (tmp_path / "later").mkdir()
    relation, found = aligned(
        tmp_path / "later",
        "Voting closes at 10 p.m. on Sunday.",
        "I seggi chiuderanno alle 23 di domenica.",
    )
    assert found == [("time", "10 p.m.", "alle 23")]


@pytest.mark.parametrize(
    ("text", "language", "shown"),
    [
        ("The team won 3-1 on Saturday.", "en", "3-1"),
        ("Sabato la squadra si è imposta per 3 a 1.", "it", "3 a 1"),
        ("La partita è finita 1-1.", "it", "1-1"),
        ("It was a 2–0 defeat at home.", "en", "2–0"),
    ],
)
def test_a_game_result_is_a_score(text, language, shown):
    assert [v.text for v in extract(text, language) if v.kind == "score"] == [shown]


@pytest.mark.parametrize(
    "text",
    ["The journey takes 2-3 days.", "The council backed the plan 21-15.", "Open 9-5 daily."],
)
def test_ranges_and_tallies_of_votes_are_no_scores(text):
    assert [v for v in extract(text, "en") if v.kind == "score"] == []


def test_two_results_of_one_game_conflict_and_one_told_two_ways_agrees(tmp_path):
    relation, found = aligned(
        tmp_path, "The team won 3-1 on Saturday.", "La squadra ha vinto 2-1 sabato."
    )
    assert (relation, found) == ("conflicts", [("score", "3-1", "2-1")])
    (tmp_path / "same").mkdir()
    relation, found = aligned(
        tmp_path / "same",
        "The team won 3-1 on Saturday.",
        "Sabato la squadra si è imposta per 3 a 1.",
    )
    assert (relation, found) == ("agrees", [])


def test_everyday_italian_news_words_meet_their_english(tmp_path):
    """ "autisti" is "drivers" only through the news vocabulary (data/it_en_news.txt)."""
    relation, found = aligned(
        tmp_path,
        "Allo sciopero dei trasporti hanno aderito 1.500 autisti, secondo i sindacati.",
        "The unions said 1,200 drivers joined the transport strike.",
    )
    assert relation == "conflicts"
    assert found == [("number", "1.500 autisti", "1,200 drivers")]


def test_a_plane_landing_at_two_times_conflicts(tmp_path):
    relation, found = aligned(
        tmp_path,
        "L'aereo è atterrato alle 20.40 a Fiumicino.",
        "The plane landed at Fiumicino at 6.40 pm.",
    )
    assert (relation, found) == ("conflicts", [("time", "alle 20.40", "6.40 pm")])


def test_a_news_word_is_taken_only_where_the_english_reports_use_its_translation():
    """ "campioni" is "champions" in sport; in a water-testing story the corpus has "samples"
    and no champions, so the word is left to the dictionary."""
    forms = {stem("campioni"): {"campioni"}, stem("autisti"): {"autisti"}}
    italian = set(forms)
    water = TranslationMap.build(italian, {stem("samples"), stem("water")}, forms)
    assert water(stem("campioni")) != stem("champions")
    sport = TranslationMap.build(italian, {stem("champions"), stem("drivers")}, forms)
    assert sport(stem("campioni")) == stem("champions")
    assert sport(stem("autisti")) == stem("drivers")


def test_the_dead_counted_by_an_active_verb_against_an_italian_count_conflict(tmp_path):
    relation, found = aligned(
        tmp_path,
        "The storm killed at least 12 people in Liguria.",
        "Almeno 21 persone sono morte in Liguria a causa del maltempo.",
    )
    assert relation == "conflicts"
    assert found == [("number", "killed at least 12 people", "Almeno 21 persone")] or (
        found and found[0][0] == "number"
    )


def test_a_count_in_a_sentence_opening_on_a_year_long_past_is_of_then():
    # (Umbria is read too, as a region: the toll is the one count of the dead.)
    (dead,) = [
        v
        for v in extract(
            "In September 1997, two strong earthquakes in Umbria killed 11 people.",
            "en",
            dt.date(2025, 5, 1),
        )
        if v.unit == "dead"
    ]
    assert (dead.unit, dead.low, dead.former) == ("dead", 11.0, True)
    (dead,) = extract("The quake killed 11 people.", "en", dt.date(2025, 5, 1))
    assert not dead.former


def test_300_engineers_against_1300_in_alike_passages_conflict(tmp_path):
    relation, found = aligned(
        tmp_path,
        "The company said it would hire 300 engineers next year.",
        "L'azienda assumerà 1.300 ingegneri il prossimo anno.",
    )
    assert (relation, found) == ("conflicts", [("number", "300 engineers", "1.300 ingegneri")])


def test_a_vote_to_come_against_one_held_last_week_conflicts(tmp_path):
    relation, found = aligned(
        tmp_path,
        "The vote is scheduled for next Thursday.",
        "Il voto si è già svolto giovedì scorso.",
    )
    assert relation == "conflicts"
    assert ("status", "is scheduled for", "si è già svolto") in found


def test_a_short_italian_report_is_read_as_italian_not_catalan():
    """py3langid ranks "La strada resterà chiusa per due settimane." Catalan first, Italian a
    little behind: the language the alignment reads wins when it is that close."""
    from eternaut_reader.core.text.corpus import detect_language

    assert detect_language("La strada resterà chiusa per due settimane.") == "it"
    assert detect_language("La carretera estarà tancada durant dues setmanes.") == "ca"
    assert detect_language("El museo abre el 14 de marzo.") == "es"


def test_two_durations_of_one_closure_conflict_in_two_languages(tmp_path):
    relation, found = aligned(
        tmp_path,
        "The road will stay closed for three weeks.",
        "La strada resterà chiusa per due settimane.",
    )
    assert (relation, found) == ("conflicts", [("number", "three weeks", "due settimane")])


# Values a tester writes first: an ordinal, a multiplier by its verb, a stated age, a rule's start.
_FIRST_WRITTEN = [
    (
        "It was the third attack on the council this year.",
        "È il quarto attacco al Comune quest'anno.",
        ("ordinal", "third attack", "quarto attacco"),
    ),
    (
        "Prices have doubled since last year.",
        "I prezzi sono triplicati rispetto all'anno scorso.",
        ("multiplier", "doubled", "triplicati"),
    ),
    (
        "Police said the driver was 19.",
        "Secondo la polizia il conducente aveva 21 anni.",
        ("number", "driver was 19", "21 anni"),
    ),
    (
        "The new law takes effect next month.",
        "La nuova legge è già in vigore.",
        ("status", "takes effect", "è già in vigore"),
    ),
]


@pytest.mark.parametrize(
    ("one", "two"),
    [
        ("It was the third attack on the council this year.", "È il terzo attacco al Comune."),
        ("Prices have doubled since last year.", "I prezzi sono raddoppiati in un anno."),
        ("Police said the driver was 19.", "Secondo la polizia il conducente aveva 19 anni."),
    ],
)
def test_the_same_values_told_two_ways_agree(tmp_path, one, two):
    relation, found = aligned(tmp_path, one, two)
    assert (relation, found) == ("agrees", [])


@pytest.mark.parametrize(
    "text",
    [
        "Ci vuole un quarto d'ora.",
        "Lo stabilimento di Sesto San Giovanni.",
        "The death toll was 19.",
    ],
)
def test_no_ordinal_nor_age_where_there_is_none(text):
    language = "en" if text.startswith("The") else "it"
    assert [v for v in extract(text, language) if v.kind == "ordinal" or v.unit == "year"] == []


def test_a_weekday_with_a_planned_present_is_the_next_one():
    """ "La biblioteca riapre sabato" in a Thursday's report is the Saturday to come (an
    outside tester saw it read as the one before, against another report's "domani")."""
    thursday = dt.date(2026, 5, 14)

    def day(text: str, language: str) -> dt.date:
        (date,) = [v for v in extract(text, language, thursday) if v.kind == "date"]
        return dt.date.fromordinal(int(date.low))

    assert day("La biblioteca riapre sabato dopo i lavori.", "it") == dt.date(2026, 5, 16)
    assert day("The exhibition opens on Saturday.", "en") == dt.date(2026, 5, 16)
    assert day("La biblioteca ha riaperto sabato.", "it") == dt.date(2026, 5, 9)
    assert day("Police said on Saturday the road reopens.", "en") == dt.date(2026, 5, 9)


def test_a_series_tally_is_no_score_and_the_game_score_conflicts(tmp_path):
    text = "Brenta beat Sanlago 88-79 on Sunday to move 2-1 up in their playoff semi-final."
    assert [v.text for v in extract(text, "en") if v.kind == "score"] == ["88-79"]
    relation, found = aligned(
        tmp_path,
        "Olimpia Brenta beat Libertas Sanlago 88-79 in Game 3 of the semi-final on Sunday.",
        "Olimpia Brenta beat Libertas Sanlago 88-81 in Game 3 of the semi-final on Sunday.",
    )
    assert (relation, found) == ("conflicts", [("score", "88-79", "88-81")])


def test_who_scored_or_found_it_is_who(tmp_path):
    relation, found = aligned(
        tmp_path,
        "The decisive three-pointer was scored by American forward Devon Hayes.",
        "La tripla decisiva è stata segnata proprio da Rinaldi.",
    )
    assert relation == "conflicts"
    assert found == [
        ("who", "scored by American forward Devon Hayes", "segnata proprio da Rinaldi")
    ]
    (found_by,) = [
        v
        for v in extract("It was spotted by Ranieri on Monday near Piazza Garibaldi.", "en")
        if v.kind == "who"
    ]
    assert (found_by.unit, found_by.text) == ("found", "spotted by Ranieri")


def test_news_not_confirmed_is_hedged(tmp_path):
    from eternaut_reader.core.analysis.lexicon import is_hedged

    assert is_hedged("ma la notizia non è confermata", "it") == "non è confermata"
    assert is_hedged("The report has not been confirmed.", "en") == "not been confirmed"


def test_an_age_before_year_old_is_shown_whole():
    (age,) = extract("A 47-year-old driver was arrested.", "en")
    assert (age.unit, age.display()) == ("year", "47-year-old")


def test_a_news_word_is_not_taken_for_a_stem_it_gives_only_one_word_of():
    """ "farmaci" (drugs) is in the news vocabulary; "farmacie" (pharmacies) shares its stem
    and is not: a drug recall's "farmacie" stayed "drugs" and lost its deadline's conflict."""
    forms = {stem("farmacie"): {"farmacie", "farmaci"}}
    mapped = TranslationMap.build(set(forms), {stem("drugs"), stem("pharmacies")}, forms)
    assert mapped(stem("farmacie")) != stem("drugs")


# What a second outside tester found in two fully consistent corpora of their own (false
# contradictions) and two with planted ones.


def _day_of(text: str, language: str, written: dt.date) -> dt.date:
    (date,) = [v for v in extract(text, language, written) if v.kind == "date"]
    return dt.date.fromordinal(int(date.low))


def test_a_headline_infinitive_puts_its_weekday_ahead():
    thursday = dt.date(2026, 9, 3)
    text = "Lodi's Ferrari swimming pool to reopen on Saturday after renovation."
    assert _day_of(text, "en", thursday) == dt.date(2026, 9, 5)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Una settimana dopo il rilascio di martedì scorso a San Foca.", "it"),
        ("A week after last Tuesday's release at San Foca beach.", "en"),
    ],
)
def test_last_tuesday_written_on_a_tuesday_is_a_week_ago(text, language):
    tuesday = dt.date(2026, 9, 8)
    assert _day_of(text, language, tuesday) == dt.date(2026, 9, 1)


def test_a_pool_to_reopen_then_reopened_on_that_day_is_no_conflict(tmp_path):
    relation, _ = aligned(
        tmp_path,
        "The Ferrari swimming pool in Lodi will reopen on Saturday, 5 September, after works.",
        "The Ferrari swimming pool in Lodi reopened on Saturday, 5 September, after works.",
        dates=("2026-09-03", "2026-09-07"),
    )
    assert relation != "conflicts"
    (tmp_path / "later").mkdir()
    relation, _ = aligned(
        tmp_path / "later",
        "The Ferrari swimming pool in Lodi will reopen on Saturday, 12 September, after works.",
        "The Ferrari swimming pool in Lodi reopened on Saturday, 5 September, after works.",
        dates=("2026-09-03", "2026-09-07"),
    )
    assert relation == "conflicts"


def test_the_other_two_are_a_part_not_the_count_told_again(tmp_path):
    _, found = aligned(
        tmp_path,
        "Tre tartarughe sono state dotate di un trasmettitore satellitare da 3.500 euro.",
        "Nina ha percorso 120 chilometri; le altre due tartarughe con il trasmettitore "
        "satellitare sono rimaste vicino alla costa.",
    )
    assert ("number", "Tre tartarughe", "due tartarughe") not in found


def test_a_day_past_and_a_day_to_come_are_two_events(tmp_path):
    relation, _ = aligned(
        tmp_path,
        "The giraffe calf will be shown to the public on Saturday 12 September.",
        "Asha, the giraffe calf born on 1 September, has not yet been shown to the public.",
        dates=("2026-09-03", "2026-09-14"),
    )
    assert relation != "conflicts"


# What the second outside tester planted: scores, who is coach, kilograms as "chili".
_SECOND_TESTER = [
    (
        "Pesaro won 3-1 against Trento in the Super Cup final.",
        "Pesaro won 3-2 against Trento in the Super Cup final.",
        ("score", "3-1", "3-2"),
    ),
    (
        "Delfini Pesaro beat Aquile Trento 3-1 to win the volleyball Super Cup in Ancona.",
        "Le Delfini Pesaro hanno vinto la Supercoppa ad Ancona battendo le Aquile Trento "
        "per 3 a 2.",
        ("score", "3-1", "3 a 2"),
    ),
    (
        "Pesaro's coach is Marco Rinaldi.",
        "Pesaro's coach is Paolo Ferri.",
        ("who", "coach is Marco Rinaldi", "coach is Paolo Ferri"),
    ),
    (
        "The giraffe calf weighed 62 kg at birth.",
        "Alla nascita la giraffa pesava 82 chili.",
        ("number", "62 kg", "82 chili"),
    ),
]


# An act done against not yet done.
_ACTS_DONE = [
    (
        "Ieri la giraffa Asha ha fatto il suo debutto davanti al pubblico.",
        "The giraffe calf Asha has not yet made her public debut.",
        ("status", "ha fatto il suo debutto", "not yet made her public debut"),
    ),
    (
        "The giraffe calf Asha was shown to the public for the first time yesterday.",
        "The giraffe calf Asha has not yet been shown to the public.",
        ("status", "was shown", "not yet been shown"),
    ),
    (
        "The supply contract was signed in Rome on Monday.",
        "Il contratto di fornitura non è ancora stato firmato.",
        ("status", "was signed", "non è ancora stato firmato"),
    ),
]


@pytest.mark.parametrize(("one", "two", "conflict"), _FIRST_WRITTEN + _SECOND_TESTER + _ACTS_DONE)
def test_one_planted_disagreement_each(tmp_path, one, two, conflict):
    relation, found = aligned(tmp_path, one, two)
    assert relation == "conflicts"
    assert conflict in found


def test_an_act_to_be_done_is_no_act_done_and_two_acts_are_not_compared():
    statuses = [
        v.unit
        for v in extract("The takeover must be approved by the competition watchdog.", "en")
        if v.kind == "status"
    ]
    assert statuses == []
    (signed,) = [v for v in extract("The deal was signed on Monday.", "en") if v.kind == "status"]
    (shown,) = [v for v in extract("It has not yet been shown.", "en") if v.kind == "status"]
    assert compare(signed, shown) is None


def test_an_age_whose_owner_is_the_clause_before(tmp_path):
    """ "Her mother, Zuri, is nine years old": Zuri is whose age, one clause back."""
    relation, found = aligned(
        tmp_path,
        "Her mother, Zuri, is nine years old and has given birth twice before.",
        "Her mother, 12-year-old Zuri, has had two calves before.",
    )
    assert relation == "conflicts"
    assert found == [("number", "nine years", "mother, 12-year-old")]


def test_a_crowd_of_a_figure_is_a_count_of_the_crowd(tmp_path):
    (crowd,) = extract("The crowd of 4,800 at the final was the largest yet.", "en")
    assert (crowd.unit, crowd.low, crowd.text) == ("crowd", 4800.0, "crowd of 4,800")
    assert [v.unit for v in extract("A total of 48,000 packs were recalled.", "en")] == ["pack"]
    relation, found = aligned(
        tmp_path,
        "The crowd of 4,800 at the Super Cup final in Ancona was the largest in its history.",
        "Alla finale di Supercoppa ad Ancona c'erano 4.200 spettatori, record per la coppa.",
    )
    assert (relation, found) == ("conflicts", [("number", "crowd of 4,800", "4.200 spettatori")])


def test_the_day_something_was_said_is_not_the_day_it_happened(tmp_path):
    born, said = [
        v
        for v in extract(
            "A giraffe calf was born at the zoo on Tuesday, the zoo said on Wednesday.",
            "en",
            dt.date(2026, 9, 3),
        )
        if v.kind == "date"
    ]
    (nata,) = extract("La giraffa è nata mercoledì 2 settembre.", "it", dt.date(2026, 9, 3))
    assert (born.said, said.said) == (False, True)
    assert compare(said, nata) is None  # no agreement through the day it was announced
    relation, _ = aligned(
        tmp_path,
        "A female giraffe calf was born at the Valmarina zoo on Tuesday, the zoo said on "
        "Wednesday.",
        "La giraffa Asha è nata mercoledì 2 settembre al parco zoologico di Valmarina.",
        dates=("2026-09-03", "2026-09-03"),
    )
    assert relation != "agrees"
