"""Articles and corpora: the bundled seeds, the user's own files, and web pages.

An article's id says what it is, never where it lies, so that claims follow it to another
folder or another machine: a web page's id comes from its canonical URL; a file's from its
name (non-ASCII names keep their letters: `新闻.txt` is `新闻`); two files of one name are
told apart by the nearest folder names that differ (`x/report.txt` and `y/report.txt` are
`report-x` and `report-y` wherever the pair is copied); and a bundled seed is recognised by
its text, so it keeps its id and title however it is opened.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from eternaut_reader.core.text.markdown import markdown_text
from eternaut_reader.core.text.segment import (
    Sentence,
    Span,
    claim_units,
    paragraphs,
    sentences,
)
from eternaut_reader.core.text.textio import NotText, read_article_file

if TYPE_CHECKING:
    from eternaut_reader.core.text.web import Page

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
MARKDOWN_SUFFIX = ".md"
_DATE = re.compile(r"\b((?:19|20)\d\d-[01]\d-[0-3]\d)\b")
_URL_ID_LIMIT = 64
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)  # web.is_url, without importing web

__all__ = [
    "Article",
    "Corpus",
    "CorpusError",
    "Sentence",
    "load_article",
    "load_corpus",
    "seeds_dir",
    "slug",
]


class CorpusError(Exception):
    """Nothing can be opened: the message is one line, fit to show the user."""


@dataclass(eq=False)
class Article:
    id: str
    title: str
    language: str
    text: str
    outlet: str | None = None
    date: str | None = None
    path: Path | None = None
    encoding: str = "utf-8"
    url: str | None = None
    author: str | None = None
    # Where it was opened from (a path or a URL), so that it can be opened again; None for
    # the bundled seeds opened as such. `fetched` is when a web page's snapshot was taken.
    source: str | None = None
    fetched: str | None = None
    _sentences: list[Sentence] | None = field(default=None, repr=False)
    _paragraphs: list[Span] | None = field(default=None, repr=False)
    _units: list[Sentence] | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def content_hash(self) -> str:
        return "sha256:" + hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def segmented(self) -> bool:
        return self._sentences is not None

    @property
    def sentences(self) -> list[Sentence]:
        return self.segment()

    @property
    def paragraphs(self) -> list[Span]:
        if self._paragraphs is None:
            self._paragraphs = paragraphs(self.text)
        return self._paragraphs

    def segment(
        self,
        progress: Callable[[float], None] | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> list[Sentence]:
        """Segment once; safe to call from a worker thread while the UI reads `segmented`.
        `cancel` stops it between paragraphs (SegmentCancelled), leaving it unsegmented."""
        with self._lock:
            if self._sentences is None:
                self._sentences = sentences(self.text, self.language, progress, cancel=cancel)
            return self._sentences

    @property
    def units(self) -> list[Sentence]:
        """The sentences the reader's cursor stops on: the claims it can tag. Not the
        metadata lines (a date alone, "date 2025-07-18": segment.is_metadata), of a seed or
        of a user's own report alike."""
        found = self.segment()
        with self._lock:
            if self._units is None:
                self._units = claim_units(found)
            return self._units

    def set_language(self, language: str) -> None:
        """Another language means other sentence rules: the sentences are found again."""
        with self._lock:
            self.language = language
            self._sentences = None
            self._units = None

    def __getstate__(self) -> dict[str, object]:
        # Sent to a worker process (analysis/parallel.py) without its lock, which is this
        # process's; the copy gets a lock of its own.
        state = self.__dict__.copy()
        del state["_lock"]
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()


@dataclass
class Corpus:
    articles: list[Article]
    source: str
    notices: list[str] = field(default_factory=list)
    # The titles of articles not open this time but remembered beside the database
    # (sources.py): claims on them are still named by title, not by id.
    elsewhere: dict[str, str] = field(default_factory=dict)

    def by_id(self, article_id: str) -> Article | None:
        return next((a for a in self.articles if a.id == article_id), None)

    def title_of(self, article_id: str) -> str:
        """An article's title, open or remembered; its id when neither."""
        article = self.by_id(article_id)
        if article is not None:
            return article.title
        return self.elsewhere.get(article_id) or article_id

    def place(self, article_id: str | None) -> str:
        """Where an article stands in the corpus, as n/total (?/total if it is not in it)."""
        number = next((n for n, a in enumerate(self.articles, 1) if a.id == article_id), "?")
        return f"{number}/{len(self.articles)}"


