"""The note editor: a modal with a multi-line editor for the claim under the cursor."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from eternaut_reader.core.claims import Claim
from eternaut_reader.core.display import printable
from eternaut_reader.core.tags import SYMBOLS
from eternaut_reader.core.terminal import restore, safe
from eternaut_reader.ui.widgets.safe_inputs import SafeTextArea


class NoteScreen(ModalScreen[str | None]):
    """Dismisses with the new note, or None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save the note", key_display="Ctrl+S", priority=True),
        Binding("escape", "cancel", "Cancel", key_display="Esc", priority=True),
    ]

    def __init__(self, claim: Claim) -> None:
        super().__init__()
        self.claim = claim

    def compose(self) -> ComposeResult:
        annotation = self.claim.annotation
        quote = annotation.quote if len(annotation.quote) <= 300 else annotation.quote[:299] + "…"
        with Vertical(id="note-dialog"):
            yield Static(
                Content(f"{SYMBOLS[annotation.tag]} {annotation.tag} · why?"), id="note-title"
            )
            yield Static(Content(printable(f"“{quote}”")), id="note-quote")
            # Shown with its control characters made visible; restore() puts them back
            # wherever the user did not edit, so an untouched note is saved exactly as it was.
            yield SafeTextArea(
                safe(annotation.note),
                id="note-editor",
                soft_wrap=True,
                show_line_numbers=False,
                tab_behavior="focus",
            )
            yield Static("Ctrl+S save · Esc cancel", id="note-help")

    def on_mount(self) -> None:
        editor = self.query_one(TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)

    def action_save(self) -> None:
        self.dismiss(restore(self.claim.annotation.note, self.query_one(TextArea).text))

    def action_cancel(self) -> None:
        self.dismiss(None)
