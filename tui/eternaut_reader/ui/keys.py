"""Every key, read from the bindings and the user's keymap: the help screen, the key bar, the
command palette, the README's keys table and every hint that names a key ("c s x to tag")
use this module, so that a remapped key shows everywhere and nothing spells a key by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from textual.binding import Binding
from textual.keys import REPLACED_KEYS, Keys, format_key

from eternaut_reader.core.keymap import Binding as KeymapBinding
from eternaut_reader.core.keymap import Bindings as KeymapBindings

GROUPS = (
    "Reading",
    "Claims",
    "Panes and articles",
    "Search prompt",
    "Claims panel",
    "Same fact elsewhere",
    "Matrix",
    "Claim view",
    "Dialogs",
)
# Pane bindings (by the first part of their id) that belong with the claims in the help.
_PANE_CLAIM_IDS = {"tag", "untag", "select", "note", "link", "follow", "cancel"}
# Screen-level bindings that belong with the claims in the help.
_CLAIM_IDS = {"claims", "claim-view", "undo", "redo", "export"}
# Names of keys as people write them; format_key gives the rest ("↓", "}", "?").
_NAMES = {
    "escape": "Esc",
    "enter": "Enter",
    "tab": "Tab",
    "home": "Home",
    "end": "End",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "backspace": "Backspace",
    "delete": "Del",
    "space": "Space",
}


@dataclass(frozen=True)
class KeyRow:
    group: str
    id: str
    keys: str
    description: str
    action: str
    target: str  # "pane", "screen", "prompt" or "app": where the palette runs the action


def display_key(key: str) -> str:
    """One key as the user reads it: "ctrl+r" -> "Ctrl+R", "pagedown" -> "PgDn"."""
    *modifiers, name = key.strip().split("+")
    shown = _NAMES.get(name) or format_key(name)
    if len(shown) == 1 and modifiers:
        shown = shown.upper()
    return "+".join([*(m.capitalize() for m in modifiers), shown])


def display_keys(keys: str) -> str:
    """A binding's keys ("j,down") as shown: "j ↓"."""
    return " ".join(display_key(k) for k in keys.split(",") if k.strip())


_REGISTRY: dict[str, tuple[Binding, str, str]] = {}
_OWNER: dict[str, str] = {}  # binding id -> the class that binds it: its keys are live together

T = TypeVar("T")


def keyed(
    group: str, target: str = "dialog", shares: tuple[str, ...] = ()
) -> Callable[[type[T]], type[T]]:
    """Class decorator: the class's bindings that have an id join the registry that the help
    screen, the key hints, the command palette and the README's table read. `group` is the
    help's heading, `target` where the palette runs the action ("pane", "screen", "dialog").
    `shares` names ids the class borrows from another part (a screen's own undo and redo,
    with the reader's ids so that one keymap entry remaps both): listed once, by their owner."""

    def register(cls: type[T]) -> type[T]:
        for binding in getattr(cls, "BINDINGS", []):
            if not isinstance(binding, Binding) or not binding.id:
                continue
            if binding.id in shares:
                continue
            where = group
            if target == "pane" and binding.id.split(".")[0] in _PANE_CLAIM_IDS:
                where = "Claims"
            if binding.id in _CLAIM_IDS:
                where = "Claims"
            _REGISTRY[binding.id] = (binding, where, target)
            _OWNER[binding.id] = cls.__qualname__
        return cls

    return register


@dataclass(frozen=True)
class PromptKey:
    keys: str
    description: str
    method: str


# The search prompt's own keys. The prompt reads keys in on_key, ahead of every binding, so
# that everything typed after `/` lands in it in order; the help screen lists this table.
PROMPT_KEYS = {
    key: PromptKey(display_key(key), description, method)
    for key, description, method in (
        ("enter", "Keep the search and return to the article", "_prompt_keep"),
        ("escape", "Cancel the search", "_prompt_cancel"),
        ("backspace", "Delete the last character", "_prompt_erase"),
        ("ctrl+u", "Clear the search", "_prompt_clear"),
    )
}


# The keys that change claims (or their notes, links, records, evidence). On a read-only
# database they can do nothing but say why, so the key bar and the hint lines leave them
# out there; the keys still answer, with the read-only message, when pressed.
CHANGES_CLAIMS = frozenset(
    {
        "tag.confirmed",
        "tag.speculative",
        "tag.contradicted",
        "tag.open",
        "untag",
        "suggestion.accept",
        "note",
        "link",
        "undo",
        "redo",
        "same-fact.supports",
        "same-fact.contradicts",
        "same-fact.accept",
        "claim-view.record",
        "claim-view.add-evidence",
        "claim-view.edit-evidence",
        "claim-view.remove-evidence",
    }
)


