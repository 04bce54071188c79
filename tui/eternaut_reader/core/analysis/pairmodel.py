"""With the embeddings extra: which pairs of claims state one fact, by a fitted model.

The lexical alignment picks its matches by hand-set rules (matcher._select: mutual nearest
neighbours, weak pairs only as someone's best, and so on); a logistic model fitted to the
same signals does no better on the 36 hand-built sets (leave-one-set-out F1 0.719 against
0.716). With the embeddings there is a second signal, and a fixed bonus over a cosine floor
(matcher._with_embeddings) uses it poorly: a cosine means little alone, since all passages of
one story sit close together, but much beside the other passages of the same report. So the
model weighs, for each pair of claims of two reports, the lexical score, the embeddings'
cosine, and where each stands among the candidates each passage has in the other report
(features()). Leave-one-set-out on the 36 sets, the pairs chosen this way, with the rules'
pairs that give values of one kind (matcher._fitted), have precision / recall 0.786 / 0.741
where the rules over the bonus gave 0.726 / 0.750 (scripts/fit_pair_model.py prints both).
The file is part of the method: a refit bumps align.METHOD_VERSION.

The weights are data (data/pair_model.json, written by scripts/fit_pair_model.py); numpy
comes with the embeddings extra, so this module is only used when that is installed.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["FEATURES", "PairModel", "candidates", "features", "load"]

DATA = Path(__file__).with_name("data") / "pair_model.json"
NEAREST = 8  # a pair is a candidate when it scores lexically or is among these closest
NO_RANK = 30  # the rank given to a pair with no lexical score (ranks are capped there)

FEATURES = (
    "lexical score",
    "log lexical rank, better side",
    "log lexical rank, worse side",
    "share of the best lexical score, lower side",
    "share of the best lexical score, higher side",
    "across languages",
    "has a lexical score",
    "cosine",
    "log cosine rank, better side",
    "log cosine rank, worse side",
    "cosine below the best, larger gap",
    "cosine below the best, smaller gap",
    "the closest, both sides",
    "the closest, one side",
    "the lexical best, both sides",
    "the lexical best, one side",
)


@dataclass(frozen=True)
class PairModel:
    """A logistic model over FEATURES, standardised: p = 1 / (1 + exp(-(w·(x-m)/s + b)))."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float

    def probabilities(self, x: Any) -> Any:
        np = importlib.import_module("numpy")
        z = ((x - np.asarray(self.mean)) / np.asarray(self.scale)) @ np.asarray(self.weights)
        return 1.0 / (1.0 + np.exp(-(z + self.bias)))

    def to_json(self) -> dict[str, Any]:
        return {
            "features": list(FEATURES),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "weights": list(self.weights),
            "bias": self.bias,
            "threshold": self.threshold,
        }


