"""The Textual application: a thin layer that shows what the core computes."""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events, work
from textual.app import App, SystemCommand
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen

from eternaut_reader.core.config import Config, load_config, save_theme
from eternaut_reader.core.terminal import one_line, safe
from eternaut_reader.core.text.corpus import Corpus
from eternaut_reader.ui.key_order import KeyOrder
from eternaut_reader.ui.screens.main import MainScreen
from eternaut_reader.ui.widgets.pane import ArticlePane

if TYPE_CHECKING:
    from eternaut_reader.core.analysis import Alignment
    from eternaut_reader.core.annotations.claims import ClaimIndex
    from eternaut_reader.core.annotations.editing import ClaimEditor

STORE_DELAY = 0.1  # seconds: just after the first frame, before anyone can press a key
WATCH_INTERVAL = 2.0  # seconds between looks for claims changed on disk by another program
ALIGN_DELAY = 0.4  # seconds: after the store, so that the first frame and the claims come first
QUIT_FLUSH_TIMEOUT = 5.0  # seconds to wait for the last changes to reach the disk on quit


def load_bindings() -> None:
    """Import every part of the UI that has key bindings, so that the key registry
    (ui/keys.py) holds them all: for the help screen, the palette, the keymap check and the
    README's table. The dialogs are otherwise imported only when first opened, to keep
    start-up quick."""
    from eternaut_reader.ui.screens import (  # noqa: F401
        claim_record,
        claim_view,
        export,
        help,
        link,
        matrix,
        metadata,
        note,
        picker,
        profile,
        search_all,
        unsaved,
    )
    from eternaut_reader.ui.widgets import claims_panel, pane, same_fact  # noqa: F401


