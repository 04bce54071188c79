"""Method 24 (METHOD_VERSION 27): a live blog's time of writing, and the hours of two turns
of one thing, are no time of one event.

Found while trying to compare the one hour of two passages alike where one gives no day (a
held-out set's fireball "at 11.14pm on Sunday 12 April" / "avvistato alle 22.14"): a live
blog's "Ore 17.40 – Ottanta sezioni su 101" then conflicted with "Lo spoglio è cominciato
ieri alle 15", and "closed since 6am" with "ha riaperto ieri alle 14". That loosening was
not kept (it also set the hikers' call for help against the rescuers' arrival), these two
guards were."""

from __future__ import annotations

from pathlib import Path

import pytest

from eternaut_reader.core.analysis.values import compare, extract
from tests.helpers.pairs import aligned, aligned_reports, text_of


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ETERNAUT_READER_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("ETERNAUT_READER_EMBEDDINGS", "0")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Ore 17.40 – Ottanta sezioni su 101: il vantaggio di Bassani regge", "it"),
        ("17:40 - Polls have closed across the region", "en"),
        ("5.40pm: turnout reached 61%", "en"),
    ],
)
def test_a_live_blog_entry_time_is_the_time_of_writing(text, language):
    [stamp] = [v for v in extract(text, language) if v.kind == "time"]
    assert stamp.said
    [event] = [v for v in extract("Lo spoglio è cominciato alle 15.", "it") if v.kind == "time"]
    assert compare(stamp, event) is None  # never the time of what the entry tells


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("At 5pm: they left the hall", "en"),
        ("The count began at 3pm - an hour late", "en"),
        ("Il vertice è cominciato alle 15 – ha detto il sindaco", "it"),
    ],
)
def test_an_hour_inside_a_sentence_is_the_event_s(text, language):
    times = [v for v in extract(text, language) if v.kind == "time"]
    assert times and not any(v.said for v in times)


def test_hours_of_a_closing_and_a_reopening_do_not_conflict(tmp_path):
    _, found = aligned(
        tmp_path,
        "Fontanarossa airport has been closed since 6am on Tuesday because of the ash cloud.",
        "L'aeroporto di Fontanarossa ha riaperto martedì alle 14 dopo la nube di cenere.",
    )
    assert not [c for c in found if c[0] == "time"]


@pytest.mark.parametrize(
    "text",
    [
        "240 dosi, quasi il triplo rispetto a una settimana normale",
        "più di quanto si registri in un anno qualsiasi",
        "il doppio di un mese medio",
    ],
)
def test_a_period_to_compare_with_is_no_span_of_time(text):
    # It conflicted with a quarantine's "21 giorni" on a held-out set.
    assert not [v for v in extract(text, "it") if v.unit in ("hour", "month", "year")]


def test_a_span_of_time_is_still_read():
    [week] = [v for v in extract("Lo sciopero durerà una settimana.", "it") if v.unit == "hour"]
    assert week.low == 168


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The patients are aged between 2 and 41.", "en"),
        ("The patients are aged 2 to 41.", "en"),
        ("The patients are aged 2-41.", "en"),
        ("The patients are between 2 and 41 years old.", "en"),
        ("I contagiati hanno tra i 2 e i 41 anni.", "it"),
        ("I pazienti hanno dai 2 ai 41 anni.", "it"),
        ("di età compresa tra 2 e 41 anni", "it"),
    ],
)
def test_the_ages_of_a_group_are_one_range(text, language):
    # Read as the one age 41 (or none), the range agreed with nothing.
    [ages] = [v for v in extract(text, language) if v.unit == "year"]
    assert (ages.low, ages.high) == (2, 41)


def test_two_people_s_ages_stay_two_ages():
    ages = [
        v for v in extract("The couple, aged 47 and 52, were rescued.", "en") if v.unit == "year"
    ]
    assert [(v.low, v.high) for v in ages] == [(47, 47), (52, 52)]


