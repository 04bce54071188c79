"""Alignment on the seeds, corpus2, corpus4 and corpus5: concrete pairs, conflicts,
suggestions, cache."""

from __future__ import annotations

import json
import sys
import threading
from pathlib import Path

import pytest

from eternaut_reader.core.analysis import AlignCancelled, Alignment, Conflict, Match, align
from eternaut_reader.core.analysis import cache as align_cache
from eternaut_reader.core.text.corpus import Article, Corpus, load_corpus

IT, EN1, EN2, EN3, EN4 = (
    "000_4140a6fd70e58899",
    "001_e0f10242f82b10d2",
    "002_6bdde9f48cd6f288",
    "003_084280ef9a8343a0",
    "004_859311965d026d8b",
)
CORPUS2 = Path(__file__).parent / "data" / "align" / "corpus2"
CORPUS4 = Path(__file__).parent / "data" / "align" / "corpus4"
CORPUS5 = Path(__file__).parent / "data" / "align" / "corpus5"


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("ETERNAUT_READER_CACHE", str(folder))
    return folder


@pytest.fixture(scope="module")
def seeds() -> tuple[Corpus, Alignment]:
    corpus = load_corpus()
    return corpus, align(corpus, use_cache=False)


@pytest.fixture(scope="module")
def ferry() -> tuple[Corpus, Alignment]:
    corpus = load_corpus([CORPUS2])
    return corpus, align(corpus, use_cache=False)


@pytest.fixture(scope="module")
def museum() -> tuple[Corpus, Alignment]:
    corpus = load_corpus([CORPUS4])
    return corpus, align(corpus, use_cache=False)


@pytest.fixture(scope="module")
def strike() -> tuple[Corpus, Alignment]:
    corpus = load_corpus([CORPUS5])
    return corpus, align(corpus, use_cache=False)


def span(corpus: Corpus, article_id: str, quote: str) -> tuple[str, int, int]:
    article = corpus.by_id(article_id)
    assert article is not None
    start = article.text.index(quote)
    return article_id, start, start + len(quote)


def match_between(
    setup: tuple[Corpus, Alignment], here: tuple[str, str], there: tuple[str, str]
) -> Match:
    corpus, alignment = setup
    _, start, end = span(corpus, *there)
    found = [
        m
        for m in alignment.matches(*span(corpus, *here))
        if m.article == there[0] and m.start < end and start < m.end
    ]
    assert found, f"no match from {here} to {there}"
    return found[0]


def test_dieci_volte_piu_velocemente_is_10_times_faster(seeds):
    match = match_between(
        seeds, (IT, "dieci volte più velocemente"), (EN2, "10 times faster than traditional")
    )
    assert match.relation == "agrees"
    assert match.conflicts == ()
    corpus, alignment = seeds
    assert alignment.passage(match) == corpus.by_id(EN2).text[match.start : match.end]


def test_a_report_stating_a_fact_three_ways_is_matched_beyond_its_two_closest(seeds):
    """004 says "Netflix's first" three ways. Its "first major streaming platform" is the
    Italian passage's third closest in 004, but the Italian passage is its very best in 000,
    at a close score: a match (it used to be left out by the two-per-report cap)."""
    match = match_between(
        seeds,
        (IT, "la prima produzione originale della piattaforma"),
        (EN4, "Netflix becomes the first major streaming platform to integrate generative AI"),
    )
    assert match.relation == "agrees"


def test_paraphrases_vouched_for_by_a_third_report_are_matched(seeds):
    """Both are strong matches of one passage of another report, so they state its fact
    although their own words are far apart."""
    match_between(
        seeds,
        (EN1, "the goal is not to replace creative professionals, but to enhance"),
        (EN2, "a tool to augment human creativity rather than replace it"),
    )
    match_between(
        seeds,
        (IT, "un approccio complementare, non sostitutivo"),
        (EN1, "creator-supportive rather than creator-replacing"),
    )


def test_11_miliardi_di_dollari_is_11_billion(seeds):
    match = match_between(seeds, (IT, "11 miliardi di dollari"), (EN3, "$11 billion in revenue"))
    assert match.relation == "agrees"
    assert 0.2 < match.score <= 1


