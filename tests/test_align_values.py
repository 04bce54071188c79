"""Normalised values: the same amount, date or status written two ways, in two languages."""

from __future__ import annotations

import datetime as dt

import pytest

from eternaut_reader.core.analysis.values import Value, compare, extract, parse_number


def one(text: str, language: str, kind: str, **context) -> Value:
    found = [v for v in extract(text, language, **context) if v.kind == kind]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("dieci volte più velocemente", "it"),
        ("10 times faster", "en"),
        ("reportedly up to 10x quicker", "en"),
        ("the tenfold speedup", "en"),
        ("completed up to ten times faster", "en"),
    ],
)
def test_every_way_of_writing_ten_times_is_the_multiplier_10(text, language):
    value = one(text, language, "multiplier")
    assert value.low == 10
    assert compare(value, one("10 times faster", "en", "multiplier")) is True


def test_eleven_billion_dollars_in_italian_and_english():
    italian = one("ha superato gli 11 miliardi di dollari di fatturato", "it", "money")
    english = one("$11 billion in revenue", "en", "money")
    words = one("eleven billion dollars", "en", "money")
    # "ha superato" gives it as a bound: more than 11 billion, which $11.0bn still is.
    assert (italian.unit, italian.low, italian.bound) == ("USD", 11e9, ">")
    assert italian.text == "superato gli 11 miliardi di dollari"
    assert compare(italian, english) is True
    assert (english.unit, english.low, english.text) == ("USD", 11e9, "$11 billion")
    assert words.low == 11e9
    assert compare(italian, english) is True
    assert compare(english, one("$12 billion", "en", "money")) is False
    assert compare(english, one("€11 billion", "en", "money")) is None  # another currency


def test_percentages_with_and_without_a_sign():
    plus = one("segnando un +16% rispetto all’anno precedente", "it", "percent")
    plain = one("a 16% year-on-year growth", "en", "percent")
    words = one("up 16 per cent", "en", "percent")
    assert (plus.low, plus.text) == (16, "+16%")
    assert compare(plus, plain) is True
    assert compare(plain, words) is True
    assert compare(plain, one("grew 61%", "en", "percent")) is False


def test_q2_is_the_second_quarter_of_the_year_read():
    q2 = one("Netflix’s Q2 earnings call", "en", "date", year=2025)
    secondo = one("i risultati finanziari del secondo trimestre", "it", "date", year=2025)
    explicit = one("nel secondo trimestre 2025", "it", "date")
    assert q2.low == secondo.low == explicit.low == dt.date(2025, 4, 1).toordinal()
    assert q2.high == dt.date(2025, 6, 30).toordinal()
    assert compare(q2, secondo) is True
    assert compare(q2, one("the third quarter", "en", "date", year=2025)) is False


def test_halves_read_with_the_article_year_and_by_2026():
    english = one("expected to launch in the second half of 2025", "en", "date")
    italian = one("entro la seconda metà dell’anno", "it", "date", year=2025)
    late = one("ad formats expected in late 2025", "en", "date")
    by_2026 = one("interactive ads by 2026", "en", "date")
    assert (english.low, english.high) == (
        dt.date(2025, 7, 1).toordinal(),
        dt.date(2025, 12, 31).toordinal(),
    )
    assert compare(english, italian) is True
    assert compare(english, late) is True
    assert compare(english, by_2026) is False
    assert by_2026.display() == "by 2026"
    # Without a year to read it with, "dell'anno" is no date at all.
    assert extract("entro la seconda metà dell’anno", "it") == []


def test_relative_dates_need_the_article_date():
    monday = dt.date(2025, 6, 9)
    read = extract("said on Monday that the line opens next year", "en", dt.date(2025, 6, 10))
    days = {v.text: (v.low, v.high) for v in read}
    assert days["on Monday"] == (monday.toordinal(), monday.toordinal())
    assert days["next year"] == (dt.date(2026, 1, 1).toordinal(), dt.date(2026, 12, 31).toordinal())
    italian = one("l'anno prossimo", "it", "date", reference=dt.date(2025, 6, 12))
    assert compare(italian, read[-1]) is True
    assert extract("said on Monday that the line opens next year", "en") == []


def test_days_and_months_in_both_languages():
    june = one("entrerà in servizio il 21 giugno", "it", "date", year=2025)
    english = one("will begin regular service on 14 June", "en", "date", year=2025)
    american = one("from June 14, the operator said", "en", "date", year=2025)
    assert june.low == dt.date(2025, 6, 21).toordinal()
    assert compare(english, american) is True
    assert compare(english, june) is False
    assert american.display() == "June 14"
    assert [v.kind for v in extract("the scene may not have been feasible", "en")] == []


