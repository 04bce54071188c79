"""Method 18: one meaning said in phrases whose words share nothing ("takes effect" /
"comes into force" / "entra in vigore"), read as one word so the passages meet.

Each case is a pair of reports stating one fact two ways; the tests read the alignment as
`eternaut-reader align` does, and assert what a fact-checker would see."""

from __future__ import annotations

from pathlib import Path

import pytest

from eternaut_reader.core.analysis.lexicon import phrased
from eternaut_reader.core.analysis.similarity import content_stems
from tests.helpers.pairs import aligned


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ETERNAUT_READER_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("ETERNAUT_READER_EMBEDDINGS", "0")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The ban takes effect in May", "en"),
        ("The rules came into force last week", "en"),
        ("The treaty entered into force", "en"),
        ("The new fares go live on Monday", "en"),
        ("The tax kicks in next year", "en"),
        ("Il divieto entra in vigore a maggio", "it"),
        ("La tassa scatterà l'anno prossimo", "it"),
        ("Le norme sono in vigore da ieri", "it"),
    ],
)
def test_phrases_of_coming_into_force_are_one_word(text, language):
    assert "effect" in content_stems(text, language)


def test_phrases_leave_other_words_alone():
    assert phrased("Police forced the door", "en") == "Police forced the door"
    assert phrased("People who live there", "en") == "People who live there"
    assert "effect" not in content_stems("The effects of the storm went on", "en")[1:]


def test_two_ways_of_saying_a_rule_starts_on_one_day_agree(tmp_path):
    """Sharing only a day would leave them "related"; the phrase is the fact they share."""
    relation, found = aligned(
        tmp_path, "The charge takes effect on September 1.", "It comes into force on 1 September."
    )
    assert (relation, found) == ("agrees", [])


def test_the_start_of_a_rule_on_another_day_in_italian_conflicts(tmp_path):
    relation, found = aligned(
        tmp_path,
        "The congestion charge takes effect on September 1.",
        "Il ticket d'ingresso scatta dal primo ottobre.",
    )
    assert relation == "conflicts"
    assert found == [("date", "September 1", "primo ottobre")]


def test_coming_off_the_rails_is_derailing_in_either_language():
    english = content_stems("Two carriages came off the rails near Cedegolo.", "en")
    italian = content_stems("Due carrozze sono uscite dai binari.", "it")
    derailed = content_stems("Due carrozze sono deragliate.", "it")
    assert {"carria", "derail"} <= set(english) & set(italian) & set(derailed)


def test_works_not_expected_to_start_conflict_with_works_already_started(tmp_path):
    relation, found = aligned(
        tmp_path,
        "The propping works are not expected to start before early December, the engineer said.",
        "I lavori di puntellamento del pilone sono già partiti questa mattina, ha detto "
        "l'ingegnere.",
    )
    assert relation == "conflicts"
    assert found == [("status", "are not expected to start", "sono già partiti")]
