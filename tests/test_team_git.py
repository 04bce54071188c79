"""A team through git (issue 13): two clones of one repository, alice and bob tag the same
and different articles through the store API, commit, pull (merge) and push; git reports no
conflict, and both clones end up with every claim of both annotators."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from eternaut_reader import load_corpus, open_store
from eternaut_reader.core.storage.shards import read_tables

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

# What the README tells a team to put in the data folder's .gitignore.
GITIGNORE = """\
*.lock
.journal.json
*.tmp
*.bak
*.bak.d/
*.corrupt-*
*.session.json
"""


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stdout}{done.stderr}"
    return done.stdout + done.stderr


def clone(origin: Path, where: Path, name: str) -> Path:
    git(where.parent, "clone", "-q", str(origin), where.name)
    git(where, "config", "user.name", name)
    git(where, "config", "user.email", f"{name}@example.org")
    git(where, "config", "pull.rebase", "false")
    git(where, "config", "commit.gpgsign", "false")
    return where


def tag(repo: Path, annotator: str, spans: list[tuple[int, int, int, str]]) -> set[str]:
    articles = load_corpus().articles
    with open_store(repo / "data" / "annotations.json", annotator) as store:
        return {store.add(articles[a], s, e, tag=t).id for a, s, e, t in spans}


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def test_two_annotators_share_a_data_folder_through_git_without_conflicts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("HOME", str(tmp_path))  # no user git config
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin))
    alice = clone(origin, tmp_path / "alice", "alice")
    git(alice, "checkout", "-q", "-b", "main")
    (alice / "data").mkdir()
    (alice / "data" / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
    commit_all(alice, "data folder")
    git(alice, "push", "-q", "-u", "origin", "main")
    bob = clone(origin, tmp_path / "bob", "bob")

    # Apart, on the same article (0) and on different ones (1 for alice, 2 for bob).
    mine = tag(alice, "alice", [(0, 0, 40, "confirmed"), (1, 10, 60, "speculative")])
    theirs = tag(bob, "bob", [(0, 0, 40, "contradicted"), (2, 5, 50, "confirmed")])
    commit_all(alice, "alice's claims")
    git(alice, "push", "-q")
    commit_all(bob, "bob's claims")
    merged = git(bob, "pull", "--no-edit")
    assert "CONFLICT" not in merged
    git(bob, "push", "-q")
    git(alice, "pull", "--no-edit")

    # A second round on the same article, after both have each other's files.
    mine |= tag(alice, "alice", [(0, 100, 140, "speculative")])
    theirs |= tag(bob, "bob", [(0, 100, 140, "confirmed")])
    commit_all(alice, "more")
    git(alice, "push", "-q")
    commit_all(bob, "more")
    assert "CONFLICT" not in git(bob, "pull", "--no-edit")
    git(bob, "push", "-q")
    git(alice, "pull", "--no-edit")

    for repo in (alice, bob):
        assert git(repo, "status", "--porcelain") == ""  # locks and journals are ignored
        db = repo / "data" / "annotations.json"
        with open_store(db, "checker", readonly=True) as store:
            held = {a.id: a.annotator for a in store.annotations()}
        assert set(held) == mine | theirs
        assert {held[i] for i in mine} == {"alice"} and {held[i] for i in theirs} == {"bob"}
        assert set(read_tables(db)["annotations"]) == mine | theirs