def test_release_status_of_a_work():
    upcoming = one("in its upcoming series “The Eternaut”", "en", "status")
    premiered = one("The series, which premiered recently", "en", "status")
    italian = one("la serie è in uscita su Netflix", "it", "status")
    debutto = one("dopo il debutto della serie", "it", "status")
    assert (upcoming.unit, premiered.unit) == ("upcoming", "released")
    assert compare(upcoming, premiered) is False
    assert compare(upcoming, italian) is True
    assert compare(premiered, debutto) is True
    # "upcoming" said of ad formats is no release status of a work.
    assert extract("upcoming AI-powered ad formats", "en") == []


def test_counted_quantities_compare_only_the_same_noun():
    english = one("carries up to 150 passengers", "en", "quantity")
    italian = one("può trasportare 120 passeggeri", "it", "quantity")
    hours = one("oltre 95 miliardi di ore di streaming", "it", "quantity")
    assert (english.unit, italian.unit) == ("passen", "passen")
    assert compare(english, italian) is False
    assert (hours.unit, hours.low) == ("hour", 95e9)
    assert compare(english, hours) is None
    assert compare(
        one("twenty-five trains", "en", "quantity"), one("venticinque treni", "it", "quantity")
    )
    assert compare(one("40 km", "en", "quantity"), one("40 chilometri", "it", "quantity"))


@pytest.mark.parametrize(
    ("digits", "value"),
    [("1,200", 1200), ("1.200", 1200), ("11,5", 11.5), ("4.2", 4.2), ("1.234,5", 1234.5), ("7", 7)],
)
def test_numbers_in_english_and_italian_notation(digits, value):
    assert parse_number(digits) == value


def test_a_bare_year_is_context_not_a_date():
    found = extract("Following the 2023 Hollywood strikes", "en")
    assert [(v.kind, v.text) for v in found] == [("year", "2023")]


def test_a_number_with_and_between_its_words_is_one_number():
    words = one("wants to cut three hundred and twenty jobs there", "en", "quantity")
    digits = one("against the planned loss of 320 jobs", "en", "quantity")
    assert (words.low, words.text) == (320, "three hundred and twenty jobs")
    assert compare(words, digits) is True


def test_hyphenated_counts_are_counts():
    assert compare(
        one("a 48-hour strike", "en", "quantity"), one("forty-eight hours", "en", "quantity")
    )
    five = one("reopened in 2019 after a five-year restoration", "en", "quantity")
    assert (five.unit, five.low) == (one("dopo cinque anni di restauri", "it", "quantity").unit, 5)


def test_an_ordinal_is_not_a_count():
    """ "17th-century" and "15th-century" used to be counts of one noun, and to conflict."""
    assert [v for v in extract("a 17th-century altarpiece", "en") if v.kind == "quantity"] == []
    assert [v for v in extract("a 15th-century palace", "en") if v.kind == "quantity"] == []


def test_a_part_counts_what_its_whole_counts():
    """ "380 of the 1,450 jobs" is a count of 380 jobs (it used to be no value at all), and
    "nove dei 14 treni" one of 9 trains; "one of the best" is still no count."""
    part, whole = [
        v for v in extract("eliminate 380 of the 1,450 jobs", "en") if v.kind == "quantity"
    ]
    assert (part.low, part.text, whole.low) == (380, "380 of the 1,450 jobs", 1450)
    assert compare(part, one("plan to cut 380 jobs", "en", "quantity")) is True
    nine = next(v for v in extract("nove dei 14 treni", "it") if v.kind == "quantity")
    assert (nine.low, nine.unit) == (9, whole_unit("14 treni", "it"))
    assert [v for v in extract("one of the best", "en") if v.kind == "quantity"] == []


def whole_unit(text: str, language: str) -> str:
    return one(text, language, "quantity").unit


def test_durations_in_days_are_hours():
    """ "a two-day strike" lasts "48 hours" ("due giorni" too); a week 168 hours."""
    two_days = one("a two-day strike", "en", "quantity")
    assert compare(two_days, one("due to last forty-eight hours", "en", "quantity")) is True
    assert compare(one("due giorni di sciopero", "it", "quantity"), two_days) is True
    assert one("two weeks", "en", "quantity").low == 336


def test_years_ago_and_last_week_are_dates_of_the_report():
    june = dt.date(2025, 6, 5)  # a Thursday
    ago = one("Kessler, which bought Ferraresi four years ago", "en", "date", reference=june)
    assert compare(ago, one("It has been owned since 2021", "en", "date", reference=june)) is True
    assert (
        one("acquistata due anni fa", "it", "date", reference=june).low
        == dt.date(2023, 1, 1).toordinal()
    )
    week = one("announced last week", "en", "date", reference=june)
    assert (week.low, week.high) == (
        dt.date(2025, 5, 26).toordinal(),
        dt.date(2025, 6, 1).toordinal(),
    )
    assert compare(week, one("La settimana scorsa Kessler", "it", "date", reference=june)) is True
    assert [v for v in extract("four years ago", "en") if v.kind == "date"] == []  # no date


