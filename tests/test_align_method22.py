"""Method 22 (METHOD_VERSION 25): ranges of money written the ways estimates are.

An auction's estimate is "800.000-1,2 milioni di euro" (the low end in full, the scale on the
high end only), "€800,000-1.2m" (whose "m" had been read as metres) or "1 million to 1.5
million euros" (a scale at both ends, no "from"). Two ranges are one estimate only when their
ends are: overlapping is not agreeing.

Who gives an order is read in the active voice too: "The Catania prefecture has banned…",
"il sindaco di Zafferana Etnea, Gaetano Bonaccorsi, ha firmato un'ordinanza…"."""

from __future__ import annotations

from pathlib import Path

import pytest

from eternaut_reader.core.analysis.align import align
from eternaut_reader.core.analysis.values import extract
from eternaut_reader.core.text.corpus import load_corpus
from tests.helpers.pairs import aligned

DATA = Path(__file__).parent / "data" / "align"


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ETERNAUT_READER_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("ETERNAUT_READER_EMBEDDINGS", "0")


@pytest.mark.parametrize(
    ("text", "language", "currency", "low", "high"),
    [
        ("La stima era di 800.000-1,2 milioni di euro", "it", "EUR", 800_000, 1_200_000),
        ("the top estimate of €800,000-1.2m.", "en", "EUR", 800_000, 1_200_000),
        ("a pre-sale estimate of 1 million to 1.5 million euros", "en", "EUR", 1e6, 1.5e6),
        ("valued at $2m to $3m", "en", "USD", 2e6, 3e6),
        ("between $30 million and $35 million", "en", "USD", 30e6, 35e6),
        ("30-35 milioni di euro", "it", "EUR", 30e6, 35e6),  # the scale on the high end only
    ],
)
def test_an_estimate_is_one_range_of_money(text, language, currency, low, high):
    values = extract(text, language)
    assert [(v.kind, v.unit, v.low, v.high) for v in values] == [("money", currency, low, high)]


@pytest.mark.parametrize(
    "text",
    [
        "Revenue rose 1 million to 1.5 million euros.",  # a change
        "1 million to 1.5 billion euros",  # two scales: no range
        "The pit is 2.4 m deep.",  # metres, with no money before
    ],
)
def test_no_range_where_the_figures_are_no_estimate(text):
    values = extract(text, "en")
    assert all(v.low == v.high for v in values)
    if "pit" in text:
        assert [(v.kind, v.low) for v in values] == [("quantity", 2.4)]


@pytest.mark.parametrize(
    ("other", "relation"),
    [
        ("The auction house estimated the drawing at €800,000-1.2m before the sale.", "agrees"),
        ("The auction house estimated the drawing at €1m-1.5m before the sale.", "conflicts"),
        ("The auction house estimated the drawing at about €1m before the sale.", "agrees"),
    ],
)
def test_two_estimates_agree_when_their_ends_do(tmp_path, other, relation):
    found = aligned(
        tmp_path,
        "La casa d'aste aveva stimato il disegno 800.000-1,2 milioni di euro prima dell'asta.",
        other,
    )
    assert found[0] == relation
    if relation == "conflicts":
        assert found[1][0][0] == "money"


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("The Catania prefecture has banned motorbikes from the roads.", "catan prefect"),
        (
            "Per evitare incidenti, il sindaco di Zafferana Etnea, Gaetano Bonaccorsi, ha "
            "firmato un'ordinanza che vieta la circolazione.",
            "bonaccors etne gaetan mayor zafferan",
        ),
        (
            "The mayor of Roncoferro, Paola Gandolfi, has also banned searches.",
            "gandolf mayor paol roncoferr",
        ),
        ("Il prefetto ha disposto la chiusura delle scuole.", "prefect"),
    ],
)
def test_the_subject_of_an_order_is_its_agent(text, agent):
    from eternaut_reader.core.analysis.roles import roles

    found = [(act, who) for act, who, _, _ in roles(text) if not act.startswith("held ")]
    assert found == [("ordered", agent)]


