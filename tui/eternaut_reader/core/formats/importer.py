"""Importing annotations: our JSON / JSON Lines exports and W3C Web Annotation files.

Every file is read and checked completely before anything is written (read_files), so a bad
file changes nothing; its error names the file, the record (its number or line, and its id)
and what is wrong, in one line. Then import_files hands all the annotations to
AnnotationStore.merge, whose rules are:

- keyed by annotation id: an annotation already stored exactly so is left alone, so importing
  the same file twice adds nothing;
- the same id by the same annotator with different content: the later `modified` wins (ours
  on a tie);
- the same id by another annotator: theirs is kept beside ours under an id derived from
  theirs (store.beside_id), never over ours.

What is read, and where each format's reading lives:

- our JSON ({"format": "eternaut-reader", "annotations": [...]}, or a bare array of records)
  and JSON Lines (one record a line): native.py, each record checked strictly by the record
  validator (annotations/record.py); "tag": null is an open claim.
- W3C: an AnnotationCollection with embedded pages, an AnnotationPage, one Annotation, an
  array of them, or one a line: w3c.py (read_w3c); a `highlighting` annotation without a
  tagging body is an open claim.

This module holds what they share: the files, the limits, the streaming and the errors.

Limits. Files come from other people, so an import is bounded; the defaults (Limits(), from
the constants below; the import command sets the first two with --max-file-size and
--max-annotations) are far above what a real export holds:

    MAX_FILE_BYTES        512 MiB   one file's size
    MAX_ANNOTATIONS     1,000,000   annotations in one import, all its files together
    MAX_TEXT_CHARS      1,048,576   a note, a quote (characters)
    MAX_CONTEXT_CHARS       1,024   a prefix, a suffix (we store 32)
    MAX_NAME_CHARS            200   an annotation id, a link's target, the annotator, the
                                    created / modified times, the content hash
    MAX_ARTICLE_ID_CHARS    2,048   an article id (a W3C source may be a long URL)
    MAX_LINKS               1,000   links of one annotation
    MAX_EVIDENCE            1,000   evidence items of one annotation (a URL is bounded
                                    like an article id, its title, quote and note like a note)
    MAX_OFFSET      2,147,483,647   start and end
    MAX_RECORD_VALUES     100,000   JSON values (strings, numbers, objects...) in one record
    MAX_DEPTH                 512   JSON nesting

Offsets. A span is 0 <= start < end with end - start == len(quote) (in code points, as the
TextPositionSelector says too). When the annotation's article is among the `articles` given
(the import command passes the bundled seeds, or --articles), end must also be within the
article's text, unless the record's content hash names another text of the article: its
offsets are then those of that other text, and anchoring finds the quote or keeps it as an
orphan, as for any annotation whose article changed.

Memory stays in proportion to the file: JSON Lines are read a line at a time, and a JSON
document is parsed as a stream (ijson), each record turned into an Annotation as soon as it
is complete, so neither the whole text nor the whole parsed tree is ever held. The nesting,
the number of values of a record and the size of the file bound what a hostile file can make
us build.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Protocol

import ijson

from eternaut_reader.core.annotations import record
from eternaut_reader.core.annotations.model import Annotation
from eternaut_reader.core.annotations.record import BadRecord, kind, shorten
from eternaut_reader.core.formats import native, w3c
from eternaut_reader.core.storage.store import AnnotationStore, MergeResult

__all__ = [
    "MAX_ANNOTATIONS",
    "MAX_ARTICLE_ID_CHARS",
    "MAX_CONTEXT_CHARS",
    "MAX_DEPTH",
    "MAX_EVIDENCE",
    "MAX_FILE_BYTES",
    "MAX_LINKS",
    "MAX_NAME_CHARS",
    "MAX_OFFSET",
    "MAX_RECORD_VALUES",
    "MAX_TEXT_CHARS",
    "ImportFileError",
    "ImportReport",
    "Limits",
    "ParsedFile",
    "import_files",
    "parse",
    "read_file",
    "read_files",
]

MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_ANNOTATIONS = 1_000_000
MAX_TEXT_CHARS = record.MAX_TEXT_CHARS
MAX_CONTEXT_CHARS = 1024
MAX_NAME_CHARS = 200
MAX_ARTICLE_ID_CHARS = record.MAX_URL_CHARS
MAX_LINKS = 1000
MAX_EVIDENCE = record.MAX_EVIDENCE
MAX_OFFSET = 2**31 - 1
MAX_RECORD_VALUES = 100_000
MAX_DEPTH = 512

# A line shorter than this is parsed by the json module at once (fast, and what it builds
# is small); a longer one is built through the same bounded builder as a JSON document.
_FAST_LINE_BYTES = 1024 * 1024
# A malformed document up to this size is parsed again by the json module, whose error says
# the line and column; a larger one gets the streaming parser's message.
_EXPLAIN_BYTES = 4 * 1024 * 1024
_CHUNK = 64 * 1024
_WHITESPACE = b" \t\n\r\x0b\x0c"
_BOM = codecs.BOM_UTF8


class ImportFileError(Exception):
    """A file that cannot be imported; str() is one line that names it.

    The message quotes the file name and the record's id as they are, so that nothing is lost;
    whoever prints it to a terminal passes it through core.terminal (the import command's
    `fail` does).
    """

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


# What is wrong with a file or one record; the caller adds the file and where.
_Bad = BadRecord


@dataclass(frozen=True, slots=True)
class Limits:
    """The bounds of one import; see the module's docstring."""

    file_bytes: int = MAX_FILE_BYTES
    annotations: int = MAX_ANNOTATIONS
    text_chars: int = MAX_TEXT_CHARS
    context_chars: int = MAX_CONTEXT_CHARS
    name_chars: int = MAX_NAME_CHARS
    article_id_chars: int = MAX_ARTICLE_ID_CHARS
    links: int = MAX_LINKS
    evidence: int = MAX_EVIDENCE
    offset: int = MAX_OFFSET
    record_values: int = MAX_RECORD_VALUES
    depth: int = MAX_DEPTH

    @classmethod
    def default(cls, **changes: int) -> Limits:
        """The limits as the module's constants say now (tests may lower one), with changes."""
        values = {
            "file_bytes": MAX_FILE_BYTES,
            "annotations": MAX_ANNOTATIONS,
            "text_chars": MAX_TEXT_CHARS,
            "context_chars": MAX_CONTEXT_CHARS,
            "name_chars": MAX_NAME_CHARS,
            "article_id_chars": MAX_ARTICLE_ID_CHARS,
            "links": MAX_LINKS,
            "evidence": MAX_EVIDENCE,
            "offset": MAX_OFFSET,
            "record_values": MAX_RECORD_VALUES,
            "depth": MAX_DEPTH,
        }
        return cls(**{**values, **changes})


