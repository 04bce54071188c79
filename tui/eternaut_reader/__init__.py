"""eternaut-reader: read several reports of one story side by side, and tag their claims.

The public names are imported on first use, so that starting the reader pays only for what it
needs (see benchmarks/bench_reader.py).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from eternaut_reader.core.corpus import Article, Corpus, CorpusError, Sentence, load_corpus
    from eternaut_reader.core.model import Anchored, Annotation
    from eternaut_reader.core.store import open_store

_EXPORTS = {
    "Article": "eternaut_reader.core.corpus",
    "Corpus": "eternaut_reader.core.corpus",
    "CorpusError": "eternaut_reader.core.corpus",
    "Sentence": "eternaut_reader.core.corpus",
    "load_corpus": "eternaut_reader.core.corpus",
    "Anchored": "eternaut_reader.core.model",
    "Annotation": "eternaut_reader.core.model",
    "open_store": "eternaut_reader.core.store",
}

__all__ = [
    "Anchored",
    "Annotation",
    "Article",
    "Corpus",
    "CorpusError",
    "Sentence",
    "__version__",
    "load_corpus",
    "open_store",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("eternaut-reader")
        except PackageNotFoundError:  # a source checkout that was never installed
            return "0+unknown"
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'eternaut_reader' has no attribute {name!r}")
