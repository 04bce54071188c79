"""Fit the pair model of the embeddings extra (core/analysis/pairmodel.py) on the hand-built sets.

    python -m pip install '.[embeddings]'
    PYTHONPATH=tui python scripts/fit_pair_model.py [--write]

For every set of tests/data/align, the alignment is run with the embeddings and, for each
candidate pair of claims between two annotated passages, its features are taken with the
answer (one cluster holds both). A logistic model (standardised features, an L2 penalty,
fitted by Newton's method) is then judged leave-one-set-out: fitted on all sets but one, it
chooses the pairs of that one. The figures printed are pairwise precision and recall pooled
over the sets, counted as core/analysis/evaluate.py counts them, for a few thresholds (the
model's pairs with the rules' pairs that give values of one kind, as matcher._fitted takes
them), beside the rules' choice alone (matcher._select). With --write the model fitted on all
the sets, at the threshold of the best leave-one-set-out F1, is written to
core/analysis/data/pair_model.json; then bump align.METHOD_VERSION.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "align"
PENALTY = 1.0  # L2 on the standardised weights: 36 sets of a few hundred pairs each
THRESHOLDS = (0.30, 0.35, 0.40, 0.45, 0.50)


def set_names() -> list[str]:
    numbered = sorted(
        (p.name.removesuffix("_clusters.json") for p in DATA.glob("corpus*_clusters.json")),
        key=lambda n: int(n.removeprefix("corpus")),
    )
    return ["seeds", *numbered]


def collect(name: str) -> dict[str, Any]:
    """One set's candidate pairs among annotated claims: features, answers, and whether the
    rule-based choice took them; and the number of answer pairs in all (recall's base)."""
    os.environ["ETERNAUT_READER_EMBEDDINGS"] = "1"
    os.environ["ETERNAUT_READER_CACHE"] = tempfile.mkdtemp(prefix="fit-pairs-")
    import numpy as np

    from eternaut_reader.core.analysis import align, matcher, pairmodel
    from eternaut_reader.core.analysis.evaluate import annotated_units, load_clusters
    from eternaut_reader.core.text.corpus import load_corpus

    seen: dict[str, Any] = {}

    def capture(lexical, scored, reads, group, apart, index, embedded, model):  # type: ignore[no-untyped-def]
        pairs, rows = matcher._candidates(lexical, reads, group, index, embedded @ embedded.T)
        seen["pairs"], seen["x"] = pairs, np.asarray(rows, dtype=float).reshape(len(rows), -1)
        seen["reads"], seen["group"] = reads, group
        return matcher._select(scored, reads, group), set()  # the rules alone, for comparison

    matcher._fitted = capture  # type: ignore[assignment]
    pairmodel.load = lambda: pairmodel.PairModel((), (), (), (), 0.0, 1.0)  # type: ignore[assignment]
    corpus = load_corpus(None if name == "seeds" else [DATA / name])
    alignment = align(corpus, use_cache=False)
    reads, group = seen["reads"], seen["group"]
    index = {(r.unit.article, r.unit.start, r.unit.end): n for n, r in enumerate(reads)}
    quoted = annotated_units(
        alignment, corpus.articles, load_clusters(DATA / f"{name}_clusters.json")
    )
    clusters = {index[span]: ids for span, ids in quoted.items()}
    annotated = sorted(clusters)
    gold = {
        (a, b)
        for n, a in enumerate(annotated)
        for b in annotated[n + 1 :]
        if group[a] != group[b] and clusters[a] & clusters[b]
    }
    ruled = {
        (min(i, j), max(i, j))
        for i in annotated
        for m in alignment.matches(reads[i].unit.article, reads[i].unit.start, reads[i].unit.end)
        if (j := index.get((m.article, m.start, m.end), -1)) in clusters
    }
    # What the model adds to: the rules' pairs that give values of one kind (matcher._fitted).
    kept = {(a, b) for a, b in ruled if matcher._comparable(reads[a], reads[b])}
    keep = [k for k, (a, b) in enumerate(seen["pairs"]) if a in clusters and b in clusters]
    pairs = [seen["pairs"][k] for k in keep]
    return {
        "name": name,
        "x": np.asarray(seen["x"])[keep],
        "y": np.asarray([p in gold for p in pairs]),
        "kept": np.asarray([p in kept for p in pairs], dtype=bool),
        "kept_only": (len((kept - set(pairs)) & gold), len(kept - set(pairs))),
        "gold": len(gold),
        "ruled": (len(ruled & gold), len(ruled)),
    }


def fit(x: Any, y: Any) -> tuple[Any, Any, Any, float]:
    """Standardisation, weights and bias of an L2-penalised logistic model (Newton)."""
    import numpy as np

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], PENALTY)
    penalty[-1] = 0.0  # the bias is not penalised
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(z @ w)))
        gradient = z.T @ (p - y) + penalty * w
        hessian = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return mean, scale, w[:-1], float(w[-1])


