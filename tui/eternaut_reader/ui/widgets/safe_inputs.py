"""Text inputs that never hold a control character: what is typed or pasted is made safe.

A TextArea or Input draws its text as it is, so an ESC pasted into one (or a note loaded into
one) would reach the terminal. These put everything inserted through terminal.safe first;
safe() keeps the length, so cursor positions stay right.
"""

from __future__ import annotations

from textual.widgets import Input, TextArea
from textual.widgets.text_area import EditResult, Location

from eternaut_reader.core.terminal import safe


class SafeTextArea(TextArea):
    """A TextArea whose typed and pasted text is made safe (load it with safe text too)."""

    def _replace_via_keyboard(
        self, insert: str, start: Location, end: Location
    ) -> EditResult | None:
        # A paste's line ends as the terminal sends them: CR (tmux, most terminals) or CRLF.
        # They are line breaks, not characters to show as "␍" (found by an outside tester).
        text = insert.replace("\r\n", "\n").replace("\r", "\n")
        return super()._replace_via_keyboard(safe(text), start, end)


class SafeInput(Input):
    """An Input whose value is always one safe line, however it was set."""

    def validate_value(self, value: str) -> str:
        return safe(value).replace("\n", " ")
