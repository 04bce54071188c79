"""eternaut-reader: read several reports of one story side by side, and tag their claims."""

from importlib.metadata import PackageNotFoundError, version

from eternaut_reader.core.corpus import Article, Corpus, CorpusError, Sentence, load_corpus
from eternaut_reader.core.model import Anchored, Annotation
from eternaut_reader.core.store import open_store

try:
    __version__ = version("eternaut-reader")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0+unknown"

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
