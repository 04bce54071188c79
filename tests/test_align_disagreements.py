"""Disagreements the seventh and eighth rounds of the alignment find (methods 7 and 8).

corpus8, corpus9 and corpus10 were written by a separate session that never read the
method; these disagreements were missed when each was first measured, and "nearly one in
five" against 18% was a false one once the two passages were matched.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from eternaut_reader.core.analysis import align
from eternaut_reader.core.analysis.lexicon import stem
from eternaut_reader.core.analysis.values import compare, extract
from eternaut_reader.core.analysis.verdict import relate
from eternaut_reader.core.analysis.wordnet import meet
from eternaut_reader.core.text.corpus import load_corpus

DATA = Path(__file__).parent / "data" / "align"


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ETERNAUT_READER_CACHE", str(tmp_path / "cache"))


def conflicts(name: str, here: tuple[str, str], there: tuple[str, str]) -> list[tuple[str, ...]]:
    """(what, here, there) of each conflict the unit holding `here` has with `there`."""
    corpus = load_corpus([DATA / name])
    alignment = align(corpus, use_cache=False)
    texts = {a.id: a.text for a in corpus.articles}
    start = texts[here[0]].index(here[1])
    target = texts[there[0]].index(there[1])
    return [
        (c.what, c.here, c.there)
        for m in alignment.matches(here[0], start, start + len(here[1]))
        if m.article == there[0] and m.start <= target < m.end
        for c in m.conflicts
    ]


def test_the_last_count_left_in_two_reports_is_one_measure():
    """Both reports count customers twice: 310,000 with bank details taken (the same in
    both), and all those affected, 2.4 million in one and 4.2 million in the other. Their
    words differ ("exposes data of" / "accessed data belonging to"), so only elimination
    says the two are one measure."""
    found = conflicts(
        "corpus9",
        ("markets-dispatch", "Hackers accessed data belonging to 4.2 million customers"),
        ("northwest-courier", "Telvia hack exposes data of 2.4 million customers"),
    )
    assert found == [("number", "4.2 million customers", "2.4 million customers")]


def test_a_name_between_a_count_and_its_noun():
    (customers,) = extract("the personal details of 2.4 million Telvia customers", "en")
    assert (customers.unit, customers.name, customers.low) == (stem("customers"), "telv", 2.4e6)
    # ...and the name may be what is counted: "seven Canadair aircraft" is "sette Canadair".
    (english,) = extract("Seven Canadair water-bombing aircraft fought the blaze", "en")
    (italian,) = extract("hanno operato sette Canadair e oltre", "it")
    assert compare(english, italian) is True
    # "Sono 2,4 milioni i clienti": the article comes between the count and its noun.
    (clients,) = extract("Sono 2,4 milioni i clienti di Telvia", "it")
    assert (clients.unit, clients.low) == (stem("clienti"), 2.4e6)


def test_a_date_that_agrees_does_not_hide_another_that_clashes():
    """The Italian passage's "ieri" is the English "on Wednesday" (the day of the
    announcement); its "30 giugno" against "31 May" is the works' new end, and a conflict."""
    found = conflicts(
        "corpus8",
        ("cronaca-isontina", "sarà invece completato solo il 30 giugno"),
        ("aviation-brief", "pushed back completion of runway rehabilitation works to 31 May"),
    )
    assert found == [("date", "30 giugno", "31 May")]
    here = extract("ieri, e il cantiere chiuderà il 30 giugno", "it", reference=None, year=2026)
    there = extract("on Wednesday, and the works will close on 31 May", "en", year=2026)
    relation, clashes, _ = relate(
        [v for v in here if v.kind == "date"],
        [v for v in there if v.kind == "date"],
        0,
        0.5,
    )
    assert relation == "conflicts" and [c.what for c in clashes] == ["date"]


