"""One list of every key, read from the bindings: the help screen and the README use it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class KeyRow:
    group: str
    keys: str
    description: str
    action: str


def _rows(group: str, bindings: list[Binding]) -> Iterator[KeyRow]:
    for binding in bindings:
        yield KeyRow(group, binding.key_display or binding.key, binding.description, binding.action)


def key_rows() -> list[KeyRow]:
    from eternaut_reader.ui.screens.main import MainScreen
    from eternaut_reader.ui.widgets.article_view import PROMPT_KEYS, ArticleView

    rows = [
        *_rows("Reading", _bindings(ArticleView)),
        *_rows("Panes and articles", _bindings(MainScreen)),
        *(KeyRow("Search prompt", k.keys, k.description, k.method) for k in PROMPT_KEYS.values()),
        KeyRow("Panes and articles", "Ctrl+P", "Command palette: every action", "command_palette"),
    ]
    return sorted(
        rows, key=lambda r: ["Reading", "Panes and articles", "Search prompt"].index(r.group)
    )


def _bindings(cls: type) -> list[Binding]:
    return [b for b in cls.BINDINGS if isinstance(b, Binding)]


def markdown_table() -> str:
    lines = ["| Keys | Action | Where |", "| --- | --- | --- |"]
    for row in key_rows():
        keys = row.keys.replace("|", "\\|")
        lines.append(f"| `{keys}` | {row.description} | {row.group} |")
    return "\n".join(lines)
