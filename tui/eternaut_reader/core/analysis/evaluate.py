"""Score an alignment against hand-built clusters of quotes that state the same fact.

A clusters file lists, per fact, exact quotes from the articles and the verdict a careful
reader would give. Pairs are scored on units: two units of different articles belong
together when one cluster has a quote in each. Precision counts the predicted matches
between annotated units that are such pairs, recall the pairs that were matched; both are
split by language pair ("en-en", "en-it"). Unannotated units are left out, since nobody said
whether they state the same fact. Report-level recall asks less: for each annotated unit and
each other report stating its fact, is at least one such passage of that report matched?
A cluster's predicted verdict is the most frequent suggestion for its quotes (a tie goes to
contradicted, then speculative).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from eternaut_reader.core.analysis.align import Alignment
    from eternaut_reader.core.text.corpus import Article

__all__ = ["ClusterResult", "Evaluation", "annotated_units", "evaluate", "load_clusters"]

_PRIORITY = {"contradicted": 0, "speculative": 1, "confirmed": 2}


@dataclass
class ClusterResult:
    id: str
    expected: str
    predicted: str | None
    suggestions: list[str | None]


@dataclass
class Evaluation:
    true_positive: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    gold: Counter[str] = field(default_factory=Counter)
    clusters: list[ClusterResult] = field(default_factory=list)
    false_pairs: list[tuple[str, str]] = field(default_factory=list)
    # Report-level recall: (annotated unit, other report stating its fact) found / wanted.
    reports_found: Counter[str] = field(default_factory=Counter)
    reports_wanted: Counter[str] = field(default_factory=Counter)
    missed_pairs: list[tuple[str, str]] = field(default_factory=list)

    def precision(self, pair: str | None = None) -> float:
        tp = sum(self.true_positive.values()) if pair is None else self.true_positive[pair]
        n = sum(self.predicted.values()) if pair is None else self.predicted[pair]
        return tp / n if n else 1.0

    def recall(self, pair: str | None = None) -> float:
        tp = sum(self.true_positive.values()) if pair is None else self.true_positive[pair]
        n = sum(self.gold.values()) if pair is None else self.gold[pair]
        return tp / n if n else 1.0

    def report_recall(self, pair: str | None = None) -> float:
        """How often, for an annotated passage and another report that states its fact, at
        least one of that report's passages stating it is among the matches: what a reader
        looking for "the same fact elsewhere" needs, one passage per report."""
        found = sum(self.reports_found.values()) if pair is None else self.reports_found[pair]
        wanted = sum(self.reports_wanted.values()) if pair is None else self.reports_wanted[pair]
        return found / wanted if wanted else 1.0

    @property
    def verdict_accuracy(self) -> float:
        right = sum(c.predicted == c.expected for c in self.clusters)
        return right / len(self.clusters) if self.clusters else 1.0

    @property
    def quote_verdict_accuracy(self) -> float:
        """The share of single quotes whose suggestion is their cluster's verdict."""
        pairs = [(s, c.expected) for c in self.clusters for s in c.suggestions]
        return sum(s == e for s, e in pairs) / len(pairs) if pairs else 1.0

    @property
    def contradictions(self) -> tuple[int, int]:
        """(caught, total) of the clusters a careful reader calls contradicted."""
        wanted = [c for c in self.clusters if c.expected == "contradicted"]
        return sum(c.predicted == "contradicted" for c in wanted), len(wanted)


def load_clusters(path: str | Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    return data


def annotated_units(
    alignment: Alignment, articles: Sequence[Article], clusters: dict[str, Any]
) -> dict[tuple[str, int, int], set[str]]:
    """The units (article, start, end) that some cluster quotes, with those clusters' ids: a
    quote marks every unit it overlaps."""
    by_id = {a.id: a for a in articles}
    found: dict[tuple[str, int, int], set[str]] = {}
    for cluster in clusters["clusters"]:
        for quote in cluster["quotes"]:
            article = by_id[quote["article"]]
            start = article.text.index(quote["quote"])
            end = start + len(quote["quote"])
            for u in alignment.units(article.id):
                if u.start < end and start < u.end:
                    found.setdefault((article.id, u.start, u.end), set()).add(cluster["id"])
    return found


def evaluate(
    alignment: Alignment, articles: Sequence[Article], clusters: dict[str, Any]
) -> Evaluation:
    by_id = {a.id: a for a in articles}
    result = Evaluation()
    unit_clusters = annotated_units(alignment, articles, clusters)

    def pair_kind(a: str, b: str) -> str:
        return "-".join(sorted((by_id[a].language, by_id[b].language)))

    def label(span: tuple[str, int, int]) -> str:
        return f"{span[0]}[{span[1]}:{span[2]}]"

    annotated = sorted(unit_clusters)
    gold = {
        (a, b)
        for i, a in enumerate(annotated)
        for b in annotated[i + 1 :]
        if a[0] != b[0] and unit_clusters[a] & unit_clusters[b]
    }
    predicted = set()
    for span in annotated:
        for match in alignment.matches(*span):
            other = (match.article, match.start, match.end)
            if other in unit_clusters:
                predicted.add((span, other) if span < other else (other, span))
    for span in annotated:
        linked = {b if a == span else a for a, b in gold if span in (a, b)}
        matched = {(m.article, m.start, m.end) for m in alignment.matches(*span)} | {
            a if b == span else b for a, b in predicted if span in (a, b)
        }
        for report in sorted({other[0] for other in linked}):
            kind = pair_kind(span[0], report)
            result.reports_wanted[kind] += 1
            if any(other[0] == report and other in matched for other in linked):
                result.reports_found[kind] += 1
    for a, b in gold:
        result.gold[pair_kind(a[0], b[0])] += 1
        if (a, b) not in predicted:
            result.missed_pairs.append((label(a), label(b)))
    for a, b in predicted:
        kind = pair_kind(a[0], b[0])
        result.predicted[kind] += 1
        if (a, b) in gold:
            result.true_positive[kind] += 1
        else:
            result.false_pairs.append((label(a), label(b)))

    for cluster in clusters["clusters"]:
        suggestions: list[str | None] = []
        for quote in cluster["quotes"]:
            article = by_id[quote["article"]]
            start = article.text.index(quote["quote"])
            found = alignment.suggest(article.id, start, start + len(quote["quote"]))
            suggestions.append(found.tag if found else None)
        counts = Counter(s for s in suggestions if s)
        predicted_tag = (
            min(counts, key=lambda t: (-counts[t], _PRIORITY.get(t, 9))) if counts else None
        )
        result.clusters.append(
            ClusterResult(cluster["id"], cluster["verdict"], predicted_tag, suggestions)
        )
    return result
