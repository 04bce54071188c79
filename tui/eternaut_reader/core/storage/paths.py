"""Where the annotation database lives: --db, then $ETERNAUT_READER_DB, then the user data dir."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

__all__ = ["DB_ENV", "data_dir", "default_db_path", "resolve_db_path"]

APP_NAME = "eternaut-reader"
DB_ENV = "ETERNAUT_READER_DB"
DB_FILENAME = "annotations.json"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def resolve_db_path(option: str | Path | None = None) -> Path:
    """The explicit option (the CLI's --db) wins, then the environment, then the default."""
    if option is not None and str(option) != "":
        return Path(option).expanduser()
    from_env = os.environ.get(DB_ENV, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    return default_db_path()