def test_the_ad_formats_conflict_on_the_date(seeds):
    match = match_between(
        seeds,
        (EN1, "expected to launch in the second half of 2025"),
        (EN2, "AI-driven interactive ads by 2026"),
    )
    assert match.relation == "conflicts"
    assert match.conflicts[0][:3] == ("date", "second half of 2025", "by 2026")


def test_the_italian_report_read_in_2025_conflicts_with_by_2026_too(seeds):
    match = match_between(
        seeds, (IT, "entro la seconda metà dell’anno"), (EN2, "AI-driven interactive ads by 2026")
    )
    assert match.relation == "conflicts"
    assert tuple(match.conflicts[0]) == ("date", "seconda metà dell’anno", "by 2026")
    _, alignment = seeds
    every = [
        tuple(c)
        for article in alignment.article_ids
        for unit in alignment.units(article)
        for m in alignment.matches(article, unit.start, unit.end)
        for c in m.conflicts
    ]
    # Every conflict found on the seeds is about the ad formats' date or the series' status.
    assert {what for what, _, _ in every} == {"date", "status"}
    assert {there for what, _, there in every if what == "status"} == {
        "upcoming",
        "premiered",
        "debuted",
    }


def test_upcoming_conflicts_with_premiered_recently(seeds):
    match = match_between(
        seeds, (EN4, "its upcoming series “The Eternaut”"), (EN2, "which premiered recently")
    )
    assert match.relation == "conflicts"
    assert [(c.what, c.here, c.there) for c in match.conflicts] == [
        ("status", "upcoming", "premiered")
    ]


def test_suggestions_on_the_seeds(seeds):
    corpus, alignment = seeds
    by_2026 = alignment.suggest(*span(corpus, EN2, "AI-driven interactive ads by 2026"))
    assert by_2026 is not None and by_2026.tag == "contradicted"
    assert by_2026.reason.startswith('date: "')
    assert '"by 2026" here' in by_2026.reason
    assert all(m.relation == "conflicts" for m in by_2026.evidence)

    revenue = alignment.suggest(*span(corpus, IT, "11 miliardi di dollari di fatturato"))
    assert revenue is not None and revenue.tag == "confirmed"
    assert revenue.reason.startswith("also stated by")
    assert EN3 in revenue.reason
    assert {m.article for m in revenue.evidence} >= {EN3}

    hedged = alignment.suggest(*span(corpus, EN1, "reportedly up to 10x quicker"))
    assert hedged is not None and hedged.tag == "speculative"
    assert hedged.reason.startswith('hedged ("reportedly")')

    alone = alignment.suggest(*span(corpus, EN1, "developed through Eyeline Studios"))
    assert alone is not None and alone.tag == "speculative"

    assert alignment.suggest(*span(corpus, EN1, "Highlights")) is None


def test_part_of_a_unit_is_judged_on_its_own_values(ferry):
    corpus, alignment = ferry
    whole = span(corpus, "alpine-wire", "A solar-powered ferry built in Genoa will start")
    article, start, _ = whole
    unit = next(u for u in alignment.units(article) if u.start <= start < u.end)
    assert alignment.suggest(article, unit.start, unit.end).tag == "contradicted"
    genoa = alignment.suggest(*span(corpus, "alpine-wire", "A solar-powered ferry built in Genoa"))
    assert genoa is not None and genoa.tag == "confirmed"


def test_corpus2_conflicts_on_the_date_and_the_passengers(ferry):
    date = match_between(
        ferry,
        ("corriere-del-lago", "entrerà in servizio il 21 giugno"),
        ("lakeside-chronicle", "will begin regular service on 14 June"),
    )
    assert date.relation == "conflicts"
    assert (date.conflicts[0].what, date.conflicts[0].here, date.conflicts[0].there) == (
        "date",
        "21 giugno",
        "14 June",
    )
    passengers = match_between(
        ferry,
        ("corriere-del-lago", "può trasportare 120 passeggeri"),
        ("lakeside-chronicle", "carries up to 150 passengers"),
    )
    assert ("number", "120 passeggeri", "150 passengers") in [
        (c.what, c.here, c.there) for c in passengers.conflicts
    ]


