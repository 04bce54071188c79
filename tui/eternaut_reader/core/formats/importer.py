"""Reading annotations back: our JSON / JSON Lines exports and W3C Web Annotation files.

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

What is read:

- our JSON ({"format": "eternaut-reader", "annotations": [...]}, or a bare array of records)
  and JSON Lines (one record a line): the stored fields of each record (see
  export/native.py); the fields the export adds (article_title, orphan, ...) are ignored.
- W3C: an AnnotationCollection with embedded pages, an AnnotationPage, one Annotation, an
  array of them, or one a line. The verdict is the `tagging` body whose value is one of our
  tags; the note is the `commenting` bodies (or bodyValue); links are `linking` bodies with an
  eternaut:relation. The target needs a TextQuoteSelector; without a TextPositionSelector the
  span is recorded as 0..len(exact) and re-anchored by the quote. A missing creator is
  "unknown"; a missing modified is the created time.

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
from datetime import datetime
from pathlib import Path
from typing import IO, Any, Protocol

import ijson

from eternaut_reader.core.annotations.model import RELATIONS, SCHEMA_VERSION, TAGS, Annotation, Link
from eternaut_reader.core.formats.native import FORMAT_NAME, FORMAT_VERSION
from eternaut_reader.core.formats.w3c import NS, PREFIX, annotation_id, article_id
from eternaut_reader.core.storage.store import AnnotationStore, MergeResult

__all__ = [
    "MAX_ANNOTATIONS",
    "MAX_ARTICLE_ID_CHARS",
    "MAX_CONTEXT_CHARS",
    "MAX_DEPTH",
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
MAX_TEXT_CHARS = 1024 * 1024
MAX_CONTEXT_CHARS = 1024
MAX_NAME_CHARS = 200
MAX_ARTICLE_ID_CHARS = 2048
MAX_LINKS = 1000
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


class _Bad(ValueError):
    """What is wrong with one record; the caller adds the file and where."""


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
            raise ImportFileError(path, str(exc)) from None
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
            raise _Bad(f"not an annotation file (the JSON is {_kind(doc)}, not an object)")
        if doc.get("format") == FORMAT_NAME:
            version = doc.get("version")
            if not isinstance(version, int) or isinstance(version, bool):
                raise _Bad('"version" must be a whole number')
            if version > FORMAT_VERSION:
                raise _Bad(f"written by a newer eternaut-reader (format version {version})")
            if not isinstance(doc.get("annotations"), list):
                raise _Bad('"annotations" must be an array')
            return "json", records(("annotations",)).result()
        types = _types(doc)
        if types & {"AnnotationCollection", "AnnotationPage", "Annotation"}:
            if "Annotation" in types:
                return "w3c", [self._alone(doc, alone)]
            annotations: list[Annotation] = []
            for path in _w3c_pages(doc):
                annotations.extend(records(path).result())
            return "w3c", annotations
        if "article_id" in doc and "quote" in doc:
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
            raise _Bad(f"expected an object, found {_kind(record)}")
        if "Annotation" in _types(record):
            return "w3c", self._checked(_w3c(record, self.limits, self._share))
        return "json", self._checked(_ours(record, self.limits, self._share))

    def _ours_checked(self, record: Any) -> tuple[str, Annotation]:
        if not isinstance(record, dict):
            raise _Bad(f"expected an object, found {_kind(record)}")
        return "json", self._checked(_ours(record, self.limits, self._share))

    def _checked(self, ann: Annotation) -> Annotation:
        """The annotation, once its fields are within the limits and its span is sound."""
        lim = self.limits
        fields: tuple[tuple[str, str, int], ...] = (
            ("id", ann.id, lim.name_chars),
            ("article id", ann.article_id, lim.article_id_chars),
            ("quote", ann.quote, lim.text_chars),
            ("prefix", ann.prefix, lim.context_chars),
            ("suffix", ann.suffix, lim.context_chars),
            ("note", ann.note, lim.text_chars),
            ("annotator", ann.annotator, lim.name_chars),
            ("created", ann.created, lim.name_chars),
            ("modified", ann.modified, lim.name_chars),
            ("content hash", ann.content_hash, lim.name_chars),
        )
        for name, value, limit in fields:
            _within(name, value, limit)
        _within_links(len(ann.links), lim.links)
        for link in ann.links:
            _within("a link's target", link.target, lim.name_chars)
            _within("a link's article id", link.article_id or "", lim.article_id_chars)
        _span(ann.start, ann.end, len(ann.quote), lim.offset)
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
    if path in ((), ("annotations",), ("items",)):
        return True
    return (
        len(path) >= 2
        and path[0] == "first"
        and path[-1] == "items"
        and all(p == "next" for p in path[1:-1])
    )


def _w3c_pages(doc: Mapping[str, Any]) -> Iterator[tuple[str | None, ...]]:
    """The paths of the items arrays of a W3C AnnotationPage or AnnotationCollection."""
    if "AnnotationPage" in _types(doc):
        if not isinstance(doc.get("items"), list):
            raise _Bad('the AnnotationPage has no "items" array')
        yield ("items",)
        return
    page = doc.get("first")
    path: tuple[str, ...] = ("first",)
    while page is not None:
        if not isinstance(page, dict):
            raise _Bad("the collection's pages are not embedded (only embedded pages are read)")
        if not isinstance(page.get("items"), list):
            raise _Bad('the AnnotationPage has no "items" array')
        yield (*path, "items")
        page = page.get("next")
        path = (*path, "next")


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


# ---- field checks ---------------------------------------------------------------------------


def _types(obj: Mapping[str, Any]) -> set[str]:
    value = obj.get("type", obj.get("@type"))
    values = value if isinstance(value, list) else [value]
    return {v for v in values if isinstance(v, str)}


def _where(place: str, record: Any) -> str:
    """Which record: its place in the file, and its id when it has one."""
    ident = record.get("id") if isinstance(record, dict) else None
    if isinstance(ident, str) and ident:
        return f"{place} (id {_shorten(ident)})"
    return place


def _shorten(text: str, most: int = 80) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


def _shown(value: Any) -> str:
    """A value for a message: a string quoted (and cut if long), anything else its kind."""
    if isinstance(value, str):
        return repr(_shorten(value, 60))
    return _kind(value)


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "true/false", int: "a number", float: "a number", str: "a string"}.get(
        type(value), "an array" if isinstance(value, list) else "an object"
    )


def _within(name: str, value: str, limit: int) -> None:
    if len(value) > limit:
        raise _Bad(f"{name} is {len(value):,} characters, over the limit of {limit:,}")


def _within_links(count: int, limit: int) -> None:
    if count > limit:
        raise _Bad(f"{count:,} links, over the limit of {limit:,}")


def _string(obj: Mapping[str, Any], key: str, *, required: bool = False, default: str = "") -> str:
    if key not in obj or obj[key] is None:
        if required:
            raise _Bad(f'missing "{key}"')
        return default
    value = obj[key]
    if not isinstance(value, str):
        raise _Bad(f'"{key}" must be a string, not {_kind(value)}')
    if required and not value:
        raise _Bad(f'"{key}" is empty')
    return value


def _integer(obj: Mapping[str, Any], key: str) -> int:
    if key not in obj:
        raise _Bad(f'missing "{key}"')
    value = obj[key]
    if not isinstance(value, int) or isinstance(value, bool):
        raise _Bad(f'"{key}" must be a whole number, not {_kind(value)}')
    return value


def _span(start: int, end: int, quoted: int, most: int) -> None:
    if not 0 <= start < end:
        raise _Bad(f"start {start} and end {end} are not a span (0 <= start < end)")
    if end > most:
        raise _Bad(f"end {end:,} is over the limit of {most:,}")
    if end - start != quoted:
        raise _Bad(
            f"start {start:,} and end {end:,} span {end - start:,} characters, "
            f"but the quote has {quoted:,}"
        )


def _tag(value: Any) -> str:
    if value not in TAGS:
        raise _Bad(f"tag {_shown(value)} is not one of {', '.join(TAGS)}")
    return str(value)


def _stamp(obj: Mapping[str, Any], key: str, limits: Limits, default: str = "") -> str:
    value = _string(obj, key, default=default)
    _within(key, value, limits.name_chars)  # before parsing it
    if value:
        try:
            datetime.fromisoformat(value)
        except ValueError:
            raise _Bad(f'"{key}" is not an ISO 8601 date and time: {_shown(value)}') from None
    return value


def _relation(value: Any) -> str:
    if not isinstance(value, str) or value not in RELATIONS:
        raise _Bad(f"link relation {_shown(value)} is not one of {', '.join(RELATIONS)}")
    return value


def _link(obj: Any, share: Callable[[str], str]) -> Link:
    if not isinstance(obj, dict):
        raise _Bad(f"a link must be an object, not {_kind(obj)}")
    relation = _relation(_string(obj, "relation", required=True))
    target = _string(obj, "target", required=True)
    linked = obj.get("article_id")
    if linked is not None and not isinstance(linked, str):
        raise _Bad(f'a link\'s "article_id" must be a string, not {_kind(linked)}')
    return Link(target, share(relation), None if linked is None else share(linked))


# ---- our records ----------------------------------------------------------------------------


def _ours(obj: Mapping[str, Any], limits: Limits, share: Callable[[str], str]) -> Annotation:
    schema = obj.get("schema", SCHEMA_VERSION)
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise _Bad('"schema" must be a whole number from 1')
    if schema > SCHEMA_VERSION:
        raise _Bad(f"written by a newer eternaut-reader (schema {schema})")
    links = obj.get("links", [])
    if not isinstance(links, list):
        raise _Bad(f'"links" must be an array, not {_kind(links)}')
    _within_links(len(links), limits.links)
    start, end = _integer(obj, "start"), _integer(obj, "end")
    created, modified = _stamp(obj, "created", limits), _stamp(obj, "modified", limits)
    return Annotation(
        id=_string(obj, "id", required=True),
        article_id=share(_string(obj, "article_id", required=True)),
        quote=_string(obj, "quote", required=True),
        prefix=_string(obj, "prefix"),
        suffix=_string(obj, "suffix"),
        start=start,
        end=end,
        tag=share(_tag(obj.get("tag"))),
        note=_string(obj, "note"),
        annotator=share(_string(obj, "annotator")),
        created=created,
        # Most annotations were never edited: one string for both times.
        modified=created if modified == created else modified,
        content_hash=share(_string(obj, "content_hash")),
        links=tuple(_link(link, share) for link in links),
        schema=SCHEMA_VERSION,
    )


# ---- W3C Web Annotation ---------------------------------------------------------------------


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _ns(obj: Mapping[str, Any], name: str) -> Any:
    return obj.get(f"{PREFIX}:{name}", obj.get(NS + name))


def _creator(value: Any) -> str:
    first = _as_list(value)[:1]
    if not first:
        return "unknown"
    agent = first[0]
    if isinstance(agent, str):
        return agent
    if isinstance(agent, dict):
        for key in ("nickname", "name", "id"):
            name = _as_list(agent.get(key))[:1]
            if name and isinstance(name[0], str) and name[0]:
                return name[0]
    raise _Bad("creator is neither a name nor an agent with a nickname, name or id")


def _selectors(target: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any] | None]:
    quote = position = None
    for sel in _as_list(target.get("selector")):
        if not isinstance(sel, dict):
            continue
        kinds = _types(sel)
        if "TextQuoteSelector" in kinds and quote is None:
            quote = sel
        elif "TextPositionSelector" in kinds and position is None:
            position = sel
    if quote is None:
        raise _Bad("the target has no TextQuoteSelector")
    return quote, position


def _target(obj: Mapping[str, Any]) -> dict[str, Any]:
    targets = [t for t in _as_list(obj.get("target")) if isinstance(t, dict)]
    if not targets:
        raise _Bad("no target with selectors (a target that is only an IRI has no quote)")
    if len(targets) > 1:
        raise _Bad(f"{len(targets)} targets; one quoted span per annotation is read")
    return targets[0]


def _bodies(obj: Mapping[str, Any], limits: Limits) -> tuple[str, str, tuple[Link, ...]]:
    tags: list[str] = []
    notes: list[str] = []
    links: list[Link] = []
    if isinstance(obj.get("bodyValue"), str):
        notes.append(obj["bodyValue"])
    for body in _as_list(obj.get("body")):
        if not isinstance(body, dict):
            continue  # an IRI body says nothing we keep
        purposes = {p for p in _as_list(body.get("purpose")) if isinstance(p, str)}
        value = body.get("value")
        if "tagging" in purposes and isinstance(value, str) and value in TAGS:
            tags.append(value)
        elif "linking" in purposes:
            relation = _ns(body, "relation")
            if relation is None:
                continue  # a link to something else than one of our annotations
            relation = _relation(relation)
            source = body.get("source")
            source = source.get("id") if isinstance(source, dict) else source
            if not isinstance(source, str) or not source:
                raise _Bad("a linking body has no source")
            linked = _ns(body, "article")
            if linked is not None and not isinstance(linked, str):
                raise _Bad(f"a link's eternaut:article must be a string, not {_kind(linked)}")
            links.append(Link(annotation_id(source), relation, linked if linked else None))
            _within_links(len(links), limits.links)
        elif isinstance(value, str) and (not purposes or "commenting" in purposes):
            notes.append(value)
    found = list(dict.fromkeys(tags))
    if not found:
        raise _Bad(f"no tagging body whose value is one of {', '.join(TAGS)}")
    if len(found) > 1:
        raise _Bad(f"more than one verdict ({', '.join(found)})")
    # The parts are measured before they are joined, so a note over the limit is never built.
    length = sum(len(n) for n in notes) + 2 * max(0, len(notes) - 1)
    if length > limits.text_chars:
        raise _Bad(f"note is {length:,} characters, over the limit of {limits.text_chars:,}")
    return found[0], "\n\n".join(notes), tuple(links)


def _w3c(obj: Mapping[str, Any], limits: Limits, share: Callable[[str], str]) -> Annotation:
    ident = obj.get("id")
    if not isinstance(ident, str) or not ident:
        raise _Bad('missing "id" (an annotation needs one to be merged)')
    target = _target(obj)
    source = target.get("source")
    source = source.get("id") if isinstance(source, dict) else source
    if not isinstance(source, str) or not source:
        raise _Bad("the target has no source")
    quote_sel, position = _selectors(target)
    quote = _string(quote_sel, "exact", required=True)
    if position is None:
        start, end = 0, len(quote)
    else:
        start, end = _integer(position, "start"), _integer(position, "end")
    tag, note, links = _bodies(obj, limits)
    created = _stamp(obj, "created", limits)
    content_hash = _ns(target, "contentHash")
    return Annotation(
        id=annotation_id(ident),
        article_id=share(article_id(source)),
        quote=quote,
        prefix=_string(quote_sel, "prefix"),
        suffix=_string(quote_sel, "suffix"),
        start=start,
        end=end,
        tag=share(tag),
        note=note,
        annotator=share(_creator(obj.get("creator"))),
        created=created,
        modified=_stamp(obj, "modified", limits, default=created),
        content_hash=share(content_hash) if isinstance(content_hash, str) else "",
        links=links,
    )
