"""The alignment against the hand-built clusters: a floor under the measured quality.

The figures themselves are printed by benchmarks/bench_align.py; here a change that loses a
contradiction or drops precision or recall well below what was measured fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eternaut_reader.core.analysis import align
from eternaut_reader.core.analysis.evaluate import evaluate, load_clusters
from eternaut_reader.core.text.corpus import load_corpus

DATA = Path(__file__).parent / "data" / "align"


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ETERNAUT_READER_CACHE", str(tmp_path / "cache"))


def run(paths, clusters_file: str):
    corpus = load_corpus(paths)
    clusters = load_clusters(DATA / clusters_file)
    return clusters, evaluate(align(corpus, use_cache=False), corpus.articles, clusters)


def test_the_clusters_files_are_what_the_issue_asks_for():
    corpus = load_corpus()
    texts = {a.id: a.text for a in corpus.articles}
    languages = {a.id: a.language for a in corpus.articles}
    clusters = load_clusters(DATA / "seeds_clusters.json")["clusters"]
    assert len(clusters) >= 12
    across = [c for c in clusters if {languages[q["article"]] for q in c["quotes"]} == {"en", "it"}]
    assert len(across) * 2 >= len(clusters)
    for cluster in clusters:
        assert cluster["verdict"] in ("confirmed", "speculative", "contradicted")
        for quote in cluster["quotes"]:
            assert texts[quote["article"]].count(quote["quote"]) == 1, quote
    for clusters_path in sorted(DATA.glob("corpus*_clusters.json")):
        folder = clusters_path.name.removesuffix("_clusters.json")
        other = load_corpus([DATA / folder])
        assert len(other.articles) >= 3
        assert "it" in {a.language for a in other.articles}
        texts = {a.id: a.text for a in other.articles}
        for cluster in load_clusters(clusters_path)["clusters"]:
            for quote in cluster["quotes"]:
                assert texts[quote["article"]].count(quote["quote"]) == 1, quote


def test_seeds_every_contradiction_caught_and_quality_floor():
    _, result = run(None, "seeds_clusters.json")
    assert result.contradictions == (2, 2)
    assert result.verdict_accuracy >= 0.8
    assert result.precision() >= 0.75
    assert result.recall() >= 0.6
    assert result.report_recall() >= 0.75
    assert result.report_recall("en-it") >= 0.75


def test_corpus2_meets_the_targets():
    _, result = run([DATA / "corpus2"], "corpus2_clusters.json")
    assert result.contradictions == (2, 2)
    assert result.verdict_accuracy >= 0.8
    assert result.precision() >= 0.8
    assert result.recall() >= 0.8
    assert result.report_recall() == 1.0
    wrong = {c.id: c.predicted for c in result.clusters if c.predicted != c.expected}
    assert "start-date" not in wrong and "passengers" not in wrong


def test_corpus3_held_out_meets_the_targets():
    """A third corpus (a wildfire in Sardinia), written as a check on the method."""
    _, result = run([DATA / "corpus3"], "corpus3_clusters.json")
    assert result.contradictions == (2, 2)
    assert result.verdict_accuracy >= 0.8
    assert result.precision() >= 0.8
    assert result.recall() >= 0.8
    wrong = {c.id: c.predicted for c in result.clusters if c.predicted != c.expected}
    assert "start-date" not in wrong and "area" not in wrong


def test_corpus4_quality_floor():
    """The museum corpus, held out in the third round and a tuning set since: a floor under
    what method version 4 measures (precision 0.71 / 0.82, recall 0.75 / 0.79, 20 of 23
    verdicts), well above version 3's (0.59 / 0.67, 0.65 / 0.59, 14 of 23)."""
    _, result = run([DATA / "corpus4"], "corpus4_clusters.json")
    assert result.contradictions == (2, 2)
    assert result.verdict_accuracy >= 0.8
    assert result.precision() >= 0.7
    assert result.recall() >= 0.7
    wrong = {c.id: c.predicted for c in result.clusters if c.predicted != c.expected}
    assert "contradicted" not in wrong.values()  # no false contradiction