def test_words_of_one_meaning_next_to_two_dates_name_one_measure():
    assert meet({stem("restart")}, {stem("resume")})
    assert not meet({stem("restart")}, {stem("cost")})
    found = conflicts(
        "corpus10",
        ("peninsula-press", "Classes will resume on 9 March"),
        ("central-italy-times", "Normal lessons will restart on Monday 2 March"),
    )
    assert found == [("date", "9 March", "Monday 2 March")]


def test_a_value_a_report_states_twice_conflicts_in_both_places():
    """The Courier's headline and lede both say 2.4 million customers; the lede shares little
    else with the Dispatch's "4.2 million customers", but it is contradicted all the same."""
    corpus = load_corpus([DATA / "corpus9"])
    alignment = align(corpus, use_cache=False)
    text = corpus.by_id("northwest-courier").text
    quote = "Hackers have stolen the personal details of 2.4 million Telvia customers"
    start = text.index(quote)
    suggestion = alignment.suggest("northwest-courier", start, start + len(quote))
    assert suggestion is not None and suggestion.tag == "contradicted"
    assert '"4.2 million customers" in markets-dispatch' in suggestion.reason


@pytest.mark.parametrize(
    ("here", "there", "agree"),
    [
        (("nearly one in five of its customers", "en"), ("roughly 18% of them", "en"), True),
        (("nearly one in five of its customers", "en"), ("circa il 18 per cento", "it"), True),
        (("some 200 firefighters", "en"), ("230 firefighters", "en"), True),
        (("exactly 20% of them", "en"), ("18 per cento", "it"), False),
        (("200 firefighters", "en"), ("230 firefighters", "en"), False),
    ],
)
def test_a_round_figure_agrees_with_a_close_one(here, there, agree):
    """ "Nearly one in five" is 18%; an exact 20% is not."""
    (a,) = extract(*here)
    (b,) = extract(*there)
    assert compare(a, b) is agree


def test_a_tally_without_a_noun_is_a_count_of_votes():
    """ "Councillors backed the plan 21 to 15" against "passed by 24 votes to 15" (corpus11)."""
    (tally,) = extract("Councillors backed the plan 21 to 15 after a stormy session", "en")
    # (since method 23 with a status besides: "passed" is a decision)
    (votes,) = [
        v for v in extract("The measure passed by 24 votes to 15", "en") if v.kind != "status"
    ]
    assert (tally.text, tally.low) == ("21 to 15", 21) and compare(tally, votes) is False
    assert not extract("The shop is open from 9 to 17 for deliveries", "en") or all(
        v.unit != tally.unit for v in extract("The shop is open from 9 to 17 for deliveries", "en")
    )


def test_il_primo_is_the_first_of_the_month():
    (italian,) = extract("Dal primo ottobre chi vorrà entrare dovrà pagare", "it", year=2026)
    # (with a status besides, since method 19: "takes effect on" is a start to come)
    (english,) = [
        v
        for v in extract("The charge takes effect on October 1", "en", year=2026)
        if v.kind == "date"
    ]
    assert compare(italian, english) is True and italian.high == italian.low  # a day


def test_the_one_count_left_in_two_passages_that_agree_on_the_rest_is_one_figure():
    """ "212 supermarkets across nine regions… 6,800 people" / "221 punti vendita in nove
    regioni… 6.800 persone": the nouns differ, the other counts agree (corpus12)."""
    found = conflicts(
        "corpus12",
        ("gazzetta-bresciana", "Con i suoi 221 punti vendita"),
        ("milan-business-wire", "Sole Market operates 212 supermarkets"),
    )
    assert found == [("number", "221 punti", "212 supermarkets")]


def test_days_of_the_week_of_publication_and_old_plans_are_not_compared_by_the_passage():
    """ "unveiled yesterday" and "closing price on Tuesday" are two days of one story, and
    "originally due by the end of March" is the old plan, not a claim against "31 May"."""
    assert not conflicts(
        "corpus12",
        ("grocery-trade-news", "The deal, unveiled yesterday"),
        ("milan-business-wire", "closing price on Tuesday"),
    )
    here = extract("the works, originally due to end in March, will end on 31 May", "en", year=2026)
    assert [(v.text, v.former) for v in here] == [("March", True), ("31 May", False)]