def read_only(app: object) -> bool:
    """Whether the claims open in the app cannot be changed (a read-only database)."""
    editor = getattr(app, "editor", None)
    return editor is not None and bool(editor.store.read_only)


def offered(app: object, binding_id: str) -> bool:
    """Whether a binding's key is shown now: not one that changes claims when none can be."""
    return binding_id not in CHANGES_CLAIMS or not read_only(app)


def all_bindings() -> dict[str, tuple[Binding, str, str]]:
    """Every registered binding: id -> (binding, help group, palette target). A class is
    registered when its module is imported; ui.app.load_bindings() imports them all."""
    return dict(_REGISTRY)


def _keys(app: object, binding_id: str) -> str | None:
    """A binding's keys now ("j,down"): the user's keymap, else the binding's own."""
    keymap: dict[str, str] = getattr(app, "keymap", {}) or {}
    keys = keymap.get(binding_id)
    if keys is None:
        known = _REGISTRY.get(binding_id)
        keys = known[0].key if known else None
    return keys


def keys_of(app: object, binding_id: str) -> set[str]:
    """The keys that run a binding now (the user's keymap, else the binding's own)."""
    return {k.strip() for k in (_keys(app, binding_id) or "").split(",") if k.strip()}


def key_hint(app: object, *binding_ids: str) -> str:
    """The first key of each binding, as shown: key_hint(app, "tag.confirmed", ...) -> "c s x"."""
    return " ".join(
        display_key((_keys(app, binding_id) or "?").split(",")[0]) for binding_id in binding_ids
    )


def key_rows(keymap: dict[str, str] | None = None) -> list[KeyRow]:
    keymap = keymap or {}
    rows = [
        KeyRow(
            group,
            binding_id,
            display_keys(keymap.get(binding_id, binding.key)),
            binding.description,
            binding.action,
            target,
        )
        for binding_id, (binding, group, target) in all_bindings().items()
    ]
    rows += [
        KeyRow("Search prompt", "", display_keys(key), k.description, k.method, "prompt")
        for key, k in PROMPT_KEYS.items()
    ]
    rows.append(
        KeyRow(
            "Panes and articles",
            "",
            display_key("ctrl+p"),
            "Command palette: every action",
            "command_palette",
            "app",
        )
    )
    # Each part keeps its bindings' own order; the dialogs, registered in whatever order
    # they were first opened, are sorted by id so the table never depends on that.
    order = {id(row): n for n, row in enumerate(rows)}
    return sorted(
        rows,
        key=lambda r: (GROUPS.index(r.group), r.id if r.group == "Dialogs" else "", order[id(r)]),
    )


def registry_bindings() -> KeymapBindings:
    """What core/keymap.py checks a keymap against, from the bindings themselves: written to
    core/bindings.json by scripts/readme_keys.py (tests/test_readme.py keeps them in step)."""
    return KeymapBindings(
        {
            ident: KeymapBinding(binding.key, binding.description, _OWNER[ident], target)
            for ident, (binding, _group, target) in all_bindings().items()
        },
        _key_names(),
        frozenset(REPLACED_KEYS.values()),
    )


def _key_names() -> frozenset[str]:
    """The names Textual gives keys: its own ("pagedown", "f5"), and a printable character's
    ("slash", "minus", "question_mark", "full_stop"), which its own Unicode name ("solidus")
    would not give (found by an outside tester: "slash", the search key's own name, was
    refused in a [keymap])."""
    from textual.keys import KEY_NAME_REPLACEMENTS, _character_to_key

    names = {k.value for k in Keys} | set(KEY_NAME_REPLACEMENTS.values()) | {"newline"}
    names |= {_character_to_key(chr(code)) for code in range(0x21, 0x7F)}
    return frozenset(names)


def markdown_table() -> str:
    lines = ["| Keys | Action | Where | Id (for `[keymap]`) |", "| --- | --- | --- | --- |"]
    for row in key_rows():
        keys = row.keys.replace("|", "\\|")
        ident = f"`{row.id}`" if row.id else "—"
        lines.append(f"| `{keys}` | {row.description} | {row.group} | {ident} |")
    return "\n".join(lines)