@pytest.mark.parametrize(
    "text",
    [
        "Authorities have banned fireworks.",  # a clause's first word, capitalised as such
        "It has ordered a review.",
        "The Veneto civil protection agency had issued an orange alert.",  # an alert, no order
    ],
)
def test_no_agent_where_the_subject_names_none_or_the_act_is_no_order(text):
    from eternaut_reader.core.analysis.roles import roles

    assert roles(text) == []


def test_a_ban_ordered_by_the_prefecture_conflicts_with_one_signed_by_the_mayor(tmp_path):
    relation, found = aligned(
        tmp_path,
        "The Catania prefecture has banned motorbikes and scooters from the roads of the "
        "worst-hit towns for 72 hours.",
        "Il sindaco di Zafferana Etnea, Gaetano Bonaccorsi, ha firmato un'ordinanza che vieta "
        "per 72 ore la circolazione di moto e scooter nelle strade coperte di cenere.",
    )
    assert relation == "conflicts"
    assert [what for what, _, _ in found] == ["who"]


@pytest.mark.parametrize(
    ("text", "language", "lake"),
    [
        ("nella villa dei Reina a Bellagio, sul lago di Como", "it", "lake:como"),
        ("kept it at their villa on Lake Maggiore", "en", "lake:maggiore"),
        ("i vigneti sul Lago Maggiore", "it", "lake:maggiore"),
    ],
)
def test_a_lake_is_a_place(text, language, lake):
    assert [(v.kind, v.unit) for v in extract(text, language)] == [("place", lake)]


def test_two_lakes_in_passages_that_say_the_same_conflict(tmp_path):
    relation, found = aligned(
        tmp_path,
        "Per oltre un secolo il disegno è rimasto custodito nella villa dei Reina a Bellagio, "
        "sul lago di Como.",
        "For more than a century the Reina family kept the drawing at their villa on Lake "
        "Maggiore.",
    )
    assert relation == "conflicts"
    assert found == [("place", "lago di Como", "Lake Maggiore")]


def test_two_lakes_of_one_region_in_passages_that_differ_do_not():
    """The vineyard-frost set names Lake Iseo (Franciacorta) and Lake Garda (Valtènesi) in
    passages matched at a low score: two districts, not a disagreement."""
    corpus = load_corpus([DATA / "corpus21"])
    alignment = align(corpus, use_cache=False, embed=False)
    garda = next(a for a in corpus.articles if "Lake Garda" in a.text)
    start = garda.text.index("Frost damage was also reported")
    matches = alignment.matches(garda.id, start, start + 40)
    assert any("Lake Iseo" in corpus.by_id(m.article).text[m.start : m.end] for m in matches)
    for match in matches:
        assert all(c.what != "place" for c in match.conflicts)


@pytest.mark.parametrize(
    ("text", "language", "side"),
    [
        ("si è diretta verso la Valle del Bove, sul versante orientale", "it", "side:east"),
        ("crept down the volcano's uninhabited western flank", "en", "side:west"),
        ("sul versante est del monte", "it", "side:east"),
        ("la costa sud-orientale", "it", "shore:south-east"),
    ],
)
def test_a_side_by_the_compass_is_a_place(text, language, side):
    assert [(v.kind, v.unit) for v in extract(text, language)] == [("place", side)]


def test_the_north_east_side_is_on_the_east_and_not_on_the_west():
    from eternaut_reader.core.analysis.values import compare

    (north_east,) = extract("the north-eastern flank", "en")
    (east,) = extract("sul versante orientale", "it")
    (west,) = extract("the western flank", "en")
    assert compare(north_east, east) is True
    assert compare(east, west) is False


def test_a_lava_flow_down_the_western_flank_conflicts_with_one_on_the_eastern(tmp_path):
    relation, found = aligned(
        tmp_path,
        "Meanwhile a lava flow advanced about 3 km into the Valle del Bove, a vast depression "
        "on the volcano's eastern flank.",
        "The lava flow crept down the volcano's uninhabited western flank, well away from any "
        "villages.",
    )
    assert relation == "conflicts"
    assert found == [("place", "eastern flank", "western flank")]