def test_two_amounts_of_money_three_times_apart_are_two_figures():
    """The regulator's €9.5 million fine against the 1.3 million of a fine in 2019 (corpus14),
    as counts already were: three times apart, two things."""
    (fine,) = extract("fined Banca Tirrenica €9.5 million", "en")
    (old,) = extract("una sanzione da 1,3 milioni di euro", "it")
    assert compare(fine, old) is None
    (close,) = extract("una multa da 8 milioni di euro", "it")
    assert compare(fine, close) is False


def test_the_time_of_day_and_a_later_clause_do_not_name_what_a_date_is_of():
    """ "heavy snow… on Saturday afternoon" and "Ieri pomeriggio… la strada… chiusa" share
    only "afternoon"; "on Sunday after the group had been pinned down by a snowstorm" tells
    the storm after "after" (corpus13): no date conflicts there."""
    for here, there in (
        (
            ("alpine-wire", "strong winds on Saturday afternoon"),
            ("gazzetta-di-campiglio", "Ieri pomeriggio"),
        ),
        (
            ("manchester-evening-star", "a sudden blizzard on Saturday afternoon"),
            ("trentino-english-news", "from the Brenta Dolomites on Sunday"),
        ),
    ):
        assert not [c for c in conflicts("corpus13", here, there) if c[0] == "date"]


def test_counts_of_one_body_s_people_are_one_measure_whatever_the_noun():
    """ "42 rescuers from the Soccorso Alpino" against "24 members of the Soccorso Alpino" and
    "ventiquattro uomini del Soccorso alpino" (corpus13): rescuers, members and men."""
    (rescuers,) = extract("A team of 42 rescuers from the Soccorso Alpino was mobilised", "en")
    (members,) = extract("so 24 members of the Soccorso Alpino set off on foot", "en")
    (uomini,) = extract("ventiquattro uomini del Soccorso alpino sono saliti", "it")
    assert compare(rescuers, members) is False and compare(members, uomini) is True
    found = conflicts(
        "corpus13",
        ("alpine-wire", "A team of 42 rescuers from the Soccorso Alpino"),
        ("trentino-english-news", "24 members of the Soccorso Alpino"),
    )
    assert found == [("number", "42 rescuers", "24 members")]


def matched(name: str, here: tuple[str, str], there: tuple[str, str]) -> bool:
    corpus = load_corpus([DATA / name])
    alignment = align(corpus, use_cache=False)
    texts = {a.id: a.text for a in corpus.articles}
    start = texts[here[0]].index(here[1])
    target = texts[there[0]].index(there[1])
    return any(
        m.article == there[0] and m.start <= target < m.end
        for m in alignment.matches(here[0], start, start + len(here[1]))
    )


def test_two_reports_headlines_tell_one_story_in_few_shared_words():
    """Method 12: the openings of two reports (headline and lede) state the main fact, so
    they are matched on less shared wording than two passages further down."""
    assert matched(
        "corpus11",
        ("urban-mobility-review", "Padua joins Europe's road-pricing cities with €5"),
        ("veneto-newswire", "Padua approves congestion charge; drivers to pay from September"),
    )
    # ...and only openings gain: a passage further down that shares the topic ("the zone")
    # is still not the headline's fact.
    assert not matched(
        "corpus11",
        ("urban-mobility-review", "Padua joins Europe's road-pricing cities with €5"),
        ("veneto-newswire", "Residents of the zone are exempt"),
    )


