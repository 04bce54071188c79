"""Exports: one writer per format, a common filter, and `export()` that the CLI and UI both call.

    from eternaut_reader.core.formats import export
    result = export(store, corpus, "csv", "claims.csv", tags=["confirmed"], progress=cb)

`export` reads the annotations once at the start (store.annotations() takes the store's lock,
so a worker thread may call it while the UI keeps working), anchors them in the corpus, and
writes. To a path it writes through storage.atomic.atomic_file (a temporary file in the same
folder, fsynced and renamed over the target), so a failed or cancelled export never leaves
half a file. `progress(done, total)` is
called from the calling thread: at 0, about every 1% of the annotations, and at the end.
`cancelled()` is polled as often; when it returns True, ExportCancelled is raised.
Failures raise ExportError with a one-line message.

`profile` (config.Profile, or anything with its name, url, organisation and review_url) says
who publishes: ClaimReview's author and url come from it. What a format would need and did
not get (ClaimReview without review_url: Google requires a url) is said, one line each, in
ExportResult.notes; the export is written all the same. `bom=True` starts a CSV file with a
UTF-8 byte-order mark, for Excel (only CSV takes one: JSON must not have it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TextIO

from eternaut_reader.core.annotations.tags import OPEN, TAGS
from eternaut_reader.core.formats.base import (
    ArticleInfo,
    ExportCancelled,
    ExportError,
    ExportSet,
    Item,
    ProfileInfo,
    Progress,
    Source,
    Ticker,
    Writer,
    choose,
    prepare,
)
from eternaut_reader.core.formats.claimreview import (
    count_reviews,
    google_notes,
    write_claimreview,
)
from eternaut_reader.core.formats.markdown import write_markdown
from eternaut_reader.core.formats.native import write_json, write_jsonl
from eternaut_reader.core.formats.table import write_csv
from eternaut_reader.core.formats.w3c import write_w3c
from eternaut_reader.core.storage.atomic import atomic_file

__all__ = [
    "FORMATS",
    "CorpusLike",
    "ExportCancelled",
    "ExportError",
    "ExportResult",
    "ExportSet",
    "Format",
    "Item",
    "ProfileInfo",
    "choose",
    "export",
    "guess_format",
    "prepare",
    "write",
]


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    extension: str  # the default file name ending, with its dot
    media_type: str
    description: str
    writer: Writer
    # False for a format with no place for an open claim (no verdict): export leaves them out
    # and says how many in ExportResult.left_out.
    holds_open: bool = True
    # Whether the file may start with a UTF-8 byte-order mark (CSV, for Excel).
    bom: bool = False
    # What the format would need for its purpose and the export did not have (one line each).
    notes: Callable[[ExportSet], list[str]] | None = None
    # What one record of the file is, and how many the file holds, when that is not one per
    # annotation (ClaimReview: claims linked as the same one share a review).
    unit: str = "annotation"
    records: Callable[[ExportSet], int] | None = None


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("json", ".json", "application/json", "lossless JSON (importable)", write_json),
        Format(
            "jsonl", ".jsonl", "application/jsonl", "lossless JSON Lines (importable)", write_jsonl
        ),
        Format(
            "csv",
            ".csv",
            "text/csv",
            "one row per annotation, for spreadsheets",
            write_csv,
            bom=True,
        ),
        Format("md", ".md", "text/markdown", "a report by article and tag", write_markdown),
        Format(
            "w3c",
            ".jsonld",
            "application/ld+json",
            "W3C Web Annotation collection (importable)",
            write_w3c,
        ),
        Format(
            "claimreview",
            ".claimreview.jsonld",
            "application/ld+json",
            "schema.org ClaimReview, one per claim (open claims left out)",
            write_claimreview,
            holds_open=False,
            notes=google_notes,
            unit="review",
            records=count_reviews,
        ),
    )
}


def guess_format(path: str | Path) -> str | None:
    """The format whose extension the file name ends with (the longest such ending wins)."""
    name = Path(path).name.lower()
    found = [f for f in FORMATS.values() if name.endswith(f.extension)]
    return max(found, key=lambda f: len(f.extension)).name if found else None


@dataclass(frozen=True, slots=True)
class ExportResult:
    format: str
    count: int  # annotations written
    orphans: int  # of which orphans or in articles not in the corpus
    path: Path | None  # None when written to a stream
    left_out: int = 0  # open claims chosen but not written: the format has no place for them
    notes: tuple[str, ...] = ()  # what the format would need and did not get (see Format)
    # The records written, in the format's unit (Format.unit): `count` for every format but
    # ClaimReview, whose linked claims share one review ("Exported 4 claims" was said of 3
    # reviews, an outside tester found). -1: not given (taken as `count`).
    written: int = -1
    unit: str = "annotation"

    @property
    def records(self) -> int:
        return self.count if self.written < 0 else self.written

    @property
    def left_out_note(self) -> str:
        """What the command and the export dialog say of the open claims left out ("" when
        none were)."""
        if not self.left_out:
            return ""
        claims = "open claim" if self.left_out == 1 else "open claims"
        return (
            f"left out {self.left_out} {claims} (no verdict yet): {self.format} has no place "
            "for a claim without a rating"
        )


class _HasArticles(Protocol):
    @property
    def articles(self) -> Sequence[ArticleInfo]: ...


CorpusLike = _HasArticles | Iterable[ArticleInfo] | None


def _articles(corpus: CorpusLike) -> list[ArticleInfo]:
    if corpus is None:
        return []
    if isinstance(corpus, Iterable):
        return list(corpus)
    return list(corpus.articles)


def write(
    data: ExportSet,
    fmt: str,
    out: TextIO,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    bom: bool = False,
) -> None:
    """Write an already prepared ExportSet to an open text stream (opened with newline="");
    bom=True writes U+FEFF first (a UTF-8 stream makes it the byte-order mark)."""
    ticker = Ticker(len(data.items), progress, cancelled)
    ticker.start()
    if bom:
        out.write("\ufeff")
    FORMATS[fmt].writer(data, out, ticker)
    if not data.items and progress is not None:
        progress(0, 0)


def export(
    source: Source,
    corpus: CorpusLike,
    fmt: str,
    out: str | Path | TextIO,
    *,
    tags: str | Iterable[str] | None = None,
    articles: str | Iterable[str] | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    profile: ProfileInfo | None = None,
    bom: bool = False,
) -> ExportResult:
    """Export the annotations of `source` (a store, or any iterable of Annotation).

    corpus: a Corpus, a list of articles, or None (then every annotation's orphan status is
    unknown). fmt: a key of FORMATS. out: a path, or an open text stream. tags / articles:
    filters (see choose; "open" is a tag). A format that cannot hold open claims
    (ClaimReview) leaves them out and counts them in the result's `left_out`. profile: who
    publishes (see the module's doc); bom: a UTF-8 byte-order mark first (CSV only). Raises
    ExportError (ExportCancelled if cancelled); never leaves a partial file at a path.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}: expected one of {', '.join(FORMATS)}")
    if bom and not FORMATS[fmt].bom:
        takes = ", ".join(f.name for f in FORMATS.values() if f.bom)
        raise ExportError(f"a byte-order mark is for {takes} (Excel); {fmt} is written without")
    everything = source.annotations() if hasattr(source, "annotations") else list(source)
    try:
        chosen = choose(everything, tag=tags, article=articles)
    except ValueError as exc:
        raise ExportError(str(exc)) from exc
    filters = {"tag": _listed(tags), "article": _listed(articles)}
    if set(filters["tag"]) >= {*TAGS, OPEN}:
        # Every tag chosen is no filter: the report said "(only tag: confirmed, …)" of all
        # of them (found by an outside tester).
        filters["tag"] = []
    left_out = 0
    if not FORMATS[fmt].holds_open:
        left_out = sum(a.tag is None for a in chosen)
        chosen = [a for a in chosen if a.tag is not None]
    data = prepare(
        chosen,
        _articles(corpus),
        everything=everything,
        filters=filters,
        profile=profile,
        remembered=getattr(corpus, "elsewhere", None),
    )
    orphans = sum(item.orphan is not False for item in data.items)
    check = FORMATS[fmt].notes
    notes = tuple(check(data)) if check is not None else ()
    counter = FORMATS[fmt].records
    written = counter(data) if counter is not None else len(data.items)
    unit = FORMATS[fmt].unit
    if isinstance(out, str | Path):
        path = Path(out)
        _write_file(data, fmt, path, progress, cancelled, bom)
        return ExportResult(fmt, len(data.items), orphans, path, left_out, notes, written, unit)
    write(data, fmt, out, progress=progress, cancelled=cancelled, bom=bom)
    return ExportResult(fmt, len(data.items), orphans, None, left_out, notes, written, unit)


def _listed(value: str | Iterable[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _write_file(
    data: ExportSet,
    fmt: str,
    path: Path,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
    bom: bool,
) -> None:
    if path.is_dir():
        raise ExportError(f"cannot write {path}: it is a folder")
    try:
        with atomic_file(path, text=True, newline="") as handle:
            write(data, fmt, handle, progress=progress, cancelled=cancelled, bom=bom)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc
