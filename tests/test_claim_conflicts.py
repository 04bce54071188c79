"""Where the passages of one claim disagree (core/analysis/conflicts.py): the one implementation
the claim view and the fact-check report both draw."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from eternaut_reader import load_corpus
from eternaut_reader.core.analysis import align
from eternaut_reader.core.analysis.conflicts import (
    ALIGNED,
    ELSEWHERE,
    LINKED,
    TAGGED,
    Untagged,
    claim_conflicts,
)
from eternaut_reader.core.analysis.verdict import Conflict, Match
from eternaut_reader.core.annotations.groups import claim_groups
from eternaut_reader.core.annotations.model import Annotation, Link
from tests.helpers.report_data import claims


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def _ann(ident: str, article: str, start: int, end: int, tag: str | None, *links: Link):
    return Annotation(
        id=ident,
        article_id=article,
        quote="x" * (end - start),
        prefix="",
        suffix="",
        start=start,
        end=end,
        tag=tag,
        note="",
        annotator="alice",
        created="2025-07-30T10:00:00Z",
        modified="2025-07-30T10:00:00Z",
        content_hash="",
        links=links,
    )


@dataclass
class FakeAlignment:
    """matches(article, start, end): the matches listed for an article whose span overlaps."""

    found: dict[str, list[tuple[int, int, Match]]] = field(default_factory=dict)

    def matches(self, article_id: str, start: int, end: int) -> list[Match]:
        return [m for s, e, m in self.found.get(article_id, []) if s < end and start < e]


def _conflict(article: str, start: int, end: int, *values: tuple[Conflict, tuple[int, int]]):
    return Match(
        article,
        start,
        end,
        0.5,
        "conflicts",
        tuple(c for c, _ in values),
        tuple(at for _, at in values),
    )


DATE = Conflict("date", "April", "July")
AMOUNT = Conflict("money", "$5m", "$7m")


def test_a_pair_once_with_every_reason_the_earlier_passage_first():
    a = _ann("a", "A", 0, 50, "confirmed")
    b = _ann("b", "B", 0, 50, "contradicted", Link("a", "contradicts"))
    alignment = FakeAlignment(
        {
            "A": [(0, 50, _conflict("B", 0, 50, (DATE, (10, 15))))],
            # The same values seen from b: reversed, so not repeated.
            "B": [(0, 50, _conflict("A", 0, 50, (Conflict("date", "July", "April"), (5, 9))))],
        }
    )
    [pair] = claim_conflicts([a, b], alignment)
    assert (pair.first.id, pair.second.id) == ("a", "b")
    assert pair.values == [("date", "April", "July")]
    assert pair.linked and pair.tags == ("confirmed", "contradicted")
    assert pair.reasons == (ALIGNED, LINKED, TAGGED)
    # Without an alignment: the link and the tags.
    [pair] = claim_conflicts([a, b])
    assert pair.values == [] and pair.reasons == (LINKED, TAGGED)


def test_only_the_values_within_the_tagged_span_conflict():
    """A sentence stating two facts: the passage tagged is about the date; the amount that
    conflicts further on is another fact, and does not make the passages disagree."""
    a = _ann("a", "A", 0, 20, None)
    b = _ann("b", "B", 0, 50, None)
    both = _conflict("B", 0, 50, (DATE, (10, 15)), (AMOUNT, (30, 34)))
    [pair] = claim_conflicts([a, b], FakeAlignment({"A": [(0, 60, both)]}))
    assert pair.values == [("date", "April", "July")]
    amount_only = _conflict("B", 0, 50, (AMOUNT, (30, 34)))
    assert claim_conflicts([a, b], FakeAlignment({"A": [(0, 60, amount_only)]})) == []


def test_the_span_given_places_each_passage_and_an_orphan_is_not_aligned():
    a = _ann("a", "A", 0, 20, None)
    b = _ann("b", "B", 0, 50, None)
    alignment = FakeAlignment({"A": [(100, 160, _conflict("B", 0, 50, (DATE, (110, 115))))]})
    assert claim_conflicts([a, b], alignment) == []  # where it was stored: no match there
    moved = {"a": (100, 120), "b": (0, 50)}
    [pair] = claim_conflicts([a, b], alignment, lambda x: moved[x.id])
    assert pair.values == [("date", "April", "July")]
    assert claim_conflicts([a, b], alignment, lambda x: None if x.id == "a" else moved[x.id]) == []


def test_a_report_that_does_not_state_the_claim_shows_once_after_the_pairs():
    a = _ann("a", "A", 0, 50, "confirmed")
    b = _ann("b", "B", 0, 50, "contradicted")
    c = _ann("c", "B", 60, 90, None)
    alignment = FakeAlignment(
        {
            "A": [
                (0, 50, _conflict("C", 5, 40, (DATE, (10, 15)))),
                (0, 50, _conflict("C", 200, 240, (AMOUNT, (20, 24)))),  # C again: not repeated
                # B states the claim, but no passage of it is there: nothing to pair with.
                (0, 50, _conflict("B", 100, 140, (DATE, (10, 15)))),
            ]
        }
    )
    found = claim_conflicts([a, b, c], alignment)
    assert [(x.first.id, x.second) for x in found] == [
        ("a", b),
        ("a", Untagged("C", 5, 40)),
    ]
    assert found[1].values == [("date", "April", "July")]
    assert found[1].reasons == (ELSEWHERE,) and not found[1].linked and found[1].tags is None


def test_a_contradicts_link_in_one_report_counts_tags_there_do_not():
    """A report contradicting itself (the headline and the body) is a disagreement the
    annotator said; two tags in one report are not (the verdict speaks of reports)."""
    a = _ann("a", "A", 0, 20, "confirmed", Link("b", "contradicts"), Link("a", "contradicts"))
    b = _ann("b", "A", 40, 60, "contradicted")
    [pair] = claim_conflicts([a, b])
    assert (pair.first.id, pair.second.id, pair.linked, pair.tags) == ("a", "b", True, None)
    assert pair.reasons == (LINKED,)
    c = _ann("c", "A", 80, 90, "speculative")
    assert claim_conflicts([b, c]) == []


def test_the_seeds_mixed_claim_and_the_reports_that_state_its_date_otherwise(corpus):
    made = claims(corpus)
    [ads] = [g for g in claim_groups(list(made.values()), {}) if made["ads"] in g.members]
    found = claim_conflicts(ads.members, align(corpus))
    pair, untagged = found
    assert (pair.first.id, pair.second.id) == ("ads", "ads-2")
    assert pair.values == [("date", "second half of 2025", "by 2026")]
    assert pair.reasons == (ALIGNED, LINKED, TAGGED)
    # The Italian report states the date without being tagged.
    assert isinstance(untagged.second, Untagged)
    assert untagged.second.article_id == corpus.articles[0].id
    assert untagged.first.id == "ads-2"
    # The day in words is given as the report's date makes it.
    assert untagged.values == [("date", "by 2026", "seconda metà dell’anno (= Jul 2025–Dec 2025)")]