def test_a_figure_with_its_digits_swapped_is_one_figure_misprinted():
    """corpus14: 41,000 borrowers in three reports, "14mila clienti" in the Italian one. The
    nouns differ, and the passages share few words, but both run "from January 2021 to June
    2024": two equal dates say they tell one story, and 14 against 41 is a swapped figure."""
    found = conflicts(
        "corpus14",
        ("euro-finance-wire", "affected some 41,000 borrowers"),
        ("il-quotidiano-del-risparmio", "ha coinvolto circa 14mila clienti"),
    )
    assert found == [("number", "41,000 borrowers", "14mila clienti")]


def test_swapped_digits_need_a_figure_of_some_size():
    here, there = extract("12 ambulances were sent", "en"), extract("21 firefighters", "en")
    assert relate(here, there, 0, 0.5)[0] != "conflicts"
    big, small = extract("2.4 million customers", "en"), extract("4.2 million users", "en")
    relation, found, _ = relate(big, small, 0, 0.5)
    assert relation == "conflicts" and found[0].what == "number"


def test_a_weekday_before_a_date_is_that_date_s_day():
    """ "opens on Saturday March 14" gives one date, not also "Saturday" of the week before
    publication, which clashed with every other date ("Sept. 6" vs "on Saturday")."""
    reference = dt.date(2026, 3, 5)
    for text, language in [
        ("which opens on Saturday March 14", "en"),
        ("not expected to reopen before Sunday, Oct. 19", "en"),
        ("will begin on Monday, 2 March", "en"),
        ("che il museo inaugurerà sabato 21 marzo", "it"),
    ]:
        # ("will begin" is a status besides: not begun yet.)
        (value,) = [v for v in extract(text, language, reference) if v.kind != "status"]
        assert value.kind == "date" and value.low == value.high
        assert not value.recent


def test_the_one_day_left_after_an_agreeing_date_is_one_event():
    """corpus16: the exhibition "opens to the public on March 14 and runs until Sept. 6" in
    the wire; "inaugurerà sabato 21 marzo e resterà aperta fino al 6 settembre" in Il Secolo.
    The closing dates agree, so the opening dates are one measure, and clash."""
    found = conflicts(
        "corpus16",
        ("il-secolo-di-genova", "inaugurerà sabato 21 marzo"),
        ("atlantic-press-agency", "opens to the public on March 14"),
    )
    assert found == [("date", "sabato 21 marzo", "March 14")]


def test_today_in_two_reports_of_two_days_is_no_conflict():
    here = extract("the line is still closed today", "en", dt.date(2025, 10, 14))
    there = extract("la linea resta chiusa oggi", "it", dt.date(2025, 10, 15))
    assert relate(here, there, 0, 0.5)[0] != "conflicts"


def test_ages_are_compared_only_when_their_words_meet():
    """ "the 139-year-old museum" and "morta a 91 anni" count years of two things."""
    found = conflicts(
        "corpus16",
        ("atlantic-press-agency", "139-year"),
        ("il-secolo-di-genova", "91 anni"),
    )
    assert found == []


def test_differing_values_not_known_to_be_one_measure_are_no_agreement():
    """ "begin on 3 March 2026, said Bellini…" and "inizieranno il 10 marzo 2026": the words
    next to the dates do not say they are one date, so no conflict; but the passages do not
    agree either, and must not confirm each other (an outside tester's case)."""
    here = extract("Construction will begin on 3 March 2026, said Bellini.", "en")
    there = extract("I lavori inizieranno il 10 marzo 2026.", "it")
    never = lambda i, j: False  # noqa: E731
    assert relate(here, there, 0, 0.6, never)[0] == "related"
    assert relate(here, there, 0, 0.6, never, triangle=True)[0] == "related"
    same_day = extract("I lavori inizieranno il 3 marzo 2026.", "it")
    assert relate(here, same_day, 0, 0.6, never)[0] == "agrees"
    assert relate(extract("Work goes on.", "en"), [], 0, 0.05, triangle=True)[0] == "agrees"


