"""The command line: help, version, themes, and bad input without tracebacks."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from eternaut_reader import __version__
from eternaut_reader.cli import main


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "eternaut_reader", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


def test_version(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"eternaut-reader {__version__}"


def test_help_mentions_paths_theme_and_no_color(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "PATH" in out and "--theme" in out and "NO_COLOR" in out


def test_unknown_option_is_one_line_and_exit_2():
    result = run_cli("--frobnicate")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "eternaut-reader: unrecognized arguments: --frobnicate (see eternaut-reader --help)"
    ]
    assert "Traceback" not in result.stderr


def test_unknown_theme_is_rejected():
    result = run_cli("--theme", "no-such-theme")
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "no-such-theme" in result.stderr


def test_missing_path_names_it_and_fails(tmp_path):
    missing = tmp_path / "gone.txt"
    result = run_cli(str(missing))
    assert result.returncode == 1
    assert result.stderr.strip() == f"eternaut-reader: {missing}: no such file or directory"


def test_folder_without_articles_fails_in_one_line(tmp_path):
    result = run_cli(str(tmp_path))
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "no .txt or .md articles" in result.stderr


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"", "is empty"), (b"\x00\x01\x02\x03", "binary")],
)
def test_unusable_single_file_fails_in_one_line(tmp_path, content, words):
    target = tmp_path / "bad.txt"
    target.write_bytes(content)
    result = run_cli(str(target))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert words in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_where_prints_the_database_the_data_dir_and_the_corpus(tmp_path):
    chosen = tmp_path / "mine.json"
    result = run_cli("where", "--db", str(chosen))
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"database:  {chosen} (--db, not created yet)"
    assert lines[1].startswith("data dir:  ") and "eternaut-reader" in lines[1]
    assert lines[2].startswith("config:    ") and lines[2].endswith(", not created yet)")
    assert lines[3].startswith("corpus:    bundled seeds") and "5 articles" in lines[3]
    assert "[it]  Netflix usa l’IA" in result.stdout


def test_where_follows_the_environment_variable(tmp_path):
    env_db = tmp_path / "from-env.json"
    result = run_cli("where", env={"ETERNAUT_READER_DB": str(env_db)})
    assert result.stdout.splitlines()[0].startswith(f"database:  {env_db} (ETERNAUT_READER_DB")


def test_where_with_no_environment_uses_the_user_data_dir(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "ETERNAUT_READER_DB"}
    env["XDG_DATA_HOME"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "eternaut_reader", "where"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    expected = tmp_path / "eternaut-reader" / "annotations.json"
    assert result.stdout.splitlines()[0] == f"database:  {expected} (default, not created yet)"


def test_output_cut_short_by_a_pipe_is_no_error(tmp_path):
    """`eternaut-reader where | head -1`: the reader of the output went away, which printed
    "eternaut-reader: [Errno 32] Broken pipe" and exit status 1 (found by an outside
    tester). Here the pipe is closed before the command writes anything."""
    env = {**os.environ, "ETERNAUT_READER_DB": str(tmp_path / "db.json")}
    command = [sys.executable, "-m", "eternaut_reader", "where"]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # as `head` does once it has its lines
        error = process.stderr.read().decode()
        status = process.wait(timeout=120)
    assert (status, error) == (0, "")


def test_where_reports_a_keymap_entry_that_cannot_be_kept(tmp_path):
    """`where` knew nothing of the bindings (they live in the UI), so an unknown binding id or
    a key taken from another binding went unreported there (found by an outside tester)."""
    config = tmp_path / "config.toml"
    config.write_text(
        '[keymap]\n"no.such" = "z"\n"undo" = "notakey!!"\n"tag.confirmed" = "s"\n',
        encoding="utf-8",
    )
    result = run_cli("where", env={"ETERNAUT_READER_CONFIG": str(config)})
    assert result.returncode == 0
    assert f"{config}:2: [keymap] 'no.such' is no binding id" in result.stderr + result.stdout
    assert f"{config}:3: [keymap] 'undo': 'notakey!!' is no key; ignored" in (
        result.stderr + result.stdout
    )
    assert f"{config}:4: [keymap] 'tag.confirmed': s is already the key of 'tag.speculative'" in (
        result.stderr + result.stdout
    )


def test_textual_key_names_are_keys_in_a_keymap(tmp_path):
    """ "slash", the search key's own name, was refused as no key (found by an outside
    tester); the Unicode name Textual replaces ("solidus") never reaches a binding."""
    config = tmp_path / "config.toml"
    config.write_text(
        '[keymap]\n"search" = "slash,ctrl+slash"\n"matrix" = "full_stop"\n"export" = "solidus"\n',
        encoding="utf-8",
    )
    result = run_cli("where", env={"ETERNAUT_READER_CONFIG": str(config)})
    out = result.stderr + result.stdout
    assert "'search'" not in out and "'matrix'" not in out
    assert f"{config}:4: [keymap] 'export': 'solidus' is no key; ignored" in out


def test_where_counts_one_article_in_the_singular(write_articles, capsys):
    folder = write_articles({"one.txt": "A headline\n\nOne sentence of a report.\n"})
    assert main(["where", str(folder)]) == 0
    out = capsys.readouterr().out
    assert ", 1 article\n" in out and "1 articles" not in out
