"""eternaut-reader: read several reports of one story side by side, and tag their claims.

The public names are imported on first use, so that starting the reader pays only for what it
needs (see benchmarks/bench_reader.py).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from eternaut_reader.core.annotations.model import Anchored, Annotation
    from eternaut_reader.core.storage.store import open_store
    from eternaut_reader.core.text.corpus import Article, Corpus, CorpusError, Sentence, load_corpus

_EXPORTS = {
    "Article": "eternaut_reader.core.text.corpus",
    "Corpus": "eternaut_reader.core.text.corpus",
    "CorpusError": "eternaut_reader.core.text.corpus",
    "Sentence": "eternaut_reader.core.text.corpus",
    "load_corpus": "eternaut_reader.core.text.corpus",
    "Anchored": "eternaut_reader.core.annotations.model",
    "Annotation": "eternaut_reader.core.annotations.model",
    "open_store": "eternaut_reader.core.storage.store",
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