def seeds_dir() -> Path:
    """The bundled seeds: inside the installed package, or at the top of a source checkout."""
    packaged = Path(str(files("eternaut_reader"))) / "seeds"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[4] / "seeds"


Progress = Callable[[str], None]


def load_corpus(
    paths: Sequence[str | Path] | None = None,
    *,
    db: str | Path | None = None,
    refresh: bool = False,
    progress: Progress | None = None,
    edits: bool = True,
) -> Corpus:
    """The bundled corpus when paths is empty or None; otherwise the given files, folders and
    URLs (http or https), in that order.

    A URL is read from its snapshot when there is one (`refresh` fetches it again); a page
    that cannot be fetched is a notice, and the other articles still open. `progress` is told
    about each fetch. The user's metadata corrections stored beside the database `db` (see
    sources.py) are applied unless `edits` is False.
    """
    corpus = _load_seeds(seeds_dir()) if not paths else _load_paths(paths, refresh, progress)
    if edits:
        from eternaut_reader.core.text.sources import apply_edits, load_records, records_path

        records = load_records(records_path(db))
        apply_edits(corpus.articles, records)
        open_ids = {a.id for a in corpus.articles}
        for article_id, record in records.items():
            title = record.edits.get("title") or record.title
            if article_id not in open_ids and title:
                corpus.elsewhere[article_id] = title
    return corpus


def load_article(
    source: str, article_id: str | None = None, *, db: str | Path | None = None
) -> Article:
    """One article from a path or URL (as remembered in sources.py), under the given id.
    Raises CorpusError (one line)."""
    from eternaut_reader.core.text.sources import apply_edits, load_records, records_path

    corpus = _load_paths([source], refresh=False, progress=None)
    if not corpus.articles:
        raise CorpusError(corpus.notices[0] if corpus.notices else f"{source}: nothing to read")
    article = corpus.articles[0]
    if article_id is not None:
        article.id = article_id
    apply_edits([article], load_records(records_path(db)))
    return article


def _load_seeds(folder: Path) -> Corpus:
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CorpusError(f"the bundled seeds are missing or damaged in {folder}: {exc}") from exc
    articles = []
    for entry in manifest["articles"]:
        decoded = read_article_file(folder / entry["file"])
        articles.append(
            Article(
                id=entry["id"],
                title=entry["title"],
                language=entry["language"],
                text=decoded.text,
                outlet=entry.get("outlet"),
                date=entry.get("date"),
                path=folder / entry["file"],
                source=str(folder / entry["file"]),
            )
        )
    return Corpus(articles, source=f"bundled seeds ({folder})")


@lru_cache(maxsize=1)
def _seed_entries() -> dict[str, dict[str, str | None]]:
    """The bundled seeds' manifest entries by the hash of their text: a seed opened by its
    path, or copied elsewhere, is recognised by what it says."""
    try:
        corpus = _load_seeds(seeds_dir())
    except (CorpusError, OSError, KeyError, NotText):
        return {}
    return {
        a.content_hash: {
            "id": a.id,
            "title": a.title,
            "language": a.language,
            "outlet": a.outlet,
            "date": a.date,
        }
        for a in corpus.articles
    }


def _expand(paths: Iterable[str | Path]) -> list[str | Path]:
    """Files (resolved) and URLs (as given), in order, without repeats."""
    found: list[str | Path] = []
    for item in paths:
        if isinstance(item, str) and _URL.match(item.strip()):
            found.append(item.strip())
            continue
        path = Path(item)
        if not path.exists():
            raise CorpusError(f"{path}: no such file or directory")
        if path.is_dir():
            inside = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in ARTICLE_SUFFIXES
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not inside:
                raise CorpusError(
                    f"{path}: no .txt or .md articles in this folder (nor .html or .htm pages)"
                )
            found.extend(p.resolve() for p in inside)
        else:
            found.append(path.resolve())
    return list(dict.fromkeys(found))


def _load_paths(paths: Sequence[str | Path], refresh: bool, progress: Progress | None) -> Corpus:
    notices: list[str] = []
    articles: list[Article] = []
    items = _expand(paths)
    pages = _fetch_all([i for i in items if isinstance(i, str)], refresh, progress)
    for item in items:
        try:
            if isinstance(item, str):
                article, notice = pages[item].result()
                if notice:
                    notices.append(notice)
            elif item.suffix.lower() in HTML_SUFFIXES:
                article = _from_html_file(item)
            else:
                article = _from_text_file(item, notices)
        except NotText as exc:
            notices.append(str(exc))
            continue
        articles.append(article)
    if not articles:
        detail = "; ".join(notices) if notices else "nothing to read"
        raise CorpusError(f"no articles to open: {detail}")
    _assign_ids(articles)
    return Corpus(articles, source=", ".join(str(p) for p in paths), notices=notices)


