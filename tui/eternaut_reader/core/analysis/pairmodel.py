"""With the embeddings extra: which pairs of claims state one fact, by a fitted model.

The matcher's rules (matcher._select: mutual nearest neighbours, weak pairs only as
someone's best, and so on) look at a pair's lexical score and its rank on each side. With
the embeddings there is a second signal, and a fixed bonus over a cosine floor
(matcher._with_embeddings) uses it poorly: a cosine means little alone, since all passages
of one story sit close together, but much beside the other passages of the same report. So
a logistic model chooses the pairs, over the parts of the lexical score (shared words,
measures, names, values), the wording, the ranks and margins on each side (LEXICAL), and
the cosine with its rank on each side (COSINE). matcher._fitted adds the rules' pairs that
give values of one kind, and finds conflicts only in pairs the rules choose.

Leave-one-set-out on the 36 hand-built sets (scripts/fit_pair_model.py): precision / recall
0.779 / 0.762 where the rules over the bonus give 0.727 / 0.752. The same model over the
LEXICAL features alone (no embeddings) gave 0.767 / 0.703 against the rules' 0.743 /
0.690, but lost five cluster verdicts and a contradiction, fell on the seeds from 0.89 to
0.74 in precision and took 10-15% longer on 50 reports: the lexical alignment keeps its
rules.

The weights are data (data/pair_model.json, written by scripts/fit_pair_model.py); numpy
comes with the embeddings extra. The file is part of the method: a refit bumps
align.METHOD_VERSION. Without the file, or with one written for other features, the rules
choose as they did before the model.
"""

from __future__ import annotations

import importlib
import json
import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from eternaut_reader.core.analysis.similarity import Index

__all__ = [
    "COSINE",
    "LEXICAL",
    "PairModel",
    "cosine_features",
    "lexical_features",
    "load",
    "ranks",
    "screened",
]

DATA = Path(__file__).with_name("data") / "pair_model.json"
NEAREST = 8  # with the embeddings, also a candidate: among a passage's closest in a report
SCREEN_RANK = 4  # a pair further down than this on both sides is not weighed (screened)
NO_RANK = 30  # the rank of a pair that is no candidate on that side (ranks are capped there)

LEXICAL = (
    "score",
    "log rank, better side",
    "log rank, worse side",
    "share of the best score, lower side",
    "share of the best score, higher side",
    "margin over the next candidate, smaller",
    "the best, both sides",
    "the best, one side",
    "across languages",
    "words' part of the score",
    "measures' part",
    "names' part",
    "values' part",
    "words shared",
    "measures shared",
    "names shared",
    "values shared",
    "wording",
    "log features, fewer",
    "log features, more",
    "both open their reports",
    "one opens its report",
)
COSINE = (
    "cosine",
    "log cosine rank, better side",
    "log cosine rank, worse side",
    "cosine below the best, larger gap",
    "cosine below the best, smaller gap",
    "the closest, both sides",
    "the closest, one side",
)


