"""Web pages as articles: fetching a URL, extracting its text and metadata, snapshots.

Fetching uses the standard library (urllib) with a timeout, a size cap and one retry; it
refuses what is not HTML. Extraction is trafilatura's: the main text without navigation,
cookie banners, "subscribe" boxes or related links, and the title, author, site name (our
outlet), publication date and canonical URL; the language comes from the page's `lang`
attribute, else from the text. Nothing is downloaded but the page itself.

A fetched page is kept as a **snapshot** in the data folder (`<data dir>/snapshots/`), one
JSON file per canonical URL with the fetch time, so that reopening the URL reads the same
text (offline too) and claims anchor to what was read. The URL the user typed, when it is
not the canonical one, gets a small file that points to the canonical one. `refresh=True`
fetches again and replaces the snapshot.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from eternaut_reader.core.storage.atomic import write_atomic

__all__ = [
    "MAX_BYTES",
    "TIMEOUT",
    "FetchError",
    "Page",
    "extract",
    "fetch",
    "is_url",
    "open_url",
    "read_snapshot",
    "snapshots_dir",
]

TIMEOUT = 20.0  # seconds for each attempt
MAX_BYTES = 10 * 1024 * 1024  # a news page is well under a megabyte; 10 MB is no article
RETRY_PAUSE = 0.5  # seconds before the one retry
USER_AGENT = "eternaut-reader (news reader for fact-checking)"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?", re.I)
_SNAPSHOT_VERSION = 1


class FetchError(Exception):
    """A page could not be fetched or read: one line naming the URL and why."""


@dataclass(frozen=True)
class Page:
    """The extracted article of a web page, as kept in its snapshot."""

    url: str  # the canonical URL (the page's own, else the one fetched)
    text: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    date: str | None = None
    language: str | None = None
    fetched: str | None = None  # ISO 8601, UTC


def is_url(value: str) -> bool:
    return bool(_URL.match(value.strip()))


# -- fetching ---------------------------------------------------------------------------------


def fetch(
    url: str,
    *,
    timeout: float | None = None,
    max_bytes: int | None = None,
    retries: int = 1,
    sleep: Callable[[float], None] | None = None,
) -> tuple[bytes, str]:
    """The page's bytes and the URL they came from (after redirects); the timeout (seconds,
    for each attempt) and the size cap default to TIMEOUT and MAX_BYTES.

    Raises FetchError (one line naming the URL). A refused connection, a timeout and a server
    error are tried once more; a 4xx answer, a page that is not HTML or is too big are not.
    """
    import time

    pause = sleep or time.sleep
    timeout = TIMEOUT if timeout is None else timeout
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    for attempt in range(retries + 1):
        try:
            return _fetch_once(url, timeout, max_bytes)
        except _Transient as exc:
            if attempt >= retries:
                raise FetchError(f"{url}: {exc}") from exc
            pause(RETRY_PAUSE)
    raise AssertionError("unreachable")


class _Transient(Exception):
    """Worth one more try."""


def _fetch_once(url: str, timeout: float, max_bytes: int) -> tuple[bytes, str]:
    import socket  # the network modules only when a page is fetched: they take 50 ms
    import urllib.error
    import urllib.request

    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            kind = response.headers.get_content_type()
            if kind not in _HTML_TYPES:
                raise FetchError(f"{url}: not a web page ({kind}), nothing to read")
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(
                    f"{url}: too big ({_size(int(length))}; the limit is {_size(max_bytes)})"
                )
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise FetchError(f"{url}: too big (over {_size(max_bytes)})")
            return data, response.geturl()
    except urllib.error.HTTPError as exc:
        answer = f"the server answered {exc.code} {exc.reason}".rstrip()
        if exc.code >= 500 or exc.code == 429:
            raise _Transient(answer) from exc
        raise FetchError(f"{url}: {answer}") from exc
    except TimeoutError as exc:
        raise _Transient(f"no answer within {timeout:g} seconds") from exc
    except urllib.error.URLError as exc:
        reason: object = exc.reason
        if isinstance(reason, TimeoutError):
            raise _Transient(f"no answer within {timeout:g} seconds") from exc
        if isinstance(reason, ConnectionRefusedError):
            raise _Transient("connection refused") from exc
        if isinstance(reason, socket.gaierror):
            raise _Transient("no such host (or no network)") from exc
        text = getattr(reason, "strerror", None) or str(reason)
        raise _Transient(text) from exc
    except (ConnectionError, OSError) as exc:
        raise _Transient(exc.strerror or str(exc) or type(exc).__name__) from exc
    except ValueError as exc:  # a malformed URL
        raise FetchError(f"{url}: {exc}") from exc


def _size(count: int) -> str:
    return f"{count / 1024 / 1024:.1f} MB" if count >= 1024 * 1024 else f"{count // 1024} KB"


# -- extraction -------------------------------------------------------------------------------


def extract(html: bytes | str, url: str | None = None) -> Page:
    """The main text and metadata of a page (trafilatura). Raises FetchError when the page
    holds no article text."""
    import trafilatura

    if isinstance(html, bytes):
        from eternaut_reader.core.text.textio import NotText, decode

        try:
            html = decode(html, url or "page").text
        except NotText as exc:
            raise FetchError(str(exc)) from exc
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_links=False,
        include_images=False,
        # The date from the page's metadata and markup only: searched in the running text
        # too, a page without one took the first date its article names ("construction will
        # start on 3 March") as its publication date, and "on Tuesday" was read against it.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    raw = "" if document is None else (getattr(document, "text", None) or "")
    # trafilatura gives one block a line; the reader's paragraphs are separated by blank lines.
    text = "\n\n".join(line.strip() for line in raw.splitlines() if line.strip())
    if not text:
        raise FetchError(f"{url or 'the page'}: no article text found in the page")

    def field(name: str) -> str | None:
        value = getattr(document, name, None)
        return " ".join(value.split()) if isinstance(value, str) and value.strip() else None

    found = _LANG.search(html[:20000])
    language = found.group(1).lower() if found else None
    canonical = field("url") or url or ""
    return Page(
        url=canonical,
        text=text,
        title=field("title"),
        author=field("author"),
        outlet=field("sitename"),
        date=field("date"),
        language=language,
    )


# -- snapshots --------------------------------------------------------------------------------


def snapshots_dir() -> Path:
    from eternaut_reader.core.storage.paths import data_dir

    return data_dir() / "snapshots"


def _file_for(url: str, folder: Path) -> Path:
    return folder / (hashlib.sha256(url.encode("utf-8")).hexdigest()[:24] + ".json")


def _write_json(path: Path, data: dict[str, object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    write_atomic(path, [text.encode("utf-8")])


def read_snapshot(url: str, folder: Path | None = None) -> Page | None:
    """The snapshot for a URL (canonical, or one that led to it), or None."""
    folder = folder or snapshots_dir()
    for _hop in range(3):
        try:
            data = json.loads(_file_for(url, folder).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict):
            return None
        if isinstance(data.get("alias_of"), str):
            url = data["alias_of"]
            continue
        fields = {k: v if isinstance(v, str) else None for k, v in data.items()}
        canonical, text = fields.get("url"), fields.get("text")
        if canonical is None or text is None:
            return None
        return Page(
            url=canonical,
            text=text,
            title=fields.get("title"),
            author=fields.get("author"),
            outlet=fields.get("outlet"),
            date=fields.get("date"),
            language=fields.get("language"),
            fetched=fields.get("fetched"),
        )
    return None


def write_snapshot(page: Page, requested: str, folder: Path | None = None) -> None:
    folder = folder or snapshots_dir()
    _write_json(_file_for(page.url, folder), {"version": _SNAPSHOT_VERSION, **asdict(page)})
    if requested != page.url:
        _write_json(_file_for(requested, folder), {"alias_of": page.url})


def open_url(
    url: str,
    *,
    refresh: bool = False,
    folder: Path | None = None,
    timeout: float | None = None,
    max_bytes: int | None = None,
) -> tuple[Page, bool]:
    """The page at `url` from its snapshot, or fetched (and snapshotted) when there is none or
    `refresh` is set. Returns the page and whether it was fetched now. Raises FetchError."""
    url = url.strip()
    if not refresh:
        kept = read_snapshot(url, folder)
        if kept is not None:
            return kept, False
    data, final = fetch(url, timeout=timeout, max_bytes=max_bytes)
    page = extract(data, final)
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    page = replace(page, fetched=now)
    # A snapshot that cannot be written (a read-only data folder) costs only the offline
    # copy: the page was read, and is fetched again next time.
    with contextlib.suppress(OSError):
        write_snapshot(page, url, folder)
        if final != url and final != page.url:
            _write_json(_file_for(final, folder or snapshots_dir()), {"alias_of": page.url})
    return page, True