def conflicts_between(
    setup: tuple[Corpus, Alignment], here: tuple[str, str], there: tuple[str, str]
) -> list[Conflict]:
    """The conflicts the unit holding `here` reports with the passage holding `there`."""
    corpus, alignment = setup
    _, start, end = span(corpus, *there)
    return [
        c
        for m in alignment.matches(*span(corpus, *here))
        if m.article == there[0] and m.start < end and start < m.end
        for c in m.conflicts
    ]


def test_a_restoration_date_does_not_contradict_a_reopening_date(museum):
    """Two passages that each give a date and share a word or two are not two accounts of one
    date: a restoration in 2024 is not a reopening on 1 April, nor is a theft in 1987, nor a
    reopening in 2019 (past) the reopening on 1 April still to come."""
    corpus, alignment = museum
    restored = ("arts-desk", "The stolen altarpiece had undergone a full restoration in 2024.")
    reopen_it = ("gazzetta-emiliana", "dovrebbe riaprire il 1° aprile")
    assert conflicts_between(museum, restored, reopen_it) == []
    assert conflicts_between(museum, reopen_it, restored) == []
    assert alignment.suggest(*span(corpus, *restored)).tag != "contradicted"
    last_year = ("valley-herald", "The altarpiece had been restored only last year")
    assert conflicts_between(museum, reopen_it, last_year) == []
    reopened_2019 = ("valley-herald", "reopened in 2019 after a five-year restoration")
    assert conflicts_between(museum, reopen_it, reopened_2019) == []
    theft_1987 = alignment.suggest(*span(corpus, "northern-post", "last suffered a theft in 1987"))
    assert theft_1987 is not None and theft_1987.tag != "contradicted"


def test_the_reopening_dates_still_conflict(museum):
    """ "Will remain shut until 15 April" is the reopening "due on 1 April" elsewhere: the
    one conflict of dates in the museum corpus, caught on 15 April and not on 1987."""
    found = conflicts_between(
        museum,
        ("northern-post", "will remain shut until 15 April"),
        ("gazzetta-emiliana", "dovrebbe riaprire il 1° aprile"),
    )
    assert [(c.what, c.here, c.there) for c in found] == [("date", "15 April", "1° aprile")]
    corpus, alignment = museum
    shut = alignment.suggest(*span(corpus, "northern-post", "will remain shut until 15 April"))
    assert shut is not None and shut.tag == "contradicted"
    assert "15 April" in shut.reason and "1987" not in shut.reason


def test_the_paintings_stolen_are_matched_across_languages_and_conflict_on_the_count(museum):
    stolen = match_between(
        museum,
        ("gazzetta-emiliana", "Tre dipinti sono stati rubati"),
        ("valley-herald", "Thieves stole three paintings"),
    )
    assert stolen.relation == "agrees"
    heist = conflicts_between(
        museum,
        ("northern-post", "Masked raiders take four artworks"),
        ("valley-herald", "Three paintings stolen"),
    )
    assert ("number", "four artworks", "Three paintings") in [
        (c.what, c.here, c.there) for c in heist
    ]


def test_no_false_contradiction_in_the_museum_corpus(museum):
    """Every unit suggested "contradicted" speaks of the paintings' count or the reopening:
    the two disagreements of the corpus."""
    _, alignment = museum
    for article in alignment.article_ids:
        for result in alignment.results(article):
            if result.suggestion is not None and result.suggestion.tag == "contradicted":
                what = {c.what for m in result.suggestion.evidence for c in m.conflicts}
                text = result.unit.text.lower()
                assert what <= {"number", "date"}, result.unit.text
                assert any(w in text for w in ("paint", "artwork", "dipinti", "april", "aprile")), (
                    result.unit.text
                )


def test_strikers_are_not_contradicted_by_the_workforce_or_the_jobs_cut(strike):
    """1,300 workers on strike, a workforce of 1,450 and 320 jobs to be cut are three counts
    of workers: one report counting workers twice with different values, a count is compared
    only with counts whose neighbouring words meet ("cut 380 jobs" / "320 job cuts")."""
    corpus, alignment = strike
    strikers = ("euro-auto-news", "Some 1,300 workers downed tools")
    for article in ("industry-wire", "lombardy-times"):
        for result in alignment.results(article):
            here = (article, result.unit.text)
            assert not [c for c in conflicts_between(strike, here, strikers) if c.what == "number"]
            assert not [c for c in conflicts_between(strike, strikers, here) if c.what == "number"]
    suggestion = alignment.suggest(*span(corpus, *strikers))
    assert suggestion is not None and suggestion.tag != "contradicted"