def test_corpus5_quality_floor():
    """The strike corpus, held out in the fourth round and a tuning set since: a floor under
    what method version 5 measures (precision 0.79 / 0.83, recall 0.70 / 0.64, 22 of 24
    verdicts; version 4: 0.76 / 0.77, 0.60 / 0.60, 20 of 24). corpus6 is the held-out set of
    the fifth round: its quotes are checked above, its figures are only printed by the
    benchmark."""
    _, result = run([DATA / "corpus5"], "corpus5_clusters.json")
    assert result.contradictions == (2, 2)
    assert result.verdict_accuracy >= 0.85
    assert result.precision() >= 0.75
    assert result.recall() >= 0.6
    wrong = {c.id: c.predicted for c in result.clusters if c.predicted != c.expected}
    assert "contradicted" not in wrong.values()  # no false contradiction


def test_corpora_23_and_24_planted_disagreements():
    """Two sets written by a helper who never read the code (a Roman shipwreck, an e-bike
    battery recall), first measured before any tuning on them: 2 of 6 and 4 of 7
    contradictions caught, 34 of 44 verdicts. Method 16 reads their planted disagreements of
    kinds the earlier sets lacked: amphorae against "anfore", a recovery still to begin
    against one begun, two hospital cases against "no injuries", a weekday after the other
    report's date, replacements shipped or still to ship."""
    for folder, planted in (
        ("corpus23", {"amphorae-count", "presentation-day", "recovery-status", "discovery-year"}),
        ("corpus24", {"injuries", "replacement-timing", "share-move", "production-window"}),
    ):
        _, result = run([DATA / folder], f"{folder}_clusters.json")
        predicted = {c.id: c.predicted for c in result.clusters}
        assert {predicted[c] for c in planted} == {"contradicted"}, folder
        assert result.verdict_accuracy >= 0.85


def test_method_17_catches_what_the_later_held_out_sets_planted():
    """Disagreements of the held-out sets 25 to 30 that method 17 reads (each first measured
    before it was tuned on): a year of renewal in two words ("last renewed in 2018" /
    "rinnovato nel 2021"), a councillor's visit expected and done, a time of restoration
    ("shortly after 1 a.m." / "intorno alle 3 di notte"), the closure's day in two ledes,
    counts and money told two ways; and no contradiction between an incubation period and a
    stay in intensive care."""
    for folder, planted in (
        ("corpus25", {"track-renewal-year", "councillor-visit", "injured-total"}),
        ("corpus27", {"restoration-time", "households-affected"}),
        ("corpus29", {"case-count", "regional-funding", "announcement-day", "ward-closure-status"}),
        ("corpus30", {"closure-day", "daily-traffic", "repair-cost"}),
    ):
        _, result = run([DATA / folder], f"{folder}_clusters.json")
        predicted = {c.id: c.predicted for c in result.clusters}
        assert {predicted[c] for c in planted} == {"contradicted"}, (folder, predicted)
    _, result = run([DATA / "corpus29"], "corpus29_clusters.json")
    assert {c.id: c.predicted for c in result.clusters}["incubation-ten-days"] == "confirmed"


def test_method_18_catches_who_and_the_share_of_the_vote():
    """Disagreements of the held-out sets 28 to 32 that method 18 reads: who holds a role
    (the merged bank's chief executive, the deputy mayor), who led a study or signed an
    order, a share of the vote in a story all about votes, propping works started against
    not expected to start. Sets 31 and 32 were first measured before any of it (notes):
    8 of 12 disagreements then."""
    for folder, planted in (
        ("corpus28", {"ceo"}),
        ("corpus30", {"who-ordered-closure", "propping-status"}),
        ("corpus31", {"deputy-mayor", "winner-vote-share", "runoff-turnout", "margin-in-votes"}),
        ("corpus32", {"lead-institution", "thickness-loss-2025", "collapse-volume", "hut-status"}),
        ("corpus33", {"talks-convened-by"}),
        ("corpus34", {"evacuation-time", "saturday-ticket-price", "injured-count"}),
    ):
        _, result = run([DATA / folder], f"{folder}_clusters.json")
        predicted = {c.id: c.predicted for c in result.clusters}
        assert {predicted[c] for c in planted} == {"contradicted"}, (folder, predicted)


