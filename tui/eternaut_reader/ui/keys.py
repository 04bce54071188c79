"""Every key, read from the bindings and the user's keymap: the help screen, the key bar, the
command palette, the README's keys table and every hint that names a key ("c s x to tag")
use this module, so that a remapped key shows everywhere and nothing spells a key by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from textual.binding import Binding
from textual.keys import format_key

GROUPS = (
    "Reading",
    "Claims",
    "Panes and articles",
    "Search prompt",
    "Claims panel",
    "Same fact elsewhere",
    "Matrix",
    "Dialogs",
)
# Pane bindings (by the first part of their id) that belong with the claims in the help.
_PANE_CLAIM_IDS = {"tag", "untag", "select", "note", "link", "follow", "cancel"}
# Screen-level bindings that belong with the claims in the help.
_CLAIM_IDS = {"claims", "undo", "redo", "export"}
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


@cache
def all_bindings() -> dict[str, tuple[Binding, str, str]]:
    """Every binding with an id: id -> (binding, help group, palette target)."""
    from eternaut_reader.ui.screens.export import ExportScreen
    from eternaut_reader.ui.screens.help import HelpScreen
    from eternaut_reader.ui.screens.link import LinkScreen
    from eternaut_reader.ui.screens.main import MainScreen
    from eternaut_reader.ui.screens.matrix import MatrixScreen
    from eternaut_reader.ui.screens.metadata import MetadataScreen
    from eternaut_reader.ui.screens.note import NoteScreen
    from eternaut_reader.ui.screens.picker import PickerScreen
    from eternaut_reader.ui.screens.profile import ProfileScreen
    from eternaut_reader.ui.screens.search_all import SearchAllScreen
    from eternaut_reader.ui.screens.unsaved import UnsavedScreen
    from eternaut_reader.ui.widgets.claims_panel import ClaimsPanel
    from eternaut_reader.ui.widgets.pane import ArticlePane
    from eternaut_reader.ui.widgets.same_fact import SameFactPanel

    found: dict[str, tuple[Binding, str, str]] = {}
    for cls, group, target in (
        (ArticlePane, "Reading", "pane"),
        (MainScreen, "Panes and articles", "screen"),
        (ClaimsPanel, "Claims panel", "dialog"),
        (SameFactPanel, "Same fact elsewhere", "dialog"),
        (MatrixScreen, "Matrix", "dialog"),
        (PickerScreen, "Dialogs", "dialog"),
        (SearchAllScreen, "Dialogs", "dialog"),
        (NoteScreen, "Dialogs", "dialog"),
        (LinkScreen, "Dialogs", "dialog"),
        (ExportScreen, "Dialogs", "dialog"),
        (UnsavedScreen, "Dialogs", "dialog"),
        (MetadataScreen, "Dialogs", "dialog"),
        (ProfileScreen, "Dialogs", "dialog"),
        (HelpScreen, "Dialogs", "dialog"),
    ):
        for binding in cls.BINDINGS:
            if not isinstance(binding, Binding) or not binding.id:
                continue
            where = group
            if cls is ArticlePane and binding.id.split(".")[0] in _PANE_CLAIM_IDS:
                where = "Claims"
            if binding.id in _CLAIM_IDS:
                where = "Claims"
            found[binding.id] = (binding, where, target)
    return found


def keys_of(app: object, binding_id: str) -> set[str]:
    """The keys that run a binding now (the user's keymap, else the binding's own)."""
    keymap: dict[str, str] = getattr(app, "keymap", {}) or {}
    keys = keymap.get(binding_id)
    if keys is None:
        known = all_bindings().get(binding_id)
        keys = known[0].key if known else ""
    return {k.strip() for k in keys.split(",") if k.strip()}


def key_hint(app: object, *binding_ids: str) -> str:
    """The first key of each binding, as shown: key_hint(app, "tag.confirmed", ...) -> "c s x"."""
    shown = []
    for binding_id in binding_ids:
        keymap: dict[str, str] = getattr(app, "keymap", {}) or {}
        keys = keymap.get(binding_id)
        if keys is None:
            known = all_bindings().get(binding_id)
            keys = known[0].key if known else "?"
        shown.append(display_key(keys.split(",")[0]))
    return " ".join(shown)


def key_rows(keymap: dict[str, str] | None = None) -> list[KeyRow]:
    from eternaut_reader.ui.widgets.pane import PROMPT_KEYS

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
    return sorted(rows, key=lambda r: GROUPS.index(r.group))


def unknown_ids(keymap: dict[str, str]) -> list[str]:
    """Keymap entries that name no binding (a typo in the config file)."""
    return [binding_id for binding_id in keymap if binding_id not in all_bindings()]


def markdown_table() -> str:
    lines = ["| Keys | Action | Where | Id (for `[keymap]`) |", "| --- | --- | --- | --- |"]
    for row in key_rows():
        keys = row.keys.replace("|", "\\|")
        ident = f"`{row.id}`" if row.id else "—"
        lines.append(f"| `{keys}` | {row.description} | {row.group} | {ident} |")
    return "\n".join(lines)
