"""Method 20: what a compound noun counts ("23 container ships", "due piccoli paesaggi").

A count's noun was the word after the figure: "Twenty-three container ships" counted
containers and "two small landscapes" counted "small", so "32 navi in attesa al largo"
never met the 23 ships it contradicts."""

from __future__ import annotations

from pathlib import Path

import pytest

from eternaut_reader.core.analysis.values import extract
from tests.helpers.pairs import aligned


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ETERNAUT_READER_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("ETERNAUT_READER_EMBEDDINGS", "0")


def _counts(text: str, language: str = "en") -> list[tuple[str, str, float]]:
    return [(v.unit, v.name, v.low) for v in extract(text, language) if v.kind == "quantity"]


@pytest.mark.parametrize(
    ("text", "language", "counted", "also"),
    [
        ("Twenty-three container ships were anchored outside", "en", "ship", "contai"),
        ("It is recalling 48,000 battery packs sold across Europe.", "en", "pack", "batter"),
        ("Police found 213 bronze coins.", "en", "coin", "bronz"),
        ("Two small landscapes were taken.", "en", "landsc", "small"),
        ("La tempesta ha danneggiato due piccoli paesaggi.", "it", "paesag", "piccol"),
        ("Sono arrivati tre nuovi treni.", "it", "train", "nuov"),
    ],
)
def test_the_last_noun_of_a_compound_is_counted(text, language, counted, also):
    assert (counted, also) in [(u, n) for u, n, _ in _counts(text, language)]


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("Some 300 workers strike today.", "worker"),  # a plural noun and its verb
        ("Two ships sank off the coast.", "ship"),
        ("The plan means 320 job cuts.", "worker"),  # the jobs are counted, not the cuts
        ("The runners did 10 km runs.", "kilome"),  # a measure stays a measure
        ("Two glass panes broke.", "glass"),  # a noun ending in -s is not read as a modifier
    ],
)
def test_a_noun_and_its_verb_or_a_measure_are_not_a_compound(text, counted):
    assert [u for u, _, _ in _counts(text)][:1] == [counted]


def test_twenty_three_container_ships_against_32_navi_conflicts(tmp_path):
    relation, found = aligned(
        tmp_path,
        "Twenty-three container ships were anchored outside the harbour on Tuesday.",
        "Martedì c'erano 32 navi portacontainer in attesa fuori dal porto.",
    )
    assert relation == "conflicts"
    assert found == [("number", "Twenty-three container ships", "32 navi")]


@pytest.mark.parametrize(
    ("text", "language", "places"),
    [
        ("at the junction of Viale Verdi and Via Manin", "en", ["street:verdi", "street:manin"]),
        (
            "all'incrocio tra viale Verdi e via Solferino",
            "it",
            ["street:verdi", "street:solferino"],
        ),
        ("Found beneath Piazza Garibaldi, the main square", "en", ["square:garibaldi"]),
        ("nel cantiere di largo San Rocco", "it", ["square:san rocco"]),
        ("The shop on Manin Street reopened.", "en", ["street:manin"]),
        ("Il corteo ha percorso via della Conciliazione.", "it", ["street:della conciliazione"]),
        ("The main square was closed.", "en", []),  # no name: no place to compare
    ],
)
def test_streets_and_squares_are_read_by_their_names(text, language, places):
    assert [v.unit for v in extract(text, language) if v.kind == "place"] == places


def test_two_streets_for_one_burst_conflict(tmp_path):
    relation, found = aligned(
        tmp_path,
        "The water main burst at the junction of Viale Verdi and Via Manin on Tuesday night.",
        "La condotta ha ceduto martedì notte all'incrocio tra viale Verdi e via Solferino.",
    )
    assert relation == "conflicts"
    assert found == [("place", "Via Manin", "via Solferino")]


def test_one_street_in_two_languages_agrees_and_a_street_is_no_square(tmp_path):
    relation, found = aligned(
        tmp_path,
        "The water main burst under Via Manin on Tuesday night.",
        "La condotta è esplosa martedì notte sotto via Manin.",
    )
    assert (relation, found) == ("agrees", [])
    square = tmp_path / "square"
    square.mkdir()
    relation, found = aligned(
        square,
        "The water main burst under Via Manin on Tuesday night.",
        "La condotta è esplosa martedì notte sotto piazza Manin.",
    )
    assert relation != "conflicts"