class ReaderApp(App[None]):
    TITLE = "eternaut-reader"
    # Absolute, so that subclasses defined elsewhere (benchmarks, tests) find it too.
    CSS_PATH = Path(__file__).with_name("app.tcss")

    def get_css_variables(self) -> dict[str, str]:
        variables = super().get_css_variables()
        if os.environ.get("NO_COLOR"):
            # With NO_COLOR a list's chosen row has no background to stand out by: it is in
            # reverse video (an outside tester found only bold marking it). The colours are
            # swapped by hand, the text in the background's shade on the foreground's: an
            # option list draws its row with the cursor's colours and not its text style (in
            # a real terminal a "reverse" row came out bold on grey), while a data table
            # would reverse a reversed row back.
            foreground = variables.get("foreground", "white")
            variables["block-cursor-background"] = foreground
            variables["block-cursor-foreground"] = variables.get("background", "black")
            variables["block-cursor-text-style"] = "bold"
            # ...and when the list has not the focus (the picker's, while typing narrows it)
            # a lighter band under text of its usual shade (which a blurred option list keeps).
            variables["block-cursor-blurred-background"] = f"{foreground} 40%"
            variables["block-cursor-blurred-text-style"] = "bold"
        return variables

    @dataclass
    class EditorReady(Message):
        """The database is open and its claims anchored (posted by the opening worker)."""

        editor: ClaimEditor

    @dataclass
    class MoreClaims(Message):
        """The claims of the articles no pane showed at start, anchored after those on
        screen (posted by the opening worker)."""

        editor: ClaimEditor
        indexes: dict[str, ClaimIndex]
        version: int

    @dataclass
    class AlignmentReady(Message):
        """The reports are aligned (posted by the aligning worker)."""

        alignment: Alignment | None
        problem: str | None = None

    @dataclass
    class AlignProgress(Message):
        fraction: float

    @dataclass
    class SaveState(Message):
        """The store's writer reports "saving", "saved" or an error (from its thread)."""

        state: str

    @dataclass
    class ClaimsArrived(Message):
        """Another program (a git pull, a synced folder, a second reader) changed the claims
        on disk: the editor anchored afresh (posted by the watching worker)."""

        editor: ClaimEditor

    def __init__(
        self,
        corpus: Corpus,
        *,
        theme: str | None = None,
        db: str | Path | None = None,
        config: Config | None = None,
        ask_profile: bool = False,
    ) -> None:
        super().__init__()
        self._key_order = KeyOrder(self)
        self.corpus = corpus
        self.db = db
        # Ask who is annotating when config.toml names nobody (cli.py sets this; an app
        # made by a test or a script never asks).
        self.ask_profile = ask_profile
        self.config = config if config is not None else load_config()
        self.editor: ClaimEditor | None = None
        # The cross-source alignment, once its worker is done; progress meanwhile.
        self.alignment: Alignment | None = None
        self.align_progress: float | None = 0.0
        self.align_problem: str | None = None
        self._stop_aligning = threading.Event()
        # Set once the claims are shown (or cannot be): the alignment waits for it.
        self._claims_settled = threading.Event()
        # Why there are no annotations, once opening the database failed (one line).
        self.store_problem: str | None = None
        # Said on the terminal after the app has closed (cli.py prints it): e.g. changes
        # that could not be saved on the way out.
        self.exit_note: str | None = None
        # The export dialog opens on the format used last (kept with the session).
        self.export_format = "csv"
        self.export_path: Path | None = None  # the file last exported to, this session
        # The user's keymap (binding id -> keys), as given to set_keymap: ui/keys.py reads
        # it so that every hint names the keys the user chose.
        self.keymap: dict[str, str] = {}
        self._apply_keymap()
        chosen = theme or self.config.theme
        if chosen is not None:
            if chosen in self.available_themes:
                self.theme = chosen
            else:
                self._config_problems.append(
                    f"{self.config.path}: unknown theme {chosen!r}; using the default"
                )
        self._theme_from_start = self.theme

    def _apply_keymap(self) -> None:
        # The config checked the keymap against the bindings (core/keymap.py): what is left
        # can be applied, and its problems are told with the file's others.
        self._config_problems = list(self.config.problems)
        self.keymap = dict(self.config.keymap)
        if self.keymap:
            self.set_keymap(self.keymap)

    def get_default_screen(self) -> Screen[None]:
        from eternaut_reader.core.storage.paths import resolve_db_path
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

    def watch_theme(self, theme: str) -> None:
        """A theme picked in the app (the palette's "Theme") is kept for the next start."""
        if getattr(self, "_theme_from_start", None) in (None, theme):
            return
        self._theme_from_start = theme
        try:
            save_theme(theme, self.config.path)
        except (OSError, ValueError) as error:
            self.notify(f"The theme was not saved: {error}", severity="warning")

    async def action_quit(self) -> None:
        main = self._main_screen()
        if main is not None:
            main.save_session()
        store = self.editor.store if self.editor is not None else None
        if store is not None and not store.read_only:
            from eternaut_reader.core.storage.database import StoreError

            try:
                store.flush(timeout=QUIT_FLUSH_TIMEOUT)
            except StoreError as error:
                from eternaut_reader.ui.screens.unsaved import UnsavedScreen

                if not isinstance(self.screen, UnsavedScreen):
                    self.push_screen(UnsavedScreen(store, self.corpus, str(error)))
                return
        self._stop_aligning.set()
        self.exit()

    def remember_export_format(self, fmt: str) -> None:
        self.export_format = fmt
        main = self._main_screen()
        if main is not None:
            main.note_session_change()

    def remember_export_path(self, path: Path) -> None:
        self.export_path = path

    def action_help(self) -> None:
        """The help screen: every key of every part of the reader, as the keymap has it."""
        from eternaut_reader.ui.screens.help import HelpScreen

        load_bindings()
        # Notifications (a config problem stays up 20 s) would sit over the help's keys.
        self.clear_notifications()
        self.push_screen(HelpScreen())

    def _main_screen(self) -> MainScreen | None:
        return next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            parts = self._escape_then_key(event)
            if parts is not None:
                for part in parts:
                    await self.on_event(part)
                return
        # Keys and pastes in the order typed, a burst included: see key_order.py.
        if (
            isinstance(event, (events.Key, events.Paste))
            and not event.is_forwarded
            and not self._key_order.admit(event)
        ):
            return
        await super().on_event(event)

    def _escape_then_key(self, event: events.Key) -> tuple[events.Key, events.Key] | None:
        """Esc and a key sent together ("Esc j" from tmux send-keys, a macro, a fast typist)
        reach the app as one key, Alt+J: a terminal sends Alt+J as ESC then J. The reader
        binds no Alt key, so such a key is taken as the two it was sent as (Esc closes the
        panel, then j moves), where it was lost (found by an outside tester). Not in a text
        field, where Esc can cancel a dialog and lose what was typed, and not for an Alt key
        the user's keymap binds."""
        from textual.keys import _character_to_key
        from textual.widgets import Input, TextArea

        key, character = event.key, event.character
        if not key.startswith("alt+") or not character or not event.is_printable:
            return None
        if len(character) != 1 or key.count("+") != 1:
            return None  # Alt with Ctrl or Shift as well: a key of its own
        if any(key in keys.split(",") for keys in self.keymap.values()):
            return None
        if isinstance(self.focused, (Input, TextArea)):
            return None
        return events.Key("escape", "\x1b"), events.Key(_character_to_key(character), character)

    def on_mount(self) -> None:
        for notice in self.corpus.notices:
            self.notify(notice, severity="warning", timeout=12)
        for problem in self._config_problems:
            self.notify(problem, title="Settings", severity="warning", timeout=20)
        # A moment after the first frame: reading and anchoring the database in a thread
        # would otherwise compete with drawing it (see benchmarks/bench_reader.py).
        # Who is annotating is asked at the first change, not now: reading never waits on a
        # dialog, and the question comes when a claim is about to be signed.
        self._name_pending = self._should_ask_profile()
        self.set_timer(STORE_DELAY, self._start_store)
        self.set_timer(ALIGN_DELAY, self._align)
        # Start-up objects live as long as the app: keep them out of every later full
        # garbage collection, which otherwise shows as an occasional 50 ms pause on a key.
        self.call_after_refresh(gc.freeze)

    def _start_store(self) -> None:
        main = self._main_screen()
        self._open_store({pane.article.id for pane in main.panes} if main is not None else set())

    @work(thread=True, exit_on_error=False)
    def _open_store(self, first: set[str]) -> None:
        """Open the database and anchor its claims off the UI thread; a bad database is
        reported, never reset. The claims of the articles on screen (`first`) are anchored
        and shown first, those of the other articles just after."""
        from eternaut_reader.core.annotations.editing import ClaimEditor
        from eternaut_reader.core.storage.database import StoreError
        from eternaut_reader.core.storage.store import open_store, skipped_notice

        try:
            store = open_store(self.db)
        except (StoreError, OSError) as exc:
            self.call_from_thread(self._store_unavailable, str(exc) or type(exc).__name__)
            return
        others = any(article.id not in first for article in self.corpus.articles)
        editor = ClaimEditor.load(store, self.corpus, only=first if first and others else None)
        self.post_message(self.EditorReady(editor))
        notice = skipped_notice(store.skipped, store.damaged)
        if notice:
            # A damaged claims file is moved aside: say so, and where it went (an outside
            # tester saw a claim vanish with nothing on screen).
            self.call_from_thread(self.notify, notice, severity="warning", timeout=30)
        if first and others:
            indexes, version = editor.anchor_more(skip=first)
            self.post_message(self.MoreClaims(editor, indexes, version))
        if not store.read_only:
            from eternaut_reader.core.text.sources import records_path, remember_sources

            try:  # where each article came from, so that its claims can open it later
                remember_sources(records_path(self.db), self.corpus.articles)
            except OSError as exc:
                self.call_from_thread(
                    self.notify, f"Could not note the articles' sources: {exc}", severity="warning"
                )

    def _should_ask_profile(self) -> bool:
        import os

        from eternaut_reader.core.config import ANNOTATOR_ENV

        return (
            self.ask_profile
            and not self.config.profile_asked
            and not self.config.profile.name
            and not os.environ.get(ANNOTATOR_ENV, "").strip()
        )

    def name_first(self, then: Callable[[], None]) -> bool:
        """Before the first change of a run that has no annotator name: ask for one (once,
        skippable), then run `then`. True when the question is being asked (the caller
        stops and `then` runs after the answer); False when the change may go ahead."""
        if not getattr(self, "_name_pending", False) or self.editor is None:
            return False
        from eternaut_reader.core.config import save_profile_name
        from eternaut_reader.core.storage.store import default_annotator
        from eternaut_reader.ui.screens.profile import ProfileScreen

        self._name_pending = False
        editor = self.editor

        def answer(name: str | None) -> None:
            try:
                save_profile_name(name or "", self.config.path)
            except (OSError, ValueError) as error:
                self.notify(f"The name was not saved: {error}", severity="warning", timeout=12)
            else:
                if name:
                    self.notify(f"Claims are signed {name}", timeout=4)
            self.config = load_config(self.config.path)
            if name:
                # Nothing was changed yet this run: the claims made from now on are theirs.
                editor.store.annotator = name
            main = self._main_screen()
            if main is not None:
                main.claims_loaded()
            then()
            for key in question.early:  # typed ahead of the question: the reader's keys
                self.post_message(events.Key(key.key, key.character))

        question = ProfileScreen(default_annotator(), str(self.config.path))
        self.push_screen(question, answer)
        return True

    @work(thread=True, exit_on_error=False, group="align")
    def _align(self) -> None:
        """Align the reports off the UI thread (cached by content: usually a file read)."""
        from eternaut_reader.core.analysis import AlignCancelled, align

        if len(self.corpus.articles) < 2:
            self.post_message(self.AlignmentReady(None, "only one report is open"))
            return
        # The claims first: aligning a hundred reports while the claims are read and anchored
        # shares one interpreter lock with them, and made 100,000 claims wait 14 s, not 3 s.
        for _ in range(300):
            if self._claims_settled.wait(0.1) or self._stop_aligning.is_set():
                break
        if self._stop_aligning.is_set():
            return

        def progress(fraction: float) -> None:
            self.post_message(self.AlignProgress(fraction))

        try:
            alignment = align(self.corpus, progress=progress, cancel=self._stop_aligning.is_set)
        except AlignCancelled:
            return
        except (OSError, ValueError) as exc:
            self.post_message(self.AlignmentReady(None, str(exc) or type(exc).__name__))
            return
        self.post_message(self.AlignmentReady(alignment))

    def realign(self) -> None:
        """Align again after an article was opened from the claims panel, `f` or `u`: the
        alignment in use knows nothing of it. The one in use stays until the new one is
        ready (what it says of the other articles still holds); a run under way stops."""
        self._stop_aligning.set()
        self._stop_aligning = threading.Event()
        self.align_progress = 0.0
        self.align_problem = None
        self._align()

    def unaligned(self, article_id: str) -> bool:
        """Whether an open article is not in the alignment yet (it is being aligned)."""
        alignment = self.alignment
        return alignment is not None and article_id not in alignment.article_ids

    def on_reader_app_align_progress(self, message: ReaderApp.AlignProgress) -> None:
        self.align_progress = message.fraction
        main = self._main_screen()
        if main is not None:
            main.alignment_changed()

    def on_reader_app_alignment_ready(self, message: ReaderApp.AlignmentReady) -> None:
        self.alignment = message.alignment
        self.align_problem = message.problem
        self.align_progress = None
        main = self._main_screen()
        if main is not None:
            main.alignment_changed()
        self._refresh_claim_views()  # a claim view opened meanwhile shows the conflicts now

    def _refresh_claim_views(self) -> None:
        """Claim views open now redraw: claims arrived from disk, or the alignment is done."""
        from eternaut_reader.ui.screens.claim_view import ClaimViewScreen

        for screen in self.screen_stack:
            if isinstance(screen, ClaimViewScreen):
                screen.refresh_claim()

    def _store_unavailable(self, reason: str) -> None:
        self.store_problem = one_line(reason)
        self._claims_settled.set()
        self.notify(reason, title="Annotations unavailable", severity="error", timeout=60)
        main = self._main_screen()
        if main is not None:
            main.refresh_claim_bar()

    def on_reader_app_editor_ready(self, message: ReaderApp.EditorReady) -> None:
        editor = self.editor = message.editor
        # Claims made while the editor was being anchored (not possible before it is ready
        # today, but cheap to be sure of).
        editor.catch_up()
        if all(article.id in editor.indexes for article in self.corpus.articles):
            self._claims_settled.set()
        main = self._main_screen()
        if main is not None:
            # The writer thread reports through a message: never block it on the UI.
            def report(state: str) -> None:
                self.post_message(self.SaveState(state))

            editor.store.on_state(report)
            main.claims_loaded()
        self.set_interval(WATCH_INTERVAL, self._watch_disk)
        # The claims live as long as the app: out of every later full collection, which
        # would otherwise walk 100,000 of them in the middle of a key press.
        gc.freeze()
        if editor.store.read_only:
            self.notify(
                f"{editor.store.read_only_reason or 'The database is read-only'}: claims can "
                "be read and exported, not changed.",
                title="Read-only annotations",
                severity="warning",
                timeout=12,
            )

    def on_reader_app_more_claims(self, message: ReaderApp.MoreClaims) -> None:
        editor = message.editor
        editor.more(message.indexes, message.version)
        self._claims_settled.set()
        main = self._main_screen()
        if main is not None and editor is self.editor:
            main.claims_loaded()
        gc.freeze()

    def _watch_disk(self) -> None:
        if self.editor is not None:
            self._reload_if_changed(self.editor)

    @work(thread=True, exclusive=True, group="watch", exit_on_error=False)
    def _reload_if_changed(self, editor: ClaimEditor) -> None:
        """Claims that arrive on disk are shown: the store loads the files that changed, and
        the claims are anchored again off the UI thread."""
        from eternaut_reader.core.annotations.editing import ClaimEditor
        from eternaut_reader.core.storage.database import StoreError

        try:
            changed = editor.store.refresh(timeout=WATCH_INTERVAL)
        except StoreError:
            return  # the writer reports its own errors (SaveState)
        # Also when a save of ours loaded what another program had written (stale): the
        # claims it brought are in the store, not yet anchored.
        if changed or editor.stale():
            self.post_message(self.ClaimsArrived(ClaimEditor.load(editor.store, self.corpus)))

    def on_reader_app_claims_arrived(self, message: ReaderApp.ClaimsArrived) -> None:
        if self.editor is None or message.editor.store is not self.editor.store:
            return
        # Tags, notes and links made while the claims were anchored again go into the new
        # indexes before they are shown (the store has them; the old indexes did too).
        # Reloaded once more meanwhile: catch_up marks it stale, to be anchored again at the
        # next look at the disk.
        message.editor.catch_up()
        self.editor = message.editor
        main = self._main_screen()
        if main is not None:
            main.claims_loaded()
        # A claim view open meanwhile shows what arrived (another annotator's passage or
        # evidence) at once, as the panes do.
        self._refresh_claim_views()
        gc.freeze()

    def on_reader_app_save_state(self, message: ReaderApp.SaveState) -> None:
        main = self._main_screen()
        if main is not None:
            main.set_save_state(message.state)

    def on_unmount(self) -> None:
        self._stop_aligning.set()  # a running alignment never holds up the exit
        if self.editor is None:
            return
        from eternaut_reader.core.storage.database import StoreError

        store = self.editor.store
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

        load_bindings()
        view = screen.focused_view
        for row in key_rows(self.keymap):
            if row.target == "pane" and view is not None:
                target: ArticlePane | Screen[Any] = view
            elif row.target == "screen":
                target = screen
            else:
                continue
            yield SystemCommand(
                row.description, f"Key: {row.keys}", partial(self._run, row.action, target)
            )

    def _run(self, action: str, target: ArticlePane | Screen[Any]) -> None:
        self.call_later(self.run_action, action, target)
