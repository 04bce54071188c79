"""Agreement between annotators, checked against kappas worked out by hand."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from eternaut_reader import open_store
from eternaut_reader.cli import main
from eternaut_reader.core.analysis.agreement import (
    agreement,
    cohen_kappa,
    find_claims,
    fleiss_kappa,
    interpret,
    render,
)
from eternaut_reader.core.annotations.model import Annotation
from tests.helpers.claims import FakeArticle

SENTENCES = [f"Claim number {i} is stated in this sentence of the report." for i in range(12)]
TEXT = " ".join(SENTENCES)
ARTICLE = FakeArticle("report", TEXT, title="The report")
C, S, X = "confirmed", "speculative", "contradicted"


def sentence(i: int) -> tuple[int, int]:
    start = TEXT.index(SENTENCES[i])
    return start, start + len(SENTENCES[i])


def ann(annotator: str, i: int, tag: str, *, trim: int = 0, span=None) -> Annotation:
    start, end = span or sentence(i)
    start, end = start + trim, end - trim
    return Annotation(
        id=f"{annotator}-{i}-{start}",
        article_id="report",
        quote=TEXT[start:end],
        prefix=TEXT[max(0, start - 32) : start],
        suffix=TEXT[end : end + 32],
        start=start,
        end=end,
        tag=tag,
        note="",
        annotator=annotator,
        created="2025-07-20T10:00:00.000Z",
        modified="2025-07-20T10:00:00.000Z",
        content_hash=ARTICLE.content_hash,
    )


# alice and bob on ten claims; bob's spans are trimmed by 3 characters each side, so they
# overlap alice's without being the same. Rows are alice's tag, columns bob's:
#
#                 bob: C   S   X    alice's total
#     alice: C         4   1   0    5
#            S         1   2   0    3
#            X         0   1   1    2
#     bob's total      5   4   1    n = 10
#
# p_o = (4 + 2 + 1) / 10 = 0.7
# p_e = (5/10)(5/10) + (3/10)(4/10) + (2/10)(1/10) = 0.25 + 0.12 + 0.02 = 0.39
# kappa = (0.7 - 0.39) / (1 - 0.39) = 0.31 / 0.61 = 0.50820 (moderate)
PAIRS = [(C, C)] * 4 + [(C, S), (S, C)] + [(S, S)] * 2 + [(X, S), (X, X)]
KAPPA = 0.31 / 0.61


def two_annotators() -> list[Annotation]:
    made = []
    for i, (a, b) in enumerate(PAIRS):
        made += [ann("alice", i, a), ann("bob", i, b, trim=3)]
    made.append(ann("alice", 10, C))  # tagged by alice only: left out
    orphan = ann("bob", 11, S)
    made.append(replace(orphan, quote="zzzz qqqq wwww xxxx yyyy"))  # not in the text: orphan
    return made


def test_cohen_kappa_on_the_hand_computed_example():
    report = agreement(two_annotators(), [ARTICLE])
    assert report.annotators == ["alice", "bob"]
    assert len(report.claims) == 10 and report.single == 1 and report.orphans == 1
    (pair,) = report.pairs
    assert (pair.a, pair.b, pair.n) == ("alice", "bob", 10)
    assert pair.observed == pytest.approx(0.7)
    assert pair.expected == pytest.approx(0.39)
    assert pair.kappa == pytest.approx(KAPPA)
    assert pair.table == ((4, 1, 0), (1, 2, 0), (0, 1, 1))
    assert report.fleiss is None  # two annotators: Cohen's only
    disagreeing = [(c.tag("alice"), c.tag("bob")) for c in report.disagreements]
    assert disagreeing == [(C, S), (S, C), (X, S)]


# Three annotators on four claims; n_ik counts per claim (C, S, X), m = 3 raters:
#
#     claim 1: C C C -> (3, 0, 0)  P_1 = (3*2) / (3*2)           = 1
#     claim 2: C C S -> (2, 1, 0)  P_2 = (2*1) / 6               = 1/3
#     claim 3: C S X -> (1, 1, 1)  P_3 = 0 / 6                   = 0
#     claim 4: S X X -> (0, 1, 2)  P_4 = (2*1) / 6               = 1/3
#
# P   = (1 + 1/3 + 0 + 1/3) / 4 = 5/12
# p_C = 6/12 = 0.5, p_S = 3/12 = 0.25, p_X = 3/12 = 0.25
# P_e = 0.25 + 0.0625 + 0.0625 = 0.375 = 3/8
# kappa = (5/12 - 3/8) / (1 - 3/8) = (1/24) / (15/24) = 1/15 = 0.0667 (slight)
THREE = [(C, C, C), (C, C, S), (C, S, X), (S, X, X)]


def three_annotators() -> list[Annotation]:
    made = []
    for i, tags in enumerate(THREE):
        for trim, (name, tag) in enumerate(zip(("alice", "bob", "carol"), tags, strict=True)):
            made.append(ann(name, i, tag, trim=trim))
    made += [ann("alice", 5, C), ann("bob", 5, X)]  # not carol: not in Fleiss' kappa
    return made


def test_fleiss_kappa_on_the_hand_computed_example():
    report = agreement(three_annotators(), [ARTICLE])
    assert report.fleiss == pytest.approx(1 / 15)
    assert report.fleiss_n == 4
    assert [(p.a, p.b, p.n) for p in report.pairs] == [
        ("alice", "bob", 5),
        ("alice", "carol", 4),
        ("bob", "carol", 4),
    ]
    # alice and carol: (C,C) (C,S) (C,X) (S,X): p_o = 1/4;
    # p_e = (3/4)(1/4) + (1/4)(1/4) + 0 = 1/4; kappa = 0.
    assert report.pairs[1].kappa == pytest.approx(0.0)


def test_the_formulas_against_published_and_edge_cases():
    # Fleiss (1971) as worked in Wikipedia's "Fleiss' kappa" article: 10 items, 14 raters.
    rows = [
        [0, 0, 0, 0, 14],
        [0, 2, 6, 4, 2],
        [0, 0, 3, 5, 6],
        [0, 3, 9, 2, 0],
        [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0],
        [3, 2, 6, 3, 0],
        [2, 5, 3, 2, 2],
        [6, 5, 2, 1, 0],
        [0, 2, 2, 3, 7],
    ]
    assert fleiss_kappa(rows) == pytest.approx(0.20993, abs=1e-5)
    assert cohen_kappa([(C, C), (S, S)]) == (1.0, 1.0, 0.5)
    assert cohen_kappa([(C, C), (C, C)])[0] is None  # every verdict the same: undefined
    assert cohen_kappa([]) == (None, 0.0, 0.0)
    assert fleiss_kappa([]) is None
    with pytest.raises(ValueError):
        fleiss_kappa([[2, 0, 0], [1, 0, 0]])
    assert [interpret(k) for k in (None, -0.1, 0.1, 0.3, 0.5, 0.7, 0.9)] == [
        "undefined",
        "poor",
        "slight",
        "fair",
        "moderate",
        "substantial",
        "almost perfect",
    ]


def test_claims_are_overlapping_spans_and_each_annotator_gives_one_verdict():
    s0, s1 = sentence(0), sentence(1)
    made = [
        ann("alice", 0, S, span=(s0[0], s0[0] + 12)),  # a short piece of sentence 0
        ann("alice", 0, C, span=s0),  # all of sentence 0: overlaps bob's the most
        ann("bob", 0, C, trim=4),
        ann("alice", 1, X, span=(s1[0], s1[1])),
        # the space between the sentences: touches both, overlaps neither
        ann("bob", 1, X, span=(s0[1], s1[0])),
    ]
    claims, orphans = find_claims(made, [ARTICLE])
    assert orphans == 0
    assert [sorted(c.verdicts) for c in claims] == [["alice", "bob"], ["bob"], ["alice"]]
    first = claims[0]
    assert (first.start, first.end) == s0
    assert first.tag("alice") == C and first.agreed  # not the short speculative piece


def test_the_command_prints_kappa_table_and_disagreements(tmp_path, write_articles, capsys):
    folder = write_articles({"report.txt": TEXT})
    db = tmp_path / "db.json"
    with open_store(db) as store:
        store.merge(two_annotators())
    assert main(["agreement", "--db", str(db), str(folder)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[:2] == [
        "10 claims tagged by two or more of 2 annotators: alice, bob",
        "Left out: 1 claim tagged by one annotator only and 1 orphan annotation.",
    ]
    assert (
        "alice and bob: Cohen's kappa 0.508 (moderate), on 10 claims; "
        "observed agreement 0.700, expected by chance 0.390"
    ) in out
    table = [line.split() for line in out.splitlines() if line.startswith("    ")]
    assert ["confirmed", "4", "1", "0"] in table
    assert ["speculative", "1", "2", "0"] in table
    assert ["contradicted", "0", "1", "1"] in table
    assert "Disagreements: 3" in out
    assert "“Claim number 4 is stated in this sentence of the report.”" in out
    assert "alice: confirmed · bob: speculative" in out


def test_the_command_with_three_annotators_prints_fleiss(tmp_path, write_articles, capsys):
    folder = write_articles({"report.txt": TEXT})
    db = tmp_path / "db.json"
    with open_store(db) as store:
        store.merge(three_annotators())
    assert main(["agreement", "--db", str(db), str(folder)]) == 0
    out = capsys.readouterr().out
    assert "Fleiss' kappa: 0.067 (slight), on 4 claims tagged by all 3" in out
    assert out.count("Cohen's kappa") == 3
    code = main(["agreement", "--db", str(db), "--annotator", "alice", "--annotator", "carol"])
    out = capsys.readouterr().out
    assert code == 0 and "Fleiss" not in out and "alice and carol: Cohen's kappa" in out


def test_the_command_needs_two_annotators_and_a_database(tmp_path, capsys):
    db = tmp_path / "db.json"
    assert main(["agreement", "--db", str(db)]) == 1
    assert "no annotation database at" in capsys.readouterr().err
    with open_store(db) as store:
        store.merge([ann("alice", 0, C)])
    assert main(["agreement", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("eternaut-reader: agreement needs two or more annotators; only alice")
    assert main(["agreement", "--db", str(db), "--annotator", "zoe"]) == 1
    assert "no annotations by zoe" in capsys.readouterr().err


def test_render_neutralises_control_characters():
    made = [ann("alice\x1b[31m", 0, C), ann("bob", 0, S)]
    text = render(agreement(made, [ARTICLE]))
    assert "\x1b" not in text and "alice\ufffd[31m" in text


def test_agreement_on_the_bundled_seeds_by_path(tmp_path: Path):
    # An article not in the corpus is still compared, on its recorded offsets.
    made = [ann("alice", 0, C), ann("bob", 0, C)]
    report = agreement(made, [])
    assert len(report.claims) == 1 and report.pairs[0].kappa is None