def test_one_age_range_told_in_two_languages_agrees(tmp_path):
    relation, found = aligned(
        tmp_path,
        "The measles patients in Castelfranco are aged between 2 and 41, the authority said.",
        "I malati di morbillo di Castelfranco hanno tra i 2 e i 41 anni, secondo l'azienda.",
    )
    assert (relation, found) == ("agrees", [])


def test_another_age_range_conflicts(tmp_path):
    relation, found = aligned(
        tmp_path,
        "The measles patients in Castelfranco are aged between 2 and 41, the authority said.",
        "I malati di morbillo di Castelfranco hanno tra i 3 e i 41 anni, secondo l'azienda.",
    )
    assert relation == "conflicts"
    assert found[0][0] == "number"


@pytest.mark.parametrize(
    ("text", "language", "day"),
    [
        ("Da lunedì prossimo entrerà in servizio una navetta gratuita.", "it", 21),
        ("Il prossimo lunedì riapre la scuola.", "it", 21),
        ("A free shuttle will run from next Monday.", "en", 21),
        ("The council meets next Wednesday.", "en", 23),  # written on a Wednesday
        ("Lunedì il sindaco ha firmato l'ordinanza.", "it", 14),
    ],
)
def test_next_weekday_is_the_coming_one(text, language, day):
    import datetime as dt

    [date] = [v for v in extract(text, language, dt.date(2024, 10, 16)) if v.kind == "date"]
    assert dt.date.fromordinal(int(date.low)) == dt.date(2024, 10, day)


def test_the_hour_of_a_closure_set_off_by_a_comma_conflicts(tmp_path):
    # "La chiusura, scattata dalle 18 di ieri": the closure is the subject of the hour, a
    # clause of its own before it (found on a held-out set: 8 p.m. against 18 agreed).
    relation, found = aligned(
        tmp_path,
        "The San Michele bridge was shut from 8 p.m. on Tuesday under an order of the province.",
        "La chiusura, scattata dalle 18 di ieri, ha di fatto tagliato in due la valle.",
        dates=("2024-10-16", "2024-10-16"),
    )
    assert relation == "conflicts"
    assert ("time", "8 p.m.", "dalle 18") in found


def test_two_ledes_giving_the_day_by_the_week_s_words_conflict(tmp_path):
    # The daily's "ieri mattina" (Monday 3 March) and the weekly's "on Tuesday" (the 4th):
    # both days by the week's words, each in its report's lede, which a date line and a
    # subheading do not push out (they did: the first sentence was the report's fourth unit).
    corpus, alignment = aligned_reports(
        tmp_path,
        {
            "weekly": (
                "Appellation fraud in Tuscany",
                "2025-03-06",
                [
                    "Bottles seized",
                    "In operation Calice Amaro, Italian authorities on Tuesday seized some "
                    "118,000 bottles of fake Valcerasa Riserva at the Poggio Lauro estate.",
                ],
            ),
            "daily": (
                "Falso vino, blitz a Montecalvi",
                "2025-03-04",
                [
                    "Sequestro record",
                    "La polizia ieri mattina ha perquisito la tenuta Poggio Lauro.",
                ],
            ),
        },
    )
    one = "In operation Calice Amaro, Italian authorities on Tuesday seized some"
    start = text_of(corpus, "weekly").index(one)
    [match] = [
        m for m in alignment.matches("weekly", start, start + len(one)) if m.article == "daily"
    ]
    assert match.relation == "conflicts"
    assert "date" in [c.what for c in match.conflicts]


@pytest.mark.parametrize(
    ("text", "language", "region"),
    [
        ("la cantina acquistava vino sfuso in Puglia", "it", "region:apulia"),
        ("the estate blended bulk wine bought in Apulia", "en", "region:apulia"),
        ("arrivato dalla Sicilia", "it", "region:sicily"),
        ("nel Veneto", "it", "region:veneto"),
    ],
)
def test_a_region_is_a_place(text, language, region):
    assert [v.unit for v in extract(text, language) if v.kind == "place"] == [region]


