"""The note editor: a modal with a multi-line editor for the claim under the cursor."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static, TextArea

from eternaut_reader.core.annotations.claims import Claim
from eternaut_reader.core.annotations.record import BadRecord, check_text
from eternaut_reader.core.annotations.tags import verdict
from eternaut_reader.core.terminal import one_line, restore, safe
from eternaut_reader.core.text.display import printable
from eternaut_reader.ui.keys import key_hint, keyed
from eternaut_reader.ui.screens.choice import Choice, ChoiceScreen
from eternaut_reader.ui.widgets.safe_inputs import SafeInput, SafeTextArea

# Google's limit for claimReviewed; a longer summary is cut at a word boundary on export.
SUMMARY = 75


def summary_hint(summary: str) -> str:
    """What the help line adds while a summary is over SUMMARY: it is kept whole, and
    ClaimReview cuts it at a word (said as it is typed, not found out in the export)."""
    length = len(" ".join(summary.split()))
    if length <= SUMMARY:
        return ""
    return f" · summary {length} characters: ClaimReview cuts it to {SUMMARY} at a word"


def refused(screen: ModalScreen[Any], texts: dict[str, str]) -> bool:
    """Say so, the dialog left open with its text, when a text is too long to save (over the
    limit an import would take: record.MAX_TEXT_CHARS)."""
    try:
        for name, text in texts.items():
            check_text(name, text)
    except BadRecord as problem:
        screen.notify(one_line(str(problem)), title="Not saved", severity="error", timeout=12)
        return True
    return False


@dataclass(frozen=True)
class NoteResult:
    note: str
    summary: str  # the claim in short, for a published fact-check ("" for none)


@keyed("Dialogs")
class NoteScreen(ModalScreen[NoteResult | None]):
    """Dismisses with the note and summary, or None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save the note", id="note.save", priority=True),
        Binding(
            "escape",
            "cancel",
            "Close (asks when there are changes)",
            id="note.cancel",
            priority=True,
        ),
    ]

    def __init__(self, claim: Claim | None = None, *, quote: str = "") -> None:
        """The note of `claim`; without one, the note of a new open claim on `quote`."""
        super().__init__()
        self.claim = claim
        self.quote = claim.annotation.quote if claim is not None else quote
        self.original = claim.annotation.note if claim is not None else ""
        self.original_summary = claim.annotation.summary if claim is not None else ""

    def compose(self) -> ComposeResult:
        quote = self.quote if len(self.quote) <= 300 else self.quote[:299] + "…"
        if self.claim is not None:
            title = f"{verdict(self.claim.annotation.tag)} · why?"
        else:
            title = f"{verdict(None)} · a new open claim: its verdict can come later"
        with Vertical(id="note-dialog"):
            yield Static(Content(title), id="note-title")
            yield Static(Content(printable(f"“{quote}”")), id="note-quote")
            # Shown with its control characters made visible; restore() puts them back
            # wherever the user did not edit, so an untouched note is saved exactly as it was.
            yield SafeTextArea(
                safe(self.original),
                id="note-editor",
                soft_wrap=True,
                show_line_numbers=False,
                tab_behavior="focus",
            )
            yield SafeInput(
                self.original_summary,
                placeholder=f"The claim in short, for a fact-check (≤ {SUMMARY} characters)",
                id="note-summary",
            )
            yield Static(self._help(self.original_summary), id="note-help")

    def _help(self, summary: str) -> str:
        return (
            f"{key_hint(self.app, 'note.save')} save · {key_hint(self.app, 'note.cancel')} "
            f"close{summary_hint(summary)}"
        )

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "note-summary":
            self.query_one("#note-help", Static).update(self._help(event.value))

    def on_mount(self) -> None:
        editor = self.query_one(TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)

    def _result(self) -> NoteResult:
        summary = " ".join(self.query_one("#note-summary", Input).value.split())
        return NoteResult(restore(self.original, self.query_one(TextArea).text), summary)

    def _checked(self) -> NoteResult | None:
        """The result, or None (with a message, the editor left open) when too long to save."""
        result = self._result()
        too_long = refused(self, {"the note": result.note, "the summary": result.summary})
        return None if too_long else result

    def action_save(self) -> None:
        result = self._checked()
        if result is not None:
            self.dismiss(result)

    def action_cancel(self) -> None:
        """Close; with unsaved changes, ask first, so that no typing is lost to a stray Esc."""
        if self._result() == NoteResult(self.original, self.original_summary):
            self.dismiss(None)
            return

        def answer(choice: str | None) -> None:
            result = self._checked() if choice == "save" else None
            if result is not None:
                self.dismiss(result)
            elif choice == "discard":
                self.dismiss(None)
            else:
                self.query_one(TextArea).focus()

        self.app.push_screen(
            ChoiceScreen(
                "The note has unsaved changes.",
                [
                    Choice("s", "Save", "save"),
                    Choice("d", "Discard", "discard"),
                    Choice("escape", "Keep editing", "keep"),
                ],
            ),
            answer,
        )