def test_a_count_named_by_what_happened_to_it():
    """corpus15: "Of the roughly 150 people on board, 28 were injured" against "23 injured",
    "twenty-three hurt" and "23 feriti": the count has no noun but its participle."""
    (_, injured) = extract("Of the roughly 150 people on board, 28 were injured.", "en")
    assert (injured.low, injured.unit) == (28, extract("23 injured", "en")[0].unit)
    assert extract("tre sono rimasti feriti", "it")[0].low == 3
    found = conflicts(
        "corpus15",
        ("rail-operations-today", "28 were injured"),
        ("la-gazzetta-del-lario", "Il bilancio è di 23 feriti."),
    )
    assert found == [("number", "28 were injured", "23 feriti")]


def test_a_closure_until_at_least_a_day_is_a_reopening_date():
    """corpus15: "shut until at least October 26" against "reopen … on Sunday 19 October"
    (the weekday, the bound and "until" do not name the measure; the closure does)."""
    found = conflicts(
        "corpus15",
        ("lario-courier", "the lakeside railway shut until at least October 26"),
        ("rail-operations-today", "It expects to reopen the Lecco-Colico section"),
    )
    assert found == [("date", "October 26", "Sunday 19 October")]


@pytest.mark.parametrize(
    ("here", "there", "agree"),
    [
        ("less than half of its capacity", "around 40 per cent of its capacity", True),
        ("less than half of the moorings", "half of the moorings", False),
        ("more than 70 paintings", "64 paintings", False),
        ("more than 70 paintings", "72 paintings", True),
        # A count is exact: "more than 70" is not 70, nor "some 64" (found by an outside
        # tester, both were confirmed within the 2% and 15% allowed for rounding).
        ("more than 70 volunteers", "70 volunteers", False),
        ("more than 70 volunteers", "some 64 volunteers", False),
        ("at least 30 people", "30 people", True),
        # A measure is rounded: "more than five hours" and "five hours" are one figure, and
        # so are a bound and a rough figure (found by an outside tester).
        ("more than five hours", "five hours", True),
        ("more than five hours", "about five hours", True),
        ("more than 300 metres", "300 metres", True),
        ("more than five hours", "four hours", False),
        ("nearly 100 boats", "104 boats", False),
        ("nearly 38,000 people", "38,000 people", True),
        ("oltre 11 miliardi di dollari", "$11.0 billion", True),
        ("more than 11 billion euros", "10.8 billion euros", False),
        ("carries up to 150 passengers", "120 passengers", False),
        ("will pay up to 150,000 euros", "120,000 euros", True),
        ("at least 30 people", "fewer than 20 people", False),
    ],
)
def test_an_amount_given_as_a_bound_agrees_with_what_lies_within_it(here, there, agree):
    (a,), (b,) = extract(here, "it" if "miliardi" in here else "en"), extract(there, "en")
    assert compare(a, b) is agree


def test_a_month_of_next_year_is_that_year_s_month():
    published = dt.date(2025, 11, 5)
    (march,) = extract("would fall silent at the end of March next year", "en", published)
    (marzo,) = extract("a marzo dell'anno prossimo", "it", published)
    assert (march.low, march.high) == (marzo.low, marzo.high)
    assert dt.date.fromordinal(int(march.low)) == dt.date(2026, 3, 1)
    (june,) = extract("cesserà il 30 giugno 2026", "it", published)
    assert compare(march, june) is False


def test_first_half_revenue_is_the_first_half_of_the_year():
    values = extract("reported a 22% drop in first-half revenue in August", "en", year=2025)
    (h1,) = [v for v in extract("In the first half of 2025", "en") if v.kind == "date"]
    assert any(v.kind == "date" and (v.low, v.high) == (h1.low, h1.high) for v in values)


@pytest.mark.parametrize(
    ("text", "language", "count", "noun"),
    [
        ("which left 460 people displaced", "en", 460, "displaced"),
        ("Gli sfollati sono 380: circa 120 hanno dormito", "it", 380, "sfollati"),
        ("I feriti sono 14, tutti lievi", "it", 14, "feriti"),
        ("Fourteen people were slightly hurt", "en", 14, "injured"),
    ],
)
def test_people_counted_by_what_happened_to_them(text, language, count, noun):
    (value,) = extract(text, language)
    (expected,) = extract(f"3 {noun}", language)
    assert value.low == count
    assert compare(value, replace(expected, low=float(count), high=float(count))) is True