@lru_cache(maxsize=1)
def load() -> PairModel | None:
    """The shipped model, or None if its file is missing or was written for other features."""
    try:
        data = json.loads(DATA.read_text(encoding="utf-8"))
        if tuple(data["features"]) != FEATURES:
            return None
        return PairModel(
            tuple(data["mean"]),
            tuple(data["scale"]),
            tuple(data["weights"]),
            float(data["bias"]),
            float(data["threshold"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _ranks(np: Any, scores: Any, columns: Any) -> tuple[Any, Any]:
    """For each row, the rank (1 = best) of every column in `columns` among those columns,
    ties broken by position as matcher._select does, and the row's best score there."""
    block = scores[:, columns]
    order = np.argsort(-block, axis=1, kind="stable")
    ranks = np.empty_like(order)
    np.put_along_axis(ranks, order, np.arange(1, block.shape[1] + 1)[None, :], axis=1)
    return ranks, block.max(axis=1)


def candidates(
    lexical: Mapping[tuple[int, int], float],
    cosines: Any,
    group: Sequence[int],
    claim: Sequence[bool],
    language: Sequence[str],
) -> tuple[list[tuple[int, int]], Any]:
    """The candidate pairs (i < j, claims of two reports) and their FEATURES, one row each:
    every pair with a lexical score, and each claim's NEAREST closest claims by cosine in
    every other report."""
    np = importlib.import_module("numpy")
    n = len(group)
    groups = np.asarray(group)
    claims = np.asarray(claim, dtype=bool)
    lex = np.zeros((n, n), dtype=np.float32)
    for (i, j), score in lexical.items():
        lex[i, j] = lex[j, i] = score
    lex_rank = np.full((n, n), NO_RANK, dtype=np.int32)
    cos_rank = np.full((n, n), NO_RANK, dtype=np.int32)
    reports = int(groups.max()) + 1 if n else 0
    lex_best = np.zeros((n, reports), dtype=np.float32)  # [i, g]: i's best in report g
    cos_best = np.zeros((n, reports), dtype=np.float32)
    for g in np.unique(groups):
        columns = np.flatnonzero((groups == g) & claims)
        if not columns.size:
            continue
        ranks, best = _ranks(np, lex, columns)
        lex_rank[:, columns] = np.where(lex[:, columns] > 0, np.minimum(ranks, NO_RANK), NO_RANK)
        lex_best[:, g] = best
        ranks, best = _ranks(np, cosines, columns)
        cos_rank[:, columns] = np.minimum(ranks, NO_RANK)
        cos_best[:, g] = best
    wanted = (lex > 0) | (cos_rank <= NEAREST) | (cos_rank.T <= NEAREST)
    wanted &= groups[:, None] != groups[None, :]
    wanted &= claims[:, None] & claims[None, :]
    i, j = np.nonzero(np.triu(wanted, 1))
    languages = np.asarray(language)
    across = languages[i] != languages[j]
    best = (
        lex_best[i, groups[j]],
        lex_best[j, groups[i]],
        cos_best[i, groups[j]],
        cos_best[j, groups[i]],
    )
    return list(zip(i.tolist(), j.tolist(), strict=True)), features(
        np, lex, cosines, lex_rank, cos_rank, best, i, j, across
    )


def features(
    np: Any,
    lex: Any,
    cosines: Any,
    lex_rank: Any,
    cos_rank: Any,
    best: tuple[Any, Any, Any, Any],
    i: Any,
    j: Any,
    across: Any,
) -> Any:
    """The FEATURES of pairs (i[k], j[k]), as rows. [i, j] of a rank is j's place among i's
    candidates in j's report; `best` is i's best lexical score in j's report, j's in i's,
    and the same for the cosine."""
    s = lex[i, j].astype(np.float64)
    c = cosines[i, j].astype(np.float64)
    lex_best_i, lex_best_j, cos_best_i, cos_best_j = best
    r_ij, r_ji = lex_rank[i, j], lex_rank[j, i]
    with np.errstate(divide="ignore", invalid="ignore"):
        share_i = np.where(lex_best_i > 0, s / lex_best_i, 0.0)
        share_j = np.where(lex_best_j > 0, s / lex_best_j, 0.0)
    gap_i, gap_j = cos_best_i - c, cos_best_j - c
    c_ij, c_ji = cos_rank[i, j], cos_rank[j, i]
    columns = [
        s,
        np.log1p(np.minimum(r_ij, r_ji)),
        np.log1p(np.maximum(r_ij, r_ji)),
        np.minimum(share_i, share_j),
        np.maximum(share_i, share_j),
        across.astype(np.float64),
        (s > 0).astype(np.float64),
        c,
        np.log(np.minimum(c_ij, c_ji)),
        np.log(np.maximum(c_ij, c_ji)),
        np.maximum(gap_i, gap_j),
        np.minimum(gap_i, gap_j),
        ((c_ij == 1) & (c_ji == 1)).astype(np.float64),
        ((c_ij == 1) | (c_ji == 1)).astype(np.float64),
        ((r_ij == 1) & (r_ji == 1)).astype(np.float64),
        ((r_ij == 1) | (r_ji == 1)).astype(np.float64),
    ]
    return np.stack(columns, axis=1).reshape(len(s), len(FEATURES))
