"""Who: a role and its holder, an act and its agent (core.analysis.roles), and the conflicts
they make between reports: who will be chief executive or deputy mayor, who led a study,
who signed an order."""

from __future__ import annotations

from pathlib import Path

import pytest

from eternaut_reader.core.analysis.roles import roles
from tests.helpers.pairs import aligned


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ETERNAUT_READER_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("ETERNAUT_READER_EMBEDDINGS", "0")


@pytest.mark.parametrize(
    ("text", "role", "agent"),
    [
        (
            "Credito Lariano's Marco Ferrante will lead the merged bank as CEO",
            "chief executive",
            "ferrant marc",
        ),
        (
            "Marco Ferrante, numero uno del Credito Lariano, assumerà la presidenza.",
            "chair",
            "ferrant marc",
        ),
        (
            "Her deputy mayor will be Lorenzo Gatti, the leader of the Greens.",
            "deputy mayor",
            "gatt lorenz",
        ),
        ("il ruolo di vicesindaco andrebbe a Federica Molinari", "deputy mayor", "federic molinar"),
        (
            "The research, led by glaciologists at the University of Valdora, appeared on Monday",
            "led",
            "@valdor",
        ),
        (
            "L'ordinanza è stata firmata dal sindaco di Legnago, Roberta Castellani.",
            "ordered",
            "castellan legnag mayor robert",  # the office and, after the comma, its holder
        ),
        ("The talks had been convened by the port authority.", "convened", "@port"),
        (
            "L'incontro convocato dal prefetto Anna Maria Tescari",
            "convened",
            "anna mari prefect tescar",
        ),
        ("The board appointed Giulia Sartori chief executive.", "chief executive", "giuli sartor"),
    ],
)
def test_a_role_or_an_act_is_read_with_its_holder(text, role, agent):
    # (since method 23 with a role beside its holder besides: "il sindaco di Legnago, Roberta
    # Castellani" is a mayor, who signed)
    assert [(r, a) for r, a, _, _ in roles(text) if not r.startswith("held ")] == [(role, agent)]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor will be there on Monday.",  # no holder named
        "The council was led by a majority of one.",  # no name after "by"
        "Giulia Sartori, attuale amministratrice delegata di Valli Alpine, ha parlato ieri.",
        "the new chief executive will be named next month",
    ],
)
def test_no_role_without_a_holder_named_for_it(text):
    assert roles(text) == []


def test_one_person_named_chief_executive_and_chair_is_a_contradiction(tmp_path):
    relation, found = aligned(
        tmp_path,
        "Credito Lariano chief executive Marco Ferrante will lead the merged bank as CEO.",
        "Marco Ferrante, numero uno del Credito Lariano, assumerà la presidenza della banca.",
    )
    assert relation == "conflicts"
    assert [what for what, _, _ in found] == ["who"]


def test_one_person_named_chief_executive_in_both_agrees(tmp_path):
    relation, found = aligned(
        tmp_path,
        "Credito Lariano chief executive Marco Ferrante will lead the merged bank as CEO.",
        "Marco Ferrante, oggi alla testa del Credito Lariano, sarà l'amministratore delegato "
        "della banca nata dalla fusione.",
    )
    assert (relation, found) == ("agrees", [])


def test_two_people_for_one_role_conflict_however_little_else_is_shared(tmp_path):
    relation, found = aligned(
        tmp_path,
        "She announced on Tuesday that her deputy mayor will be Lorenzo Gatti, the leader of "
        "the local Greens.",
        "Secondo indiscrezioni raccolte al comitato, il ruolo di vicesindaco andrebbe a Federica "
        "Molinari, capolista di Piacenza Bene Comune.",
    )
    assert relation == "conflicts"
    assert found == [
        ("who", "deputy mayor will be Lorenzo Gatti", "vicesindaco andrebbe a Federica Molinari")
    ]


def test_two_bodies_leading_one_study_conflict(tmp_path):
    relation, found = aligned(
        tmp_path,
        "The study, led by Italy's National Institute for Alpine Research in Turin, found the "
        "glacier lost 3.2 metres of ice.",
        "Lo studio, coordinato dal dipartimento di Scienze della Terra dell'Università di "
        "Valdora, ha misurato una perdita di 3,2 metri di ghiaccio.",
    )
    assert relation == "conflicts"
    assert [what for what, _, _ in found] == ["who"]


def test_two_people_in_two_roles_do_not_conflict(tmp_path):
    """Ferrante as chief executive and Sartori as chair: both may be true."""
    _, found = aligned(
        tmp_path,
        "Marco Ferrante will lead the merged bank as CEO, the banks said.",
        "Giulia Sartori will become chair of the merged bank, the banks said.",
    )
    assert found == []


def test_the_same_holder_named_two_ways_agrees(tmp_path):
    _, found = aligned(
        tmp_path,
        "The closure order was signed by Legnago mayor Roberta Castellani on Tuesday.",
        "L'ordinanza di chiusura è stata firmata dal sindaco Roberta Castellani martedì.",
    )
    assert found == []


def test_the_prefect_named_two_ways_is_one_agent_and_the_port_authority_another(tmp_path):
    """ "convocato dal prefetto Anna Maria Tescari" and "convocati dal prefetto di Genova"
    name one office; "convened by the port authority" another (held-out set 33)."""
    _, found = aligned(
        tmp_path,
        "L'incontro convocato dal prefetto Anna Maria Tescari si terrà giovedì in prefettura.",
        "Giovedì siamo convocati dal prefetto di Genova per l'incontro in prefettura.",
    )
    assert found == []
    (tmp_path / "other").mkdir()
    relation, found = aligned(
        tmp_path / "other",
        "The talks on Thursday had been convened by the port authority, unions said.",
        "L'incontro di giovedì è stato convocato dal prefetto Anna Maria Tescari, dicono i "
        "sindacati.",
    )
    assert relation == "conflicts"
    assert [what for what, _, _ in found] == ["who"]


def test_ships_waiting_are_not_hedged():
    """ "in attesa" is waiting, not "expected": "32 navi in attesa al largo" is no hedge."""
    from eternaut_reader.core.analysis.lexicon import is_hedged

    assert is_hedged("32 navi in attesa al largo", "it") is None
    assert is_hedged("La decisione è attesa per domani", "it") == "attesa"


# An outside tester's false conflicts of "who" (session 10).


def test_one_university_named_in_english_and_italian_is_one_agent(tmp_path):
    _, found = aligned(
        tmp_path,
        "The study was led by the University of Padua and found that bees forage less.",
        "Lo studio è stato guidato dall'Università di Padova e ha scoperto che le api "
        "bottinano meno.",
    )
    assert found == []


def test_a_place_after_the_agent_is_not_the_agent(tmp_path):
    _, found = aligned(
        tmp_path,
        "The meeting was convened by the outgoing board in Verona on Monday.",
        "The meeting was convened by the outgoing board on Monday, the club said.",
    )
    assert found == []


def test_a_person_and_the_body_they_work_for_do_not_conflict(tmp_path):
    _, found = aligned(
        tmp_path,
        "The field study was coordinated by entomologist Elena Marchetti over three seasons.",
        "Lo studio sul campo è stato coordinato dall'Università di Padova per tre stagioni.",
    )
    assert [what for what, _, _ in found if what == "who"] == []


def test_the_agent_is_its_name_not_the_rest_of_the_sentence():
    [(act, agent, start, end)] = roles(
        "A study led by the University of Padua found that low doses cut foraging."
    )
    assert (act, agent) == ("led", "@padu")
    text = "A study led by the University of Padua found that low doses cut foraging."
    assert text[start:end] == "led by the University of Padua"
