"""The link chooser: which claim in another pane, and whether it supports or contradicts."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from eternaut_reader.core.annotations.claims import Claim
from eternaut_reader.core.annotations.model import RELATIONS
from eternaut_reader.core.annotations.tags import verdict
from eternaut_reader.core.text.display import printable
from eternaut_reader.ui.keys import display_key, display_keys, keyed
from eternaut_reader.ui.widgets.hint_line import HintLine


@dataclass(frozen=True)
class LinkTarget:
    pane_number: int
    article_title: str
    claim: Claim


@dataclass(frozen=True)
class LinkChoice:
    target: LinkTarget
    relation: str


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


_CLOSE = Binding("escape", "cancel", "Link: cancel", id="link.cancel")


@keyed("Dialogs")
class LinkScreen(ModalScreen[LinkChoice | None]):
    BINDINGS = [_CLOSE]

    def __init__(self, source: Claim, targets: list[LinkTarget]) -> None:
        super().__init__()
        self.source = source
        self.choices = [LinkChoice(t, r) for t in targets for r in RELATIONS]

    def compose(self) -> ComposeResult:
        options = []
        for choice in self.choices:
            claim = choice.target.claim
            label = (
                f"{choice.relation:<12} pane {choice.target.pane_number + 1} · "
                f"{verdict(claim.tag)[0]} “{_short(claim.annotation.quote)}” · "
                f"{_short(choice.target.article_title, 40)}"
            )
            options.append(Option(Content(printable(label))))
        with Vertical(id="link-dialog"):
            yield Static(
                Content(printable(f"Link “{_short(self.source.annotation.quote)}” to:")),
                id="link-title",
            )
            yield OptionList(*options, id="link-options")
            yield HintLine(
                f"{display_keys('up,down')} choose · {display_key('enter')} link · "
                f"{display_keys(_CLOSE.key)} cancel",
                id="link-help",
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.choices[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
