"""The publishable fact-check report: every claim with its verdict, sources, conflicts, notes,
review and evidence, then the source scorecard and the claim × report matrix.

    from eternaut_reader.core.report import build_report, render
    report = build_report(store.annotations(), corpus.articles, alignment=align(corpus))
    text = render(report, "html")            # or "md"
    write_report(report, "html", "report.html")

content.py builds the report once (model.py holds its data); markdown.py and html.py render
that same content. The `report` command and the reader's export dialog both call these.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from eternaut_reader.core.report.content import DEFAULT_TITLE, build_report
from eternaut_reader.core.report.html import render_html
from eternaut_reader.core.report.markdown import render_markdown
from eternaut_reader.core.report.model import Report

if TYPE_CHECKING:
    from eternaut_reader.core.analysis.conflicts import AlignmentLike
    from eternaut_reader.core.annotations.model import Annotation
    from eternaut_reader.core.text.corpus import Corpus

__all__ = [
    "DEFAULT_TITLE",
    "REPORT_FORMATS",
    "Report",
    "ReportError",
    "build_report",
    "make_report",
    "render",
    "report_format",
    "write_report",
]

# format -> (what it is, the file name ending, its renderer)
REPORT_FORMATS: dict[str, tuple[str, str, Callable[[Report], str]]] = {
    "md": ("Markdown (CommonMark with tables), for a CMS", ".md", render_markdown),
    "html": ("one self-contained HTML page", ".html", render_html),
}


class ReportError(Exception):
    """A report could not be written; str() is one line, fit to show the user."""


NO_ALIGNMENT = "The reports could not be aligned: conflicts are from tags and links."


def make_report(
    annotations: Iterable[Annotation],
    corpus: Corpus,
    *,
    alignment: AlignmentLike | None = None,
    only_articles: Iterable[str] | None = None,
    annotators: Iterable[str] | None = None,
    title: str | None = None,
    publisher: str | None = None,
) -> tuple[Report, list[str]]:
    """The report of a corpus, as the `report` command and the export dialog make it: the
    alignment given (the reader's), else computed (cached by content: usually a file read).
    If it cannot be, the report says so and goes without; the second value holds that, one
    line, for the caller to show."""
    from eternaut_reader.core.analysis import AlignCancelled, align

    problems: list[str] = []
    if alignment is None and len(corpus.articles) > 1:
        try:
            alignment = align(corpus)
        except (AlignCancelled, OSError, ValueError) as exc:
            problems.append(f"no alignment ({exc}): the report shows what was tagged and linked")
    report = build_report(
        annotations,
        corpus.articles,
        alignment=alignment,
        only_articles=only_articles,
        annotators=annotators,
        title=title,
        publisher=publisher,
        notices=[NO_ALIGNMENT] if problems else [],
        remembered=getattr(corpus, "elsewhere", None),
    )
    return report, problems


def report_format(path: str | Path | None) -> str:
    """The format a file name asks for: html for .html or .htm, else md."""
    name = str(path or "").lower()
    return "html" if name.endswith((".html", ".htm")) else "md"


def render(report: Report, fmt: str) -> str:
    if fmt not in REPORT_FORMATS:
        raise ReportError(f"unknown report format {fmt!r}: expected one of md, html")
    return REPORT_FORMATS[fmt][2](report)


def write_report(report: Report, fmt: str, path: str | Path) -> Path:
    """Render and write atomically (a failed write never leaves half a file); raises
    ReportError with one line."""
    from eternaut_reader.core.storage.atomic import write_atomic

    text = render(report, fmt)
    target = Path(path)
    if target.is_dir():
        raise ReportError(f"cannot write {target}: it is a folder")
    try:
        write_atomic(target, [text.encode("utf-8")])
    except OSError as exc:
        raise ReportError(f"cannot write {target}: {exc.strerror or exc}") from exc
    return target
