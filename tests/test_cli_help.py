"""The command line's own help: subcommands listed, a mistyped one named, shell completion."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys

import pytest

from eternaut_reader.cli import main
from eternaut_reader.commands import COMMANDS


def test_help_lists_every_subcommand_with_what_it_does(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "commands:" in out
    for name in COMMANDS:
        assert f"\n  {name} " in out
    assert "export the tagged claims as json" in out


@pytest.mark.parametrize(("typed", "meant"), [("exprot", "export"), ("imprt", "import")])
def test_a_mistyped_command_is_named_not_taken_for_a_file(capsys, typed, meant):
    assert main([typed]) == 2
    err = capsys.readouterr().err
    assert err == f"eternaut-reader: unknown command {typed!r}; did you mean {meant!r}?\n"


def test_an_existing_file_with_a_command_like_name_is_opened_as_a_file(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "exprot").write_text("A report. It is short.", encoding="utf-8")
    # Not a terminal here, so the reader refuses to start: but it took "exprot" as a file.
    assert main(["exprot"]) == 1
    assert "needs a terminal" in capsys.readouterr().err


def test_a_missing_file_that_is_no_command_keeps_its_own_message(capsys, tmp_path):
    assert main([str(tmp_path / "nothing.txt")]) == 1
    assert "nothing.txt: no such file or directory" in capsys.readouterr().err


def _complete(line: str) -> list[str]:
    """What the shell's completion function gets back for `line` (argcomplete's protocol:
    the answer on file descriptor 8, one word a line here)."""
    env = {
        **os.environ,
        "_ARGCOMPLETE": "1",
        "_ARGCOMPLETE_IFS": "\n",
        "COMP_LINE": line,
        "COMP_POINT": str(len(line)),
    }
    command = f"exec {shlex.quote(sys.executable)} -m eternaut_reader 8>&1 9>/dev/null"
    done = subprocess.run(["sh", "-c", command], env=env, capture_output=True, timeout=30)
    return [word.strip() for word in done.stdout.decode().split("\n") if word.strip()]


def test_completion_offers_commands_options_and_format_names():
    assert _complete("eternaut-reader ex") == ["export"]
    assert "--format" in _complete("eternaut-reader export --fo")
    assert _complete("eternaut-reader export -f c") == ["csv", "claimreview"]


def test_where_prints_the_config_file_and_its_problems(tmp_path, monkeypatch, capsys):
    config = tmp_path / "my.toml"
    monkeypatch.setenv("ETERNAUT_READER_CONFIG", str(config))
    assert main(["where"]) == 0
    assert f"config:    {config} (ETERNAUT_READER_CONFIG, not created yet)" in (
        capsys.readouterr().out
    )
    config.write_text("theme = 3\n", encoding="utf-8")
    assert main(["where"]) == 0
    captured = capsys.readouterr()
    assert f"config:    {config} (ETERNAUT_READER_CONFIG)" in captured.out
    assert f"{config}:1: theme must be a string" in captured.err