def test_nine_in_ten_is_ninety_per_cent():
    nine = one("nine in ten workers on the morning shift had stayed away", "en", "percent")
    assert compare(nine, one("about 90% of the workforce joined", "en", "percent")) is True
    assert compare(one("nove su dieci", "it", "percent"), nine) is True
    assert one("3 out of 4 people", "en", "percent").low == 75
    assert [v for v in extract("one of the ten", "en") if v.kind == "percent"] == []


def test_italian_words_whose_crude_stems_collide_are_read_whole():
    """ "sindacati" (unions) and "sindaco" (mayor) share the stem "sindac", "annunciato"
    (announced) and "annuncio" (an advert) "annunc": the whole word decides."""
    from eternaut_reader.core.analysis.similarity import content_stems

    unions, mayor = content_stems("sindacati sindaco", "it")
    assert unions != mayor and unions == content_stems("unions", "en")[0]
    assert content_stems("annunciato", "it") == content_stems("announced", "en")
    assert content_stems("tre", "it") == content_stems("three", "en")


def test_counts_more_than_three_times_apart_are_two_figures():
    """An industry's 165,000 workers and a company's 21,000 are not one figure reported two
    ways (they used to conflict); 1,200 and 1,500 hectares still are."""
    industry = one("Italy's car-parts industry employs about 165,000 people", "en", "quantity")
    group = one("The German group employs about 21,000 people", "en", "quantity")
    assert compare(industry, group) is None
    assert (
        compare(one("1,200 hectares", "en", "quantity"), one("1.500 ettari", "it", "quantity"))
        is False
    )


@pytest.mark.parametrize(
    ("text", "language", "kind", "amount"),
    [
        ("it reached two and a half times the level allowed", "en", "multiplier", 2.5),
        ("up to 2.5 times the limit", "en", "multiplier", 2.5),
        ("arrivava a due volte e mezzo il limite", "it", "multiplier", 2.5),
        ("a cost of two and a half million dollars", "en", "money", 2.5e6),
        ("un costo di due milioni e mezzo di euro", "it", "money", 2.5e6),
        ("a cost of 2 million dollars", "en", "money", 2e6),
    ],
)
def test_and_a_half_is_half_a_unit_more_and_a_scale_is_read_once(text, language, kind, amount):
    """ "due volte e mezzo" used to be read as "due volte" (2x), and then conflicted with
    "2.5 times"; "2 million dollars" also gave a second value, "million dollars" (1 million)."""
    (value,) = extract(text, language)
    assert (value.kind, value.low) == (kind, amount)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("an area of roughly four square kilometres", "en"),
        ("in the 4 km² zone", "en"),
        ("a 4 sq km zone", "en"),
        ("circa quattro chilometri quadrati sorvegliati", "it"),
    ],
)
def test_an_area_is_one_measure_however_its_unit_is_written(text, language):
    value = one(text, language, "quantity")
    reference = one("4 km²", "en", "quantity")
    assert value.low == 4 and value.key == reference.key
    assert compare(value, one("six square kilometres", "en", "quantity")) is False
    assert compare(value, one("4 kilometres", "en", "quantity")) is None  # a length


def test_square_metres_in_italian_include_the_word_quadri():
    value = one("un negozio di 300 metri quadri", "it", "quantity")
    assert value.text == "300 metri quadri"
    assert value.key == one("300 square metres", "en", "quantity").key


@pytest.mark.parametrize(
    ("text", "language"), [("2,000 tonnes of grain", "en"), ("2.000 tonnellate di grano", "it")]
)
def test_a_figure_with_a_thousands_separator_is_a_count_not_a_year(text, language):
    assert [v.kind for v in extract(text, language)] == ["quantity"]


@pytest.mark.parametrize(
    ("text", "language", "minutes"),
    [
        ("from 7am to 7pm", "en", [420, 1140]),
        ("between 7 a.m. and 7 p.m.", "en", [420, 1140]),
        ("on weekdays between 07:00 and 19:00", "en", [420, 1140]),
        ("dalle 7 alle 19", "it", [420, 1140]),
        ("alle 10 di sera", "it", [1320]),
        ("at 10.30pm on Friday", "en", [1350]),
        ("chiuso fino a mezzanotte", "it", [0]),
    ],
)
def test_times_of_day_in_both_languages(text, language, minutes):
    times = [v for v in extract(text, language) if v.kind == "time"]
    assert [int(v.low) for v in times] == minutes
    # An hour is not a count: "7pm" was once read as seven of something called "pm".
    assert not [v for v in extract(text, language) if v.kind == "quantity"]