def test_the_displaced_in_one_report_against_the_sfollati_in_another():
    """corpus18: "left 460 people displaced" against the Italian headline's "380 sfollati"."""
    found = conflicts(
        "corpus18",
        ("umbria-english-herald", "left 460 people displaced"),
        ("il-corriere-dell-appennino", "380 sfollati e 14 feriti lievi"),
    )
    assert found == [("number", "460 people displaced", "380 sfollati")]


@pytest.mark.parametrize(
    ("text", "language", "noun"),
    [
        ("No one was killed.", "en", "two people died"),
        ("Nobody died.", "en", "due morti"),
        ("Non ci sono vittime.", "it", "two people were killed"),
        ("There were no injuries.", "en", "14 feriti"),
        ("Nessuno è rimasto ferito.", "it", "three people were injured"),
    ],
)
def test_none_of_a_count_contradicts_some(text, language, noun):
    (none,) = extract(text, language)
    (some,) = extract(noun, "it" if noun.endswith(("morti", "feriti")) else "en")
    assert none.low == 0
    assert compare(none, some) is False
    assert compare(none, extract(text, language)[0]) is True


def test_no_serious_injuries_is_not_no_injuries():
    """None seriously hurt is a count of the seriously injured, not of all the injured."""
    for text, language in (("No one was seriously hurt.", "en"), ("nessun ferito grave", "it")):
        (value,) = extract(text, language)
        assert (value.low, value.unit) == (0.0, stem("injured") + "!serious")


def test_a_month_without_a_year_is_the_one_nearest_the_report():
    november = dt.date(2025, 11, 5)
    (march,) = extract("We will see what that word means in March.", "en", november)
    (september,) = extract("Work started in September.", "en", november)
    assert dt.date.fromordinal(int(march.low)) == dt.date(2026, 3, 1)
    assert dt.date.fromordinal(int(september.low)) == dt.date(2025, 9, 1)


@pytest.mark.parametrize(
    ("text", "language", "metres"),
    [
        ("was found 2.4 metres below street level", "en", 2.4),
        ("The mosaic lies at a depth of 2.4 m below the street", "en", 2.4),
        ("I resti si trovano a due metri e quaranta di profondità", "it", 2.4),
        ("due metri e 5 centimetri", "it", 2.05),
    ],
)
def test_metres_written_every_way_are_one_length(text, language, metres):
    """corpus19 (held out): "2.4 m" was read as 2.4 million, and "due metri e quaranta" as
    two metres and a count of forty, so the three reports' depth looked like a conflict."""
    (value,) = extract(text, language)
    assert (value.unit, round(value.low, 2)) == (stem("metres"), metres)


def test_a_letter_scale_needs_money_and_metres_need_no_count_after_them():
    assert [v.low for v in extract("a $2.4m deal", "en")] == [2.4e6]
    assert [(v.unit, v.low) for v in extract("10 metri e 20 operai", "it")] == [
        (stem("metres"), 10.0),
        (stem("workers"), 20.0),
    ]


def _storm_reports(folder: Path, count: int) -> None:
    folder.mkdir()
    for n in range(1, count + 1):
        (folder / f"r{n:02}.txt").write_text(
            f"Storm floods Orvane harbour, report {n}\n\n2025-11-{n:02}\n\n"
            f"A storm flooded the Orvane harbour on Sunday and {40 + n} boats sank, the port "
            "authority said.\n\nThe harbour will reopen in March.\n",
            encoding="utf-8",
        )


