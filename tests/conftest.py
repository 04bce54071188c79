"""Shared fixtures: every test gets its own data directory, never the user's."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# The alignment is the lexical one whether or not the embeddings extra is installed, so that
# every figure a test asserts is the same on every machine; set before any fixture runs, the
# module-scoped alignments included (test_align_embeddings turns them on where it means to).
os.environ["ETERNAUT_READER_EMBEDDINGS"] = "0"


@pytest.fixture(scope="session")
def _alignment_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Shared by the whole run: alignments are cached by content, so sharing is safe, and the
    # seeds are aligned once rather than in every reader test.
    return tmp_path_factory.mktemp("align-cache")


@pytest.fixture(autouse=True)
def _isolated_data(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    _alignment_cache: Path,
):
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("ETERNAUT_READER_CACHE", str(_alignment_cache))
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    monkeypatch.setenv("ETERNAUT_READER_DB", str(data / "annotations.json"))
    monkeypatch.setenv("ETERNAUT_READER_CONFIG", str(data / "config.toml"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return data


@pytest.fixture
def write_articles(tmp_path: Path):
    """Write {name: text or bytes} into a fresh folder and return the folder."""

    def write(files: dict[str, str | bytes]) -> Path:
        folder = tmp_path / "articles"
        folder.mkdir(exist_ok=True)
        for name, content in files.items():
            target = folder / name
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        return folder

    return write