def test_times_help_find_a_fact_and_differ_past_half_an_hour():
    # Whether two differing times conflict is the matcher's call: only where the words next
    # to them name one event (test_align_method17).
    seven, eight = one("at 7am", "en", "time"), one("alle 8", "it", "time")
    assert compare(seven, eight) is False
    assert compare(seven, one("alle 7.20", "it", "time")) is True
    assert seven.key == one("07:00", "en", "time").key != eight.key


@pytest.mark.parametrize(
    ("text", "language", "share"),
    [
        ("shares rose by almost a quarter", "en", 25.0),
        ("un quarto dei dipendenti", "it", 25.0),
        ("two thirds of voters", "en", 66.7),
        ("i due terzi degli elettori", "it", 66.7),
        ("three quarters of the stores", "en", 75.0),
        ("la metà dei negozi", "it", 50.0),
    ],
)
def test_fractions_are_round_percentages(text, language, share):
    value = one(text, language, "percent")
    assert value.low == share and value.rough
    assert compare(value, one("up 24%" if share == 25 else f"{share:.0f}%", "en", "percent"))


def test_fractions_of_time_are_not_shares():
    assert [v.kind for v in extract("the first quarter of 2025", "en")] == ["date"]
    assert [v.kind for v in extract("the second half of 2025", "en")] == ["date"]
    # (Since method 21, a duration: half an hour.)
    assert [(v.kind, v.low) for v in extract("half an hour later", "en")] == [("quantity", 0.5)]


@pytest.mark.parametrize(
    ("text", "language", "celsius"),
    [
        ("temperatures of 40°C", "en", 40.0),
        ("40 degrees", "en", 40.0),
        ("punte di 40 gradi", "it", 40.0),
        ("a high of 104°F", "en", 40.0),
        ("down to -5 °C", "en", -5.0),
    ],
)
def test_temperatures_in_both_scales_and_languages(text, language, celsius):
    value = one(text, language, "quantity")
    assert value.low == celsius
    assert value.key == one("40 °C", "en", "quantity").key or celsius != 40.0


@pytest.mark.parametrize(
    ("text", "language", "same", "other"),
    [
        ("half a million homes", "en", "500,000 homes", "300,000 homes"),
        ("a half-million homes", "en", "500,000 homes", "300,000 homes"),
        ("mezzo milione di case", "it", "500.000 case", "300.000 case"),
    ],
)
def test_half_a_million_is_500000_not_a_million(text, language, same, other):
    (value,) = extract(text, language)
    assert value.low == 500_000
    assert compare(value, one(same, language, "quantity")) is True
    assert compare(value, one(other, language, "quantity")) is False


def test_a_dozen_is_twelve():
    assert one("a dozen fishing boats", "en", "quantity").low == 12
    assert one("una dozzina di barche", "it", "quantity").low == 12
    assert one("two dozen boats", "en", "quantity").low == 24


def test_semestre_is_a_half_year():
    english = one("finished in the second half of 2027", "en", "date")
    first = one("completato nel primo semestre del 2027", "it", "date")
    second = one("entro il secondo semestre", "it", "date", year=2027)
    assert compare(english, first) is False and compare(english, second) is True


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("will invest 2 million dollars", "en"),
        ("investirà 2 milioni di dollari", "it"),
        ("$2 million", "en"),
    ],
)
def test_the_same_digits_a_thousand_times_apart_are_a_misread_scale(text, language):
    billion = one("will invest $2 billion", "en", "money")
    assert compare(billion, one(text, language, "money")) is False
    # ...but other figures that far apart are two measures, not a conflict.
    assert compare(billion, one("$2.5 million", "en", "money")) is None


@pytest.mark.parametrize(
    ("text", "language", "status"),
    [
        ("Netflix used generative AI in The Eternaut, which premiered in April.", "en", "released"),
        ("L'Eternauta, in uscita su Netflix il 30 aprile, usa l'IA.", "it", "upcoming"),
        ("The show is set to premiere next month.", "en", "upcoming"),
    ],
)
def test_words_said_only_of_works_are_a_status_without_series_or_film(text, language, status):
    assert one(text, language, "status").unit == status


def test_words_said_of_anything_still_need_the_work_named():
    assert not [
        v for v in extract("The company released figures on Tuesday.") if v.kind == "status"
    ]
    assert not [
        v for v in extract("First AI-Generated Scene Debuts in El Eternauta") if v.kind == "status"
    ]


def test_a_part_of_a_possessed_whole_counts_what_the_whole_counts():
    """ "Two of the train's five carriages" is two carriages (of five), so "two carriages off
    the tracks" in another report agrees; it was five against two."""
    part, whole = extract("Two of the train's five carriages came off the rails.", "en")
    assert (part.low, whole.low) == (2, 5) and part.unit == whole.unit
    assert compare(part, one("leaving two carriages off the tracks", "en", "quantity")) is True
