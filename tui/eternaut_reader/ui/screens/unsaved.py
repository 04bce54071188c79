"""Asked on quit when the last changes could not be saved (disk full, a removed folder...).

Quitting must never lose a claim silently: the user can try saving again, write every claim
to another file (our lossless JSON, which `eternaut-reader import` reads back), or quit
anyway knowing what is lost.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from eternaut_reader.core.formats import ExportError, export
from eternaut_reader.core.storage.database import StoreError
from eternaut_reader.core.terminal import one_line
from eternaut_reader.ui.keys import keyed
from eternaut_reader.ui.widgets.safe_inputs import SafeInput

if TYPE_CHECKING:
    from eternaut_reader.core.storage.store import AnnotationStore
    from eternaut_reader.core.text.corpus import Corpus

RETRY_TIMEOUT = 5.0


def rescue_path(now: datetime | None = None) -> Path:
    """Where "write to another file" suggests: the home folder, which is often on another
    disk than the data folder that just failed."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return Path.home() / f"eternaut-reader-unsaved-{stamp}.json"


@keyed("Dialogs")
class UnsavedScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("r", "retry", "Unsaved changes: try saving again", id="unsaved.retry"),
        Binding(
            "w",
            "write_elsewhere",
            "Unsaved changes: write the claims to another file",
            id="unsaved.write",
        ),
        Binding("Q", "quit_anyway", "Unsaved changes: quit without saving", id="unsaved.quit"),
        Binding("escape", "back", "Unsaved changes: back to reading", id="unsaved.back"),
    ]

    def __init__(self, store: AnnotationStore, corpus: Corpus, error: str) -> None:
        super().__init__()
        self.store = store
        self.corpus = corpus
        self.error = error

    def compose(self) -> ComposeResult:
        with Vertical(id="unsaved-dialog"):
            yield Label("Changes not saved", id="unsaved-title")
            yield Static(self._explanation(), id="unsaved-reason")
            yield SafeInput(str(rescue_path()), id="unsaved-path")
            with Horizontal(id="unsaved-buttons"):
                yield Button("Retry (r)", variant="primary", id="unsaved-retry")
                yield Button("Write to file (w)", id="unsaved-write")
                yield Button("Quit anyway (Q)", variant="error", id="unsaved-quit")
            yield Label(
                "r retry · w write every claim to the file above · Q quit and lose them · Esc back",
                id="unsaved-help",
            )

    def _explanation(self) -> Content:
        count = self.store.pending
        changes = "1 change" if count == 1 else f"{count} changes"
        return Content(f"{changes} could not be saved to {self.store.path}: {one_line(self.error)}")

    def on_mount(self) -> None:
        self.query_one("#unsaved-retry", Button).focus()

    @on(Button.Pressed, "#unsaved-retry")
    def action_retry(self) -> None:
        try:
            self.store.flush(timeout=RETRY_TIMEOUT)
        except StoreError as error:
            self.error = str(error)
            self.query_one("#unsaved-reason", Static).update(self._explanation())
            self.notify(str(error), title="Still not saved", severity="error", timeout=8)
            return
        self.app.exit()

    @on(Button.Pressed, "#unsaved-write")
    @on(Input.Submitted, "#unsaved-path")
    def action_write_elsewhere(self) -> None:
        field = self.query_one("#unsaved-path", Input)
        raw = field.value.strip()
        if not raw:
            field.focus()
            return
        path = Path(raw).expanduser()
        if path.exists():
            self.notify(f"{path} exists; choose another name", severity="warning")
            field.focus()
            return
        try:
            result = export(self.store.annotations(), self.corpus, "json", path)
        except (ExportError, OSError) as error:
            self.notify(str(error), title="Not written", severity="error", timeout=15)
            field.focus()
            return
        self.store.abandon()
        self.app.exit_note = (  # type: ignore[attr-defined]
            f"the database could not be saved; all {result.count} claims were written to "
            f"{path} (read them back with: eternaut-reader import {path})"
        )
        self.app.exit()

    @on(Button.Pressed, "#unsaved-quit")
    def action_quit_anyway(self) -> None:
        count = self.store.pending
        self.store.abandon()
        self.app.exit_note = (  # type: ignore[attr-defined]
            f"quit without saving: {count} changes were lost ({one_line(self.error)})"
        )
        self.app.exit()

    def action_back(self) -> None:
        self.dismiss(None)