@pytest.mark.parametrize(
    ("text", "language", "count"),
    [
        ("Valmorra mill fire: 150 people forced from their homes", "en", 150.0),
        ("Residents were forced to leave their homes: 80 people in all.", "en", None),
        ("Valmorra, incendio al mulino Corsini: evacuati 120 residenti", "it", 120.0),
        ("forcing the evacuation of 120 residents from nearby homes", "en", 120.0),
        ("è stata disposta l'evacuazione di 300 persone", "it", 300.0),
    ],
)
def test_people_driven_from_their_homes_are_the_evacuated(text, language, count):
    evacuated = [v.low for v in extract(text, language) if "evacua" in v.nouns]
    assert evacuated == ([count] if count else [])


def test_a_headline_of_150_forced_from_home_conflicts_with_120_evacuated(tmp_path):
    """An outside tester saw "150 people forced from their homes" agree with "120 residents
    evacuated": the first was counted as people, the second as the evacuated."""
    relation, found = aligned(
        tmp_path,
        "Valmorra mill fire: 150 people forced from their homes",
        "Valmorra, incendio al mulino Corsini: evacuati 120 residenti",
    )
    assert relation == "conflicts"
    assert found == [("number", "150 people forced from their homes", "evacuati 120 residenti")]


def test_seven_offerenti_against_five_bidders_conflict(tmp_path):
    """ "offerenti" was not in the news vocabulary: the two counts were of two nouns."""
    relation, found = aligned(
        tmp_path,
        "A contendersi il disegno all'asta sono stati sette offerenti, tra sala e telefoni.",
        "By our count five bidders were active at the auction for the drawing.",
    )
    assert relation == "conflicts"
    assert found == [("number", "sette offerenti", "five bidders")]


@pytest.mark.parametrize(
    ("text", "language", "years"),
    [
        ("2 anni e 6 mesi al geometra comunale", "it", 2.5),
        ("sentenced to six years and eight months in prison", "en", 6 + 8 / 12),
        ("6 years, 4 months in prison", "en", 6 + 4 / 12),
        ("sei anni e otto mesi di reclusione", "it", 6 + 8 / 12),
    ],
)
def test_a_term_of_years_and_months_is_one_value_in_years(text, language, years):
    (value,) = [v for v in extract(text, language) if v.kind == "quantity"]
    assert value.unit == "year" and value.low == pytest.approx(years)


def test_two_years_and_a_count_after_them_stay_two_values():
    assert [(v.unit, v.low) for v in extract("two years and 14 workers", "en")] == [
        ("year", 2.0),
        ("worker", 14.0),
    ]


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("The trial stretched over forty-one hearings.", ""),
        ("The festival was spread over three days.", ""),
        ("Over 40 people were hurt.", ">"),
        ("The meeting lasted over three hours.", ">"),
    ],
)
def test_over_after_a_verb_of_extent_is_no_bound(text, bound):
    (value,) = extract(text, "en")
    assert value.bound == bound


@pytest.mark.parametrize(
    ("one", "two", "relation"),
    [
        (
            "Il tribunale ha inflitto 2 anni e 6 mesi al geometra comunale Ciro Maione.",
            "Il tribunale ha inflitto due anni e mezzo al geometra del Comune Ciro Maione.",
            "agrees",
        ),
        (
            "The court sentenced Salvatore Iaccarino to six years and eight months in prison.",
            "The court sentenced Salvatore Iaccarino to six years and four months in prison.",
            "conflicts",
        ),
        (
            "Ci sono volute 41 udienze per arrivare alla sentenza del processo.",
            "The trial stretched over forty-one hearings before the sentence.",
            "agrees",
        ),
    ],
)
def test_terms_and_hearings_compare_as_told(tmp_path, one, two, relation):
    assert aligned(tmp_path, one, two)[0] == relation