def test_a_region_s_name_as_an_adjective_is_no_place():
    assert not [v for v in extract("the Lombardy region's president", "en") if v.kind == "place"]


def test_two_regions_where_one_thing_came_from_conflict(tmp_path):
    relation, found = aligned(
        tmp_path,
        "Prosecutors allege that the Poggio Lauro estate blended bulk wine purchased in Sicily.",
        "Secondo la Procura, la tenuta Poggio Lauro acquistava vino sfuso in Puglia.",
    )
    assert relation == "conflicts"
    assert ("place", "in Sicily", "in Puglia") in found
    # (Its words meet: purchased / acquistava. "bought" is read as no verb: irregular pasts
    # as their verbs were tried, and cost a verdict on the evaluation sets.)


def test_regions_of_two_things_do_not_conflict(tmp_path):
    # The storm's region and the rescuers' region: their words do not meet.
    _, found = aligned(
        tmp_path,
        "The storm hit farms in Lombardy on Monday, destroying the maize harvest.",
        "La tempesta di lunedì ha distrutto il mais; i soccorsi sono arrivati dal Piemonte.",
    )
    assert not [c for c in found if c[0] == "place"]


@pytest.mark.parametrize(
    "text", ["Sono sette in tutto gli indagati.", "Sono 7 in totale gli indagati."]
)
def test_a_count_with_a_word_of_totals_before_its_noun(text):
    [count] = [v for v in extract(text, "it") if v.kind == "quantity"]
    assert (count.low, count.unit) == (7, "indaga")


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("Il closing è atteso entro fine giugno.", "atteso"),
        ("La decisione è attesa per domani.", "attesa"),
        ("Sono attesi 10 mila visitatori.", "attesi"),
        ("Molti hanno affrontato tre ore di autostrada dopo ore di attesa.", None),
        ("La notizia più attesa è arrivata quasi subito.", None),
        ("Il film più atteso dell'anno esce oggi.", None),
    ],
)
def test_awaited_and_waiting_are_no_hedge(text, hedge):
    from eternaut_reader.core.analysis.lexicon import is_hedged

    assert is_hedged(text, "it") == hedge


@pytest.mark.parametrize(
    ("text", "language", "hedge"),
    [
        (
            "Secondo l'ultimo rapporto dell'autorità regionale, l'acquedotto disperde il 41%.",
            "it",
            None,
        ),
        (
            "More than 120 mm of rain fell, according to figures from the regional "
            "environmental agency ARPA.",
            "en",
            None,
        ),
        ("Secondo i dati del ministero della Salute i casi sono 23.", "it", None),
        # A party's own figures, or figures of no one, stay its claim.
        ("It built 140,000 bicycles in 2022, according to union figures.", "en", "according to"),
        ("Secondo i dati dell'azienda le vendite sono salite.", "it", "secondo"),
        (
            "According to figures from sources close to the company, sales rose.",
            "en",
            "according to",
        ),
    ],
)
def test_a_body_s_report_names_its_source(text, language, hedge):
    from eternaut_reader.core.analysis.lexicon import is_hedged

    assert is_hedged(text, language) == hedge


@pytest.mark.parametrize(
    ("text", "language", "hedge"),
    [
        ("I canali erano molto più danneggiati del previsto.", "it", None),
        ("Damage to the drains was worse than expected.", "en", None),
        ("The deal is expected to close in June.", "en", "expected"),
        (
            "Costs were higher than expected and the works are expected to end in May.",
            "en",
            "expected",
        ),
    ],
)
def test_than_expected_is_a_comparison_not_a_hedge(text, language, hedge):
    from eternaut_reader.core.analysis.lexicon import is_hedged

    assert is_hedged(text, language) == hedge


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("Il museo avrebbe dovuto aprire nella primavera del 2028.", None),
        ("Il crollo avrebbe potuto causare una strage.", None),
        ("I lavori sarebbero dovuti finire a maggio.", None),
        ("Il sindaco avrebbe firmato l'ordinanza.", "avrebbe"),  # reportedly signed
    ],
)
def test_what_was_due_or_possible_is_no_hedge(text, hedge):
    from eternaut_reader.core.analysis.lexicon import is_hedged

    assert is_hedged(text, "it") == hedge


