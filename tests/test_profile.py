"""Who is annotating: [profile] in config.toml, the environment override, and `where`."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib

from eternaut_reader import load_corpus, open_store
from eternaut_reader.core.config import config_path, load_config, save_profile_name
from eternaut_reader.core.storage.store import default_annotator

PROFILE = """# who I am
theme = "nord"

[profile]
name = "Ana Pérez"   # on every claim
url = "https://example.org/ana"
organisation = "Example Fact Check"
review_url = "https://example.org/checks/{id}"
"""


def run_cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "eternaut_reader", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **env},
    )


def test_the_profile_name_signs_new_claims_and_the_environment_overrides_it(monkeypatch):
    config_path().write_text(PROFILE, encoding="utf-8")
    monkeypatch.delenv("ETERNAUT_READER_ANNOTATOR", raising=False)
    assert default_annotator() == "Ana Pérez"
    article = load_corpus().articles[0]
    with open_store() as store:
        assert store.add(article, 0, 10, tag="confirmed").annotator == "Ana Pérez"
    monkeypatch.setenv("ETERNAUT_READER_ANNOTATOR", "night desk")
    assert default_annotator() == "night desk"


def test_saving_the_name_keeps_the_rest_of_the_file():
    path = config_path()
    path.write_text('# mine\ntheme = "nord"\n\n[keymap]\n"quit" = "Q"\n', encoding="utf-8")
    save_profile_name("Ana Pérez")
    text = path.read_text(encoding="utf-8")
    assert text.startswith('# mine\ntheme = "nord"\n\n[keymap]\n"quit" = "Q"\n')
    assert tomllib.loads(text)["profile"] == {"name": "Ana Pérez"}
    config = load_config()
    assert config.profile.name == "Ana Pérez" and config.profile_asked and not config.problems
    save_profile_name("")  # skipped: nobody named, and not asked again
    config = load_config()
    assert config.profile.name is None and config.profile_asked


def test_where_shows_the_profile_in_use(monkeypatch):
    config_path().write_text(PROFILE, encoding="utf-8")
    monkeypatch.delenv("ETERNAUT_READER_ANNOTATOR", raising=False)
    lines = run_cli("where").stdout.splitlines()
    assert "annotator: Ana Pérez ([profile] name)" in lines
    assert (
        "profile:   name Ana Pérez, organisation Example Fact Check, url "
        "https://example.org/ana, review_url https://example.org/checks/{id}"
    ) in lines
    assert any(line.startswith("articles:  ") for line in lines)
    assert any(line.startswith("snapshots: ") for line in lines)
    cache = next(line for line in lines if line.startswith("cache:     "))
    assert cache.endswith("(alignment results; ETERNAUT_READER_CACHE)")
    # The tests align lexically (conftest), with or without the extra installed.
    assert any(line.startswith("alignment: lexical (") for line in lines)
    lines = run_cli("where", ETERNAUT_READER_ANNOTATOR="night desk").stdout.splitlines()
    assert "annotator: night desk (ETERNAUT_READER_ANNOTATOR)" in lines


def test_where_without_a_profile_says_so():
    env = {k: v for k, v in os.environ.items() if k != "ETERNAUT_READER_ANNOTATOR"}
    result = subprocess.run(
        [sys.executable, "-m", "eternaut_reader", "where"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert "profile:   none" in result.stdout.splitlines()
    assert any(
        line.startswith("annotator: ") and "set [profile] name" in line
        for line in result.stdout.splitlines()
    )
