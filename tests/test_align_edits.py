"""Passages told in nearly the same words with a figure, a currency, a name or a "not" changed
conflict on what was changed (edits.py), however far apart the figures are and however small
the corpus. An outside tester saw "1,000 people joined the protest" / "5,000 people joined the
protest" read as a copy ("no second source") with nothing flagged."""

from __future__ import annotations

from pathlib import Path

import pytest

from eternaut_reader.core.analysis.edits import edits
from tests.helpers.pairs import aligned_reports, text_of


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ETERNAUT_READER_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("ETERNAUT_READER_EMBEDDINGS", "0")


@pytest.mark.parametrize(
    ("one", "two", "found"),
    [
        (
            "1,000 people joined the protest in Milan on Saturday.",
            "5,000 people joined the protest in Milan on Saturday.",
            [("number", "1,000", "5,000")],
        ),
        (
            "The bank reported a net profit of €1.2bn for the first half.",
            "The bank reported a net profit of $1.2bn for the first half.",
            [("money", "€1.2bn", "$1.2bn")],
        ),
        (
            "The Ryanair flight from Brussels was diverted and landed in Milan after a bird strike",
            "The Ryanair flight from Brussels was diverted and landed in Turin after a bird strike",
            [("name", "Milan", "Turin")],
        ),
        (
            "The board of Telco SpA approved the merger with NetCom on Wednesday.",
            "The board of Telco SpA did not approve the merger with NetCom on Wednesday.",
            [("negation", "approved", "did not approve")],
        ),
        (
            "Il consiglio comunale di Padova ha approvato la delibera mercoledì.",
            "Il consiglio comunale di Padova non ha approvato la delibera mercoledì.",
            [("negation", "ha", "non ha")],
        ),
    ],
)
def test_what_one_report_changed_is_found(one, two, found):
    assert [(e.what, e.here, e.there) for e in edits(one, two)] == found


@pytest.mark.parametrize(
    ("one", "two"),
    [
        # One figure written two ways.
        (
            "Police said 1.000 persone hanno partecipato al corteo di sabato a Milano.",
            "Police said 1000 persone hanno partecipato al corteo di sabato a Milano.",
        ),
        # A phrase added at the end, not a "not" before a verb.
        (
            "The council approved the plan on Monday night after a long debate.",
            "The council approved the plan on Monday night after a long debate, not without "
            "dissent.",
        ),
        # Too unalike to be one passage told twice.
        (
            "The mayor, Anna Rossi, opened the new wing of the museum on Monday.",
            "The minister, Gennaro Sangiuliano, opened the new wing of the museum on Monday.",
        ),
        # Too short to tell.
        ("Rent bill passes", "Rent bill fails"),
    ],
)
def test_no_edit_where_nothing_was_changed_or_the_passages_differ(one, two):
    assert edits(one, two) == []


def test_a_copy_with_a_changed_figure_is_contradicted_not_a_copy(tmp_path):
    corpus, alignment = aligned_reports(
        tmp_path,
        {
            "a": (
                "Rent protest",
                "2024-04-20",
                ["1,000 people joined the protest in Milan on Saturday."],
            ),
            "b": (
                "Milan protest",
                "2024-04-20",
                ["5,000 people joined the protest in Milan on Saturday."],
            ),
        },
    )
    for report, here, there in (("a", "1,000", "5,000"), ("b", "5,000", "1,000")):
        text = text_of(corpus, report)
        start = text.index("people") - len(here) - 1
        suggestion = alignment.suggest(report, start, len(text))
        assert suggestion is not None and suggestion.tag == "contradicted"
        assert suggestion.reason.startswith(f'number: "{there}" in ')
        assert suggestion.reason.endswith(f'vs "{here}" here')