def test_a_fact_every_one_of_many_reports_states_is_found_in_all_of_them(tmp_path):
    """22 reports: every word of the shared sentences is in 22 passages, which used to make
    them all 'common' and match nothing at all, every passage 'stated by this report alone'
    (found by an outside tester). Their counts differ, so each conflicts with the others;
    'on Sunday' in reports of different days is no conflict (one Sunday or two?)."""
    _storm_reports(tmp_path / "storm", 22)
    corpus = load_corpus([tmp_path / "storm"])
    alignment = align(corpus, use_cache=False)
    first = corpus.articles[0]
    start = first.text.index("A storm")
    end = first.text.index("said.") + len("said.")
    matches = alignment.matches(first.id, start, end)
    assert len({m.article for m in matches}) == 21
    assert all(c.what == "number" for m in matches for c in m.conflicts)
    suggestion = alignment.suggest(first.id, start, end)
    assert suggestion is not None and suggestion.tag == "contradicted"


def test_two_dates_written_alike_that_clash_say_which_day_each_is():
    from eternaut_reader.core.analysis.verdict import relate

    here = extract("will reopen at the end of March next year", "en", dt.date(2025, 12, 28))
    there = extract("will reopen at the end of March next year", "en", dt.date(2026, 1, 4))
    relation, found, _ = relate(here, there, 0, 0.9)
    assert relation == "conflicts"
    assert found[0].here == "March next year (= Mar 2026)"
    assert found[0].there == "March next year (= Mar 2027)"


def test_a_month_in_the_future_tense_is_the_next_one_and_a_span_runs_forward():
    """ "Will reopen in September" written in December and "riaprirà a settembre" written in
    March are one September (they conflicted, found by an outside tester); "from 14 March to
    6 September" written in February ends next September, not the one just past."""
    december, march, february = dt.date(2025, 12, 20), dt.date(2026, 3, 25), dt.date(2026, 2, 27)
    # (Each also says the harbour is closed until then: a status, left aside here.)
    (english,) = [
        v
        for v in extract("The harbour will reopen in September.", "en", december)
        if v.kind == "date"
    ]
    (italian,) = [
        v for v in extract("Il porto riaprirà a settembre.", "it", march) if v.kind == "date"
    ]
    assert compare(english, italian) is True
    assert dt.date.fromordinal(int(english.low)) == dt.date(2026, 9, 1)
    _start, end = extract("which opens on March 14 and runs until Sept. 6.", "en", february)
    assert dt.date.fromordinal(int(end.low)) == dt.date(2026, 9, 6)
    (past,) = extract("Work started in September.", "en", dt.date(2025, 11, 5))
    assert dt.date.fromordinal(int(past.low)) == dt.date(2025, 9, 1)


def test_none_of_a_group_is_no_count_of_none():
    """ "Nobody died among the firefighters" does not contradict "two people died" (found by
    an outside tester: it was suggested as contradicted)."""
    assert extract("Nobody died among the firefighters at the harbour fire.", "en") == []
    assert extract("Tra i vigili del fuoco nessun ferito.", "it") == []
    assert [v.low for v in extract("Nobody died, officials said.", "en")] == [0.0]


def test_the_seriously_injured_are_a_count_of_their_own():
    """ "No serious injuries" against "two people were seriously injured" is a contradiction
    (it was confirmed, found by an outside tester); against "14 people slightly hurt" it is
    none, and "23 feriti, tre gravi" still counts 23 injured."""
    (none,) = extract("There were no serious injuries in the fire.", "en")
    (two,) = extract("Two people were seriously injured in the fire.", "en")
    (fourteen,) = extract("Fourteen people were slightly hurt.", "en")
    assert compare(none, two) is False
    assert compare(none, fourteen) is None and compare(two, fourteen) is None
    feriti = [v for v in extract("23 feriti, tre gravi", "it") if v.low == 23]
    assert feriti and feriti[0].unit == stem("injured")


