"""Method 23 (METHOD_VERSION 26): results of games, spans written with "a", ages in one word,
terms in months against years, rough Italian counts, ranks after a possessive.

Found by an outside tester who wrote small corpora of their own: "Atalanta beat Torino 3-1"
agreed with "Atalanta lost 1-3 to Torino" at 1.00 (the score sorted is one score, and the
winner was not read); "a strike that will last a week" agreed with "durerà dieci giorni";
"a 16-year-old" with "diciassettenne"; "18 months" said nothing against "two years"; "una
ventina" conflicted with 24; "his fifth title" with "il suo sesto titolo" said nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from eternaut_reader.core.analysis.results import LOST, WON, results
from eternaut_reader.core.analysis.values import compare, extract
from tests.helpers.pairs import aligned


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ETERNAUT_READER_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("ETERNAUT_READER_EMBEDDINGS", "0")


def _sides(text: str) -> set[tuple[str, str]]:
    return {(side, words) for side, words, _, _ in results(text)}


@pytest.mark.parametrize(
    ("text", "winner", "loser"),
    [
        ("Atalanta beat Torino 3-1 on Sunday in Bergamo.", "atalant", "turin"),
        ("Atalanta lost 1-3 to Torino on Sunday.", "turin", "atalant"),
        ("Atalanta beaten by Torino in Bergamo", "turin", "atalant"),
        ("L'Atalanta batte il Torino 3 a 1", "atalant", "turin"),
        (
            "L'Atalanta si è imposta per tre a uno domenica a Bergamo sul Torino, con una "
            "doppietta di Lookman.",
            "atalant",
            "turin",
        ),
        ("Il Torino ha perso 1-3 domenica a Bergamo contro l'Atalanta.", "atalant", "turin"),
        ("Il Napoli è stato sconfitto dalla Roma", "rome", "naples"),
        ("On Sunday Inter Milan narrowly beat Juventus.", "inter milan", "juventus"),
        ("Sinner won the final against Alexander Zverev", "sinner", "alexander zverev"),
    ],
)
def test_a_result_names_its_winner_and_its_loser(text, winner, loser):
    assert _sides(text) == {(WON, winner), (LOST, loser)}


@pytest.mark.parametrize(
    "text",
    [
        "Torino sconfitto a Bergamo",  # no winner named
        "The company lost its case against the regulator",  # no side named after the verb
        "Shares lost 5% against the dollar",
        "Il sindaco ha vinto le elezioni",
    ],
)
def test_no_result_where_a_side_is_not_named(text):
    assert results(text) == []


def test_the_same_side_won_in_one_report_and_lost_in_the_other_is_a_conflict(tmp_path):
    relation, found = aligned(
        tmp_path,
        "Atalanta beat Torino 3-1 on Sunday in Bergamo, with two goals from Lookman.",
        "Atalanta lost 1-3 to Torino on Sunday in Bergamo, despite two goals from Lookman.",
    )
    assert relation == "conflicts"
    assert [what for what, _, _ in found] == ["winner"]


def test_one_result_told_from_either_side_in_two_languages_agrees(tmp_path):
    relation, found = aligned(
        tmp_path,
        "Atalanta beat Torino 3-1 on Sunday in Bergamo, with two goals from Lookman.",
        "Il Torino ha perso 1-3 domenica a Bergamo contro l'Atalanta, con una doppietta di "
        "Lookman.",
    )
    assert (relation, found) == ("agrees", [])


def test_two_winners_of_two_games_do_not_conflict():
    [one] = [v for v in extract("Atalanta beat Torino 3-1.", "en") if v.unit == WON]
    [two] = [v for v in extract("Napoli beat Lazio 2-0.", "en") if v.unit == WON]
    assert compare(one, two) is None


@pytest.mark.parametrize(
    ("text", "language", "high", "low"),
    [
        ("L'Atalanta si è imposta per tre a uno", "it", 3, 1),
        ("hanno vinto due a zero", "it", 2, 0),
        ("they won two-nil", "en", 2, 0),
    ],
)
def test_a_score_in_words_is_a_score(text, language, high, low):
    [score] = [v for v in extract(text, language) if v.kind == "score"]
    assert score.low == high * 100 + low


def test_a_score_in_words_conflicts_with_another_in_figures(tmp_path):
    relation, found = aligned(
        tmp_path,
        "L'Atalanta si è imposta per tre a uno domenica a Bergamo sul Torino.",
        "Atalanta beat Torino 2-1 on Sunday in Bergamo.",
    )
    assert relation == "conflicts"
    assert ("score", "tre a uno", "2-1") in found


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("Nurses began a strike on Monday that will last a week.", 168),
        ("The road will stay closed for a fortnight.", 336),
        ("a week-long strike", 168),
    ],
)
def test_a_span_written_with_a_is_a_duration(text, hours):
    [span] = [v for v in extract(text, "en") if v.kind == "quantity"]
    assert span.low == hours


@pytest.mark.parametrize(
    "text", ["Nurses strike twice a week.", "The strike began a week ago.", "a year earlier"]
)
def test_a_rate_or_a_day_back_is_no_span(text):
    assert [v for v in extract(text, "en") if v.kind == "quantity"] == []


@pytest.mark.parametrize(
    ("other", "relation"),
    [
        ("uno sciopero che durerà sette giorni, ha detto il sindacato.", "agrees"),
        ("uno sciopero che durerà dieci giorni, ha detto il sindacato.", "conflicts"),
    ],
)
def test_a_week_agrees_with_seven_days_and_conflicts_with_ten(tmp_path, other, relation):
    found = aligned(
        tmp_path,
        "Gli infermieri dell'ospedale Borgo Trento di Verona hanno iniziato lunedì " + other,
        "Nurses at Verona's Borgo Trento hospital began on Monday a strike that will last a "
        "week, the union said.",
    )
    assert found[0] == relation


def test_a_fortnight_is_fifteen_days_as_often_as_fourteen():
    [fortnight] = extract("for a fortnight", "en")
    [days] = extract("per quindici giorni", "it")
    assert compare(fortnight, days) is True


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("un ragazzo diciassettenne", 17, 17),
        ("la sedicenne", 16, 16),
        ("un 76enne di Bergamo", 76, 76),
        ("un trentenne di Milano", 30, 39),  # anyone in his thirties
        ("a boy aged 16", 16, 16),
    ],
)
def test_an_age_in_one_word_is_an_age(text, low, high):
    [age] = extract(text, "it" if " un" in f" {text}" or "la " in text else "en")
    assert (age.kind, age.unit, age.low, age.high) == ("quantity", "year", low, high)


def test_penne_and_antenne_are_no_ages():
    assert extract("penne, antenne e Ravenna", "it") == []


def test_a_sixteen_year_old_conflicts_with_a_seventeen_year_old(tmp_path):
    relation, found = aligned(
        tmp_path,
        "A 16-year-old boy was rescued from the river near Pavia on Sunday.",
        "Un ragazzo diciassettenne è stato salvato dal fiume vicino a Pavia domenica.",
    )
    assert relation == "conflicts"
    assert [what for what, _, _ in found] == ["number"]


@pytest.mark.parametrize(
    ("one", "two", "expected"),
    [
        ("for 18 months", "for two years", False),
        ("per 30 mesi", "for two and a half years", True),
        ("a 16-year-old boy", "an 18-month-old baby", None),  # too far apart: two things
    ],
)
def test_a_term_in_months_is_compared_with_one_in_years(one, two, expected):
    [a] = extract(one, "it" if "mesi" in one else "en")
    [b] = extract(two, "en")
    assert compare(a, b) is expected


@pytest.mark.parametrize(
    ("other", "expected"),
    [("24 people", True), ("18 persone", True), ("30 people", False), ("16 persone", False)],
)
def test_una_ventina_is_about_twenty_and_up_to_twenty_five(other, expected):
    [about] = extract("una ventina di persone", "it")
    [figure] = extract(other, "it" if "persone" in other else "en")
    assert compare(about, figure) is expected


def test_a_rank_after_a_possessive_is_read(tmp_path):
    [fifth] = extract("Sinner won his fifth title of the season", "en")
    [sixth] = extract("Sinner ha conquistato il suo sesto titolo stagionale", "it")
    assert (fifth.kind, fifth.unit, sixth.unit) == ("ordinal", "titl", "titl")
    assert compare(fifth, sixth) is False


def test_a_sentence_and_its_copy_get_one_verdict(tmp_path):
    from tests.helpers.pairs import aligned_reports, text_of

    sentence = (
        "Temperatures in Aosta fell to -8°C on Thursday night, the coldest of the winter so far."
    )
    corpus, alignment = aligned_reports(
        tmp_path,
        {
            "a": ("Cold snap grips Aosta", "2025-01-10", [sentence, "Schools will open late."]),
            "b": (
                "Aosta records coldest night of winter",
                "2025-01-10",
                [sentence, "Drivers were told to fit snow chains."],
            ),
        },
    )
    verdicts = {}
    for report in ("a", "b"):
        start = text_of(corpus, report).index(sentence)
        verdicts[report] = alignment.suggest(report, start, start + len(sentence))
    # b's headline, written over the copy, is no second source: one verdict, in both reports
    # (an outside tester saw the original confirmed and its copy speculative, and another
    # both confirmed by the copying report's headline).
    assert [s.tag for s in verdicts.values()] == ["speculative", "speculative"]
    assert verdicts["a"].reason == "only copied in b: a copy is no second source"
    assert verdicts["b"].reason == "only copied in a: a copy is no second source"


def test_a_copy_alone_is_still_no_second_source(tmp_path):
    from tests.helpers.pairs import aligned_reports, text_of

    sentence = "The plant is classified as a lower-tier site under the Seveso directive."
    corpus, alignment = aligned_reports(
        tmp_path,
        {
            "a": ("Fire at resin plant", "2025-06-05", [sentence]),
            "b": ("Volunteers walk the canal", "2025-06-05", [sentence]),
        },
    )
    for report in ("a", "b"):
        start = text_of(corpus, report).index(sentence)
        found = alignment.suggest(report, start, start + len(sentence))
        assert found is not None and found.tag == "speculative"
        assert found.reason.startswith("only copied in")


@pytest.mark.parametrize("engine", ["pysbd", "sentencex"])
def test_a_time_zone_after_am_stays_in_its_sentence(engine):
    from eternaut_reader.core.text.segment import sentences

    text = "The capsule docked at 6 a.m. GMT on Monday. It ended at 11 p.m. Police then left."
    assert [s.text for s in sentences(text, "en", engine=engine)] == [
        "The capsule docked at 6 a.m. GMT on Monday.",
        "It ended at 11 p.m.",
        "Police then left.",
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [("Two men, aged 52 and 47, were arrested.", "en"), ("due uomini di 52 e 47 anni", "it")],
)
def test_a_list_of_ages_is_each_an_age(text, language):
    ages = [v.low for v in extract(text, language) if v.unit == "year"]
    assert ages == [52, 47]


def test_two_ages_listed_in_either_language_agree_and_the_count_conflicts(tmp_path):
    relation, found = aligned(
        tmp_path,
        "Police in Naples arrested two men, aged 52 and 47, for the theft of the painting.",
        "La polizia di Napoli ha arrestato tre uomini di 52 e 47 anni per il furto del dipinto.",
    )
    assert relation == "conflicts"
    assert [what for what, _, _ in found] == ["number"]
    assert found[0][1:] == ("two men", "tre uomini")


def _two_paragraphs(tmp_path, english, italian):
    from tests.helpers.pairs import aligned_reports, text_of

    corpus, alignment = aligned_reports(tmp_path, {"a": english, "b": italian})
    first = english[2][-1]
    start = text_of(corpus, "a").index(first)
    return [m for m in alignment.matches("a", start, start + len(first)) if m.article == "b"]


def test_youth_unemployment_is_disoccupazione_giovanile(tmp_path):
    found = _two_paragraphs(
        tmp_path,
        (
            "Unemployment in Sicily falls to 12.5 per cent",
            "2025-02-10",
            [
                "Unemployment in Sicily fell to 12.5 per cent in the fourth quarter, the "
                "regional statistics office said.",
                "Youth unemployment in Sicily stood at 41 per cent.",
            ],
        ),
        (
            "Disoccupazione in Sicilia scesa al 12,5 per cento",
            "2025-02-10",
            [
                "La disoccupazione in Sicilia è scesa al 12,5% nel quarto trimestre, secondo "
                "l'ufficio statistico regionale.",
                "La disoccupazione giovanile in Sicilia si è attestata al 32 per cento.",
            ],
        ),
    )
    assert [(m.relation, [c.what for c in m.conflicts]) for m in found][:1] == [
        ("conflicts", ["percentage"])
    ]


def test_taking_office_is_entrare_in_carica(tmp_path):
    found = _two_paragraphs(
        tmp_path,
        (
            "Venice Biennale names new president",
            "2025-03-04",
            [
                "Laura Bonfanti was named president of the Venice Biennale on Monday.",
                "She will take office in September.",
            ],
        ),
        (
            "Biennale di Venezia, nuova presidente",
            "2025-03-04",
            [
                "Laura Bonfanti è stata nominata lunedì presidente della Biennale di Venezia.",
                "Entrerà in carica a settembre.",
            ],
        ),
    )
    assert found and found[0].relation == "agrees"


@pytest.mark.parametrize(
    ("text", "language", "share"),
    [
        ("two-thirds of the voters", "en", 66.7),
        ("due terzi degli elettori", "it", 66.7),
        ("un lavoratore su quattro", "it", 25.0),
        ("one worker in four is paid less", "en", 25.0),
        ("Pisa, 40 scuole su 80 non superano i controlli", "it", 50.0),
    ],
)
def test_a_part_of_a_whole_is_a_share(text, language, share):
    assert [v.low for v in extract(text, language) if v.kind == "percent"] == [share]


def test_people_in_cars_are_no_share():
    assert [v.kind for v in extract("two people in three cars", "en")] == ["quantity"] * 2


def test_forty_schools_of_eighty_agree_with_half_of_the_eighty(tmp_path):
    relation, found = aligned(
        tmp_path,
        "Half of the 80 schools inspected in Pisa failed fire-safety checks, the province said.",
        "A Pisa 40 scuole su 80 non hanno superato i controlli antincendio, ha detto la Provincia.",
    )
    assert (relation, found) == ("agrees", [])


def test_a_local_time_stays_in_its_sentence():
    from eternaut_reader.core.text.segment import sentences

    text = "It docked at 8 a.m. Italian time on Monday. Then it left."
    assert [s.text for s in sentences(text, "en")] == [
        "It docked at 8 a.m. Italian time on Monday.",
        "Then it left.",
    ]


def test_the_one_height_at_one_named_street_is_one_measure(tmp_path):
    from tests.helpers.pairs import aligned_reports, text_of

    peak = "At the gauge on Via Ornato, the Seveso peaked at 4.3 metres, the city said."
    corpus, alignment = aligned_reports(
        tmp_path,
        {
            "wire": (
                "Seveso floods northern Milan",
                "2025-10-14",
                [peak, "Water stood 1.5 metres deep in the Via Valfurva underpass."],
            ),
            "daily": (
                "Esonda il Seveso",
                "2025-10-14",
                ["All'idrometro di via Ornato il livello ha toccato quota 3,40 metri."],
            ),
        },
    )
    start = text_of(corpus, "wire").index(peak)
    [match] = [
        m for m in alignment.matches("wire", start, start + len(peak)) if m.article == "daily"
    ]
    assert match.relation == "conflicts"
    assert [(c.what, c.here, c.there) for c in match.conflicts] == [
        ("number", "4.3 metres", "3,40 metri")
    ]


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("Per i dipendenti non è previsto alcun esubero.", None),
        ("Nessun licenziamento è previsto.", None),
        ("Non sono previsti esuberi.", None),
        ("È previsto un nuovo bando a maggio.", "previsto"),
    ],
)
def test_no_plan_told_as_fact_is_no_hedge(text, hedge):
    from eternaut_reader.core.analysis.lexicon import is_hedged

    assert is_hedged(text, "it") == hedge


def test_a_short_whole_sentence_is_a_claim(tmp_path):
    from tests.helpers.pairs import aligned_reports, text_of

    said = "Lindquist said there would be no redundancies."
    corpus, alignment = aligned_reports(
        tmp_path,
        {
            "trade": (
                "Nordvik buys Italian mill",
                "2025-03-12",
                ["Nordvik bought the mill.", said],
            ),
            "daily": (
                "Nordvik compra la cartiera",
                "2025-03-12",
                [
                    "Nordvik ha comprato la cartiera.",
                    "Lindqvist ha detto che non ci saranno esuberi.",
                ],
            ),
        },
    )
    start = text_of(corpus, "trade").index(said)
    suggestion = alignment.suggest("trade", start, start + len(said))
    assert suggestion is not None  # checked, not passed over as a fragment


@pytest.mark.parametrize(
    ("text", "language", "status"),
    [
        ("the Giovanni Pascoli primary school, which remains open", "en", "kept open"),
        ("La scuola Pascoli resta aperta", "it", "kept open"),
        ("la scuola non sarà chiusa", "it", "kept open"),
        ("L'Ulss ha disposto la chiusura per due giorni della scuola", "it", "shut"),
        ("The school will be closed until Friday.", "en", "shut"),
    ],
)
def test_kept_open_and_shut_are_statuses(text, language, status):
    assert [v.unit for v in extract(text, language) if v.kind == "status"] == [status]


@pytest.mark.parametrize(
    ("one", "two", "expected"),
    [
        ("La scuola Pascoli resta aperta", "L'Ulss ha disposto la chiusura della scuola", False),
        ("The school remains open", "The school is still closed", False),
        ("The road was closed for two hours", "The road has reopened", None),
        ("The school remains open", "La scuola resta aperta", True),
    ],
)
def test_a_place_kept_open_conflicts_with_one_shut(one, two, expected):
    [a] = [v for v in extract(one, "it" if "scuola" in one else "en") if v.kind == "status"]
    [b] = [v for v in extract(two, "it" if "scuola" in two else "en") if v.kind == "status"]
    assert compare(a, b) is expected


def test_a_day_set_off_by_commas_belongs_to_the_verb_before_them():
    import datetime as dt

    monday = dt.date(2025, 4, 7)
    text = "The health authority will offer free vaccination, without appointment, on Saturday."
    [day] = [v for v in extract(text, "en", monday) if v.kind == "date"]
    assert dt.date.fromordinal(int(day.low)) == dt.date(2025, 4, 12)  # the coming Saturday
    # ...but a noun's day after a comma is its own: the closing price of the Tuesday before.
    text = "The company will pay 14.50 euros per share, a premium to the closing price on Tuesday."
    [day] = [v for v in extract(text, "en", monday) if v.kind == "date"]
    assert dt.date.fromordinal(int(day.low)) == dt.date(2025, 4, 1)


@pytest.mark.parametrize(
    ("text", "language", "status"),
    [
        ("Parliament approved the rent control bill on Wednesday.", "en", "approved"),
        ("Parliament rejected the rent control bill on Wednesday.", "en", "rejected"),
        ("The board did not approve the merger.", "en", "rejected"),
        ("Il consiglio di amministrazione non ha approvato la fusione.", "it", "rejected"),
        ("Il Senato ha approvato la legge.", "it", "approved"),
        ("La proposta è stata bocciata.", "it", "rejected"),
        ("Jane Smith was elected mayor of Springfield on Tuesday.", "en", "elected"),
        ("Jane Smith was defeated in the Springfield mayoral election.", "en", "defeated"),
        ("Mario Rossi è stato rieletto sindaco.", "it", "elected"),
        ("Rossi ha perso il ballottaggio.", "it", "defeated"),
    ],
)
def test_a_decision_or_an_election_is_a_status(text, language, status):
    assert [v.unit for v in extract(text, language) if v.kind == "status"] == [status]


def test_a_condition_is_no_decision():
    assert extract("The takeover must be approved by the competition watchdog.", "en") == []


def test_passed_in_one_language_and_not_in_the_other_conflicts(tmp_path):
    relation, found = aligned(
        tmp_path,
        "The board of Telco SpA approved the merger with NetCom on Wednesday.",
        "Il consiglio di amministrazione di Telco non ha approvato mercoledì la fusione con "
        "NetCom.",
    )
    assert relation == "conflicts"
    assert ("status", "approved", "non ha approvato") in found


def test_a_regatta_postponed_conflicts_with_one_cancelled(tmp_path):
    relation, found = aligned(
        tmp_path,
        "The Genoa regatta was postponed on Sunday because of strong winds.",
        "La regata di Genova è stata annullata domenica a causa del vento forte.",
    )
    assert relation == "conflicts"
    assert [what for what, _, _ in found] == ["status"]


def test_two_short_reports_with_no_names_are_one_story(tmp_path):
    from tests.helpers.pairs import aligned_reports, text_of

    corpus, alignment = aligned_reports(
        tmp_path,
        {
            "a": ("Hiring", "2024-03-12", ["The airline will hire 1,200 pilots."]),
            "b": ("Assunzioni", "2024-03-12", ["La compagnia aerea assumerà 1.200 piloti."]),
        },
    )
    text = text_of(corpus, "a")
    start = text.index("The airline")
    assert [m.article for m in alignment.matches("a", start, len(text))] == ["b"]


@pytest.mark.parametrize(
    ("text", "language", "rank"),
    [
        ("Federica Brignone finished second in the giant slalom at Cortina.", "en", 2),
        ("She took third place.", "en", 3),
        ("Brignone si è classificata al secondo posto.", "it", 2),
        ("Brignone è arrivata terza nello slalom.", "it", 3),
    ],
)
def test_a_place_in_a_race_is_a_rank(text, language, rank):
    [place] = [v for v in extract(text, language) if v.kind == "ordinal"]
    assert (place.unit, place.low) == ("place", rank)


def test_finished_second_conflicts_with_al_terzo_posto(tmp_path):
    relation, found = aligned(
        tmp_path,
        "Federica Brignone finished second in the giant slalom at Cortina on Sunday.",
        "Federica Brignone si è classificata al terzo posto nello slalom gigante di Cortina "
        "domenica.",
    )
    assert relation == "conflicts"
    assert ("ordinal", "finished second", "al terzo posto") in found


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The Milan metro fare will rise from €2 to €2.20 in January.", "en"),
        ("Il biglietto della metro di Milano passerà da 2 euro a 2,50 euro a gennaio.", "it"),
    ],
)
def test_a_fare_that_will_rise_from_one_figure_to_another_is_no_range(text, language):
    money = [(v.low, v.former) for v in extract(text, language) if v.kind == "money"]
    assert money[0] == (2.0, True)  # the earlier fare
    assert not money[1][1] and money[1][0] in (2.2, 2.5)  # the new one


def test_a_fare_rising_to_two_different_figures_conflicts(tmp_path):
    relation, found = aligned(
        tmp_path,
        "The Milan metro fare will rise from €2 to €2.20 in January, the city said.",
        "Il biglietto della metro di Milano passerà da 2 euro a 2,50 euro a gennaio, ha detto "
        "il Comune.",
    )
    assert relation == "conflicts"
    assert ("money", "€2.20", "2,50 euro") in found


def test_seconds_are_a_duration():
    [seconds] = extract("won the mountain stage by 90 seconds", "en")
    [minutes] = extract("won the stage by two minutes", "en")
    [half] = extract("ha vinto con un minuto e mezzo di vantaggio", "it")
    assert compare(seconds, minutes) is False and compare(seconds, half) is True


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("Flu cases in Lazio doubled last week, according to the ministry.", None),
        ("Flu cases in Lazio doubled last week, according to the health ministry.", None),
        ("Cases doubled, according to sources close to the ministry.", "according to"),
        ("Cases doubled, according to government sources.", "according to"),
    ],
)
def test_an_office_with_a_word_before_it_is_named(text, hedge):
    from eternaut_reader.core.analysis.lexicon import is_hedged

    assert is_hedged(text, "en") == hedge


@pytest.mark.parametrize(
    ("text", "winner", "loser"),
    [
        (
            "Tadej Pogacar finished ahead of Jonas Vingegaard to win the stage.",
            "pogacar tadej",
            "jonas vingegaard",
        ),
        ("Pogacar finished behind Vingegaard.", "vingegaard", "pogacar"),
    ],
)
def test_ahead_of_and_behind_name_a_winner(text, winner, loser):
    assert _sides(text) == {(WON, winner), (LOST, loser)}


@pytest.mark.parametrize(
    ("text", "role", "holder"),
    [
        (
            "«Stiamo lavorando», ha spiegato il direttore del Dipartimento di prevenzione, "
            "Stefano Dalla Valle.",
            "held director",
            "stefan vall",
        ),
        (
            '"Measles is serious," said Lucia Bellotto, head of the ULSS 2 prevention department.',
            "held director",
            "bellott luci",
        ),
        (
            "Carlo Ferri, the bank's chief executive, resigned on Monday.",
            "held chief executive",
            "carl ferr",
        ),
    ],
)
def test_a_role_beside_its_holder_is_read(text, role, holder):
    from eternaut_reader.core.analysis.roles import roles

    assert [(r, a) for r, a, _, _ in roles(text)] == [(role, holder)]


def test_two_holders_of_one_role_in_passages_alike_conflict(tmp_path):
    relation, found = aligned(
        tmp_path,
        '"Measles is not a mild illness," said Lucia Bellotto, head of the ULSS 2 prevention '
        "department.",
        "«Il morbillo non è una malattia banale», ha detto il direttore del Dipartimento di "
        "prevenzione dell'Ulss 2, Stefano Dalla Valle.",
    )
    assert relation == "conflicts"
    assert [what for what, _, _ in found] == ["who"]


def test_one_person_as_chief_executive_and_as_chair_conflicts():
    [ceo] = [
        v
        for v in extract("Carlo Ferri, the bank's chief executive, resigned.", "en")
        if v.kind == "who"
    ]
    [chair] = [
        v for v in extract("Carlo Ferri, the bank's chairman, resigned.", "en") if v.kind == "who"
    ]
    assert compare(ceo, chair) is False


def test_the_start_of_a_span_of_hours_conflicts_with_another_start(tmp_path):
    relation, found = aligned(
        tmp_path,
        "La vaccinazione gratuita si terrà sabato 12 aprile, dalle 8.30 alle 13, in via dei "
        "Carpani.",
        "La vaccinazione gratuita si terrà sabato 12 aprile, dalle 9 alle 13, nella sede del "
        "distretto.",
        dates=("2025-04-08", "2025-04-08"),
    )
    assert relation == "conflicts"
    assert [(what, here, there) for what, here, there in found] == [
        ("time", "dalle 8.30", "dalle 9")
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The World Health Organization recommends 95% coverage with two doses.", "en"),
        ("la soglia raccomandata è del 95 per cento", "it"),
    ],
)
def test_a_target_is_no_figure_reached(text, language):
    [share] = [v for v in extract(text, language) if v.kind == "percent"]
    assert share.former  # another measure than "coverage stands at 89.5%"