@dataclass(frozen=True)
class PairModel:
    """A logistic model over standardised features: p = 1 / (1 + exp(-(w·(x-m)/s + b)))."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float

    def probability(self, row: Sequence[float]) -> float:
        weights, bias = self._folded
        z = bias + sum(w * x for w, x in zip(weights, row, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))

    @cached_property
    def _folded(self) -> tuple[tuple[float, ...], float]:
        """The weights with the standardisation folded in: w/s, and b - sum(w m / s).
        (A frozen dataclass still takes a cached_property: it writes the instance's dict.)"""
        weights = tuple(w / s for w, s in zip(self.weights, self.scale, strict=True))
        bias = self.bias - sum(w * m for w, m in zip(weights, self.mean, strict=True))
        return weights, bias

    def to_json(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "weights": list(self.weights),
            "bias": self.bias,
            "threshold": self.threshold,
        }


@lru_cache(maxsize=1)
def load() -> PairModel | None:
    """The shipped model; None if the file is missing, unreadable or written for other
    features."""
    wanted = LEXICAL + COSINE
    try:
        data = json.loads(DATA.read_text(encoding="utf-8"))["embeddings"]
        model = PairModel(
            tuple(data["features"]),
            tuple(float(v) for v in data["mean"]),
            tuple(float(v) for v in data["scale"]),
            tuple(float(v) for v in data["weights"]),
            float(data["bias"]),
            float(data["threshold"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    sizes = {len(model.mean), len(model.scale), len(model.weights)}
    if model.features != wanted or sizes != {len(wanted)} or 0.0 in model.scale:
        return None
    return model


Ranks = tuple[dict[tuple[int, int], int], dict[tuple[int, int], tuple[float, float]]]


def ranks(
    candidates: Sequence[tuple[int, int]],
    score: Mapping[tuple[int, int], float],
    group: Sequence[int],
) -> Ranks:
    """For each candidate (a, b) and each side: (a, b) -> b's rank among a's candidates in
    b's report (ties by position, as matcher._select), and (a, report) -> a's best and second
    best score there."""
    ranked: dict[tuple[int, int], list[tuple[float, int]]] = defaultdict(list)
    for a, b in candidates:
        s = score[(a, b)]
        ranked[(a, group[b])].append((s, b))
        ranked[(b, group[a])].append((s, a))
    rank: dict[tuple[int, int], int] = {}
    top: dict[tuple[int, int], tuple[float, float]] = {}
    for (a, report), found in ranked.items():
        found.sort(key=lambda p: (-p[0], p[1]))
        top[(a, report)] = (found[0][0], found[1][0] if len(found) > 1 else 0.0)
        for n, (_, b) in enumerate(found, 1):
            rank[(a, b)] = n
    return rank, top


def screened(pairs: Sequence[tuple[int, int]], ranked: Ranks) -> list[tuple[int, int]]:
    """The pairs worth weighing: among the SCREEN_RANK best of one side at least, or with no
    lexical rank at all (close in meaning only). Of the 2,809 pairs of the hand-built sets
    that state one fact, 5 are further down; in 50 reports of one story most pairs are."""
    rank = ranked[0]
    return [
        (a, b)
        for a, b in pairs
        if (a, b) not in rank or min(rank[(a, b)], rank[(b, a)]) <= SCREEN_RANK
    ]


def lexical_features(
    candidates: Sequence[tuple[int, int]],
    lexical: Mapping[tuple[int, int], float],
    ranked: Ranks,
    index: Index,
    group: Sequence[int],
    lede: Sequence[bool],
) -> list[list[float]]:
    """The LEXICAL features of each candidate pair (a < b, two reports), one row each, with
    the ranks of all scored pairs (ranks()). A pair with no lexical score has zeros and no
    rank (NO_RANK)."""
    rank, top = ranked
    rows = []
    for a, b in candidates:
        s = lexical.get((a, b), 0.0)
        r_ab, r_ba = rank.get((a, b), NO_RANK), rank.get((b, a), NO_RANK)
        best_a, next_a = top.get((a, group[b]), (0.0, 0.0))
        best_b, next_b = top.get((b, group[a]), (0.0, 0.0))
        share_a, share_b = (s / best_a if best_a else 0.0), (s / best_b if best_b else 0.0)
        margin_a = s - (next_a if r_ab == 1 else best_a)
        margin_b = s - (next_b if r_ba == 1 else best_b)
        parts, counts, wording = index.parts(a, b)
        size_a, size_b = len(index.vectors[a]) or 1, len(index.vectors[b]) or 1
        rows.append(
            [
                s,
                math.log1p(min(r_ab, r_ba)),
                math.log1p(max(r_ab, r_ba)),
                min(share_a, share_b),
                max(share_a, share_b),
                min(margin_a, margin_b) if s else 0.0,
                float(r_ab == 1 and r_ba == 1),
                float(r_ab == 1 or r_ba == 1),
                float(index.languages[a] != index.languages[b]),
                *parts,
                *counts,
                wording,
                math.log(min(size_a, size_b)),
                math.log(max(size_a, size_b)),
                float(lede[a] and lede[b]),
                float(lede[a] or lede[b]),
            ]
        )
    return rows


def cosine_features(
    cosines: Any,
    group: Sequence[int],
    claim: Sequence[bool],
    also: Sequence[tuple[int, int]],
) -> tuple[list[tuple[int, int]], list[list[float]]]:
    """With the embeddings: the candidate pairs (i < j), claims of two reports, one among
    the other's NEAREST closest in its report or in `also`; and their COSINE features, one
    row each."""
    np = importlib.import_module("numpy")
    n = len(group)
    groups = np.asarray(group)
    claims = np.asarray(claim, dtype=bool)
    rank = np.full((n, n), NO_RANK, dtype=np.int32)  # [i, j]: j's place among i's, j's report
    reports = int(groups.max()) + 1 if n else 0
    best = np.zeros((n, reports), dtype=np.float32)  # [i, g]: i's closest in report g
    for g in np.unique(groups):
        columns = np.flatnonzero((groups == g) & claims)
        if not columns.size:
            continue
        block = cosines[:, columns]
        order = np.argsort(-block, axis=1, kind="stable")
        ranks = np.empty_like(order)
        np.put_along_axis(ranks, order, np.arange(1, columns.size + 1)[None, :], axis=1)
        rank[:, columns] = np.minimum(ranks, NO_RANK)
        best[:, g] = block.max(axis=1)
    wanted = (rank <= NEAREST) | (rank.T <= NEAREST)
    if also:
        a, b = np.asarray(also).T
        wanted[a, b] = wanted[b, a] = True
    wanted &= groups[:, None] != groups[None, :]
    wanted &= claims[:, None] & claims[None, :]
    i, j = np.nonzero(np.triu(wanted, 1))
    c = cosines[i, j].astype(np.float64)
    r_ij, r_ji = rank[i, j], rank[j, i]
    gap_i, gap_j = best[i, groups[j]] - c, best[j, groups[i]] - c
    columns_ = [
        c,
        np.log(np.minimum(r_ij, r_ji)),
        np.log(np.maximum(r_ij, r_ji)),
        np.maximum(gap_i, gap_j),
        np.minimum(gap_i, gap_j),
        ((r_ij == 1) & (r_ji == 1)).astype(np.float64),
        ((r_ij == 1) | (r_ji == 1)).astype(np.float64),
    ]
    rows = np.stack(columns_, axis=1).reshape(len(c), len(COSINE)).tolist()
    return list(zip(i.tolist(), j.tolist(), strict=True)), rows
