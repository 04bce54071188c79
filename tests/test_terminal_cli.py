"""No control sequence from data reaches the terminal through the command line.

Paths: error messages naming files, usage errors quoting arguments, `where`, `agreement`, and
`export` printed to a terminal (checked on a real pseudo-terminal). Exports written to a file
or a pipe keep the data exactly (the Markdown report, meant to be rendered, replaces control
characters by design: see test_export_md.py).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from eternaut_reader import load_corpus, open_store
from eternaut_reader.cli import main
from tests.helpers.pty_terminal import HOSTILE, leaks, run_on_terminal

FORMATS = ["json", "jsonl", "csv", "md", "w3c", "claimreview"]


@pytest.fixture
def hostile_corpus(tmp_path: Path) -> Path:
    """A folder with an article whose file name, title and text hold every attack."""
    folder = tmp_path / "articles"
    folder.mkdir()
    text = f"Title {HOSTILE}\n\nThe first sentence says {HOSTILE} plainly. A second one follows."
    (folder / "report \x1b]0;X\x07.txt").write_text(text, encoding="utf-8")
    (folder / "other.txt").write_text("Another report. It says less.", encoding="utf-8")
    return folder


@pytest.fixture
def hostile_db(tmp_path: Path, hostile_corpus: Path) -> Path:
    db = tmp_path / "db.json"
    corpus = load_corpus([hostile_corpus])
    article = next(a for a in corpus.articles if "first sentence" in a.text)
    start = article.text.index("The first sentence")
    end = article.text.index("plainly.") + len("plainly.")
    for name in ("alice", f"bob{HOSTILE[:20]}"):
        with open_store(db, name) as store:
            store.add(article, start, end, "contradicted", note=f"note {HOSTILE}")
    return db


def _no_leak(text: str) -> None:
    assert not leaks(text), leaks(text)


def test_an_error_naming_a_file_shows_its_control_characters(capsys, tmp_path):
    missing = tmp_path / "gone \x1b]0;X\x07 \u202e.txt"
    assert main([str(missing)]) == 1
    err = capsys.readouterr().err
    assert "gone ␛]0;X␇ \ufffd.txt: no such file or directory" in err
    _no_leak(err)


def test_a_usage_error_quoting_an_argument_is_safe(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["export", "--bogus\x1b]52;c;ZXZpbA==\x07"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "--bogus␛]52;c;ZXZpbA==␇" in err
    _no_leak(err)


def test_where_lists_hostile_titles_safely(capsys, hostile_corpus, hostile_db):
    assert main(["where", "--db", str(hostile_db), str(hostile_corpus)]) == 0
    out = capsys.readouterr().out
    assert "Title hostile ␛]0;PWNED␇" in out
    _no_leak(out)


def test_agreement_report_quoting_hostile_text_is_safe(capsys, hostile_corpus, hostile_db):
    code = main(["agreement", "--db", str(hostile_db), str(hostile_corpus)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "alice" in captured.out
    _no_leak(captured.out + captured.err)


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_to_a_terminal_executes_nothing(fmt, hostile_corpus, hostile_db, tmp_path):
    env = {**os.environ, "ETERNAUT_READER_DB": str(hostile_db)}
    output, code = run_on_terminal(["export", "-f", fmt, str(hostile_corpus)], [], env, startup=8.0)
    assert code == 0, output
    assert "PWNED" in output  # the data is there to read...
    _no_leak(output)  # ...but nothing in it drives the terminal


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_to_a_file_or_pipe_keeps_the_data_exactly(
    fmt, capsys, hostile_corpus, hostile_db, tmp_path
):
    target = tmp_path / f"out.{fmt}"
    assert main(["export", "--db", str(hostile_db), "-o", str(target), str(hostile_corpus)]) == 0
    written = target.read_text(encoding="utf-8")
    if fmt == "json":
        notes = {a["note"] for a in json.loads(written)["annotations"]}
        assert notes == {f"note {HOSTILE}"}
    else:
        assert "\x1b]0;PWNED\x07" in written
    _no_leak(capsys.readouterr().err)
    # Piped (not a terminal), stdout carries the same exact bytes.
    assert main(["export", "--db", str(hostile_db), "-f", "json", str(hostile_corpus)]) == 0
    notes = {a["note"] for a in json.loads(capsys.readouterr().out)["annotations"]}
    assert notes == {f"note {HOSTILE}"}
