"""The claim view's two dialogs: the claim's summary and review, and one piece of evidence.

Both are modals that dismiss with what was written (or None), like the note editor; both ask
before dropping changes to a stray Esc. The evidence form checks the item as the store will
(record.check_evidence: an http or https URL, a URL or a title) and says what is wrong in one
line under the fields, so a bad URL is refused before it reaches the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static, TextArea

from eternaut_reader.core.annotations.model import Evidence
from eternaut_reader.core.annotations.record import BadRecord, check_evidence
from eternaut_reader.core.terminal import one_line, restore, safe
from eternaut_reader.core.text.display import printable
from eternaut_reader.ui.keys import key_hint, keyed
from eternaut_reader.ui.screens.choice import Choice, ChoiceScreen
from eternaut_reader.ui.screens.note import SUMMARY, refused, summary_hint
from eternaut_reader.ui.widgets.safe_inputs import SafeInput, SafeTextArea


@dataclass(frozen=True)
class RecordResult:
    summary: str
    review: str


def _ask_before_closing(screen: ModalScreen[Any], what: str, save: object, back: str) -> None:
    """Save, discard or keep editing: for a dialog closed with unsaved changes."""

    def answer(choice: str | None) -> None:
        if choice == "save":
            screen.dismiss(save)
        elif choice == "discard":
            screen.dismiss(None)
        else:
            screen.query_one(back).focus()

    screen.app.push_screen(
        ChoiceScreen(
            f"The {what} has unsaved changes.",
            [
                Choice("s", "Save", "save"),
                Choice("d", "Discard", "discard"),
                Choice("escape", "Keep editing", "keep"),
            ],
        ),
        answer,
    )


@keyed("Dialogs")
class RecordScreen(ModalScreen[RecordResult | None]):
    """The claim's summary (one line) and review (prose); dismisses with both, or None."""

    BINDINGS = [
        Binding(
            "ctrl+s", "save", "Claim: save the summary and review", id="record.save", priority=True
        ),
        Binding(
            "escape",
            "cancel",
            "Claim: close the summary and review (asks when changed)",
            id="record.cancel",
            priority=True,
        ),
    ]

    def __init__(self, title: str, summary: str, review: str) -> None:
        super().__init__()
        self.heading = title
        self.original = RecordResult(summary, review)

    def compose(self) -> ComposeResult:
        with Vertical(id="record-dialog"):
            yield Static(Content(printable(self.heading)), id="record-title")
            yield Static("Summary: the claim in short", classes="record-label")
            yield SafeInput(
                safe(self.original.summary),
                placeholder=f"The claim in short, for a fact-check (≤ {SUMMARY} characters)",
                id="record-summary",
            )
            yield Static("Review: why the verdict, in your words", classes="record-label")
            yield SafeTextArea(
                safe(self.original.review),
                id="record-review",
                soft_wrap=True,
                show_line_numbers=False,
                tab_behavior="focus",
            )
            yield Static(self._help(self.original.summary), id="record-help")

    def _help(self, summary: str) -> str:
        return (
            f"{key_hint(self.app, 'record.save')} save · Tab next field · "
            f"{key_hint(self.app, 'record.cancel')} close{summary_hint(summary)}"
        )

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "record-summary":
            self.query_one("#record-help", Static).update(self._help(event.value))

    def on_mount(self) -> None:
        summary = self.query_one("#record-summary", Input)
        summary.focus()
        summary.cursor_position = len(summary.value)

    def _result(self) -> RecordResult:
        summary = " ".join(self.query_one("#record-summary", Input).value.split())
        if summary == " ".join(safe(self.original.summary).split()):
            summary = self.original.summary  # untouched: kept exactly as it was
        review = restore(self.original.review, self.query_one("#record-review", TextArea).text)
        return RecordResult(summary, review.strip("\n"))

    def _too_long(self, result: RecordResult) -> bool:
        return refused(self, {"the summary": result.summary, "the review": result.review})

    def action_save(self) -> None:
        result = self._result()
        if not self._too_long(result):
            self.dismiss(result)

    def action_cancel(self) -> None:
        result = self._result()
        if result == self.original:
            self.dismiss(None)
            return
        if self._too_long(result):
            return
        _ask_before_closing(self, "summary and review", result, "#record-summary")


@keyed("Dialogs")
class EvidenceScreen(ModalScreen[Evidence | None]):
    """One piece of evidence: URL, title, quote, note. Dismisses with a checked Evidence."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Evidence: save", id="evidence.save", priority=True),
        Binding(
            "escape",
            "cancel",
            "Evidence: close (asks when changed)",
            id="evidence.cancel",
            priority=True,
        ),
    ]

    FIELDS = (
        ("url", "URL (http or https)", "https://…"),
        ("title", "Title", "What it is: a transcript, a press release, another outlet"),
        ("quote", "Quote", "The words that bear on the claim (optional)"),
        ("note", "Note", "What it shows (optional)"),
    )

    def __init__(self, title: str, item: Evidence | None = None) -> None:
        super().__init__()
        self.heading = title
        self.original = item or Evidence()

    def compose(self) -> ComposeResult:
        with Vertical(id="evidence-dialog"):
            yield Static(Content(printable(self.heading)), id="evidence-heading")
            for name, label, placeholder in self.FIELDS:
                yield Static(label, classes="evidence-label")
                yield SafeInput(
                    safe(getattr(self.original, name)),
                    placeholder=placeholder,
                    id=f"evidence-{name}",
                )
            yield Static("", id="evidence-error")
            yield Static(
                f"{key_hint(self.app, 'evidence.save')} save · Tab next field · "
                f"{key_hint(self.app, 'evidence.cancel')} close",
                id="evidence-help",
            )

    def on_mount(self) -> None:
        self.query_one("#evidence-url", Input).focus()

    def _value(self, name: str) -> str:
        shown = self.query_one(f"#evidence-{name}", Input).value
        original: str = getattr(self.original, name)
        if shown == safe(original).replace("\n", " "):
            return original  # untouched: kept exactly as it was
        return shown.strip() if name == "url" else " ".join(shown.split())

    def _item(self) -> Evidence:
        return Evidence(*(self._value(name) for name, _, _ in self.FIELDS))

    def _error(self, message: str) -> None:
        error = self.query_one("#evidence-error", Static)
        error.update(Content(one_line(message)))
        error.set_class(bool(message), "-shown")

    def action_save(self) -> None:
        item = self._item()
        try:
            check_evidence(item)
        except BadRecord as problem:
            self._error(str(problem))
            return
        self.dismiss(item)

    def on_input_changed(self) -> None:
        self._error("")

    def action_cancel(self) -> None:
        item = self._item()
        if item == self.original:
            self.dismiss(None)
            return
        try:
            check_evidence(item)
        except BadRecord as problem:
            # Nothing worth asking about can be saved: say why, and let Esc again discard.
            if self.query_one("#evidence-error", Static).has_class("-shown"):
                self.dismiss(None)
                return
            self._error(f"{problem} ({key_hint(self.app, 'evidence.cancel')} again discards)")
            return
        _ask_before_closing(self, "evidence", item, "#evidence-url")