FETCHERS = 4  # web pages fetched at once


def _fetch_all(
    urls: list[str], refresh: bool, progress: Progress | None
) -> dict[str, Future[tuple[Article, str | None]]]:
    """Each URL's article, fetched a few at a time (the futures raise NotText)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=max(1, min(FETCHERS, len(urls)))) as pool:
        return {url: pool.submit(_from_url, url, refresh, progress) for url in urls}


def _from_text_file(path: Path, notices: list[str]) -> Article:
    decoded = read_article_file(path)
    if decoded.notice:
        notices.append(decoded.notice)
    text = decoded.text
    if path.suffix.lower() == MARKDOWN_SUFFIX:
        text = markdown_text(text)  # its text, not its markup: "# Title", "**word**"
        if not text.strip():
            raise NotText(f"{path.name} has no text, only Markdown markup; skipped")
    return Article(
        id="",
        title=_title(text, path),
        language=detect_language(text),
        text=text,
        date=_date(text),
        path=path,
        encoding=decoded.encoding,
        source=str(path),
    )


def _from_html_file(path: Path) -> Article:
    from eternaut_reader.core.text.web import FetchError, extract

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise NotText(f"{path}: cannot read ({exc.strerror or exc})") from exc
    try:
        page = extract(data, None)
    except FetchError as exc:
        raise NotText(f"{path}: {str(exc).split(': ', 1)[-1]}; skipped") from exc
    return Article(
        id="",
        title=page.title or _title(page.text, path),
        language=page.language or detect_language(page.text),
        text=page.text,
        outlet=page.outlet,
        date=page.date,
        path=path,
        url=page.url or None,
        author=page.author,
        source=str(path),
    )


def _from_url(url: str, refresh: bool, progress: Progress | None) -> tuple[Article, str | None]:
    """The article at a URL, and a notice when a refresh failed and the snapshot is shown."""
    from eternaut_reader.core.text.web import FetchError, open_url, read_snapshot

    kept = read_snapshot(url)
    if progress is not None and (refresh or kept is None):
        progress(f"fetching {url} …")
    notice = None
    try:
        page, fetched_now = open_url(url, refresh=refresh)
    except FetchError as exc:
        if kept is None:
            raise NotText(str(exc)) from exc
        # --refresh while the page cannot be fetched: the text last read is still there.
        page, fetched_now = kept, False
        notice = f"{exc}; showing the snapshot fetched {kept.fetched or 'earlier'}"
    if progress is not None and fetched_now:
        progress(f"fetched {url}: {len(page.text)} characters")
    return _page_article(page, url), notice


def _page_article(page: Page, url: str) -> Article:
    return Article(
        id="",
        title=page.title or _title(page.text, Path(urlsplit(page.url).path or "page")),
        language=page.language or detect_language(page.text),
        text=page.text,
        outlet=page.outlet,
        date=page.date,
        url=page.url,
        author=page.author,
        source=url,
        fetched=page.fetched,
    )


# -- identity ---------------------------------------------------------------------------------


def slug(name: str) -> str:
    """A readable id from a name: lower case, letters and digits of any script kept, every
    other run of characters one hyphen (ASCII names give the ids they always had)."""
    name = unicodedata.normalize("NFC", name).lower()
    out = []
    for char in name:
        keep = ("a" <= char <= "z" or "0" <= char <= "9") if char.isascii() else char.isalnum()
        out.append(char if keep else "-")
    return re.sub("-+", "-", "".join(out)).strip("-")


def _url_id(url: str) -> str:
    """A web page's id from its canonical URL: host and path, readable, cut with a hash."""
    parts = urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    path = re.sub(r"\.(?:html?|php|aspx?)$", "", path, flags=re.I)
    wanted = slug(f"{host}{path}{'-' + parts.query if parts.query else ''}") or "page"
    if len(wanted) <= _URL_ID_LIMIT:
        return wanted
    digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:8]
    return wanted[: _URL_ID_LIMIT - 9].rstrip("-") + "-" + digest