def test_the_jobs_cut_conflict_names_380_and_320_not_the_workforce(strike):
    """ "eliminate 380 of the 1,450 jobs" against "320 jobs": the conflict is on the jobs cut
    (380 / 320), the closest pair, not on the workforce of 1,450."""
    corpus, alignment = strike
    found = conflicts_between(
        strike,
        ("industry-wire", "eliminate 380 of the 1,450 jobs"),
        ("lombardy-times", "against the planned loss of 320 jobs"),
    )
    assert [(c.what, c.here, c.there) for c in found] == [
        ("number", "380 of the 1,450 jobs", "320 jobs")
    ]
    cut = alignment.suggest(*span(corpus, "lombardy-times", "the planned loss of 320 jobs"))
    assert cut is not None and cut.tag == "contradicted"
    assert "380" in cut.reason and "1,450" not in cut.reason.split(" vs ")[-1]


def test_a_share_in_words_a_duration_and_years_ago_are_matched_on_their_value(strike):
    """ "nine in ten workers" is "90% of the workforce", "a two-day strike" the one "due to
    last forty-eight hours", and "four years ago" in 2025 is "since 2021": each pair agrees."""
    for here, there in (
        (
            ("lombardy-times", "nine in ten workers on the morning shift had stayed away"),
            ("industry-wire", "about 90% of the workforce joined the stoppage"),
        ),
        (
            ("euro-auto-news", "have called a two-day strike"),
            ("industry-wire", "due to last forty-eight hours"),
        ),
        (
            ("industry-wire", "which bought Ferraresi four years ago"),
            ("lombardy-times", "It has been owned since 2021"),
        ),
    ):
        assert match_between(strike, here, there).relation == "agrees"


def test_a_fact_a_report_states_twice_is_matched_in_both_places(strike):
    """The Lombardy Times gives the 320 jobs in its headline and in its lede; the Industry
    Wire's headline ("cut 380 jobs") used to be matched to the headline only. The lede
    restates the headline's count, so it is matched too, and conflicts on it."""
    match = match_between(
        strike,
        ("industry-wire", "over plan to cut 380 jobs"),
        ("lombardy-times", "against the planned loss of 320 jobs"),
    )
    assert match.relation == "conflicts"
    assert [(c.here, c.there) for c in match.conflicts] == [("380 jobs", "320 jobs")]


def test_matches_for_a_caret_a_unit_and_a_span_of_two_units(seeds):
    corpus, alignment = seeds
    article, start, end = span(corpus, IT, "11 miliardi di dollari")
    caret = alignment.matches(article, start, start)
    assert caret == alignment.matches(article, start, end)
    units = alignment.units(IT)
    index = next(i for i, u in enumerate(units) if u.start <= start < u.end)
    both = alignment.matches(IT, units[index].start, units[index + 1].end)
    keys = {(m.article, m.start, m.end) for m in both}
    assert {(m.article, m.start, m.end) for m in caret} <= keys
    assert len(keys) == len(both)  # each passage once
    assert [m.score for m in both] == sorted((m.score for m in both), reverse=True)
    assert alignment.matches("no-such-article", 0, 10) == []
    assert alignment.suggest("no-such-article", 0, 10) is None


def test_progress_runs_to_one_and_cancel_stops():
    corpus = load_corpus([CORPUS2])
    seen: list[float] = []
    align(corpus, progress=seen.append, use_cache=False)
    assert seen[-1] == 1.0
    assert seen == sorted(seen)
    with pytest.raises(AlignCancelled):
        align(corpus, cancel=lambda: True, use_cache=False)


def test_a_worker_thread_aligns_and_an_event_cancels_it():
    corpus = load_corpus([CORPUS2])
    stop = threading.Event()
    outcome: list[object] = []

    def work(cancel_after_start: bool) -> None:
        def progress(fraction: float) -> None:
            if cancel_after_start and fraction > 0:
                stop.set()

        try:
            outcome.append(align(corpus, progress=progress, cancel=stop.is_set, use_cache=False))
        except AlignCancelled as exc:
            outcome.append(exc)

    for cancel in (False, True):
        thread = threading.Thread(target=work, args=(cancel,))
        thread.start()
        thread.join(timeout=60)
    done, cancelled = outcome
    assert isinstance(done, Alignment) and done.units("alpine-wire")
    assert isinstance(cancelled, AlignCancelled)


