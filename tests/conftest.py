"""Shared fixtures: every test gets its own data directory, never the user's."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _isolated_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    data = tmp_path_factory.mktemp("data")
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