def probabilities(x: Any, mean: Any, scale: Any, w: Any, bias: float) -> Any:
    import numpy as np

    return 1.0 / (1.0 + np.exp(-(((x - mean) / scale) @ w + bias)))


def judge(sets: list[dict[str, Any]], label: str) -> float:
    """Print leave-one-set-out precision and recall per threshold; return the best F1's."""
    import numpy as np

    gold = sum(s["gold"] for s in sets)
    right, chosen = (sum(s["ruled"][k] for s in sets) for k in (0, 1))
    print(f"{label}: {len(sets)} sets, {gold} answer pairs")
    print(f"  rules (matcher._select):  P {right / chosen:.3f}  R {right / gold:.3f}")
    held = {t: [0, 0] for t in THRESHOLDS}
    for n, s in enumerate(sets):
        rest = [o for k, o in enumerate(sets) if k != n]
        model = fit(np.vstack([o["x"] for o in rest]), np.concatenate([o["y"] for o in rest]))
        p = probabilities(s["x"], *model)
        for t in THRESHOLDS:
            taken = (p >= t) | s["kept"]
            held[t][0] += int((s["y"] & taken).sum()) + s["kept_only"][0]
            held[t][1] += int(taken.sum()) + s["kept_only"][1]
    best, best_f1 = THRESHOLDS[0], -1.0
    for t in THRESHOLDS:
        tp, n = held[t]
        precision, recall = tp / n if n else 1.0, tp / gold
        f1 = 2 * precision * recall / (precision + recall)
        print(
            f"  model and the rules' pairs of one kind, leave-one-set-out, threshold {t:.2f}:"
            f"  P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}"
        )
        if f1 > best_f1:
            best, best_f1 = t, f1
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write data/pair_model.json")
    args = parser.parse_args()
    import numpy as np

    sys.path.insert(0, str(ROOT / "tui"))
    from eternaut_reader.core.analysis import embeddings, pairmodel

    if not embeddings.available():
        raise SystemExit("fit_pair_model: the embeddings extra is not installed")
    with ProcessPoolExecutor(2) as pool:
        sets = list(pool.map(collect, set_names()))
    threshold = judge(sets, "with the embeddings")
    mean, scale, w, bias = fit(
        np.vstack([s["x"] for s in sets]), np.concatenate([s["y"] for s in sets])
    )
    model = pairmodel.PairModel(
        pairmodel.LEXICAL + pairmodel.COSINE,
        tuple(mean.tolist()),
        tuple(scale.tolist()),
        tuple(w.tolist()),
        bias,
        threshold,
    )
    if args.write:
        text = json.dumps({"embeddings": model.to_json()}, indent=1) + "\n"
        pairmodel.DATA.write_text(text, encoding="utf-8")
        print(f"written: {pairmodel.DATA}")


if __name__ == "__main__":
    main()
