"""Articles and corpora: the bundled seeds or the user's own files."""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from eternaut_reader.core.text.segment import Sentence, Span, paragraphs, sentences
from eternaut_reader.core.text.textio import NotText, read_article_file

ARTICLE_SUFFIXES = (".txt", ".md")
_DATE = re.compile(r"\b((?:19|20)\d\d-[01]\d-[0-3]\d)\b")
_SLUG = re.compile(r"[^a-z0-9]+")

__all__ = ["Article", "Corpus", "CorpusError", "Sentence", "load_corpus", "seeds_dir"]


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
    _sentences: list[Sentence] | None = field(default=None, repr=False)
    _paragraphs: list[Span] | None = field(default=None, repr=False)
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

    def segment(self, progress: Callable[[float], None] | None = None) -> list[Sentence]:
        """Segment once; safe to call from a worker thread while the UI reads `segmented`."""
        with self._lock:
            if self._sentences is None:
                self._sentences = sentences(self.text, self.language, progress)
            return self._sentences


@dataclass
class Corpus:
    articles: list[Article]
    source: str
    notices: list[str] = field(default_factory=list)

    def by_id(self, article_id: str) -> Article | None:
        return next((a for a in self.articles if a.id == article_id), None)

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


def load_corpus(paths: Sequence[str | Path] | None = None) -> Corpus:
    """The bundled corpus when paths is empty or None; otherwise the given files and folders."""
    if not paths:
        return _load_seeds(seeds_dir())
    return _load_paths([Path(p) for p in paths])


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
            )
        )
    return Corpus(articles, source=f"bundled seeds ({folder})")


def _expand(paths: Iterable[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
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
                raise CorpusError(f"{path}: no .txt or .md articles in this folder")
            found.extend(inside)
        else:
            found.append(path)
    return list(dict.fromkeys(p.resolve() for p in found))


def _load_paths(paths: list[Path]) -> Corpus:
    notices: list[str] = []
    articles: list[Article] = []
    for path in _expand(paths):
        try:
            decoded = read_article_file(path)
        except NotText as exc:
            notices.append(str(exc))
            continue
        if decoded.notice:
            notices.append(decoded.notice)
        articles.append(
            Article(
                id="",
                title=_title(decoded.text, path),
                language=detect_language(decoded.text),
                text=decoded.text,
                date=_date(decoded.text),
                path=path,
                encoding=decoded.encoding,
            )
        )
    if not articles:
        detail = "; ".join(notices) if notices else "nothing to read"
        raise CorpusError(f"no articles to open: {detail}")
    _assign_ids(articles)
    return Corpus(articles, source=", ".join(str(p) for p in paths), notices=notices)


def _assign_ids(articles: list[Article]) -> None:
    """Ids come from file names, so they survive edits to the text; clashes get a path hash."""
    slugs = [
        _SLUG.sub("-", (a.path.stem if a.path else a.title).lower()).strip("-") or "article"
        for a in articles
    ]
    for article, slug in zip(articles, slugs, strict=True):
        if slugs.count(slug) > 1:
            digest = hashlib.sha1(str(article.path).encode("utf-8")).hexdigest()[:8]
            slug = f"{slug}-{digest}"
        article.id = slug


def _title(text: str, path: Path) -> str:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line if len(line) <= 120 else line[:119].rstrip() + "…"
    return path.stem


def _date(text: str) -> str | None:
    match = _DATE.search(text[:400])
    return match.group(1) if match else None


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, from a sample (py3langid)."""
    import py3langid

    code, _score = py3langid.classify(text[:4000])
    return str(code)
