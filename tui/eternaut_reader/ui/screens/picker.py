"""The article picker: a fuzzy finder over titles, outlets and ids (rapidfuzz), which opens
the choice in the focused pane. Stepping through 200 articles with [ and ] is no way to work."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from eternaut_reader.core.terminal import safe
from eternaut_reader.core.text.corpus import Corpus
from eternaut_reader.core.text.finder import label, pick
from eternaut_reader.ui.keys import key_hint, keyed
from eternaut_reader.ui.widgets.hint_line import HintLine
from eternaut_reader.ui.widgets.safe_inputs import SafeInput

SHOWN = 100  # rows in the list; typing narrows it


@keyed("Dialogs")
class PickerScreen(ModalScreen[str | None]):
    """Dismisses with the chosen article's id, or None."""

    DEFAULT_CSS = """
    PickerScreen { align: center middle; }
    #picker-dialog {
        width: 90%; max-width: 110; height: 80%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    #picker-list { height: 1fr; }
    #picker-help { color: $text-muted; }
    """

    BINDINGS = [
        Binding(
            "enter",
            "choose",
            "Article picker: open the article in the focused pane",
            id="picker.open",
        ),
        Binding(
            "down",
            "move(1)",
            "Article picker: next article in the list",
            id="picker.down",
            show=False,
        ),
        Binding(
            "up",
            "move(-1)",
            "Article picker: previous article in the list",
            id="picker.up",
            show=False,
        ),
        Binding("escape", "close", "Article picker: close without opening", id="picker.close"),
    ]

    def __init__(self, corpus: Corpus, current: str | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.current = current
        self._shown: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-dialog"):
            yield Static(f"Open an article ({len(self.corpus.articles)})", id="picker-title")
            yield SafeInput(placeholder="title, outlet or id", id="picker-query")
            yield OptionList(id="picker-list")
            yield HintLine(
                f"{key_hint(self.app, 'picker.open')} opens it in the focused pane · "
                f"{key_hint(self.app, 'picker.up', 'picker.down')} move · "
                f"{key_hint(self.app, 'picker.close')} close",
                id="picker-help",
            )

    def on_mount(self) -> None:
        self._fill("")
        self.query_one("#picker-query", Input).focus()

    @on(Input.Changed, "#picker-query")
    def _typed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#picker-query")
    def _submitted(self) -> None:
        self.action_choose()

    @on(OptionList.OptionSelected, "#picker-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def _fill(self, query: str) -> None:
        found = pick(self.corpus.articles, query, limit=SHOWN)
        options = self.query_one("#picker-list", OptionList)
        options.clear_options()
        self._shown = [a.id for a in found]
        options.add_options(
            Option(safe(f"{self.corpus.place(a.id):>7}  {label(a)}"), id=a.id) for a in found
        )
        if found:
            at = self._shown.index(self.current) if not query and self.current in self._shown else 0
            options.highlighted = at

    def action_move(self, step: int) -> None:
        options = self.query_one("#picker-list", OptionList)
        if options.option_count:
            options.highlighted = ((options.highlighted or 0) + step) % options.option_count

    def action_choose(self) -> None:
        options = self.query_one("#picker-list", OptionList)
        if options.highlighted is not None and options.option_count:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    def action_close(self) -> None:
        self.dismiss(None)
