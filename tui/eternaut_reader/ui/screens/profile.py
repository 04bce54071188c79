"""The first-run question: who is annotating? Asked once, when config.toml names nobody.

The answer is written into config.toml's [profile] (core/config.py `save_profile_name`); a
skip is written too (`name = ""`), so the question is never asked again.
"""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from eternaut_reader.core.terminal import one_line
from eternaut_reader.ui.keys import key_hint, keyed
from eternaut_reader.ui.widgets.safe_inputs import SafeInput


class _NameInput(SafeInput):
    """The name field, which keys typed before the question was asked never reach: "c j x"
    sent together tagged, then typed "jx" as the name (an outside tester). They are kept for
    the reader, to act on once the question is answered."""

    async def _on_key(self, event: events.Key) -> None:
        screen = self.screen
        if isinstance(screen, ProfileScreen) and screen.typed_ahead(event):
            event.prevent_default()
            return
        await super()._on_key(event)


@keyed("Dialogs")
class ProfileScreen(ModalScreen[str | None]):
    """Dismisses with the name typed, or "" when skipped."""

    DEFAULT_CSS = """
    ProfileScreen { align: center middle; }
    #profile-dialog {
        width: 70; max-width: 100%; height: auto;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    #profile-title { text-style: bold; color: $accent; }
    #profile-help { color: $foreground-muted; }
    #profile-buttons { height: auto; }
    """

    BINDINGS = [
        Binding(
            "escape",
            "skip",
            "Who is annotating: skip the question",
            id="profile.skip",
            priority=True,
        ),
    ]

    def __init__(self, fallback: str, config_path: str) -> None:
        super().__init__()
        self.fallback = fallback
        self.config_path = config_path
        # When the question came (on the clock of events): a key made before it was typed
        # ahead, for the reader, not for the name (see _NameInput).
        self.asked_at = Message().time
        self.early: list[events.Key] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="profile-dialog"):
            yield Static(Content("Who is annotating?"), id="profile-title")
            yield Static(
                Content(
                    "Your name is stamped on every claim you tag and on the exports. It is "
                    f"kept in {one_line(self.config_path)} ([profile] name)."
                )
            )
            yield _NameInput(placeholder="your name, e.g. Ana Pérez", id="profile-name")
            with Horizontal(id="profile-buttons"):
                yield Button("Save", id="profile-save", variant="primary")
                yield Button("Skip", id="profile-skip")
            yield Static(
                Content(
                    f"Enter saves · {key_hint(self.app, 'profile.skip')} skips (claims are "
                    f"then signed {one_line(self.fallback)!r}; you will not be asked again)"
                ),
                id="profile-help",
            )

    def on_mount(self) -> None:
        self.query_one("#profile-name", Input).focus()

    def typed_ahead(self, event: events.Key) -> bool:
        """Keep a key made before the question for the reader (see _NameInput)."""
        if event.time > self.asked_at:
            return False
        event.stop()
        self.early.append(event)
        return True

    def on_key(self, event: events.Key) -> None:
        # A key typed ahead that reached the dialog before its field had the focus.
        if event.key not in ("escape", "enter"):
            self.typed_ahead(event)

    def _save(self) -> None:
        name = " ".join(self.query_one("#profile-name", Input).value.split())
        self.dismiss(name)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self._save()

    @on(Button.Pressed, "#profile-save")
    def _save_pressed(self) -> None:
        self._save()

    @on(Button.Pressed, "#profile-skip")
    def _skip_pressed(self) -> None:
        self.action_skip()

    def action_skip(self) -> None:
        self.dismiss("")
