"""The export dialog (`e`): format, filters and file, written by a worker with progress."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, ProgressBar, Select
from textual.worker import Worker, get_current_worker

from eternaut_reader.core.annotations.model import TAGS
from eternaut_reader.core.annotations.tags import OPEN
from eternaut_reader.core.formats import FORMATS, ExportCancelled, ExportError, export
from eternaut_reader.core.report import REPORT_FORMATS, ReportError
from eternaut_reader.core.text.display import counted, printable
from eternaut_reader.ui.keys import key_hint, keyed
from eternaut_reader.ui.screens.choice import Choice, ChoiceScreen
from eternaut_reader.ui.widgets.safe_inputs import SafeInput
from eternaut_reader.ui.widgets.tick_box import TickBox

if TYPE_CHECKING:
    from eternaut_reader.core.storage.store import AnnotationStore
    from eternaut_reader.core.text.corpus import Corpus


# The fact-check report (core/report) in the same list: "report-md", "report-html".
REPORTS = {f"report-{fmt}": fmt for fmt in REPORT_FORMATS}
_REPORT_NAMES = {"md": "Markdown", "html": "HTML"}


def _extension(fmt: str) -> str:
    return REPORT_FORMATS[REPORTS[fmt]][1] if fmt in REPORTS else FORMATS[fmt].extension


def default_path(fmt: str, folder: Path | None = None, stem: str | None = None) -> Path:
    """A file named after the format, e.g. ./claims.csv, ./report.html.

    In the current folder unless `folder` is given; `stem` is the name of the file last
    written, kept unless it is the other kind's default ("claims" for a report and back).
    """
    kind = "report" if fmt in REPORTS else "claims"
    if stem is None or stem in {"claims", "report"}:
        stem = kind
    return (folder or Path.cwd()) / f"{stem}{_extension(fmt)}"


def path_stem(path: Path) -> str:
    """The name of `path` without the extension of any export format (a.claimreview.jsonld -> a)."""
    extensions = {FORMATS[f].extension for f in FORMATS} | {
        e for _, e, _ in REPORT_FORMATS.values()
    }
    for extension in sorted(extensions, key=len, reverse=True):
        if path.name.endswith(extension) and len(path.name) > len(extension):
            return path.name[: -len(extension)]
    return path.stem or path.name


@keyed("Dialogs")
class ExportScreen(ModalScreen[Path | None]):
    """Dismisses with the path written, or None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "export", "Export: write the file", id="export.write", priority=True),
        Binding("escape", "cancel", "Export: cancel", id="export.cancel", priority=True),
    ]

    def __init__(
        self, store: AnnotationStore, corpus: Corpus, fmt: str = "csv", last: Path | None = None
    ) -> None:
        super().__init__()
        self.store = store
        self.corpus = corpus
        # The last format used, remembered.
        self.format = fmt if fmt in FORMATS or fmt in REPORTS else "csv"
        # The folder and name last exported to in this session (a tester's reopened dialog
        # went back to the launch folder); only the extension follows the format.
        self._folder = last.parent if last is not None else None
        self._stem = path_stem(last) if last is not None else None
        # follows the format unless edited
        self._default = str(default_path(self.format, self._folder, self._stem))
        self._worker: Worker[Path] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog"):
            yield Label("Export the claims", id="export-title")
            reports = [
                (f"report ({_REPORT_NAMES.get(fmt, fmt)}) — {REPORT_FORMATS[fmt][0]}", key)
                for key, fmt in REPORTS.items()
            ]
            yield Select(
                [(f"{f.name} — {f.description}", f.name) for f in FORMATS.values()] + reports,
                value=self.format,
                allow_blank=False,
                id="export-format",
            )
            with Horizontal(id="export-tags"):
                for tag in (*TAGS, OPEN):
                    yield TickBox(
                        tag, value=True, disabled=self.format in REPORTS, id=f"export-tag-{tag}"
                    )
            # A report has no tag filter: its row says so in place of the boxes.
            yield Label("a report shows every claim, whatever its tag", id="export-tags-report")
            articles = [
                (printable(f"{n}/{len(self.corpus.articles)} {a.title}"), a.id)
                for n, a in enumerate(self.corpus.articles, 1)
            ]
            yield Select(
                [("every article", ""), *articles], value="", allow_blank=False, id="export-article"
            )
            yield SafeInput(self._default, id="export-path")
            yield ProgressBar(total=100, show_eta=False, id="export-progress")
            with Horizontal(id="export-buttons"):
                yield Button("Export", variant="primary", id="export-go")
                yield Button("Cancel", id="export-cancel")
                # CSV only: a UTF-8 byte-order mark, which Excel needs to read UTF-8.
                yield TickBox(
                    "UTF-8 BOM for Excel",
                    value=False,
                    disabled=not _takes_bom(self.format),
                    id="export-bom",
                )
            yield Label(
                f"{key_hint(self.app, 'export.write')} export · "
                f"{key_hint(self.app, 'export.cancel')} cancel",
                id="export-help",
            )

    def on_mount(self) -> None:
        self.query_one("#export-progress").display = False
        self.query_one("#export-bom").display = _takes_bom(self.format)
        self._show_tags(self.format)
        self.query_one("#export-format", Select).focus()

    def _show_tags(self, fmt: str) -> None:
        """The tag boxes for the formats that filter by tag; hidden (and out of Tab) for reports.

        Disabled boxes still read as ticked and active, and Tab skipped them (an outside tester).
        """
        report = fmt in REPORTS
        for tag in (*TAGS, OPEN):
            self.query_one(f"#export-tag-{tag}", Checkbox).disabled = report
        self.query_one("#export-tags").display = not report
        self.query_one("#export-tags-report").display = report

    @on(Select.Changed, "#export-format")
    def _format_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            # Shown for CSV only: a disabled box under a report read as a fault (an outside
            # tester).
            bom = self.query_one("#export-bom", Checkbox)
            bom.disabled = not _takes_bom(event.value)
            bom.display = _takes_bom(event.value)
            # A report shows every claim whole (a mixed claim needs all its tags): no tag filter.
            self._show_tags(event.value)
        field = self.query_one("#export-path", Input)
        if field.value == self._default and isinstance(event.value, str):
            self._default = str(default_path(event.value, Path(field.value).parent, self._stem))
            field.value = self._default

    @on(Button.Pressed, "#export-go")
    @on(Input.Submitted, "#export-path")
    def action_export(self) -> None:
        if self._worker is not None and self._worker.is_running:
            return
        fmt = str(self.query_one("#export-format", Select).value)
        tags = [t for t in (*TAGS, OPEN) if self.query_one(f"#export-tag-{t}", Checkbox).value]
        if not tags and fmt not in REPORTS:
            self.notify("Choose at least one tag to export", severity="warning")
            return
        article = str(self.query_one("#export-article", Select).value) or None
        if fmt not in REPORTS and not self._any_claim(tags, article):
            # Nothing to write: an empty file must not replace an earlier export (a tester's
            # "o" on the overwrite question wrote a file of 0 claims).
            self.notify("No claims to export with these tags and this article", severity="warning")
            return
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self.notify("Give a file to write", severity="warning")
            return
        path = Path(raw).expanduser()
        if path.exists():

            def answer(choice: str | None) -> None:
                if choice == "overwrite":
                    self._start(fmt, tags, article, path)
                else:
                    self.query_one("#export-path", Input).focus()

            self.app.push_screen(
                ChoiceScreen(
                    f"{path} already exists.",
                    [
                        Choice("o", "Overwrite it", "overwrite"),
                        Choice("escape", "Choose another name", "rename"),
                    ],
                    default=1,
                ),
                answer,
            )
            return
        self._start(fmt, tags, article, path)

    def _start(self, fmt: str, tags: list[str], article: str | None, path: Path) -> None:
        self.format = fmt
        remember = getattr(self.app, "remember_export_format", None)
        if callable(remember):
            remember(fmt)
        bar = self.query_one("#export-progress", ProgressBar)
        bar.display = True
        bar.update(progress=0)
        self._worker = self._run(fmt, tags, article, path)

    def _any_claim(self, tags: list[str], article: str | None) -> bool:
        wanted = {None if t == OPEN else t for t in tags}
        return any(
            a.tag in wanted and (article is None or a.article_id == article)
            for a in self.store.annotations()
        )

    @work(thread=True, exit_on_error=False)
    def _run(self, fmt: str, tags: list[str], article: str | None, path: Path) -> Path:
        worker = get_current_worker()
        bar = self.query_one("#export-progress", ProgressBar)

        def progress(done: int, total: int) -> None:
            self.app.call_from_thread(bar.update, total=max(total, 1), progress=done)

        config = getattr(self.app, "config", None)  # [profile]: ClaimReview's author and url
        if fmt in REPORTS:
            return self._report(REPORTS[fmt], article, path, getattr(config, "profile", None))
        bom = FORMATS[fmt].bom and self.query_one("#export-bom", Checkbox).value
        try:
            result = export(
                self.store,
                self.corpus,
                fmt,
                path,
                tags=tags,
                articles=article,
                progress=progress,
                cancelled=lambda: worker.is_cancelled,
                profile=getattr(config, "profile", None),
                bom=bom,
            )
        except ExportCancelled:
            return path
        except (ExportError, OSError) as exc:
            self.app.call_from_thread(self._failed, str(exc))
            return path
        # "Exported 3 reviews of 4 claims": what the file holds, and the claims in it.
        what = "" if result.unit == "annotation" else f"{counted(result.records, result.unit)} of"
        notes = tuple(result.notes)
        if result.left_out:
            # As the command says it: open claims have no place in a format of ratings (an
            # outside tester saw the dialog keep quiet about the five it left out).
            left_out = result.left_out_note
            notes += (left_out[:1].upper() + left_out[1:],)
        self.app.call_from_thread(self._done, result.path or path, result.count, notes, what)
        return path

    def _report(self, fmt: str, article: str | None, path: Path, profile: object) -> Path:
        """The fact-check report, as the `report` command writes it (in the worker)."""
        from eternaut_reader.core.report import make_report, write_report

        try:
            report, problems = make_report(
                self.store.annotations(),
                self.corpus,
                alignment=getattr(self.app, "alignment", None),  # the reader's, once ready
                only_articles=None if article is None else [article],
                publisher=getattr(profile, "organisation", None),
            )
            if not report.claims:
                raise ReportError("no claims to report: tag some claims first")
            write_report(report, fmt, path)
        except ReportError as exc:
            self.app.call_from_thread(self._failed, str(exc))
            return path
        what = f"the {_REPORT_NAMES.get(fmt, fmt)} report of"
        self.app.call_from_thread(self._done, path, len(report.claims), tuple(problems), what)
        return path

    def _failed(self, message: str) -> None:
        self.query_one("#export-progress").display = False
        self.notify(message, title="Export failed", severity="error", timeout=20)

    def _done(self, path: Path, count: int, notes: tuple[str, ...] = (), what: str = "") -> None:
        # "Exported 12 claims to …", or "Exported the HTML report of 5 claims to …"
        what = f"{what} " if what else ""
        self.notify(
            f"Exported {what}{counted(count, 'claim')} to {path}", title="Export", timeout=10
        )
        if notes:  # what the format would need and did not get (ClaimReview: review_url)
            self.notify("\n".join(notes), title="Export", severity="warning", timeout=20)
        remember = getattr(self.app, "remember_export_path", None)
        if callable(remember):
            remember(Path(path).absolute())
        self.dismiss(path)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        if self._worker is not None and self._worker.is_running:
            self._worker.cancel()
        self.dismiss(None)


def _takes_bom(fmt: str) -> bool:
    return fmt in FORMATS and FORMATS[fmt].bom