@pytest.mark.parametrize(
    ("one", "two"),
    [
        (
            "A British tourist was fined 1,500 euros for carving his initials into a wall of "
            "the Colosseum, police said.",
            "Un turista britannico è stato multato di 1.500 euro per aver inciso le sue "
            "iniziali su un muro del Colosseo, ha detto la polizia.",
        ),
        (
            "Engineers inspecting the Verona Arena found cracks in two arches on Friday.",
            "I tecnici che ispezionavano l'Arena di Verona hanno scoperto crepe in due arcate "
            "venerdì.",
        ),
    ],
)
def test_a_landmark_named_in_each_language_is_one_story(tmp_path, one, two):
    """An outside tester's two reports of one fine at the Colosseum / Colosseo were "two
    stories": no name in common, so nothing was matched."""
    from tests.helpers.pairs import aligned_reports, text_of

    corpus, alignment = aligned_reports(
        tmp_path,
        {
            "en": ("tourist fined", "2025-09-03", [one]),
            "it": ("turista multato", "2025-09-03", [two]),
        },
    )
    start = text_of(corpus, "en").index(one)
    found = alignment.matches("en", start, start + len(one))
    assert [(m.article, m.relation) for m in found][:1] == [("it", "agrees")]


@pytest.mark.parametrize(
    ("text", "language", "status"),
    [
        ("La Galleria degli Uffizi resta chiusa ai visitatori.", "it", "closed"),
        ("Gli Uffizi restano ancora chiusi.", "it", "closed"),
        ("Gallery still shut after flood", "en", "closed"),
    ],
)
def test_still_closed_is_a_closure_however_it_is_said(text, language, status):
    assert [(v.kind, v.unit) for v in extract(text, language)] == [("status", status)]


def test_the_day_before_yesterday_is_two_days_before_the_report():
    import datetime as dt

    report = dt.date(2025, 10, 8)
    for text, language in (
        ("Rapinatori armati hanno rubato 80mila euro l'altro ieri.", "it"),
        ("Armed robbers stole 80,000 euros the day before yesterday.", "en"),
    ):
        (day,) = [v for v in extract(text, language, report, 2025) if v.kind == "date"]
        assert dt.date.fromordinal(int(day.low)) == dt.date(2025, 10, 6)


def test_a_robbery_of_l_altro_ieri_agrees_with_yesterday_in_a_report_a_day_older(tmp_path):
    relation, found = aligned(
        tmp_path,
        "Armed robbers stole 80,000 euros from a bank in central Parma yesterday, police said.",
        "Rapinatori armati hanno rubato 80mila euro da una banca del centro di Parma l'altro "
        "ieri, ha detto la polizia.",
        dates=("2025-10-07", "2025-10-08"),
    )
    assert (relation, found) == ("agrees", [])


@pytest.mark.parametrize(
    ("one", "two"),
    [
        (
            "A German hiker died on Sunday after falling 50 metres from a path near the Tre "
            "Cime di Lavaredo, rescuers said.",
            "A German hiker survived a 50-metre fall from a path near the Tre Cime di Lavaredo "
            "on Sunday, rescuers said.",
        ),
        (
            "A court in Genoa on Wednesday acquitted former regional councillor Paolo Ricci of "
            "corruption charges.",
            "Il tribunale di Genova ha condannato mercoledì l'ex consigliere regionale Paolo "
            "Ricci per corruzione.",
        ),
    ],
)
def test_opposite_outcomes_of_one_person_conflict(tmp_path, one, two):
    """An outside tester saw "died" agree with "survived" at 1.00, and "acquitted" with
    "ha condannato"."""
    relation, found = aligned(tmp_path, one, two)
    assert relation == "conflicts"
    assert [what for what, _, _ in found] == ["status"]


def test_a_trial_that_acquits_one_and_convicts_another_is_no_contradiction(tmp_path):
    _, found = aligned(
        tmp_path,
        "The court acquitted former councillor Marco De Simone of all charges on Tuesday.",
        "The court convicted former official Salvatore Iaccarino of corruption on Tuesday.",
    )
    assert all(what != "status" for what, _, _ in found)


def test_two_people_died_is_a_count_not_a_fate():
    assert [v.kind for v in extract("Two people died in the crash.", "en")] == ["quantity"]


