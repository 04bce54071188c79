"""The Textual application: a thin layer that shows what the core computes."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import App, SystemCommand
from textual.notifications import SeverityLevel
from textual.screen import Screen

from eternaut_reader.core.corpus import Corpus
from eternaut_reader.core.terminal import one_line, safe

if TYPE_CHECKING:
    from eternaut_reader.ui.annotator import Annotator
from eternaut_reader.ui.messages import AnnotatorReady, SaveState
from eternaut_reader.ui.screens.main import MainScreen
from eternaut_reader.ui.widgets.article_view import ArticleView

STORE_DELAY = 0.25  # seconds
QUIT_FLUSH_TIMEOUT = 5.0  # seconds to wait for the last changes to reach the disk on quit


class ReaderApp(App[None]):
    TITLE = "eternaut-reader"
    # Absolute, so that subclasses defined elsewhere (benchmarks, tests) find it too.
    CSS_PATH = Path(__file__).with_name("app.tcss")

    def __init__(
        self, corpus: Corpus, *, theme: str | None = None, db: str | Path | None = None
    ) -> None:
        super().__init__()
        self.corpus = corpus
        self.db = db
        self.annotator: Annotator | None = None
        # Why there are no annotations, once opening the database failed (one line).
        self.store_problem: str | None = None
        # Said on the terminal after the app has closed (cli.py prints it): e.g. changes
        # that could not be saved on the way out.
        self.exit_note: str | None = None
        if theme is not None:
            self.theme = theme

    def get_default_screen(self) -> Screen[None]:
        from eternaut_reader.core.paths import resolve_db_path
        from eternaut_reader.ui.session import session_path

        return MainScreen(self.corpus, session_path(resolve_db_path(self.db)))

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification of the app (widgets and screens call this one): messages quote
        file names, notes, ids and errors, so they are data, never markup or control codes."""
        super().notify(
            safe(message), title=safe(title), severity=severity, timeout=timeout, markup=False
        )

    async def action_quit(self) -> None:
        main = next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)
        if main is not None:
            main.save_session()
        store = self.annotator.store if self.annotator is not None else None
        if store is not None and not store.read_only:
            from eternaut_reader.core.storage import StoreError

            try:
                store.flush(timeout=QUIT_FLUSH_TIMEOUT)
            except StoreError as error:
                from eternaut_reader.ui.screens.unsaved import UnsavedScreen

                if not isinstance(self.screen, UnsavedScreen):
                    self.push_screen(UnsavedScreen(store, self.corpus, str(error)))
                return
        self.exit()

    def on_mount(self) -> None:
        for notice in self.corpus.notices:
            self.notify(notice, severity="warning", timeout=12, markup=False)
        # A moment after the first frame: reading and anchoring the database in a thread
        # would otherwise compete with drawing it (see benchmarks/bench_reader.py).
        self.set_timer(STORE_DELAY, self._open_store)
        # Start-up objects live as long as the app: keep them out of every later full
        # garbage collection, which otherwise shows as an occasional 50 ms pause on a key.
        self.call_after_refresh(gc.freeze)

    @work(thread=True, exit_on_error=False)
    def _open_store(self) -> None:
        """Open the database and anchor its claims off the UI thread; a bad database is
        reported, never reset."""
        from eternaut_reader.core.storage import StoreError
        from eternaut_reader.core.store import open_store
        from eternaut_reader.ui.annotator import Annotator

        try:
            store = open_store(self.db)
        except (StoreError, OSError) as exc:
            self.call_from_thread(self._store_unavailable, str(exc) or type(exc).__name__)
            return
        annotator = Annotator.load(store, self.corpus)
        self.post_message(AnnotatorReady(annotator))

    def _store_unavailable(self, reason: str) -> None:
        self.store_problem = one_line(reason)
        self.notify(reason, title="Annotations unavailable", severity="error", timeout=60)
        main = next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)
        if main is not None:
            main.refresh_claim_bar()

    def on_annotator_ready(self, message: AnnotatorReady) -> None:
        annotator: Annotator = message.annotator  # type: ignore[assignment]
        self.annotator = annotator
        screen = self.screen if isinstance(self.screen, MainScreen) else None
        main = next((s for s in self.screen_stack if isinstance(s, MainScreen)), screen)
        if main is not None:
            # The writer thread reports through a message: never block it on the UI.
            def report(state: str) -> None:
                main.post_message(SaveState(state))

            annotator.store.on_state(report)
            main.claims_loaded()
        if annotator.store.read_only:
            self.notify(
                f"{annotator.store.read_only_reason or 'The database is read-only'}: claims can "
                "be read and exported, not changed.",
                title="Read-only annotations",
                severity="warning",
                timeout=12,
            )

    def on_unmount(self) -> None:
        if self.annotator is None:
            return
        from eternaut_reader.core.storage import StoreError

        store = self.annotator.store
        try:
            store.close()  # waits until every change is on disk
        except StoreError as error:
            # Only reached when the app ends without `q` (which asks first): never a
            # traceback; the terminal is told what was not saved.
            self.exit_note = f"{store.pending} changes were not saved: {error}"
            store.abandon()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if not isinstance(screen, MainScreen):
            return
        from eternaut_reader.ui.keys import key_rows

        view = screen.focused_view
        for row in key_rows():
            if row.target == "pane" and view is not None:
                target: ArticleView | Screen[Any] = view
            elif row.target == "screen":
                target = screen
            else:
                continue
            yield SystemCommand(
                row.description, f"Key: {row.keys}", partial(self._run, row.action, target)
            )

    def _run(self, action: str, target: ArticleView | Screen[Any]) -> None:
        self.call_later(self.run_action, action, target)