class ArticleText(Protocol):
    """What the offset check reads of an article (corpus.Article has it)."""

    @property
    def id(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def content_hash(self) -> str: ...


@dataclass(frozen=True, slots=True)
class ParsedFile:
    path: Path
    format: str  # "json", "jsonl" or "w3c"
    annotations: list[Annotation]


@dataclass(frozen=True, slots=True)
class ImportReport:
    files: list[ParsedFile]
    result: MergeResult

    @property
    def count(self) -> int:
        return sum(len(f.annotations) for f in self.files)


# ---- reading files --------------------------------------------------------------------------


def read_file(
    path: str | Path,
    *,
    limits: Limits | None = None,
    articles: Iterable[ArticleText] | None = None,
) -> ParsedFile:
    """Parse one file completely; raises ImportFileError naming it."""
    return _Reader(limits, articles).read(path)


def read_files(
    paths: Iterable[str | Path],
    *,
    limits: Limits | None = None,
    articles: Iterable[ArticleText] | None = None,
) -> list[ParsedFile]:
    """Every file parsed, or ImportFileError for the first bad one (nothing is written).

    limits.annotations bounds all the files together: it is the size of one import.
    """
    reader = _Reader(limits, articles)
    return [reader.read(p) for p in paths]


def import_files(
    store: AnnotationStore,
    paths: Iterable[str | Path],
    *,
    dry_run: bool = False,
    limits: Limits | None = None,
    articles: Iterable[ArticleText] | None = None,
) -> ImportReport:
    """Read every file, then merge all their annotations into the store and save (flush)."""
    files = read_files(paths, limits=limits, articles=articles)
    result = store.merge((a for f in files for a in f.annotations), dry_run=dry_run)
    if not dry_run:
        store.flush()
    return ImportReport(files, result)


def parse(raw: bytes, *, limits: Limits | None = None) -> tuple[str, list[Annotation]]:
    """The format and the annotations of a file's bytes; raises _Bad (a ValueError)."""
    return _Reader(limits, None).parse(io.BytesIO(raw), len(raw))


class _Reader:
    """Reads the files of one import: the limits, the articles, and the count so far."""

    def __init__(self, limits: Limits | None, articles: Iterable[ArticleText] | None) -> None:
        self.limits = limits or Limits.default()
        self.articles = {a.id: (len(a.text), a.content_hash) for a in articles or ()}
        self.count = 0  # annotations read so far, all files of the import together
        # Annotations repeat their article id, hash, annotator and tag: one string each.
        self._shared: dict[str, str] = {}

    def read(self, path: str | Path) -> ParsedFile:
        path = Path(path)
        try:
            with self._open(path) as (f, size):
                fmt, annotations = self.parse(f, size)
        except _Bad as exc:
            why = str(exc)
            if path.suffix.lower() in (".csv", ".tsv", ".md") and why.startswith("not JSON"):
                # Our own CSV or Markdown export is for people, not for reading back (an
                # outside tester was told only that it was "not JSON").
                kind = "a Markdown" if path.suffix.lower() == ".md" else "a CSV"
                why = f"{kind} file: import reads our JSON, JSON Lines and W3C exports only"
            raise ImportFileError(path, why) from None
        return ParsedFile(path, fmt, annotations)

    # -- the file ------------------------------------------------------------------------------

    @staticmethod
    def _fail_open(path: Path, exc: OSError) -> _Bad:
        if isinstance(exc, FileNotFoundError):
            return _Bad("no such file")
        if isinstance(exc, IsADirectoryError):
            return _Bad("is a folder, not a file")
        return _Bad(f"cannot read it: {exc.strerror or exc}")

    def _open(self, path: Path) -> _Opened:
        try:
            f: IO[bytes] = path.open("rb")
            info = os.fstat(f.fileno())
        except OSError as exc:
            raise self._fail_open(path, exc) from None
        if stat.S_ISDIR(info.st_mode):
            f.close()
            raise _Bad("is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            # A pipe or a device: copied into a temporary file (no further than the limit),
            # because telling JSON Lines from a document needs to read ahead and come back.
            with f:
                f = _spool(f, self.limits.file_bytes)
            info = os.fstat(f.fileno())
            if info.st_size > self.limits.file_bytes:
                f.close()
                limit = self.limits.file_bytes
                raise _Bad(f"more than {limit:,} bytes, the limit ({_mib(limit)}; --max-file-size)")
        self._check_size(info.st_size, f)
        return _Opened(f, info.st_size)

    def _check_size(self, size: int, f: IO[bytes]) -> None:
        limit = self.limits.file_bytes
        if size > limit:
            f.close()
            raise _Bad(
                f"the file is {size:,} bytes, over the limit of {limit:,} bytes "
                f"({_mib(limit)}; --max-file-size)"
            )

    # -- which format ------------------------------------------------------------------------

    def parse(self, f: IO[bytes], size: int) -> tuple[str, list[Annotation]]:
        head = f.read(8192)
        if not head.strip(_WHITESPACE) and not _more(f):
            raise _Bad("the file is empty")
        if b"\x00" in head:
            raise _Bad("a binary file, not JSON")
        start = len(_BOM) if head.startswith(_BOM) else 0
        first = _first_content(f, start)
        if first is None:
            raise _Bad("the file is empty")
        lines, one_line = self._is_lines(f, first)
        if lines:
            f.seek(start)
            return self._lines(f, start)
        f.seek(start)
        try:
            return self._document(f, "line 1" if one_line else "annotation 1")
        except (ijson.JSONError, _TooDeep, ValueError) as exc:
            if isinstance(exc, _Bad):
                raise
            raise self._explain(f, start, size, exc) from None

    def _is_lines(self, f: IO[bytes], first: int) -> tuple[bool, bool]:
        """Whether the file is JSON Lines: its first line is a whole JSON value and more
        follows it; and whether it is all on one line."""
        f.seek(first)
        if f.read(1) != b"{":
            return False, False  # a JSON Lines file holds objects; an array is one document
        end = _line_end(f, first)
        f.seek(end)
        if not _more(f):
            return False, True
        f.seek(first)
        try:
            for _ in _bounded(ijson.basic_parse(_Slice(f, end - first)), self.limits.depth):
                pass
        except (ijson.JSONError, _TooDeep, ValueError):
            return False, False  # the first line of a document spread over lines
        return True, False

    def _explain(self, f: IO[bytes], start: int, size: int, exc: Exception) -> _Bad:
        """The error of a document that does not parse, as the json module would say it."""
        f.seek(start)
        bad = _utf8_error(f, start)
        if bad is not None:
            return bad
        if isinstance(exc, _TooDeep):
            return _Bad("not an annotation file (JSON nested too deeply)")
        if size <= _EXPLAIN_BYTES:
            f.seek(start)
            text = f.read().decode("utf-8")
            try:
                json.loads(text)
            except json.JSONDecodeError as err:
                if err.msg == "Extra data":
                    # More than one JSON value: JSON Lines after all, so the bad line says why.
                    f.seek(start)
                    self._lines(f, start)
                return _Bad(f"not JSON (line {err.lineno}, column {err.colno}: {err.msg})")
            except RecursionError:
                return _Bad("not an annotation file (JSON nested too deeply)")
            except ValueError as err:
                return _Bad(f"not JSON ({_value_error(err)})")
        return _Bad(f"not JSON ({_first_line(str(exc))})")

    # -- JSON Lines ----------------------------------------------------------------------------

    def _lines(self, f: IO[bytes], offset: int) -> tuple[str, list[Annotation]]:
        annotations: list[Annotation] = []
        formats: set[str] = set()
        for n, line in enumerate(f, 1):
            here, offset = offset, offset + len(line)
            if not line.strip(_WHITESPACE):
                continue
            record = self._line_value(n, line, here)
            where = _where(f"line {n}", record)
            self._count(where)
            try:
                fmt, ann = self._record(record)
            except _Bad as exc:
                raise _Bad(f"{where}: {exc}") from None
            formats.add(fmt)
            annotations.append(ann)
        return ("w3c" if formats == {"w3c"} else "jsonl"), annotations

    def _line_value(self, n: int, line: bytes, offset: int) -> Any:
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _Bad(_not_utf8(line[exc.start], offset + exc.start)) from None
        if len(line) < _FAST_LINE_BYTES:
            try:
                return json.loads(text)
            except json.JSONDecodeError as exc:
                raise _Bad(f"line {n}: not JSON ({exc.msg}, column {exc.colno})") from None
            except RecursionError:
                raise _Bad(f"line {n}: not JSON (nested too deeply)") from None
            except ValueError as exc:
                raise _Bad(f"line {n}: not JSON ({_value_error(exc)})") from None
        del text
        # A long line is built under the same bounds as a document's record, so that a line
        # of 100 MB of `[[],[],...]` cannot become gigabytes of lists.
        events = _bounded(ijson.basic_parse(io.BytesIO(line), use_float=True), self.limits.depth)
        try:
            value = _build(next(events), events, self.limits.record_values, f"line {n}")
            for _ in events:  # anything after the value on its line is an error
                pass
            return value
        except (ijson.JSONError, ValueError, StopIteration) as exc:
            if isinstance(exc, _Bad):
                raise
            raise _Bad(f"line {n}: not JSON ({_first_line(str(exc))})") from None
        except _TooDeep:
            raise _Bad(f"line {n}: not JSON (nested too deeply)") from None

    # -- a JSON document, streamed -------------------------------------------------------------

    def _document(self, f: IO[bytes], alone: str) -> tuple[str, list[Annotation]]:
        """Build the document except its arrays of records, whose items are each turned into
        an Annotation as soon as they are complete, and dropped.

        `alone` is where a document that is one annotation is: "line 1" when the file is a
        line (a JSON Lines file of one record), else "annotation 1".
        """
        events = _bounded(ijson.basic_parse(f, use_float=True), self.limits.depth)
        streams: dict[tuple[str | None, ...], _Stream] = {}
        numbered = iter(range(1, 1 << 62))  # the records of the file, in file order
        root: Any = None
        stack: list[tuple[Any, tuple[str | None, ...], _Stream | None]] = []
        key: str | None = None
        budget = self.limits.record_values  # values outside the arrays of records
        for event, value in events:
            if event == "map_key":
                key = value
                continue
            if event == "end_map" or event == "end_array":
                stack.pop()
                continue
            if stack and stack[-1][2] is not None:
                records = stack[-1][2]
                n = next(numbered)
                where = f"annotation {n}"
                records.add(n, _build((event, value), events, self.limits.record_values, where))
                continue
            budget -= 1
            if budget < 0:
                raise _Bad(
                    f"more than {self.limits.record_values:,} JSON values outside the "
                    "arrays of annotations"
                )
            if stack:
                parent, path, _ = stack[-1]
                if isinstance(parent, dict):
                    here: tuple[str | None, ...] = (*path, key)
                else:
                    here = (*path, None)
            else:
                here = ()
            if event == "start_map" or event == "start_array":
                made: Any = {} if event == "start_map" else []
                stream: _Stream | None = None
                if event == "start_array" and _holds_records(here):
                    parse_one = self._ours_checked if here == ("annotations",) else self._record
                    stream = streams.setdefault(here, _Stream(self, parse_one))
                _attach(stack, key, made)
                if not stack:
                    root = made
                stack.append((made, here, stream))
            else:
                _attach(stack, key, value)
                if not stack:
                    root = value
        return self._parse_document(root, streams, alone)

    def _parse_document(
        self, doc: Any, streams: Mapping[tuple[str | None, ...], _Stream], alone: str
    ) -> tuple[str, list[Annotation]]:
        def records(path: tuple[str | None, ...]) -> _Stream:
            return streams.get(path) or _Stream(self, self._record)

        if isinstance(doc, list):
            items = records(())
            found = items.result()
            return ("w3c" if found and items.all_w3c else "json"), found
        if not isinstance(doc, dict):
            raise _Bad(f"not an annotation file (the JSON is {kind(doc)}, not an object)")
        if native.is_native(doc):
            native.check_header(doc)
            return "json", records(("annotations",)).result()
        if w3c.is_w3c(doc):
            if w3c.is_annotation(doc):
                return "w3c", [self._alone(doc, alone)]
            annotations: list[Annotation] = []
            for path in w3c.pages(doc):
                annotations.extend(records(path).result())
            return "w3c", annotations
        if native.is_record(doc):
            return "json", [self._alone(doc, alone)]
        keys = ", ".join(sorted(map(str, doc))[:6]) or "none"
        raise _Bad(
            "not an eternaut-reader export or a W3C Web Annotation file "
            f"(a JSON object with keys: {keys})"
        )

    def _alone(self, doc: dict[str, Any], place: str) -> Annotation:
        """The document is one annotation."""
        where = _where(place, doc)
        self._count(where)
        try:
            return self._record(doc)[1]
        except _Bad as exc:
            raise _Bad(f"{where}: {exc}") from None

    # -- records -------------------------------------------------------------------------------

    def _count(self, where: str) -> None:
        self.count += 1
        if self.count > self.limits.annotations:
            raise _Bad(
                f"{where}: more than {self.limits.annotations:,} annotations in one import "
                "(--max-annotations)"
            )

    def _record(self, record: Any) -> tuple[str, Annotation]:
        if not isinstance(record, dict):
            raise _Bad(f"expected an object, found {kind(record)}")
        if w3c.is_annotation(record):
            ann = w3c.read_w3c(record, limits=self.limits, share=self._share)
            return "w3c", self._within_article(ann)
        return "json", self._ours_checked(record)[1]

    def _ours_checked(self, record: Any) -> tuple[str, Annotation]:
        ann = native.read_native(record, limits=self.limits, share=self._share)
        return "json", self._within_article(ann)

    def _within_article(self, ann: Annotation) -> Annotation:
        """The annotation (checked by the record validator), once its span is within its
        article when the article is known and the record was made on its current text."""
        known = self.articles.get(ann.article_id)
        if known is not None:
            length, content_hash = known
            same_text = not ann.content_hash or ann.content_hash == content_hash
            if same_text and ann.end > length:
                raise _Bad(
                    f"end {ann.end:,} is beyond the end of article {ann.article_id} "
                    f"({length:,} characters)"
                )
        return ann

    def _share(self, text: str) -> str:
        """One string object for equal values that annotations repeat (memory, not meaning)."""
        return self._shared.setdefault(text, text)


class _Opened:
    """The open file and its size, closed when done (a context manager)."""

    def __init__(self, f: IO[bytes], size: int) -> None:
        self.f, self.size = f, size

    def __enter__(self) -> tuple[IO[bytes], int]:
        return self.f, self.size

    def __exit__(self, *exc: object) -> None:
        self.f.close()


class _Stream:
    """The records of one array of a document, turned into Annotations as they come.

    The first bad record is kept and raised only if the array turns out to be the document's
    annotations (a document's own errors, like a newer format version, come first); records
    after it are dropped unread.
    """

    def __init__(self, reader: _Reader, parse_one: Callable[[Any], tuple[str, Annotation]]):
        self.reader, self.parse_one = reader, parse_one
        self.annotations: list[Annotation] = []
        self.all_w3c = True
        self.error: _Bad | None = None

    def add(self, n: int, record: Any) -> None:
        if self.error is not None:
            return
        where = _where(f"annotation {n}", record)
        self.reader._count(where)
        try:
            fmt, ann = self.parse_one(record)
        except _Bad as exc:
            self.error = _Bad(f"{where}: {exc}")
            self.annotations = []
            return
        self.all_w3c = self.all_w3c and fmt == "w3c"
        self.annotations.append(ann)

    def result(self) -> list[Annotation]:
        if self.error is not None:
            raise self.error
        return self.annotations


# ---- streaming JSON -------------------------------------------------------------------------


class _TooDeep(Exception):
    pass


def _bounded(events: Iterable[tuple[str, Any]], depth: int) -> Iterator[tuple[str, Any]]:
    """ijson's events, stopped with _TooDeep beyond `depth` levels of nesting."""
    level = 0
    for event, value in events:
        if event == "start_map" or event == "start_array":
            level += 1
            if level > depth:
                raise _TooDeep
        elif event == "end_map" or event == "end_array":
            level -= 1
        yield event, value


def _build(
    first: tuple[str, Any], events: Iterator[tuple[str, Any]], budget: int, where: str
) -> Any:
    """The JSON value that begins with the event `first`, read from events; no more than
    `budget` values (a record's limit), so that a small file cannot build a huge tree."""
    event, value = first
    if event != "start_map" and event != "start_array":
        return value
    root: Any = {} if event == "start_map" else []
    left = budget
    stack = [root]
    top = root
    key = None
    for event, value in events:
        if event == "map_key":
            key = value
            continue
        if event == "end_map" or event == "end_array":
            stack.pop()
            if not stack:
                return root
            top = stack[-1]
            continue
        left -= 1
        if left < 0:
            raise _Bad(f"{where}: more than {budget:,} JSON values in one annotation")
        if event == "start_map" or event == "start_array":
            value = {} if event == "start_map" else []
            if type(top) is dict:
                top[key] = value
            else:
                top.append(value)
            stack.append(value)
            top = value
        elif type(top) is dict:
            top[key] = value
        else:
            top.append(value)
    raise ijson.IncompleteJSONError("premature end of the JSON")


def _attach(stack: list[tuple[Any, Any, Any]], key: str | None, value: Any) -> None:
    if not stack:
        return
    parent = stack[-1][0]
    if isinstance(parent, dict):
        parent[key] = value
    else:
        parent.append(value)


def _holds_records(path: tuple[str | None, ...]) -> bool:
    """An array whose items are annotations: a bare array, ours, or a W3C page's items."""
    return path in ((), ("annotations",)) or w3c.is_items(path)


class _Slice:
    """The next `size` bytes of a file, as a file (only read(), which is what ijson calls)."""

    def __init__(self, f: IO[bytes], size: int) -> None:
        self.f, self.left = f, size

    def read(self, n: int = -1) -> bytes:
        n = self.left if n < 0 else min(n, self.left)
        data = self.f.read(n)
        self.left -= len(data)
        return data


def _spool(f: IO[bytes], limit: int) -> IO[bytes]:
    copy = tempfile.TemporaryFile()  # noqa: SIM115 (returned open: the caller closes it)
    shutil.copyfileobj(_Slice(f, limit + 1), copy)  # one byte more says it is over
    copy.seek(0)
    return copy


def _more(f: IO[bytes]) -> bool:
    """Whether anything but white space follows the file's position."""
    while chunk := f.read(_CHUNK):
        if chunk.strip(_WHITESPACE):
            return True
    return False


def _first_content(f: IO[bytes], start: int) -> int | None:
    """The offset of the first byte that is not white space, from start."""
    f.seek(start)
    offset = start
    while chunk := f.read(_CHUNK):
        rest = chunk.lstrip(_WHITESPACE)
        if rest:
            return offset + len(chunk) - len(rest)
        offset += len(chunk)
    return None


def _line_end(f: IO[bytes], start: int) -> int:
    """The offset just after the newline that ends the line at start (or the file's end)."""
    f.seek(start)
    offset = start
    while chunk := f.read(_CHUNK):
        found = chunk.find(b"\n")
        if found >= 0:
            return offset + found + 1
        offset += len(chunk)
    return offset


def _utf8_error(f: IO[bytes], offset: int) -> _Bad | None:
    decoder = codecs.getincrementaldecoder("utf-8")()
    while True:
        chunk = f.read(_CHUNK)
        pending = decoder.getstate()[0]
        try:
            decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            return _Bad(_not_utf8(exc.object[exc.start], offset - len(pending) + exc.start))
        if not chunk:
            return None
        offset += len(chunk)


def _not_utf8(byte: int, offset: int) -> str:
    return f"not UTF-8 text (byte {byte:#04x} at offset {offset})"


def _first_line(message: str) -> str:
    lines = message.strip().splitlines()
    return lines[0].strip().rstrip(".") if lines else "malformed"


def _value_error(exc: ValueError) -> str:
    """What the json module's ValueError (not a JSONDecodeError) says, for a user."""
    if "integer string conversion" in str(exc):
        # Python refuses to make an int of thousands of digits; its message advises a setting
        # of the interpreter, which is no use to someone importing a file.
        return f"a number of more than {sys.get_int_max_str_digits():,} digits"
    return _first_line(str(exc))


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"


# ---- messages -------------------------------------------------------------------------------


def _where(place: str, record: Any) -> str:
    """Which record: its place in the file, and its id when it has one."""
    ident = record.get("id") if isinstance(record, dict) else None
    if isinstance(ident, str) and ident:
        return f"{place} (id {shorten(ident)})"
    return place