@pytest.mark.parametrize(
    ("text", "role", "agent"),
    [
        ("Laura Bonfanti was named president of the Venice Biennale.", "chair", "bonfant laur"),
        ("Alberico Evani is the new coach of Sampdoria, the club said.", "coach", "alberic evan"),
        ("Leonardo Semplici è il nuovo allenatore della Sampdoria.", "coach", "leonard semplic"),
        (
            "Giulia Ferraris è stata nominata lunedì presidente della Biennale di Venezia.",
            "chair",
            "ferraris giuli",
        ),
    ],
)
def test_a_role_and_its_holder_said_these_ways(text, role, agent):
    from eternaut_reader.core.analysis.roles import roles

    assert [(r, a) for r, a, _, _ in roles(text)] == [(role, agent)]


def test_two_new_coaches_of_one_club_conflict(tmp_path):
    """An outside tester's "X is the new coach" / "Y is the new coach" agreed at 0.68."""
    relation, found = aligned(
        tmp_path,
        "Alberico Evani is the new coach of Sampdoria, the club said on Monday.",
        "Leonardo Semplici is the new coach of Sampdoria, the club said on Monday.",
    )
    assert relation == "conflicts" and [what for what, _, _ in found] == ["who"]


@pytest.mark.parametrize(
    ("text", "language", "celsius"),
    [
        ("Temperatures fell to -5°C on Thursday night.", "en", -5.0),
        ("la temperatura è scesa a meno 5 gradi", "it", -5.0),
        ("Temperatures dropped to -4.5C overnight.", "en", -4.5),
        ("The thermometer touched four and a half degrees below zero.", "en", -4.5),
        ("5 gradi sotto zero", "it", -5.0),
        ("Temperatures reached 100.4 degrees Fahrenheit.", "en", 38.0),
    ],
)
def test_a_temperature_keeps_its_sign_and_its_scale(text, language, celsius):
    (value,) = [v for v in extract(text, language) if v.kind == "quantity"]
    assert value.unit == "degr" and value.low == pytest.approx(celsius)


def test_minus_five_degrees_conflicts_with_five(tmp_path):
    relation, found = aligned(
        tmp_path,
        "Temperatures in Aosta fell to 5°C on Thursday night, the coldest of the winter so far.",
        "Ad Aosta la temperatura è scesa a meno 5 gradi nella notte di giovedì, la più fredda "
        "dell'inverno finora.",
        dates=("2025-01-10", "2025-01-10"),
    )
    assert relation == "conflicts"
    assert found == [("number", "5°C", "meno 5 gradi")]


@pytest.mark.parametrize(
    ("one", "two", "agree"),
    [
        ("3 kilometres", "3,000 metres", True),
        ("1.5 tonnes", "1,500 kg", True),
        ("5 miles", "8 kilometres", True),
        ("1.5 metres", "120 centimetres", False),
        ("3 kilometres", "3 kilograms", None),
    ],
)
def test_one_measure_in_two_units_compares_in_one(one, two, agree):
    from eternaut_reader.core.analysis.values import compare

    (a,) = extract(one, "en")
    (b,) = extract(two, "en")
    assert compare(a, b) is agree


def test_four_square_kilometres_against_forty_hectares_conflict():
    from eternaut_reader.core.analysis.values import compare

    (a,) = extract("the fire burned 4 square kilometres", "en")
    (b,) = extract("il fuoco ha bruciato 40 ettari", "it")
    (c,) = extract("il fuoco ha bruciato 400 ettari", "it")
    assert compare(a, b) is False and compare(a, c) is True


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("Firefighters could not reach the village of Premana for six hours.", None),
        ("Rescuers couldn't reach them before dawn.", None),
        ("The bridge could reopen next week.", "could"),
        ("Police could not rule out arson.", "could"),
    ],
)
def test_could_not_is_what_was_not_possible_not_a_hedge(text, hedge):
    from eternaut_reader.core.analysis.lexicon import is_hedged

    assert is_hedged(text, "en") == hedge


def test_a_wire_time_before_its_zone_is_a_time_not_a_count():
    values = extract("The capsule docked at 0600 GMT on Monday.", "en")
    assert [(v.kind, v.unit, v.low) for v in values if v.kind != "date"] == [
        ("time", "zone:gmt", 360.0)
    ]
