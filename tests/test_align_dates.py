"""Method 14's date rules, on reports written for them (not one of the evaluation sets): a
dateline is where and when a report was written, not a fact to check; and one day named in
each of two passages, weeks apart, is the same event told two ways even when the words
around the two days differ."""

from __future__ import annotations

from pathlib import Path

import pytest

from eternaut_reader.core.analysis import align
from eternaut_reader.core.analysis.matcher import _dateline
from eternaut_reader.core.analysis.values import extract
from eternaut_reader.core.text.corpus import load_corpus

REPORTS = {
    "a.txt": (
        "Lucca footbridge restored\n\nLucca, 2 July 2026. The restoration of the old footbridge "
        "over the Serchio is finished, the city council said on Wednesday. Visitors will get "
        "their first look on Saturday 12 July, when the mayor opens the restored footbridge to "
        "the public. The works cost 3.2 million euros and took two years.\n"
    ),
    "b.txt": (
        "Lucca's old footbridge ready after two-year restoration\n\nLucca, 2 July 2026. Work on "
        "the footbridge across the Serchio river has been completed after two years, the "
        "council announced. The public can walk across it again from Saturday, July 12, the "
        "council said. The project cost €3.2m.\n"
    ),
    "c.txt": (
        "Lucca, finiti i lavori sulla passerella del Serchio\n\nLucca, 2 luglio 2026. Sono "
        "terminati i lavori di restauro della vecchia passerella sul Serchio, durati due anni e "
        "costati 3,2 milioni di euro. La passerella restaurata sarà aperta alla cittadinanza "
        "sabato 19 luglio, con una festa in piazza e musica dal vivo.\n"
    ),
}


@pytest.fixture
def bridge(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("ETERNAUT_READER_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "bridge"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    corpus = load_corpus([folder])
    return corpus, align(corpus, use_cache=False)


def _span(corpus, article: str, text: str) -> tuple[str, int, int]:
    start = corpus.by_id(article).text.index(text)
    return article, start, start + len(text)


def test_a_dateline_is_no_claim_and_contradicts_nothing(bridge):
    corpus, alignment = bridge
    assert alignment.suggest(*_span(corpus, "a", "Lucca, 2 July 2026.")) is None
    # "July 12" was "contradicted" by the other report's dateline, "2 July 2026".
    article, start, end = _span(corpus, "b", "The public can walk across it again")
    for match in alignment.matches(article, start, end):
        assert all("2 July" not in c.there for c in match.conflicts)


def test_one_day_in_each_weeks_apart_is_one_event_told_two_ways(bridge):
    corpus, alignment = bridge
    article, start, end = _span(corpus, "c", "sabato 19 luglio")
    found = [
        (c.what, c.here, c.there)
        for m in alignment.matches(article, start, end)
        if m.article == "a"
        for c in m.conflicts
    ]
    assert found == [("date", "19 luglio", "12 July")]
    suggestion = alignment.suggest(article, start, end)
    assert suggestion is not None and suggestion.tag == "contradicted"


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("Lucca, 2 July 2026.", True),
        ("MILAN — 3 March 2026", True),
        ("Deadline: 31 October 2026", False),  # a heading that states a date
        ("It opens on 2 July 2026.", False),
        ("The show opens on July 12, 2026, organisers said", False),
    ],
)
def test_what_a_dateline_is(text: str, dateline: bool):
    assert _dateline(text, extract(text, "en")) is dateline


def test_a_day_in_an_undated_note_is_a_date_of_the_other_reports_year(tmp_path: Path, monkeypatch):
    """A note with no date and no year: "15 October" was read as a count of fifteen
    Octobers, so the note "agreed" with a report that says 30 novembre (found by an outside
    tester). It is a day of the year the other reports are of."""
    monkeypatch.setenv("ETERNAUT_READER_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "notes.md").write_text(
        "# Varenna bridge: what we know\n\n"
        "The bridge in Varenna is closed until 15 October, the mayor said.\n",
        encoding="utf-8",
    )
    (folder / "gazette.txt").write_text(
        "Varenna bridge shut\n\nVarenna, 3 September 2025. Mayor Lucia Ferri said the bridge "
        "will remain shut until 15 October while repairs are carried out.\n",
        encoding="utf-8",
    )
    (folder / "provincia.txt").write_text(
        "Varenna, chiuso il ponte\n\nVarenna, 4 settembre 2025. Il vecchio ponte di Varenna "
        "resterà chiuso fino al 30 novembre, ha annunciato la sindaca Lucia Ferri.\n",
        encoding="utf-8",
    )
    corpus = load_corpus([folder])
    alignment = align(corpus, use_cache=False)
    article, start, end = _span(corpus, "notes", "closed until 15 October")
    relations = {m.article: m.relation for m in alignment.matches(article, start, end)}
    assert relations == {"gazette": "agrees", "provincia": "conflicts"}
    suggestion = alignment.suggest(article, start, end)
    assert suggestion is not None and suggestion.tag == "contradicted"
    assert extract("closed until 15 October", "en") == []  # no year at all: no count either


def test_a_whole_and_the_part_hit_are_two_counts_though_both_are_of_vines():
    """ "has roughly 2,900 hectares of vines" (the district) against "some 1,800 hectares of
    vines were hit" (the damage): the words "of vines" name what both count, not which count
    each is, so they no longer make the two one measure (a false contradiction in a held-out
    corpus)."""
    from eternaut_reader.core.analysis.matcher import value_context

    whole = "The district has roughly 2,900 hectares of vines."
    part = "Some 1,800 hectares of vines were hit."
    (a,) = extract(whole, "en")
    (b,) = extract(part, "en")
    from eternaut_reader.core.analysis.matcher import content_stems

    (vines,) = content_stems("vines", "en")
    assert vines not in value_context(whole, a, "en") | value_context(part, b, "en")
    assert value_context(part, b, "en") == frozenset(content_stems("hit", "en"))


def test_a_hedge_in_another_clause_does_not_hedge_part_of_a_sentence(tmp_path, monkeypatch):
    """Selecting "The consortium, which groups 120 wineries" in a sentence that goes on "said
    the frost could cut the harvest by half": "could" hedges the harvest, not the wineries.
    A hedge opening the sentence ("Reportedly, …") still speaks for all of it."""
    monkeypatch.setenv("ETERNAUT_READER_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "frost"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Frost hits vineyards\n\n2026-04-15\n\nThe consortium, which groups 120 wineries, said "
        "the frost could cut this year's harvest by half. Reportedly, the region has 900 "
        "growers, and the frost reached them all.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "Vineyards hit by frost\n\n2026-04-16\n\nThe producers' consortium groups 120 wineries "
        "in the district. The region has 900 growers, and the frost reached them all.\n",
        encoding="utf-8",
    )
    corpus = load_corpus([folder])
    alignment = align(corpus, use_cache=False)
    part = _span(corpus, "a", "The consortium, which groups 120 wineries")
    suggestion = alignment.suggest(*part)
    assert suggestion is not None and suggestion.tag == "confirmed", suggestion
    whole = _span(corpus, "a", "The consortium, which groups 120 wineries, said the frost could")
    assert alignment.suggest(whole[0], whole[1], whole[1]).tag == "speculative"  # the unit
    growers = alignment.suggest(*_span(corpus, "a", "the region has 900 growers"))
    assert growers is not None and growers.tag == "speculative"  # "Reportedly, …" opens it
