"""`eternaut-reader align` as a user runs it: the --json shape, the report, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eternaut_reader.cli import main

CORPUS2 = Path(__file__).parent / "data" / "align" / "corpus2"
UNIT_KEYS = {"article", "start", "end", "text", "matches", "suggestion"}
MATCH_KEYS = {"article", "start", "end", "score", "relation", "conflicts"}


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ETERNAUT_READER_CACHE", str(tmp_path / "cache"))


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(["align", "--json", *args]) == 0
    out = capsys.readouterr().out
    return json.loads(out)


def test_json_has_exactly_the_documented_shape(capsys):
    from eternaut_reader.core.text.corpus import load_corpus

    texts = {a.id: a.text for a in load_corpus().articles}
    data = run_json(capsys)
    assert list(data) == ["units"]
    assert {u["article"] for u in data["units"]} == set(texts)
    relations, tags = set(), set()
    for unit in data["units"]:
        assert set(unit) == UNIT_KEYS
        assert texts[unit["article"]][unit["start"] : unit["end"]] == unit["text"]
        for match in unit["matches"]:
            assert set(match) == MATCH_KEYS
            assert match["article"] != unit["article"]
            assert 0 < match["score"] <= 1
            assert isinstance(match["start"], int) and match["start"] < match["end"]
            relations.add(match["relation"])
            for conflict in match["conflicts"]:
                assert set(conflict) == {"what", "here", "there"}
            assert bool(match["conflicts"]) == (match["relation"] == "conflicts")
        if unit["suggestion"] is not None:
            assert set(unit["suggestion"]) == {"tag", "reason"}
            tags.add(unit["suggestion"]["tag"])
    assert relations == {"agrees", "conflicts", "related"}
    assert tags == {"confirmed", "speculative", "contradicted"}


def test_json_on_corpus2_reports_the_date_and_the_number_in_conflict(capsys):
    data = run_json(capsys, str(CORPUS2), "--article", "corriere")
    assert {u["article"] for u in data["units"]} == {"corriere-del-lago"}
    conflicts = {
        (c["what"], c["here"], c["there"])
        for u in data["units"]
        for m in u["matches"]
        for c in m["conflicts"]
    }
    assert ("date", "21 giugno", "14 June") in conflicts
    assert ("number", "120 passeggeri", "150 passengers") in conflicts
    start = next(u for u in data["units"] if "21 giugno" in u["text"] and u["start"] > 70)
    assert start["suggestion"]["tag"] == "contradicted"
    assert "21 giugno" in start["suggestion"]["reason"]


def test_the_readable_report(capsys):
    assert main(["align", str(CORPUS2), "--article", "alpine-wire"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "== 1/3 Italy's first solar ferry to sail on Lake Como from June 14 (alpine-wire, en)\n"
    )
    assert "    suggest contradicted: " in out
    # Reports are named by place too, in the reasons as in the reader ("2/3"), not by id alone.
    assert any(
        line.startswith("    suggest contradicted: ") and " in 2/3 vs " in line
        for line in out.splitlines()
    )
    assert "⚠ conflicts" in out
    assert '        date: "June 14" here vs "21 giugno" there' in out
    assert "✓ agrees" in out
    assert "== Solar ferry" not in out  # only the chosen article


def test_control_characters_in_articles_do_not_reach_the_terminal(write_articles, capsys):
    folder = write_articles(
        {
            "a.txt": "The \x1b]0;pwned\x07bridge in Genoa opened on 3 May 2024 with 40 lanes.",
            "b.txt": "Il ponte di Genova è stato inaugurato il 3 maggio 2024 con 40 corsie.",
        }
    )
    assert main(["align", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "␛]0;pwned␇bridge" in out
    assert main(["align", "--json", str(folder)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["units"][0]["text"].startswith("The \x1b]0;pwned\x07bridge")  # data kept


def test_json_escapes_what_json_dumps_leaves_raw(write_articles, capsys):
    """json.dumps escapes C0 controls only: C1 (U+009B is CSI on some terminals), DEL, the
    bidi overrides and the line separators went to the terminal raw."""
    hostile = "\x9b2J\x7f\u202eevil\u202c\u2028"
    folder = write_articles(
        {
            "a.txt": f"The {hostile} bridge in Genoa opened on 3 May 2024 with 40 lanes.",
            "b.txt": "Il ponte di Genova è stato inaugurato il 3 maggio 2024 con 40 corsie.",
        }
    )
    assert main(["align", "--json", str(folder)]) == 0
    out = capsys.readouterr().out
    assert not any(c in out for c in "\x9b\x7f\u202e\u202c\u2028")
    assert "\\u009b2J\\u007f\\u202eevil" in out
    data = json.loads(out)
    assert hostile in data["units"][0]["text"]  # the data is exactly the same


def test_article_by_title_in_any_case(capsys):
    data = run_json(capsys, str(CORPUS2), "--article", "solar ferry enters service on lake como")
    assert {u["article"] for u in data["units"]} == {"lakeside-chronicle"}
    assert any(m["article"] == "corriere-del-lago" for u in data["units"] for m in u["matches"])


def test_article_id_in_any_case(capsys):
    """Ids are lower case whatever the file name's case: a tester typed the file's name."""
    data = run_json(capsys, str(CORPUS2), "--article", "Lakeside-Chronicle")
    assert {u["article"] for u in data["units"]} == {"lakeside-chronicle"}
    data = run_json(capsys, str(CORPUS2), "--article", "LAKESIDE")
    assert {u["article"] for u in data["units"]} == {"lakeside-chronicle"}


def test_an_unknown_article_is_one_line(capsys):
    assert main(["align", "--article", "nope"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("eternaut-reader: --article “nope” matches no article")
    assert err.count("\n") == 1


def test_one_article_only(write_articles, capsys):
    folder = write_articles({"only.txt": "The bridge opened on 3 May 2024."})
    assert main(["align", "--json", str(folder)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "eternaut-reader: align compares articles, and there is only one (only); give two or more\n"
    )


def test_empty_and_binary_files_are_reported_not_raised(write_articles, capsys):
    folder = write_articles({"empty.txt": "", "binary.txt": b"\x00\x01\x02\xff" * 64})
    assert main(["align", str(folder)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("eternaut-reader: ")
    assert "Traceback" not in captured.err
    assert captured.err.count("\n") == 1


def test_articles_with_nothing_in_common_give_an_empty_result(write_articles, capsys):
    folder = write_articles(
        {
            "a.txt": "Heavy rain closed three mountain roads near Trento overnight.",
            "b.txt": "A violin made in Cremona sold at auction for a record sum.",
        }
    )
    data = run_json(capsys, str(folder))
    assert data["units"] and all(u["matches"] == [] for u in data["units"])
    assert main(["align", str(folder)]) == 0
    assert "no passage of these articles matches another report" in capsys.readouterr().err


def test_progress_shows_on_an_interactive_terminal_and_is_cleared(monkeypatch, capsys):
    """A long article takes seconds: on a terminal `align` says how far it is, on standard
    error, one line rewritten in place, and clears it; piped, it prints nothing of it."""
    import sys

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["align", "--json"]) == 0
    err = capsys.readouterr().err
    assert "aligning… 0%" in err and err.rstrip(" ").endswith("\r")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    assert main(["align", "--json"]) == 0
    assert "aligning" not in capsys.readouterr().err


def test_an_unknown_article_with_control_characters_is_shown_safely(capsys):
    assert main(["align", "--article", "\x1b[2Jzz"]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "--article “␛[2Jzz” matches no article" in err