def test_the_second_run_reads_the_cache(_cache, monkeypatch):
    corpus = load_corpus([CORPUS2])
    first = align(corpus)
    files = list(_cache.glob("align-*.json"))
    assert len(files) == 1

    def no_second_computation(*args, **kwargs):
        raise AssertionError("computed again instead of reading the cache")

    module = sys.modules["eternaut_reader.core.analysis.align"]
    monkeypatch.setattr(module, "match_units", no_second_computation)
    second = align(load_corpus([CORPUS2]))
    for article in first.article_ids:
        assert second.units(article) == first.units(article)
        for unit in first.units(article):
            assert second.matches(article, unit.start, unit.end) == first.matches(
                article, unit.start, unit.end
            )
            assert second.suggest(article, unit.start, unit.end) == first.suggest(
                article, unit.start, unit.end
            )


def test_a_corrupt_cache_is_ignored_and_rewritten(_cache):
    corpus = load_corpus([CORPUS2])
    expected = align(corpus, use_cache=False)
    align(corpus)
    (path,) = _cache.glob("align-*.json")
    for damage in (b"{not json", b'{"format": 1, "key": "other", "data": {}}', b"\xff\xfe"):
        path.write_bytes(damage)
        again = align(corpus)
        assert again.units("alpine-wire") == expected.units("alpine-wire")
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["key"] == path.stem.removeprefix("align-") or data["data"]["articles"]
    # A well-formed file whose offsets fall outside the text is not trusted either.
    data = json.loads(path.read_text(encoding="utf-8"))
    data["data"]["articles"]["alpine-wire"][0]["unit"] = [0, 10**6, 0]
    path.write_text(json.dumps(data), encoding="utf-8")
    assert align(corpus).units("alpine-wire") == expected.units("alpine-wire")


def test_an_edited_article_is_aligned_again(_cache):
    corpus = load_corpus([CORPUS2])
    align(corpus)
    article = corpus.articles[0]
    article.text = article.text.replace("Genoa", "Genova")
    align(corpus)
    assert len(list(_cache.glob("align-*.json"))) == 2


def test_an_unwritable_cache_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("ETERNAUT_READER_CACHE", str(blocker / "cache"))
    assert align(load_corpus([CORPUS2])).units("alpine-wire")
    assert align_cache.cache_dir() == blocker / "cache"


def test_one_article_or_none_has_no_matches():
    article = Article(
        id="only", title="only", language="en", text="The bridge opened on 3 May 2024 in Genoa."
    )
    alone = align([article], use_cache=False)
    (unit,) = alone.units("only")
    assert alone.matches("only", unit.start, unit.end) == []
    suggestion = alone.suggest("only", unit.start, unit.end)
    assert suggestion is not None
    assert (suggestion.tag, suggestion.reason) == ("speculative", "stated by this report alone")
    assert align([], use_cache=False).article_ids == []


def test_a_conflict_is_the_tuple_what_here_there():
    what, here, there = Conflict("date", "second half of 2025", "by 2026")
    assert (what, here, there) == ("date", "second half of 2025", "by 2026")


def test_a_syndicated_copy_is_no_second_source_even_where_it_rewords():
    """Two reports, one pasted from the other with a new headline: none of the copy's
    passages confirms the original's, not even the reworded headline, which matches the
    original's lede (an outside tester's case)."""
    body = (
        "Voltaria will build a wind farm of 40 turbines off Ravenna, the company said.\n\n"
        "Construction will begin on 3 March 2026 and cost 2 billion euros.\n\n"
        "The farm will power 500,000 homes in Emilia-Romagna when it opens in 2029."
    )
    original = Article(
        id="wire",
        title="Voltaria to build Ravenna wind farm",
        language="en",
        text="Voltaria to build Ravenna wind farm\n\n" + body,
    )
    copy = Article(
        id="copy",
        title="Ravenna gets a 40-turbine wind farm",
        language="en",
        text="Ravenna gets a 40-turbine wind farm from Voltaria\n\n" + body,
    )
    alignment = align([original, copy], use_cache=False)
    for article in (original, copy):
        for unit in alignment.units(article.id):
            suggestion = alignment.suggest(article.id, unit.start, unit.end)
            assert suggestion is None or suggestion.tag != "confirmed", unit.text
    start = copy.text.index("Construction")
    suggestion = alignment.suggest("copy", start, start + 12)
    assert suggestion is not None and suggestion.reason.startswith("only copied in wire")