def test_method_19_catches_statuses_and_dates_of_the_newest_sets():
    """Disagreements of the held-out sets that method 19 reads: a registry office working
    again against still offline (set 35, first measured before method 19: 1 of 6), a mosaic
    panel already lifted against still in place (set 36: 2 of 6), and a deal's closing in the
    first half of 2026 against by the end of 2025, in passages the news vocabulary pairs."""
    for folder, planted in (
        ("corpus28", {"closing-timing"}),
        ("corpus35", {"ransom-amount", "registry-office-status"}),
        ("corpus36", {"mosaic-size", "car-park-cost", "mosaic-lifted-status"}),
    ):
        _, result = run([DATA / folder], f"{folder}_clusters.json")
        predicted = {c.id: c.predicted for c in result.clusters}
        assert {predicted[c] for c in planted} == {"contradicted"}, (folder, predicted)


def test_method_20_counts_the_last_noun_of_a_compound():
    """The port strike's "Twenty-three container ships were anchored outside the harbour"
    against "32 navi in attesa al largo": a count of ships on both sides now, so a
    disagreement; and the planted disagreements of method 20's held-out sets (a water main
    burst, snow-leopard cubs) that it caught at first sight stay caught."""
    for folder, planted in (
        ("corpus33", {"ships-waiting-offshore"}),
        (
            "corpus37",
            {
                "households-without-water",
                "repair-cost",
                "viale-verdi-status",
                "network-water-loss",
                "burst-location",  # Via Manin / via Solferino: streets compared, method 20
            },
        ),
        (
            "corpus38",
            {
                "number-of-cubs",
                "birth-date",
                "enclosure-cost",
                "enclosure-size-increase",
                "leopard-house-status",
            },
        ),
    ):
        _, result = run([DATA / folder], f"{folder}_clusters.json")
        predicted = {c.id: c.predicted for c in result.clusters}
        assert {predicted[c] for c in planted} == {"contradicted"}, (folder, predicted)


def test_method_21_catches_the_seriously_injured_the_bonus_and_its_held_out_sets_figures():
    """The derailment's "two of them seriously" against "tre dei quali in gravi condizioni",
    the transfer's bonus ("più 7 di bonus" against "5 milioni di bonus"), and the planted
    disagreements of method 21's held-out sets (a wildfire in Sardinia, a meteorite fall)
    caught at first sight; the meteorite's entry speed is told from its altitude since."""
    for folder, planted in (
        ("corpus25", {"seriously-injured"}),
        ("corpus26", {"add-ons", "base-fee"}),
        (
            "corpus39",
            {"burned-area", "canadair-count", "evacuee-count", "sp27-status", "damage-estimate"},
        ),
        ("corpus40", {"total-mass", "fragment-count", "entry-speed"}),
    ):
        _, result = run([DATA / folder], f"{folder}_clusters.json")
        predicted = {c.id: c.predicted for c in result.clusters}
        assert {predicted[c] for c in planted} == {"contradicted"}, (folder, predicted)


def test_method_22_catches_its_held_out_sets_disagreements():
    """Method 22's held-out sets (an eruption of Etna, an auction of a drawing), written by
    a helper who read no code: the disagreements caught at first sight (the ash column, the
    flights cancelled, the cable car; the buyer's premium, the drawing's size) and those caught
    since by method 22's rules (the ban's issuer, the lava flow's flank, the family's lake)
    and its news vocabulary (the bidders, "sette offerenti" against "five bidders")."""
    for folder, planted in (
        (
            "corpus41",
            {
                "ash-column-height",
                "flights-cancelled-tuesday",
                "cable-car-status-wednesday",
                "two-wheeler-ban-issuer",
                "lava-flow-direction",
            },
        ),
        (
            "corpus42",
            {"buyers-premium-rate", "drawing-dimensions", "family-villa-location", "bidder-count"},
        ),
    ):
        _, result = run([DATA / folder], f"{folder}_clusters.json")
        predicted = {c.id: c.predicted for c in result.clusters}
        assert {predicted[c] for c in planted} == {"contradicted"}, (folder, predicted)


