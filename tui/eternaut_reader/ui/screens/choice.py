"""A question with a few answers, each on a key and a button: "save, discard or keep editing?"."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from eternaut_reader.ui.keys import display_key


@dataclass(frozen=True)
class Choice:
    key: str  # a Textual key name: "s", "escape"
    label: str
    value: str


class ChoiceScreen(ModalScreen[str]):
    """Dismisses with the chosen value; the last choice is also what Esc means."""

    def __init__(self, question: str, choices: list[Choice], *, default: int = 0) -> None:
        """`default`: the choice that has the focus, which Enter picks; a destructive answer
        ("Overwrite it") is never the default (Enter overwrote a report, a tester found)."""
        super().__init__()
        self.question = question
        self.choices = choices
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(id="choice-dialog"):
            yield Static(Content(self.question), id="choice-question")
            with Horizontal(id="choice-buttons"):
                for n, choice in enumerate(self.choices):
                    yield Button(
                        f"{choice.label} ({display_key(choice.key)})",
                        id=f"choice-{n}",
                        variant="primary" if n == self.default else "default",
                    )

    def on_mount(self) -> None:
        self.query_one(f"#choice-{self.default}", Button).focus()

    def on_key(self, event: events.Key) -> None:
        for choice in self.choices:
            if event.key == choice.key:
                event.stop()
                self.dismiss(choice.value)
                return
        if event.key == "escape":
            event.stop()
            self.dismiss(self.choices[-1].value)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        number = int((event.button.id or "choice-0").split("-")[1])
        self.dismiss(self.choices[number].value)
