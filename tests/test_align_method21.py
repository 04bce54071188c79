"""Method 21 (METHOD_VERSION 24): the seriously injured as a part of a toll; a start "from"
a month.

"injuring 23 people, two of them seriously" counted the 23 and dropped the two, so "27
feriti, tre dei quali in gravi condizioni" never contradicted it; "Dal primo ottobre chi vorrà
entrare … dovrà pagare", written in March, was read as last October."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eternaut_reader.core.analysis.values import extract
from tests.helpers.pairs import aligned


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ETERNAUT_READER_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("ETERNAUT_READER_EMBEDDINGS", "0")


def _counts(text: str, language: str) -> list[tuple[str, float]]:
    return [(v.unit, v.low) for v in extract(text, language) if v.kind == "quantity"]


@pytest.mark.parametrize(
    ("text", "language", "counts"),
    [
        (
            "injuring 23 people, two of them seriously, emergency services said.",
            "en",
            [("injure", 23.0), ("injure!serious", 2.0)],
        ),
        (
            "Il bilancio è di 27 feriti, tre dei quali in gravi condizioni.",
            "it",
            [("injure", 27.0), ("injure!serious", 3.0)],
        ),
        ("27 feriti, di cui due gravi", "it", [("injure", 27.0), ("injure!serious", 2.0)]),
        (
            "deraglia il regionale: 23 feriti, tre gravi",
            "it",
            [("injure", 23.0), ("injure!serious", 3.0)],
        ),
        ("The three seriously injured passengers were airlifted.", "en", [("injure!serious", 3.0)]),
    ],
)
def test_the_seriously_injured_are_a_count_of_their_own(text, language, counts):
    assert _counts(text, language) == counts


@pytest.mark.parametrize(
    "text",
    [
        "23 people were injured, two of them children.",  # a part, but not of the serious
        "Of the 150 passengers, 40 of them were students, none seriously hurt.",  # no toll
    ],
)
def test_a_part_that_is_not_of_the_seriously_injured_is_not_read_as_one(text):
    assert "injure!serious" not in [unit for unit, _ in _counts(text, "en")]


def test_two_of_them_seriously_against_tre_dei_quali_in_gravi_condizioni(tmp_path):
    relation, found = aligned(
        tmp_path,
        "A regional train derailed on Monday morning, injuring 23 people, two of them seriously.",
        "Lunedì mattina è deragliato un treno regionale: 23 feriti, tre dei quali in gravi "
        "condizioni.",
    )
    assert relation == "conflicts"
    assert found == [("number", "two of them seriously", "tre dei quali in gravi")]


def test_the_same_part_told_two_ways_agrees(tmp_path):
    relation, found = aligned(
        tmp_path,
        "The toll is 23 injured, two of them seriously.",
        "Il bilancio: 23 feriti, di cui due gravi.",
    )
    assert (relation, found) == ("agrees", [])


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Dal primo ottobre chi vorrà entrare in centro dovrà pagare cinque euro.", 2026),
        ("From 1 October drivers will pay five euros.", 2026),
        ("From 1 October drivers paid five euros.", 2025),  # a past start: the nearest October
        ("Il primo ottobre ha pagato cinque euro.", 2025),
    ],
)
def test_a_start_from_a_month_written_before_it_is_next_years_when_what_starts_is_to_come(
    text, year
):
    (date,) = [v for v in extract(text, "it", dt.date(2026, 3, 17)) if v.kind == "date"]
    assert dt.date.fromordinal(int(date.low)) == dt.date(year, 10, 1)


def test_two_starts_from_two_months_conflict(tmp_path):
    relation, found = aligned(
        tmp_path,
        "Padua approves congestion charge: drivers will pay from September.",
        "Padova, dal primo ottobre chi vorrà entrare in auto in centro dovrà pagare cinque euro.",
        ("2026-03-17", "2026-03-17"),
    )
    assert relation == "conflicts"
    assert found == [("date", "September", "primo ottobre")]


@pytest.mark.parametrize(
    ("text", "language", "minutes"),
    [
        ("Erano da poco passate le 15 di mercoledì quando la benna si fermò.", "it", 15 * 60),
        ("Erano le 7.42 quando il convoglio ha centrato la frana.", "it", 7 * 60 + 42),
        ("È successo alle quattro del mattino di lunedì.", "it", 4 * 60),
        ("Il concerto è iniziato alle nove di sera.", "it", 21 * 60),
        ("We saw the first cub at about two in the morning.", "en", 2 * 60),
        ("The storm hit at ten at night.", "en", 22 * 60),
    ],
)
def test_hours_in_words_and_after_erano_le_are_times_of_day(text, language, minutes):
    assert [v.low for v in extract(text, language) if v.kind == "time"] == [minutes]


def test_a_number_word_after_alle_with_no_part_of_the_day_is_no_time():
    assert "time" not in [v.kind for v in extract("Il premio è andato alle due squadre.", "it")]


@pytest.mark.parametrize(
    ("text", "language", "low", "high"),
    [
        ("between 30 and 35 million euros", "en", 30e6, 35e6),
        ("tra 30 e 35 milioni di euro", "it", 30e6, 35e6),
        ("between $30 million and $35 million", "en", 30e6, 35e6),
        ("from 2 to 3 billion dollars", "en", 2e9, 3e9),
        ("30-35 milioni di euro", "it", 30e6, 35e6),
        ("da 200 a 250 persone", "it", 200, 250),
        ("un periodo di incubazione da 2 a 10 giorni", "it", 48, 240),  # days, in hours
    ],
)
def test_a_range_is_one_value_from_its_low_to_its_high_end(text, language, low, high):
    (value,) = [v for v in extract(text, language) if v.kind in ("money", "quantity")]
    assert (value.low, value.high) == (low, high)


@pytest.mark.parametrize(
    "text",
    [
        "Sales rose from 30 to 35 million euros.",  # a change, not a range
        "from 3 to 35 million euros",  # not of one order of magnitude
        "30 and 35 million euros",  # two figures
    ],
)
def test_a_change_or_two_figures_are_no_range(text):
    assert all(v.low == v.high for v in extract(text, "en") if v.kind == "money")


@pytest.mark.parametrize(
    ("other", "relation"),
    [
        ("The deal is worth 32 million euros.", "agrees"),
        ("The deal is worth 35 million euros.", "agrees"),
        ("The deal is worth 45 million euros.", "conflicts"),
    ],
)
def test_a_figure_inside_a_range_agrees_with_it_and_one_outside_conflicts(
    tmp_path, other, relation
):
    found = aligned(
        tmp_path,
        "L'accordo con il club vale tra 30 e 35 milioni di euro.",
        other,
    )
    assert found[0] == relation


@pytest.mark.parametrize(
    ("text", "language", "amounts"),
    [
        ("35 milioni di euro di parte fissa più 7 di bonus", "it", [35e6, 7e6]),
        ("Alla Virtus vanno 40 milioni di euro, più 5 milioni di bonus", "it", [40e6, 5e6]),
        ("a fee of 40 million euros plus 5 million in add-ons", "en", [40e6, 5e6]),
    ],
)
def test_an_amount_added_to_money_is_money_of_its_currency_and_scale(text, language, amounts):
    values = [v for v in extract(text, language) if v.kind in ("money", "quantity")]
    assert [(v.kind, v.unit, v.low) for v in values] == [("money", "EUR", a) for a in amounts]


def test_a_count_added_to_money_stays_a_count():
    values = extract("40 million euros plus 5 players", "en")
    assert [(v.kind, v.low) for v in values] == [("money", 40e6), ("quantity", 5.0)]


def test_the_fee_against_the_fee_and_the_bonus_against_the_bonus(tmp_path):
    relation, found = aligned(
        tmp_path,
        "Alla Virtus Ancona vanno 40 milioni di euro, più 5 milioni di bonus legati agli "
        "obiettivi.",
        "L'accordo prevede per la Virtus Ancona 35 milioni di euro di parte fissa più 7 di "
        "bonus legati agli obiettivi.",
    )
    assert relation == "conflicts"
    assert found == [
        ("money", "40 milioni di euro", "35 milioni di euro"),
        ("money", "5 milioni", "7 di bonus"),
    ]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("CREMONA, 14 APR - Sono stati trovati tre frammenti.", dt.date(2026, 4, 14)),
        ("Il decreto è del 3 ott. 2025.", dt.date(2025, 10, 3)),
        ("La sentenza è attesa il 14 mar 2026.", dt.date(2026, 3, 14)),
    ],
)
def test_a_day_before_an_abbreviated_month_is_a_date(text, day):
    (date,) = [v for v in extract(text, "it", dt.date(2026, 4, 14)) if v.kind == "date"]
    assert dt.date.fromordinal(int(date.low)) == day
    assert "apr" not in [v.unit for v in extract(text, "it", dt.date(2026, 4, 14))]


def test_three_lower_case_letters_after_a_number_are_no_month():
    assert [v.kind for v in extract("Ne ha comprati 3 set da cucina.", "it")] == ["quantity"]


def test_al_largo_di_is_off_the_coast_not_a_square():
    assert not [
        v for v in extract("la nave scoperta al largo di Carovigno", "it") if v.kind == "place"
    ]
    assert [
        v.unit for v in extract("nel cantiere di largo San Rocco", "it") if v.kind == "place"
    ] == ["square:san rocco"]


@pytest.mark.parametrize(
    ("text", "language", "unit"),
    [
        ("entrato in atmosfera a 25 chilometri al secondo", "it", "kilome/s"),
        ("at around 18 kilometres per second", "en", "kilome/s"),
        ("a 18 km/s", "it", "kilome/s"),
        ("at 90 km/h", "en", "kilome/h"),
        ("a 120 chilometri orari", "it", "kilome/h"),
        ("a 24 chilometri di altezza", "it", "kilome"),
    ],
)
def test_a_length_per_second_or_hour_is_a_speed(text, language, unit):
    assert [v.unit for v in extract(text, language) if v.kind == "quantity"] == [unit]


def test_an_altitude_is_no_speed(tmp_path):
    relation, _ = aligned(
        tmp_path,
        "La fase luminosa del meteorite si è conclusa a 24 chilometri di altezza.",
        "The meteorite hit the atmosphere at around 18 kilometres per second.",
    )
    assert relation != "conflicts"


@pytest.mark.parametrize(
    ("text", "act", "agent"),
    [
        # Words between the act and its "by"; a description, then the name after a comma.
        (
            "They were spotted on Tuesday morning by the owner of the field, Luigi Bresciani.",
            "found",
            "brescian luig",
        ),
        (
            "That check was carried out on 31 May by the park's vet, Marta Zanin.",
            "carried out",
            "mart zanin",
        ),
        (
            "Il controllo è stato eseguito dalla veterinaria del parco, Marta Zanin.",
            "carried out",
            "mart zanin",
        ),
        (
            "I frammenti saranno analizzati dall'Istituto di Scienze Planetarie.",
            "analysed",
            "@planetar",
        ),
        ("Le analisi sono affidate all'Università di Milano.", "analysed", "@milan"),
        # Italian's cleft sentence puts the agent last.
        (
            "A trovarli è stato un agricoltore di 67 anni, Luigi Bresciani.",
            "found",
            "brescian luig",
        ),
        ("A convocare l'incontro è stato il prefetto di Genova.", "convened", "geno prefect"),
        ("A trovare i frammenti, martedì mattina, sono stati due volontari.", "found", ""),
    ],
)
def test_more_acts_and_their_agents(text, act, agent):
    from eternaut_reader.core.analysis.roles import roles

    found = [(a, who) for a, who, _, _ in roles(text)]
    assert found == ([(act, agent)] if agent else [])


@pytest.mark.parametrize(
    "text",
    [
        "The discovery was unveiled yesterday morning by the archaeological superintendency.",
        "The strike, called by the Unione Lavoratori Portuali, began on Monday.",
    ],
)
def test_an_act_is_a_whole_word(text):
    """ "unveiLED … by", "calLED by" were read as "led by" (a false conflict of who)."""
    from eternaut_reader.core.analysis.roles import roles

    assert roles(text) == []


def test_a_speaker_after_the_comma_is_no_agent():
    from eternaut_reader.core.analysis.roles import roles

    assert [
        who
        for _, who, _, _ in roles("It was coordinated by Professor Marchetti, Giulia Rossi said.")
    ] == ["marchett"]


def test_two_finders_conflict(tmp_path):
    relation, found = aligned(
        tmp_path,
        "A trovare i frammenti del meteorite sono stati due volontari della rete FRIDA, Elena "
        "Fornasari e Davide Pini.",
        "The meteorite fragments were spotted by the owner of the field, Luigi Bresciani.",
    )
    assert relation == "conflicts"
    assert [what for what, _, _ in found] == ["who"]


@pytest.mark.parametrize(
    ("text", "unit", "amount"),
    [
        ("a due metri e mezzo sotto il livello della strada", "metr", 2.5),
        ("due ore e mezza di ritardo", "hour", 2.5),
        ("tre anni e mezzo di lavori", "year", 3.5),
    ],
)
def test_a_measure_and_a_half(text, unit, amount):
    assert [(v.unit, v.low) for v in extract(text, "it") if v.kind == "quantity"] == [
        (unit, amount)
    ]


def test_two_metres_and_a_half_agrees_with_2_5_metres(tmp_path):
    relation, found = aligned(
        tmp_path,
        "Il mosaico romano si trova a due metri e mezzo sotto il livello della strada.",
        "The Roman mosaic lies about 2.5 metres below the street level.",
    )
    assert (relation, found) == ("agrees", [])


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("il conto per il ripristino potrebbe superare i 700mila euro", "it"),
        ("the bill could exceed 700,000 euros", "en"),
    ],
)
def test_an_amount_it_may_exceed_is_a_bound(text, language):
    (money,) = [v for v in extract(text, language) if v.kind == "money"]
    assert (money.low, money.bound) == (700_000, ">")


@pytest.mark.parametrize(
    ("text", "language", "unit"),
    [
        ("He was taken to hospital in Nuoro.", "en", "hospital:nuoro"),
        ("È stato portato all'ospedale di Lanusei.", "it", "hospital:lanusei"),
        ("the Alessandro Manzoni hospital in Lecco", "en", "hospital:lecco"),
        ("all'ospedale Manzoni di Lecco", "it", "hospital:lecco"),
        ("a village in the province of Cremona", "en", "province:cremona"),
        ("in provincia di Mantova", "it", "province:mantua"),  # the exonym
        ("The Province of Verona's decision", "en", "province:verona"),
    ],
)
def test_a_hospital_by_its_town_and_a_province_are_places(text, language, unit):
    assert [v.unit for v in extract(text, language) if v.kind == "place"] == [unit]


def test_a_hospital_by_its_own_name_is_not_compared():
    """ "ospedale Santa Chiara" and "the hospital in Casalmaggiore" may be one hospital."""
    assert not [
        v for v in extract("ricoverato all'ospedale Santa Chiara", "it") if v.kind == "place"
    ]


def test_two_provinces_for_one_find_conflict(tmp_path):
    relation, found = aligned(
        tmp_path,
        "The meteorite fragments were found in a wheat field near Roncoferro, a village in "
        "the province of Cremona.",
        "I frammenti del meteorite sono stati trovati in un campo di frumento di Castelponte, "
        "in provincia di Mantova.",
    )
    assert relation == "conflicts"
    assert ("place", "province of Cremona", "provincia di Mantova") in found


def test_one_institute_named_in_two_languages_agrees(tmp_path):
    relation, found = aligned(
        tmp_path,
        "The meteorite fragments will be studied by the Institute of Planetary Sciences.",
        "I frammenti del meteorite saranno studiati dall'Istituto di Scienze Planetarie.",
    )
    assert ("who" not in [what for what, _, _ in found]) and relation != "conflicts"


def test_a_person_described_is_not_contradicted_by_a_person_named(tmp_path):
    """ "the park's veterinarian" may well be Marta Zanin (an outside tester saw them
    conflict)."""
    relation, found = aligned(
        tmp_path,
        "The autopsy on the deer was carried out by the park's veterinarian.",
        "L'autopsia sul cervo è stata eseguita dalla veterinaria del parco, Marta Zanin.",
    )
    assert relation != "conflicts" and found == []


@pytest.mark.parametrize(
    ("total", "relation"),
    [
        ("Rovato will pay 45 million euros for Tiago Lemos, including bonuses.", "agrees"),
        ("Rovato will pay 50 million euros for Tiago Lemos, including bonuses.", "conflicts"),
    ],
)
def test_a_fee_and_a_bonus_against_their_sum(tmp_path, total, relation):
    found = aligned(
        tmp_path,
        "Il Rovato ha preso Tiago Lemos per 40 milioni di euro più 5 di bonus.",
        total,
    )
    assert found[0] == relation


@pytest.mark.parametrize(
    ("text", "language", "count"),
    [
        ("The crater is one metre deep.", "en", ("metr", 1.0)),
        ("Il cratere è profondo un metro e mezzo.", "it", ("metr", 1.5)),
        ("It took one hour.", "en", ("hour", 1.0)),
    ],
)
def test_one_of_a_measure_is_read(text, language, count):
    assert [(v.unit, v.low) for v in extract(text, language) if v.kind == "quantity"] == [count]


@pytest.mark.parametrize(
    "text",
    ["Experts from one of the top 10 firms were called in.", "a top-5 finish", "5 euros a day"],
)
def test_a_rank_an_article_or_a_rate_is_no_count(text):
    assert [v for v in extract(text, "en") if v.kind == "quantity"] == []


def test_one_metre_against_three_metres_conflicts(tmp_path):
    relation, found = aligned(
        tmp_path,
        "The crater left by the meteorite is one metre deep.",
        "Il cratere lasciato dal meteorite è profondo 3 metri.",
    )
    assert relation == "conflicts"
    assert found == [("number", "one metre", "3 metri")]


def test_thousands_of_copies_of_a_figure_are_compared_once_each():
    """Two passages of a pasted list ("più 3 di bonus" hundreds of times) are still told
    apart by their figures, each distinct one compared once (every copy against every copy
    took 20 s, an outside tester found)."""
    from eternaut_reader.core.analysis.verdict import MANY_PAIRS, relate

    here = extract("Il club ha pagato 40 milioni di euro. " * 100, "it")
    there = extract("The club paid 45 million euros. " * 100, "en")
    assert len(here) * len(there) > MANY_PAIRS
    relation, conflicts, _ = relate(here, there, 0, 0.5)
    assert relation == "conflicts"
    assert [(c.what, c.here, c.there) for c in conflicts] == [
        ("money", "40 milioni di euro", "45 million euros")
    ]


def test_two_provinces_of_one_rescue_conflict_in_passages_that_share_few_words(tmp_path):
    relation, found = aligned(
        tmp_path,
        "The rescue took place in the province of Nuoro.",
        "Il soccorso è avvenuto in provincia di Cagliari.",
    )
    assert relation == "conflicts"
    assert found == [("place", "province of Nuoro", "provincia di Cagliari")]


@pytest.mark.parametrize(
    ("text", "language", "hours"),
    [
        ("after half an hour", "en", 0.5),
        ("dopo mezz'ora", "it", 0.5),
        ("after 45 minutes", "en", 0.75),
        ("dopo 90 minuti", "it", 1.5),
    ],
)
def test_half_an_hour_and_minutes_are_durations_in_hours(text, language, hours):
    assert [(v.unit, v.low) for v in extract(text, language) if v.kind == "quantity"] == [
        ("hour", hours)
    ]


def test_a_very_long_paragraph_is_segmented_by_the_fast_engine_into_its_sentences():
    """pySBD's time grows with the square of a paragraph's length (a 40,000-character line
    with no stop took it 4-5 s): past FAST_PARAGRAPH characters sentencex splits it, with
    the same offsets into the text."""
    from eternaut_reader.core.text.segment import FAST_PARAGRAPH, sentences

    text = "Titolo.\n\n" + "Il sindaco ha parlato alla città. " * 400
    assert len(text) > FAST_PARAGRAPH
    found = sentences(text, "it")
    assert len(found) == 401
    assert all(text[s.start : s.end] == s.text for s in found)
    assert found[1].text == "Il sindaco ha parlato alla città."


@pytest.mark.parametrize(
    ("other", "relation"),
    [
        ("The club's turnover was 30 million euros last year.", "agrees"),  # the earlier level
        ("The club's turnover is now 35 million euros.", "agrees"),
        ("The club's turnover rose to 32 million euros.", "conflicts"),
    ],
)
def test_a_change_gives_its_earlier_level_too(tmp_path, other, relation):
    """ "passato da 30 a 35 milioni": 30 was last year's figure, not one that 35 contradicts
    (an outside tester saw "30 million last year" conflict)."""
    found = aligned(tmp_path, "Il fatturato del club è passato da 30 a 35 milioni di euro.", other)
    assert found[0] == relation
