"""One list of every key, read from the bindings: the help screen, the command palette and
the README's keys table all use it, so none of them can drift from what the keys do."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

GROUPS = ("Reading", "Claims", "Panes and articles", "Search prompt")
# Screen-level actions that belong with the claims in the help.
_CLAIM_ACTIONS = {"toggle_claims", "undo", "redo", "export"}


@dataclass(frozen=True)
class KeyRow:
    group: str
    keys: str
    description: str
    action: str
    target: str  # "pane", "screen" or "prompt": where the palette runs the action


def _bindings(cls: type) -> list[Binding]:
    return [b for b in cls.__dict__.get("BINDINGS", []) if isinstance(b, Binding)]


def key_rows() -> list[KeyRow]:
    from eternaut_reader.ui.screens.main import MainScreen
    from eternaut_reader.ui.widgets.article_view import PROMPT_KEYS, ArticleView
    from eternaut_reader.ui.widgets.claim_pane import ClaimPane

    rows: list[KeyRow] = []
    seen: set[str] = set()
    for group, cls, target in (
        ("Reading", ArticleView, "pane"),
        ("Claims", ClaimPane, "pane"),
        ("Panes and articles", MainScreen, "screen"),
    ):
        for b in _bindings(cls):
            if b.action in seen:  # a subclass repeats a binding to keep it on a shared key
                continue
            seen.add(b.action)
            where = "Claims" if b.action in _CLAIM_ACTIONS else group
            rows.append(KeyRow(where, b.key_display or b.key, b.description, b.action, target))
    rows += [
        KeyRow("Search prompt", k.keys, k.description, k.method, "prompt")
        for k in PROMPT_KEYS.values()
    ]
    rows.append(
        KeyRow(
            "Panes and articles",
            "Ctrl+P",
            "Command palette: every action",
            "command_palette",
            "app",
        )
    )
    return sorted(rows, key=lambda r: GROUPS.index(r.group))


def markdown_table() -> str:
    lines = ["| Keys | Action | Where |", "| --- | --- | --- |"]
    for row in key_rows():
        keys = row.keys.replace("|", "\\|")
        lines.append(f"| `{keys}` | {row.description} | {row.group} |")
    return "\n".join(lines)
