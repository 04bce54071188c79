"""The search prompt that `/` opens at the bottom of the screen."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """Type to highlight matches as you go; Enter keeps them, Escape restores the old search."""

    BINDINGS = [Binding("escape", "cancel", "Cancel search", key_display="Esc", show=False)]

    class Cancelled(Message):
        pass

    def __init__(self) -> None:
        super().__init__(
            placeholder="search this article (Enter to keep, Esc to cancel)", id="search"
        )

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())
