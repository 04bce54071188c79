"""The user's [keymap], checked against the reader's bindings without the UI.

The bindings live in the UI (Textual classes); the core and the commands never import it. So
the UI writes what a check needs (each binding's id, keys, class and where it works, and the
key names Textual knows) into bindings.json beside this module (scripts/readme_keys.py, kept
in step by tests/test_readme.py), and config.py checks a keymap against that file when it reads
the config: `eternaut-reader where` and the reader report the same problems, each with its
line, and the reader applies only the entries that can be kept.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["Binding", "Bindings", "is_key", "keymap_problems", "shipped"]

BINDINGS_FILE = "bindings.json"
_MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})


@dataclass(frozen=True)
class Binding:
    keys: str  # as Textual writes them: "c", "j,down", "question_mark"
    description: str
    owner: str  # the class that binds it: its bindings are live together
    target: str  # "pane", "screen", "dialog"…


@dataclass(frozen=True)
class Bindings:
    bindings: Mapping[str, Binding]
    key_names: frozenset[str]  # Textual's names of keys ("pagedown", "f5", "tab", "slash")
    # Unicode names Textual replaces by its own ("solidus" is "slash"): never reported.
    replaced: frozenset[str] = frozenset()

    def to_data(self) -> dict[str, Any]:
        return {
            "bindings": {
                ident: {
                    "keys": b.keys,
                    "description": b.description,
                    "owner": b.owner,
                    "target": b.target,
                }
                for ident, b in sorted(self.bindings.items())
            },
            "key_names": sorted(self.key_names),
            "replaced": sorted(self.replaced),
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Bindings:
        return cls(
            {ident: Binding(**entry) for ident, entry in data["bindings"].items()},
            frozenset(data["key_names"]),
            frozenset(data.get("replaced", ())),
        )


@lru_cache(maxsize=1)
def shipped() -> Bindings:
    """The bindings as the UI last wrote them (bindings.json)."""
    text = resources.files(__package__).joinpath(BINDINGS_FILE).read_text(encoding="utf-8")
    return Bindings.from_data(json.loads(text))


def is_key(key: str, key_names: frozenset[str], replaced: frozenset[str] = frozenset()) -> bool:
    """Is this a key Textual can report: a character, a key's name ("pagedown", "f5"), or a
    character's name ("question_mark"), after modifiers ("ctrl+shift+")? Not a Unicode name
    Textual replaces by its own (`replaced`: "solidus" is reported as "slash")."""
    *modifiers, base = key.strip().split("+")
    if not base or base in replaced or any(m not in _MODIFIERS for m in modifiers):
        return False
    if len(base) == 1 or base in key_names:
        return True
    try:
        return len(unicodedata.lookup(base.replace("_", " ").upper())) == 1
    except KeyError:
        return False


def _split(keys: str) -> set[str]:
    return {k.strip() for k in keys.split(",") if k.strip()}


def _together(a: Binding, b: Binding) -> bool:
    """Are two bindings live at one time? Those of one class are, and a pane's are with the
    main screen's (a pane has the focus, and the screen's keys work too)."""
    return a.owner == b.owner or {a.target, b.target} == {"pane", "screen"}


def keymap_problems(keymap: Mapping[str, str], known: Bindings) -> dict[str, str]:
    """The keymap entries that cannot be kept, each with a message saying why: an id that
    names no binding, keys Textual does not know ("notakey!!"), and a key taken from a
    binding live at the same time, which would be left without it ("tag.confirmed" = "s"
    while `s` tags speculative). Keys two bindings share by default (a panel's `c` and a
    pane's) are no clash, nor is a swap. Of two entries that clash, the later one goes."""
    bindings = known.bindings
    problems: dict[str, str] = {}
    for ident, keys in keymap.items():
        if ident not in bindings:
            problems[ident] = (
                f"[keymap] {ident!r} is no binding id (see the keys table in the README or "
                "the help screen); ignored"
            )
            continue
        bad = sorted(k for k in _split(keys) if not is_key(k, known.key_names, known.replaced))
        if bad or not _split(keys):
            what = ", ".join(map(repr, bad)) or "no key"
            problems[ident] = f"[keymap] {ident!r}: {what} is no key; ignored"
    kept = {i: k for i, k in keymap.items() if i not in problems}
    for ident in reversed(list(kept)):
        mine, default = _split(kept[ident]), _split(bindings[ident].keys)
        for other, entry in bindings.items():
            if other == ident or not _together(bindings[ident], entry):
                continue
            theirs = _split(kept.get(other, entry.keys))
            clash = sorted((mine & theirs) - (default & _split(entry.keys)))
            if clash:
                del kept[ident]
                problems[ident] = (
                    f"[keymap] {ident!r}: {', '.join(clash)} is already the key of {other!r} "
                    f"({entry.description}); ignored"
                )
                break
    return problems
