"""The help screen, generated from the bindings so that it cannot drift from them."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from eternaut_reader.ui.keys import display_key, display_keys, key_rows, keyed
from eternaut_reader.ui.widgets.key_bar import KeyBar

_CLOSE = Binding("escape,q,question_mark", "close", "Close help", id="help.close")


@keyed("Dialogs")
class HelpScreen(ModalScreen[None]):
    # j/k scroll as they move in a pane (PgDn alone did: an outside tester); the key bar
    # below shows these keys, not the reader's tag keys behind the help.
    BINDINGS = [
        _CLOSE,
        Binding("j,down", "scroll('down')", "Help: scroll down", id="help.down", tooltip="Down"),
        Binding("k,up", "scroll('up')", "Help: scroll up", id="help.up", tooltip="Up"),
        Binding(
            "pagedown,space",
            "scroll('page_down')",
            "Help: page down",
            id="help.page-down",
            tooltip="Page",
        ),
        Binding("pageup", "scroll('page_up')", "Help: page up", id="help.page-up", show=False),
        Binding("g,home", "scroll('home')", "Help: top", id="help.top", show=False),
        Binding("G,end", "scroll('end')", "Help: bottom", id="help.bottom", show=False),
    ]

    def compose(self) -> ComposeResult:
        table = Table(box=None, expand=True, pad_edge=False, show_header=False)
        table.add_column("keys", no_wrap=True, style="bold")
        table.add_column("what it does")
        group = None
        for row in key_rows(getattr(self.app, "keymap", {})):
            if row.group != group:
                if group is not None:
                    table.add_row("", "")
                table.add_row(Text(row.group, style="underline"), "")
                group = row.group
            table.add_row(Text(row.keys), Text(row.description))
        with VerticalScroll(id="help-body"):
            yield Static("eternaut-reader — keys", id="help-title")
            yield Static(table, id="help-keys")
            yield Static(
                f"{display_keys(_CLOSE.key)} closes this screen. Every action is "
                f"also in the command palette ({display_key('ctrl+p')}). Keys can be remapped "
                "in config.toml by the ids of the README's keys table.",
                id="help-foot",
            )
        yield KeyBar()

    def action_scroll(self, where: str) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        getattr(body, f"scroll_{where}")(animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
