"""The user's config.toml: theme, keymap and profile. A broken file is reported, never fatal.

Where: `ETERNAUT_READER_CONFIG`, else `platformdirs.user_config_dir("eternaut-reader")`
/config.toml. What it holds:

    theme = "nord"                       # a Textual theme; the one picked in the app is saved here

    [keymap]                             # binding id = keys (comma-separated), see the README
    "tag.confirmed" = "C"
    "pane.next" = "tab,ctrl+n"

    [profile]                            # who is annotating
    name = "Ana Pérez"                   # stamped on new claims; "" = nobody, do not ask
    url = "https://example.org/ana"
    organisation = "Example Fact Check"
    review_url = "https://example.org/checks/{id}"

`load_config` never raises: what it cannot use is left at its default and described in
`Config.problems`, one line each naming the file and line, so the reader starts anyway and
says what was wrong.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from eternaut_reader.core.storage.atomic import write_atomic

if TYPE_CHECKING:
    import tomlkit

__all__ = [
    "ANNOTATOR_ENV",
    "CONFIG_ENV",
    "Config",
    "Profile",
    "config_path",
    "load_config",
    "save_profile_name",
    "save_theme",
]

APP_NAME = "eternaut-reader"
CONFIG_ENV = "ETERNAUT_READER_CONFIG"
ANNOTATOR_ENV = "ETERNAUT_READER_ANNOTATOR"
PROFILE_KEYS = ("name", "url", "organisation", "review_url")


@dataclass(frozen=True)
class Profile:
    name: str | None = None
    url: str | None = None
    organisation: str | None = None
    review_url: str | None = None


@dataclass(frozen=True)
class Config:
    path: Path
    theme: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)
    profile: Profile = field(default_factory=Profile)
    problems: tuple[str, ...] = ()
    exists: bool = False
    # [profile] has a name setting, even an empty one (the first-run question was answered
    # or skipped): the reader asks for a name only when it is False.
    profile_asked: bool = False


def config_path() -> Path:
    from_env = os.environ.get(CONFIG_ENV, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def load_config(path: Path | None = None) -> Config:
    path = path or config_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Config(path)
    except OSError as exc:
        return Config(path, problems=(f"{path}: cannot read ({exc.strerror or exc})",))
    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        return Config(path, problems=(f"{path}: not UTF-8 text; using the defaults",), exists=True)
    except tomllib.TOMLDecodeError as exc:
        # tomllib says "Expected '=' after a key (at line 3, column 7)": put the line first.
        message = str(exc)
        found = _error_line(message)
        where = f"{path}:{found}" if found else str(path)
        what = re.sub(r"\s*\(at line \d+, column \d+\)", "", message).strip()
        return _salvaged(path, text, f"{where}: {what}; using the defaults")
    return _read(path, text, data)


def _error_line(message: str) -> int | None:
    found = re.search(r"\(at line (\d+), column \d+\)", message)
    return int(found.group(1)) if found else None


# How many broken lines a file may have for its [profile] still to be read.
_SALVAGE_TRIES = 50


def _salvaged(path: Path, text: str, problem: str) -> Config:
    """A file with a syntax error: the defaults, but its [profile] read around the broken
    lines when it can be. The profile's name signs every claim: without it the user's own
    claims read as someone else's (another name, from the login) and cannot be changed (an
    outside tester). Theme and keymap stay at their defaults: a keymap half read could bind
    keys the user never meant."""
    data = _parse_around_errors(text)
    table = data.get("profile") if data is not None else None
    if not isinstance(table, dict) or not table:
        return Config(path, problems=(problem,), exists=True)
    read = _read(path, text, {"profile": table})
    name = read.profile.name
    kept = f'the [profile] name "{name}"' if name else "the [profile]"
    return Config(
        path,
        profile=read.profile,
        problems=(f"{problem}, except {kept}, read from the rest of the file", *read.problems),
        exists=True,
        profile_asked=read.profile_asked,
    )


def _parse_around_errors(text: str) -> dict[str, object] | None:
    """The TOML document with its broken lines repaired or left out; None if that fails.

    A profile setting whose value lacks its quotes (name = Ana Pérez) or has more after them
    is read as the string it plainly means; any other broken line is left out (a broken table
    header becomes a table of its own, so the lines under it join no other table).
    """
    lines = text.splitlines()
    repaired: set[int] = set()
    for _ in range(_SALVAGE_TRIES):
        try:
            return tomllib.loads("\n".join(lines))
        except tomllib.TOMLDecodeError as exc:
            number = _error_line(str(exc))
            if number is None or not 1 <= number <= len(lines):
                return None
            line = lines[number - 1]
            fixed = None if number in repaired else _as_string_setting(line)
            if fixed is not None:
                repaired.add(number)
                lines[number - 1] = fixed
            elif line.lstrip().startswith("["):
                lines[number - 1] = f'["unreadable line {number}"]'
            elif line.strip():
                lines[number - 1] = ""
            else:
                return None  # the error is not on this line: nothing more to leave out
    return None


def _as_string_setting(line: str) -> str | None:
    found = re.match(r"^\s*([A-Za-z_]+)\s*=\s*(.*?)\s*$", line)
    if found is None or found.group(1) not in PROFILE_KEYS:
        return None
    value = found.group(2)
    if value[:1] in ('"', "'"):
        end = value.find(value[0], 1)
        value = value[1:end] if end > 0 else value[1:]
    else:
        value = value.split(" #", 1)[0]
    value = value.strip()
    if not value:
        return None
    return f"{found.group(1)} = {json.dumps(value, ensure_ascii=False)}"


_MISPLACED = (
    "{key} is read as part of [{section}] (every line after a [section] header belongs to it):"
    " move it above the first [section]; ignored"
)


def _read(path: Path, text: str, data: dict[str, object]) -> Config:
    problems: list[str] = []

    def problem(key: str, what: str, section: str | None = None) -> None:
        problems.append(f"{path}:{_line_of(text, key, section)}: {what}")

    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        problem("theme", 'theme must be a string, like theme = "nord"')
        theme = None
    keymap: dict[str, str] = {}
    table = data.get("keymap", {})
    if isinstance(table, dict):
        for key, value in table.items():
            if key == "theme":
                # TOML puts every line after [keymap] into it: a theme written last lands
                # there, and "no binding id" did not say what to do (an outside tester).
                problem(key, _MISPLACED.format(key=key, section="keymap"), "keymap")
            elif isinstance(value, str) and value.strip():
                keymap[key] = value
            else:
                problem(key, f'keymap {key!r} must be keys in a string, like "ctrl+t"', "keymap")
    else:
        problem("keymap", "keymap must be a table: [keymap]")
    # Against the reader's bindings (keymap.py): an unknown id, a key that is none, a key
    # another binding needs at the same time. Such an entry is dropped, with its line.
    from eternaut_reader.core.keymap import keymap_problems, shipped

    for key, message in keymap_problems(keymap, shipped()).items():
        problem(key, message, "keymap")
        del keymap[key]
    profile_values: dict[str, str] = {}
    table = data.get("profile", {})
    asked = isinstance(table, dict) and "name" in table
    if isinstance(table, dict):
        for key, value in table.items():
            if key == "theme":
                problem(key, _MISPLACED.format(key=key, section="profile"), "profile")
            elif key not in PROFILE_KEYS:
                known = ", ".join(PROFILE_KEYS)
                problem(key, f"unknown profile setting {key!r} (known: {known})", "profile")
            elif not isinstance(value, str):
                problem(key, f"profile {key} must be a string", "profile")
            elif value.strip():
                profile_values[key] = value.strip()
    else:
        problem("profile", "profile must be a table: [profile]")
    for key in data:
        if key in PROFILE_KEYS:
            problem(key, f"{key!r} is a [profile] setting: put it under [profile]; ignored")
        elif key not in {"theme", "keymap", "profile"}:
            problem(key, f"unknown setting {key!r} (known: theme, [keymap], [profile])")
    return Config(
        path,
        theme=theme if isinstance(theme, str) else None,
        keymap=keymap,
        profile=Profile(**profile_values),
        problems=tuple(problems),
        exists=True,
        profile_asked=asked,
    )


def _line_of(text: str, key: str, section: str | None) -> int:
    """The line where `key` is set (inside [section] when given); 1 if it cannot be found."""
    current: str | None = None
    pattern = re.compile(rf"""^\s*(?:{re.escape(key)}|"{re.escape(key)}"|'{re.escape(key)}')\s*=""")
    header = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]")
    for number, line in enumerate(text.splitlines(), 1):
        found = header.match(line)
        if found:
            current = found.group(1).strip("\"'")
            if section is None and current == key:
                return number
            continue
        if current == section and pattern.match(line):
            return number
    return 1


def save_profile_name(name: str, path: Path | None = None) -> None:
    """Write `[profile] name = "…"` into the config file, keeping the rest as the user wrote
    it; an empty name records that the user chose not to give one. Raises OSError, or
    ValueError if the file is not valid TOML (then it is left alone)."""
    import tomlkit

    path = path or config_path()
    document = _document(path, "the name was not saved")
    profile = document.get("profile")
    if not isinstance(profile, dict):
        profile = tomlkit.table()
        document["profile"] = profile
    profile["name"] = name
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, [tomlkit.dumps(document).encode("utf-8")])


def _document(path: Path, what: str) -> tomlkit.TOMLDocument:
    import tomlkit

    try:
        return tomlkit.parse(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return tomlkit.document()
    except tomlkit.exceptions.ParseError as exc:
        raise ValueError(f"{path}: {exc}; {what}") from exc


def save_theme(theme: str, path: Path | None = None) -> None:
    """Write `theme = "…"` into the config file, keeping everything else as the user wrote it
    (tomlkit keeps comments and layout). Raises OSError, or ValueError if the file is not
    valid TOML (then it is left alone)."""
    import tomlkit

    path = path or config_path()
    try:
        document = tomlkit.parse(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        document = tomlkit.document()
    except tomlkit.exceptions.ParseError as exc:
        raise ValueError(f"{path}: {exc}; the file was left as it is") from exc
    if document.get("theme") == theme:
        return
    document["theme"] = theme
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, [tomlkit.dumps(document).encode("utf-8")])
