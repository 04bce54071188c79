"""The article's metadata (`i`): what is known about the focused pane's article, editable.

Title, outlet, author, URL, date and language can be corrected; the corrections are kept
beside the annotations (core/text/sources.py), never written into the article's file. The
id, the source and the fetch time are shown, not edited: the id is what claims hang on.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from eternaut_reader.core.terminal import restore, safe
from eternaut_reader.core.text.corpus import Article
from eternaut_reader.core.text.display import printable
from eternaut_reader.core.text.sources import EDITABLE, edit_problem
from eternaut_reader.ui.keys import key_hint, keyed
from eternaut_reader.ui.widgets.safe_inputs import SafeInput

LABELS = {
    "title": "Title",
    "outlet": "Outlet",
    "author": "Author",
    "url": "URL",
    "date": "Date",
    "language": "Language",
}
PLACEHOLDERS = {
    "title": "the headline",
    "outlet": "the publication, e.g. Reuters",
    "author": "who wrote it",
    "url": "https://…",
    "date": "YYYY-MM-DD",
    "language": "two letters, e.g. en, it (changes the sentence rules)",
}


@keyed("Dialogs")
class MetadataScreen(ModalScreen[dict[str, str | None] | None]):
    """Dismisses with the changed fields ({field: value or None}), or None when cancelled."""

    DEFAULT_CSS = """
    MetadataScreen { align: center middle; }
    #metadata-dialog {
        width: 84; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1; overflow-y: auto;
    }
    #metadata-heading { text-style: bold; color: $accent; }
    #metadata-about { color: $foreground-muted; margin-bottom: 1; }
    #metadata-help { color: $foreground-muted; }
    #metadata-error { height: auto; color: $error; text-style: bold; }
    .metadata-row { height: 1; margin-bottom: 1; }
    .metadata-row Label { width: 10; }
    .metadata-row Input { width: 1fr; height: 1; border: none; padding: 0 1; background: $panel; }
    .metadata-row Input:focus { border: none; background: $primary 25%; }
    .metadata-row .metadata-value { width: 1fr; padding: 0 1; }
    #metadata-read-only { color: $warning; margin-bottom: 1; }
    #metadata-buttons { height: auto; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Article details: save", id="metadata.save", priority=True),
        Binding(
            "escape",
            "cancel",
            "Article details: close without saving",
            id="metadata.cancel",
            priority=True,
        ),
    ]

    def __init__(self, article: Article, read_only: str | None = None) -> None:
        """`read_only`: why nothing can be saved (a read-only database); the details are then
        shown, not offered for editing (a tester saw Save and Ctrl+S, then a refusal)."""
        super().__init__()
        self.article = article
        self.read_only = read_only
        self.original = {name: self._value(name) for name in EDITABLE}

    def _value(self, name: str) -> str:
        value = getattr(self.article, name, None)
        return value if isinstance(value, str) else ""

    def compose(self) -> ComposeResult:
        article = self.article
        about = [f"id {article.id}"]
        if article.source:
            about.append(f"from {article.source}")
        if article.fetched:
            about.append(f"fetched {article.fetched}")
        with Vertical(id="metadata-dialog"):
            yield Static(Content("About this article"), id="metadata-heading")
            yield Static(Content(printable(" · ".join(about))), id="metadata-about")
            if self.read_only is not None:
                yield Static(
                    Content(
                        printable(f"Read-only: {self.read_only}; the details cannot be changed")
                    ),
                    id="metadata-read-only",
                )
            for name in EDITABLE:
                with Horizontal(classes="metadata-row"):
                    yield Label(LABELS[name])
                    if self.read_only is not None:
                        yield Static(
                            Content(printable(self.original[name]) or "—"),
                            id=f"metadata-{name}",
                            classes="metadata-value",
                        )
                        continue
                    yield SafeInput(
                        safe(self.original[name]),
                        placeholder=PLACEHOLDERS[name],
                        id=f"metadata-{name}",
                    )
            yield Static("", id="metadata-error")
            if self.read_only is not None:
                with Horizontal(id="metadata-buttons"):
                    yield Button("Close", id="metadata-cancel-button", variant="primary")
                yield Static(f"{key_hint(self.app, 'metadata.cancel')} closes", id="metadata-help")
                return
            with Horizontal(id="metadata-buttons"):
                yield Button("Save", id="metadata-save-button", variant="primary")
                yield Button("Cancel", id="metadata-cancel-button")
            yield Static(
                f"{key_hint(self.app, 'metadata.save')} saves (kept beside the claims, never "
                f"in the file) · {key_hint(self.app, 'metadata.cancel')} closes",
                id="metadata-help",
            )

    def on_mount(self) -> None:
        if self.read_only is not None:
            self.query_one("#metadata-cancel-button", Button).focus()
            return
        self.query_one("#metadata-title", Input).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Read-only: no save key, neither in the bar nor pressed.
        return not (action == "save" and self.read_only is not None)

    def changes(self) -> dict[str, str | None]:
        """The fields the user changed: an emptied field means "not known" (None)."""
        changed: dict[str, str | None] = {}
        for name in EDITABLE:
            typed = self.query_one(f"#metadata-{name}", Input).value
            value = restore(self.original[name], typed).strip()
            if value != self.original[name].strip():
                changed[name] = value or None
        return changed

    def action_save(self) -> None:
        if self.read_only is not None:
            return
        changes = self.changes()
        problems = [p for name, value in changes.items() if (p := edit_problem(name, value))]
        if problems:
            # Refused with the reason under the form, as the evidence dialog does: a wrong
            # date would be published as datePublished, a wrong language reads the sentences.
            self.query_one("#metadata-error", Static).update(Content(printable(problems[0])))
            return
        self.dismiss(changes)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#metadata-save-button")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#metadata-cancel-button")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