def test_a_topic_heading_has_no_suggestion_but_a_heading_that_names_someone_has(seeds):
    corpus, alignment = seeds
    report = next(a for a in corpus.articles if "Speed and Efficiency Gains" in a.text)
    for heading, expected in [
        ("Speed and Efficiency Gains", None),
        ("First AI-Generated Scene Debuts in El Eternauta", "some"),
    ]:
        start = report.text.index(heading)
        suggestion = alignment.suggest(report.id, start, start + len(heading))
        assert (suggestion is None) == (expected is None), heading


def test_the_cache_keeps_the_most_recently_used_files(_cache, monkeypatch):
    """Every corpus opened adds a file: beyond MAX_FILES (or MAX_BYTES) the least recently
    used go, and reading a file counts as using it."""
    import os

    monkeypatch.setattr(align_cache, "MAX_FILES", 3)
    keys = [f"{n:040d}" for n in range(4)]
    for n, key in enumerate(keys[:3]):
        align_cache.save(key, {"n": n})
        os.utime(align_cache.path_for(key), (1000 + n, 1000 + n))  # written in that order
    assert align_cache.load(keys[0]) == {"n": 0}  # the oldest, used again now
    align_cache.save(keys[3], {"n": 3})
    left = sorted(p.name for p in _cache.glob("align-*.json"))
    assert left == sorted(align_cache.path_for(k).name for k in (keys[0], keys[2], keys[3]))
    monkeypatch.setattr(align_cache, "MAX_BYTES", 1)
    align_cache.save(keys[1], {"n": 1})
    assert [p.name for p in _cache.glob("align-*.json")] == [align_cache.path_for(keys[1]).name]


def test_a_contradiction_says_how_many_other_reports_agree_and_disagree():
    from eternaut_reader.core.analysis.verdict import Conflict, Match, suggest

    clash = Conflict("number", "5", "10")
    matches = [
        Match("c", 0, 9, 0.5, "conflicts", (clash,)),
        Match("d", 0, 9, 0.4, "conflicts", (clash,)),
        Match("a", 0, 9, 0.6, "agrees"),
        Match("b", 0, 9, 0.3, "agrees"),
        Match("b", 20, 29, 0.3, "agrees"),  # one report stating it twice counts once
    ]
    found = suggest(True, None, "Five people", matches, lambda m: "other words")
    assert found is not None and found.tag == "contradicted"
    assert found.reason == (
        'number: "10" in c vs "5" here; 1 more disagrees; 2 other reports agree'
    )


def test_reports_listed_in_a_reason_follow_the_readers_order():
    from eternaut_reader.core.analysis.verdict import rename_reports

    names = {"zeta": "1/3", "alpha": "2/3", "mid": "3/3"}  # the order the reader shows them
    assert (
        rename_reports("also stated by 3 other reports: alpha, mid, zeta", names)
        == "also stated by 3 other reports: 1/3, 2/3, 3/3"
    )


def test_a_sentence_speculative_by_one_of_its_clauses_says_which(seeds):
    """An outside tester read "only related passages elsewhere, none states this" over a
    panel of passages that agree: the sentence's other clause is stated elsewhere. The reason
    names the clause it is about."""
    corpus, alignment = seeds
    article = next(a for a in corpus.articles if a.id.startswith("004"))
    start = article.text.index("While challenges around labor")
    end = article.text.index(".", start) + 1
    clauses = [
        alignment.suggest(article.id, u.start, u.end)
        for u in alignment.units(article.id)
        if start <= u.start and u.end <= end
    ]
    assert {s.tag for s in clauses if s} == {"speculative", "confirmed"}
    found = alignment.suggest(article.id, start, end)
    assert found is not None and found.tag == "speculative"
    assert found.reason.startswith("the clause “…authenticity remain, one thing is clear”: ")
    # One clause alone is named by nothing but its reason.
    alone = next(s for s in clauses if s and s.tag == "speculative")
    assert not alone.reason.startswith("the clause")