def test_to_safety_is_one_word_in_both_languages():
    # "I vigili del fuoco hanno tratto in salvo 37 persone" / "Firefighters pulled more than
    # 60 people to safety": the words next to the two counts meet on it (the flood set's
    # rescued people, 37 against more than 60, were only related).
    from eternaut_reader.core.analysis.similarity import content_stems

    italian = content_stems("hanno tratto in salvo", "it", base=True)
    english = content_stems("to safety", "en", base=True)
    assert set(italian) & set(english)


def test_the_hour_a_verdict_was_read_in_two_languages_conflicts(tmp_path):
    # "sentenza" is a ruling, and so is a verdict; "letta" is read.
    relation, found = aligned(
        tmp_path,
        "The verdict was read out shortly after 4pm in a packed courtroom.",
        "La sentenza è stata letta poco dopo le 19, al termine della camera di consiglio.",
    )
    assert relation == "conflicts"
    assert found[0][0] == "time"


@pytest.mark.parametrize(
    ("text", "language", "day"),
    [
        ("La strada resta chiusa almeno fino a venerdì.", "it", 7),
        ("The road will stay closed until Friday.", "en", 7),
        # Past narrative: the Tuesday before.
        ("The park kept the news quiet until Tuesday, when it announced the births.", "en", 4),
        ("Dove fino a martedì c'era una sughereta, oggi resta la cenere.", "it", 4),
    ],
)
def test_until_a_weekday_still_ahead_is_the_coming_one(text, language, day):
    import datetime as dt

    weekdays = ("venerdì", "Friday", "Tuesday", "martedì")
    [date] = [
        v
        for v in extract(text, language, dt.date(2025, 11, 4))
        if v.kind == "date" and v.text.strip().endswith(weekdays)
    ]
    assert dt.date.fromordinal(int(date.low)) == dt.date(2025, 11, day)


def test_propri_is_no_content_word():
    # "nei propri flussi di lavoro" (its own) shared the stem of "property" with an English
    # passage on intellectual property (an outside tester saw the two called the same fact).
    from eternaut_reader.core.analysis.similarity import content_stems

    assert "propr" not in content_stems("Netflix integra l'IA nei propri flussi di lavoro", "it")


def test_a_day_set_off_by_commas_is_no_subject_of_the_hour():
    # "La chiusura, scattata dalle 18" gives the hour its subject; "On Monday, at 3 p.m."
    # gives it no word at all (a day says when, not what).
    from eternaut_reader.core.analysis.matcher import value_context

    closure = "La chiusura, scattata dalle 18 di ieri, ha tagliato la valle."
    [hour] = [v for v in extract(closure, "it") if v.kind == "time"]
    assert "clos" in value_context(closure, hour, "it", [hour])
    council = "On Monday, at 3 p.m., the council met."
    [three] = [v for v in extract(council, "en") if v.kind == "time"]
    assert "mond" not in value_context(council, three, "en", [three])  # the stem of Monday


def test_a_region_is_named_with_a_capital():
    assert not [v for v in extract("il consumo delle marche italiane", "it") if v.kind == "place"]
    [marche] = [v for v in extract("un terremoto nelle Marche", "it") if v.kind == "place"]
    assert marche.unit == "region:marche"


def test_intellectual_property_is_copyright_not_intelligence():
    from eternaut_reader.core.analysis.similarity import content_stems

    english = content_stems("artistic labor, intellectual property and creative works", "en")
    italian = content_stems("la proprietà intellettuale e il diritto d'autore", "it")
    ai = content_stems("l'intelligenza artificiale generativa", "it")
    assert set(english) & set(italian)  # one meaning in two languages
    assert not set(english) & set(ai)  # no longer "intell" in both