def _assign_ids(articles: list[Article]) -> None:
    seeds = _seed_entries()
    named: list[Article] = []
    for article in articles:
        seed = seeds.get(article.content_hash)
        if seed is not None and article.path is not None:
            article.id = str(seed["id"])
            article.title = str(seed["title"])
            article.language = str(seed["language"])
            article.outlet = seed["outlet"]
            article.date = seed["date"]
        elif article.path is None and article.url:
            article.id = _url_id(article.url)
        else:
            named.append(article)
    groups: dict[str, list[Article]] = {}
    for article in named:
        stem = article.path.stem if article.path is not None else article.title
        groups.setdefault(slug(stem) or "article", []).append(article)
    for base, group in groups.items():
        if len(group) == 1:
            group[0].id = base
            continue
        for article, folder in zip(group, _differing_folders(group), strict=True):
            article.id = f"{base}-{folder}" if folder else base
    _unique([a for a in articles])


def _differing_folders(group: list[Article]) -> list[str]:
    """For files of one name: each one's nearest folder name that the others' differ in."""
    parents = [[slug(p.name) for p in a.path.parents if p.name] if a.path else [] for a in group]
    depth = max(len(p) for p in parents)
    for level in range(depth):
        names = [p[level] if level < len(p) else "" for p in parents]
        if len(set(names)) == len(names) and all(names):
            return names
    # No single level tells every one apart: each takes its own nearest differing name.
    chosen = []
    for n, own in enumerate(parents):
        others = [p for m, p in enumerate(parents) if m != n]
        name = next(
            (
                own[level]
                for level in range(len(own))
                if all(level >= len(o) or o[level] != own[level] for o in others)
            ),
            "",
        )
        chosen.append(name)
    return chosen


def _unique(articles: list[Article]) -> None:
    """Any id still shared (a pathological layout) gets a number, in the corpus's order."""
    seen: dict[str, int] = {}
    for article in articles:
        count = seen.get(article.id, 0) + 1
        seen[article.id] = count
        if count > 1:
            article.id = f"{article.id}-{count}"


def _title(text: str, path: Path) -> str:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line if len(line) <= 120 else line[:119].rstrip() + "…"
    return path.stem


def _date(text: str) -> str | None:
    match = _DATE.search(text[:400])
    return match.group(1) if match else None


# The languages news is written in, in any number: py3langid knows 97, and on a short or odd
# sample the rare ones win by chance (an English file read as Afrikaans or Javanese, mixed
# Chinese and English as Latin, found by outside testers). Only these are considered.
NEWS_LANGUAGES = tuple(
    [
        "en",
        "it",
        "fr",
        "de",
        "es",
        "pt",
        "nl",
        "ru",
        "uk",
        "pl",
        "cs",
        "sk",
        "hu",
        "ro",
        "bg",
        "el",
        "tr",
        "ar",
        "he",
        "fa",
        "zh",
        "ja",
        "ko",
        "hi",
        "bn",
        "ur",
        "sv",
        "da",
        "no",
        "nb",
        "fi",
        "et",
        "lv",
        "lt",
        "sl",
        "hr",
        "sr",
        "bs",
        "ca",
        "gl",
        "eu",
        "id",
        "ms",
        "vi",
        "th",
        "sw",
        "ta",
        "te",
        "ml",
        "mr",
        "ga",
        "cy",
        "is",
        "mk",
        "sq",
        "be",
        "ka",
        "hy",
        "az",
        "kk",
    ]
)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_pickled_model(MODEL_FILE)
    identifier.set_languages([code for code in NEWS_LANGUAGES if code in identifier.nb_classes])
    return identifier


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, from a sample (py3langid), among
    NEWS_LANGUAGES.

    The sample is short because classify costs about 0.8 ms per 1,000 characters, once per
    article at start-up: 200 articles with 4,000-character samples took 0.65 s before the
    first frame (benchmarks/bench_reader.py). 1,500 characters of prose is ample."""
    sample = text[:1500]
    ranked = dict(_identifier().rank(sample))
    code = max(ranked, key=lambda c: ranked[c])
    if code not in ANALYSED and sample:
        # A short Italian report reads as Catalan as often as not ("La strada resterà chiusa
        # per due settimane": ca, then it): a language the alignment reads, close behind,
        # is taken instead. Real Catalan, Spanish or French is far behind (0.6-1.5 a char).
        for near in ANALYSED:
            if near in ranked and (ranked[code] - ranked[near]) / len(sample) < CLOSE_PER_CHAR:
                return near
    return str(code)


ANALYSED = ("it", "en")  # the languages the alignment reads (analysis/lexicon.py)
CLOSE_PER_CHAR = 0.35  # log-probability a character behind the first that still wins