def test_any_people_counted_by_what_befell_them():
    """ "Twelve passengers were injured" against "i feriti sono 15" (found by an outside
    tester: it agreed, as a count of passengers); "1,300 workers downed tools" still counts
    workers."""
    (passengers,) = extract("Twelve passengers were injured in the fire.", "en")
    (feriti,) = extract("i feriti sono 15", "it")
    assert compare(passengers, feriti) is False
    (workers,) = extract("Some 1,300 workers downed tools on Wednesday", "en")
    assert workers.unit == stem("workers")


def test_a_terminal_escape_sequence_is_no_figure():
    """ "ESC[0m" pasted into an article was read as 0 metres, contradicting "300 metres"."""
    text = "Red: \x1b[31mred\x1b[0m text, a title \x1b]0;pwned 5 km\x07, then 300 metres. \x9b2J"
    assert [v.text for v in extract(text, "en")] == ["300 metres"]


def _status(text: str, language: str):
    (value,) = [v for v in extract(text, language) if v.kind == "status"]
    return value


@pytest.mark.parametrize(
    ("here", "there", "agree"),
    [
        (
            ("The line has already reopened.", "en"),
            ("La funivia riaprirà a fine luglio.", "it"),
            False,
        ),
        (("The line reopened on Monday.", "en"), ("The line remains closed.", "en"), False),
        (("Il ponte è stato riaperto ieri.", "it"), ("The bridge has reopened.", "en"), True),
        (("La strada rimane chiusa.", "it"), ("The road is still closed.", "en"), True),
    ],
)
def test_a_closure_said_over_conflicts_with_one_said_to_go_on(here, there, agree):
    """Found by an outside tester: "has already reopened" against "riaprirà soltanto a fine
    luglio" and "remains closed" was suggested confirmed."""
    assert compare(_status(*here), _status(*there)) is agree


def test_a_closure_s_status_is_never_a_work_s_release():
    reopened = _status("The museum reopened on Monday.", "en")
    released = _status("The series premiered on Monday.", "en")
    assert compare(reopened, released) is None
    # "will be reopened" tells a plan, as "will reopen" does, never that it is open again.
    assert all(v.unit != "reopened" for v in extract("The road will be reopened on Monday.", "en"))


def test_two_counts_of_other_nouns_and_other_figures_do_not_agree():
    """ "8.000 famiglie" against "18,000 customers": maybe one measure told two ways, maybe
    two; either way the passages do not confirm each other (an outside tester saw "agrees"
    and a suggested "confirmed"). The same figure with other nouns still may agree."""
    italian = extract("ha sospeso l'acqua a 8.000 famiglie", "it")
    relation, conflicts, _at = relate(
        italian, extract("cut the water of 18,000 customers", "en"), 0, 0.38
    )
    assert (relation, conflicts) == ("related", ())
    relation, _conflicts, _at = relate(
        italian, extract("cut the water of 8,000 customers", "en"), 0, 0.38
    )
    assert relation == "agrees"


@pytest.mark.parametrize("english", ["18,000 households", "18,000 homes"])
def test_households_and_homes_are_families(english):
    """A report's "8.000 famiglie" and another's "18,000 households" (or "homes") count one
    thing: the outside tester's planted disagreement is a conflict."""
    relation, conflicts, _at = relate(
        extract("ha sospeso l'acqua a 8.000 famiglie", "it"),
        extract(f"cut the water of {english}", "en"),
        0,
        0.38,
    )
    assert relation == "conflicts"
    assert [(c.what, c.here, c.there) for c in conflicts] == [("number", "8.000 famiglie", english)]


@pytest.mark.parametrize(
    ("there", "language"),
    [("Two people were hospitalised.", "en"), ("Due operai sono stati ricoverati.", "it")],
)
def test_people_in_hospital_are_hurt_people(there, language):
    """ "No one was hurt" against people taken to hospital: a disagreement (an outside
    tester's was missed)."""
    (nobody,) = extract("No one was hurt.", "en")
    (some,) = extract(there, language)
    assert compare(nobody, some) is False