def test_method_22s_second_held_out_sets_at_first_sight_and_since():
    """Held-out sets written after method 22's rules (a corruption verdict in Naples, a flood
    of the Seveso): the disagreements caught at first sight (the confiscation, the rain's
    duration, the damage, and the sentence, by its months then and as one term of six years
    and eight months against six and four now); no longer wrongly contradicted: a term of
    "2 anni e 6 mesi" against "due anni e mezzo", and "41 udienze" against "stretched over
    forty-one hearings"."""
    for folder, planted, agreed in (
        (
            "corpus43",
            {"iaccarino-sentence-length", "confiscation-amount"},
            {"maione-sentence", "hearings-count"},
        ),
        ("corpus44", {"rain-duration", "damage-estimate"}, set()),
    ):
        _, result = run([DATA / folder], f"{folder}_clusters.json")
        predicted = {c.id: c.predicted for c in result.clusters}
        assert {predicted[c] for c in planted} == {"contradicted"}, (folder, predicted)
        assert all(predicted[c] == "confirmed" for c in agreed), (folder, predicted)


def test_method_23s_held_out_sets_at_first_sight_and_since():
    """Held-out sets written in method 23's round (a paper mill bought by a Swedish group, a
    measles outbreak near Treviso), measured once before anything was changed for them (8 of
    18 disagreements). Caught at first sight: the stake, the employees, the years of the
    investment plan, the union meeting's day, the cases, the vaccine coverage, how long
    contacts stay away, the first case's date; since, by the round's rules: the school kept
    open against shut, who heads the prevention department (a role beside its holder), the
    vaccination day ("will offer …, on Saturday" read with its future) and its hours (a span
    of hours, start against start)."""
    for folder, planted in (
        (
            "corpus45",
            {"stake-percentage", "employee-count", "investment-plan-duration", "union-meeting-day"},
        ),
        (
            "corpus46",
            {
                "case-count",
                "second-dose-coverage",
                "exclusion-duration",
                "first-case-date",
                "school-status",
                "prevention-head",
                "vaccination-day",
                "vaccination-hours",
            },
        ),
    ):
        _, result = run([DATA / folder], f"{folder}_clusters.json")
        predicted = {c.id: c.predicted for c in result.clusters}
        assert {predicted[c] for c in planted} == {"contradicted"}, (folder, predicted)


def test_method_24s_held_out_sets_at_first_sight_and_since():
    """Held-out sets written in method 24's round (a river bridge closed after an inspection,
    a wine fraud near Siena), measured once before anything was changed for them (10 of 16
    disagreements). Caught at first sight: the daily traffic, the repair cost, who signed the
    order, the detour, how long the bridge stays shut, the inspection day, the bottles seized,
    the fraud's value, who is under house arrest, the Sangiovese share; since: the hour of
    the closure ("La chiusura, scattata dalle 18": the closure is what the hour is of) and
    the raid's day (two ledes giving it by the week's words, "ieri mattina" / "on Tuesday"),
    where the bulk wine came from (a region: Sicily against Puglia);
    no longer wrongly contradicted: the school shuttle "da lunedì prossimo" (read as the
    Monday before) against "dal 21 ottobre"."""
    _, bridge = run([DATA / "corpus47"], "corpus47_clusters.json")
    assert {c.id: c.predicted for c in bridge.clusters}["shuttle-21-oct"] == "confirmed"
    for folder, planted in (
        (
            "corpus47",
            {
                "daily-traffic",
                "repair-cost",
                "order-signer",
                "detour-length",
                "closure-duration",
                "inspection-day",
                "closure-hour",
            },
        ),
        (
            "corpus48",
            {"bottles-seized", "fraud-value", "who-arrested", "sangiovese-share", "raid-day"},
        ),
    ):
        _, result = run([DATA / folder], f"{folder}_clusters.json")
        predicted = {c.id: c.predicted for c in result.clusters}
        assert {predicted[c] for c in planted} == {"contradicted"}, (folder, predicted)
