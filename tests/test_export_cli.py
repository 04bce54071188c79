"""`eternaut-reader export` as a user runs it: formats, filters, files, stdout and failures."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from eternaut_reader.cli import main
from tests.helpers.claims import seeds, tag_claims


@pytest.fixture(scope="module")
def corpus():
    return seeds()


@pytest.fixture
def db(tmp_path: Path, corpus) -> Path:
    db = tmp_path / "db.json"
    tag_claims(db, corpus)
    return db


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "eternaut_reader", *args],
        capture_output=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "md", "w3c", "claimreview"])
def test_every_format_to_stdout_through_the_environment_variable(db, fmt):
    done = run("export", "--format", fmt, env={"ETERNAUT_READER_DB": str(db)})
    assert done.returncode == 0, done.stderr
    if fmt == "claimreview":
        # No [profile]: what Google needs is said (test_export_claimreview_google.py).
        assert b"Google requires each fact-check's url" in done.stderr
    else:
        assert done.stderr == b""
    text = done.stdout.decode("utf-8")
    if fmt == "jsonl":
        assert len([json.loads(line) for line in text.splitlines()]) == 6
    elif fmt == "csv":
        assert len(list(csv.reader(io.StringIO(text, newline="")))) == 7
    elif fmt == "md":
        assert text.startswith("# Claims report\n")
    else:
        json.loads(text)


def test_output_file_format_from_its_name_and_a_summary_on_stderr(tmp_path, db, capsys):
    out = tmp_path / "claims.claimreview.jsonld"
    assert main(["export", "--db", str(db), "-o", str(out)]) == 0
    assert isinstance(json.loads(out.read_text(encoding="utf-8")), list)
    err = capsys.readouterr().err
    # Without a [profile], the lines before say what Google needs (test_export_claimreview_google).
    assert err.endswith(
        "\neternaut-reader: exported 5 reviews of 6 annotations "
        f"(2 of them on text not in the corpus) as claimreview to {out}\n"
    )


def test_tag_and_article_filters(tmp_path, db, corpus, capsys):
    out = tmp_path / "c.jsonl"
    args = ["export", "--db", str(db), "-o", str(out)]
    assert main([*args, "--tag", "confirmed", "--tag", "contradicted"]) == 0
    tags = sorted(json.loads(line)["tag"] for line in out.read_text().splitlines())
    assert tags == ["confirmed", "confirmed", "confirmed", "contradicted"]
    # An article by id, by a unique start of its id, or by its title.
    first = corpus.articles[1]
    for query in (first.id, first.id[:3], first.title.upper()):
        assert main([*args, "--article", query]) == 0
        records = [json.loads(line) for line in out.read_text().splitlines()]
        assert {r["article_id"] for r in records} == {first.id}
    assert main([*args, "--article", "gone-article", "--tag", "confirmed"]) == 0
    (record,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert record["quote"] == "budgets were cut by half"
    capsys.readouterr()


def test_a_corpus_given_by_path(tmp_path, write_articles, capsys):
    folder = write_articles({"report.txt": "The scene took a week. It used AI."})
    from eternaut_reader import open_store
    from tests.helpers.claims import FakeArticle

    with open_store(tmp_path / "db.json") as store:
        store.add(FakeArticle("report", "The scene took a week. It used AI."), 23, 34)
    args = ["export", "--db", str(tmp_path / "db.json"), "-f", "csv", str(folder)]
    assert main(args) == 0
    (row,) = list(csv.DictReader(io.StringIO(capsys.readouterr().out, newline="")))
    assert (row["article title"], row["quote"], row["orphan"]) == (
        "The scene took a week. It used AI.",
        "It used AI.",
        "false",
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "{tmp}/missing/x.csv"], "cannot write {tmp}/missing/x.csv: No such file"),
        (["-o", "{tmp}"], "cannot tell the format from the name"),
        (["-f", "csv", "-o", "{tmp}"], "cannot write {tmp}: it is a folder"),
        (["-o", "{tmp}/claims.txt"], "give --format (json, jsonl, csv, md, w3c, claimreview)"),
        (["-f", "csv", "--article", "nope"], "--article “nope” matches no article"),
        (["-f", "csv", "--article", "00"], "--article “00” matches 5 articles"),
    ],
)
def test_failures_are_one_line_and_non_zero(tmp_path, db, capsys, args, message):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    assert main(["export", "--db", str(db), *args]) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1
    assert err.startswith("eternaut-reader: ")
    assert message.replace("{tmp}", str(tmp_path)) in err


def test_no_database_and_unknown_choices(tmp_path, capsys):
    assert main(["export", "--db", str(tmp_path / "none.json"), "-f", "json"]) == 1
    assert "no annotation database at" in capsys.readouterr().err
    assert not (tmp_path / "none.json").exists()
    with pytest.raises(SystemExit) as done:
        main(["export", "-f", "xml"])
    assert done.value.code == 2
    with pytest.raises(SystemExit) as done:
        main(["export", "-f", "csv", "--tag", "true"])
    assert done.value.code == 2


def test_a_failed_export_leaves_an_existing_file_alone(tmp_path, db, capsys):
    out = tmp_path / "claims.csv"
    out.write_text("keep me", encoding="utf-8")
    assert main(["export", "--db", str(db), "-o", str(out), "--article", "nope"]) == 1
    assert out.read_text(encoding="utf-8") == "keep me"


def test_a_closed_pipe_is_not_an_error(tmp_path):
    # Enough output to fill a pipe, read by a reader that stops after ten bytes (`| head`).
    from dataclasses import replace

    from eternaut_reader import open_store

    db = tmp_path / "big.json"
    claims = tag_claims(db, seeds())
    with open_store(db) as store:
        store.merge(replace(claims["a1"], id=f"copy-{n}", links=()) for n in range(2000))
    reader = (
        "import subprocess, sys\n"
        "p = subprocess.Popen([sys.executable, '-m', 'eternaut_reader', 'export', '-f', 'md'],"
        " stdout=subprocess.PIPE, stderr=subprocess.PIPE)\n"
        "p.stdout.read(10); p.stdout.close()\n"
        "err = p.stderr.read().decode(); print(p.wait()); print(err, end='')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", reader],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "ETERNAUT_READER_DB": str(db)},
    )
    assert done.stdout == "0\n", done.stdout


def test_claims_on_articles_not_given_are_exported_under_their_remembered_titles(
    db: Path, corpus, tmp_path: Path, capsys
):
    """Exporting with other articles open: the seeds' claims were listed under their ids
    ("000_4140a6fd70e58899"); the title last seen is kept beside the database."""
    from eternaut_reader.core.text.sources import records_path, remember_sources

    remember_sources(records_path(db), corpus.articles)
    other = tmp_path / "other.txt"
    other.write_text("Another story\n\nNothing to do with it.", encoding="utf-8")
    assert main(["export", "-f", "csv", "--db", str(db), str(other)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    seeds_rows = [row for row in rows if row["article id"] in {a.id for a in corpus.articles}]
    assert seeds_rows
    assert all(row["article title"] == corpus.by_id(row["article id"]).title for row in seeds_rows)
    assert main(["export", "-f", "md", "--db", str(db), str(other)]) == 0
    markdown = capsys.readouterr().out
    assert corpus.articles[0].title in markdown and corpus.articles[0].id not in markdown
