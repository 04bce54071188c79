"""The source scorecard: per report, how its claims were judged, to spot the outlier.

For each report: how many of its claims (its own tagged passages, each once, as the pane's
header and the claims panel count them) were tagged confirmed, speculative and contradicted,
how many are still open, and how many claims no other report makes (no link joins them to another
report's passage and, when an alignment is given, no aligned passage was found elsewhere).
The report (`report` command, export dialog) prints it as a table; the reader's matrix view
draws it as a bar per report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from eternaut_reader.core.analysis.verdict import AlignmentLike
from eternaut_reader.core.annotations.groups import ClaimGroup
from eternaut_reader.core.annotations.tags import OPEN, TAGS, tag_key

__all__ = ["ReportScore", "scorecard"]


@dataclass(frozen=True)
class ReportScore:
    article_id: str
    title: str
    confirmed: int = 0
    speculative: int = 0
    contradicted: int = 0
    open: int = 0
    alone: int = 0  # claims no other report makes
    claims: int = 0  # claims this report states (each once, whatever its tags)

    def count(self, tag: str) -> int:
        return int(getattr(self, tag))


def scorecard(
    groups: Sequence[ClaimGroup],
    columns: Sequence[tuple[str, str]],
    alignment: AlignmentLike | None = None,
) -> list[ReportScore]:
    """One ReportScore per (article id, title) in `columns`, in that order."""
    counts: dict[str, dict[str, int]] = {
        article: {key: 0 for key in (*TAGS, OPEN, "alone", "claims")} for article, _ in columns
    }
    for group in groups:
        articles = group.articles
        alone = len(articles) == 1 and not _aligned_elsewhere(group, alignment)
        for annotation in group.members:
            # Each claim once: two passages of one report linked into one group were drawn
            # as one glyph, and the scorecard disagreed with the pane's header (a tester).
            row = counts.get(annotation.article_id)
            if row is None:
                continue
            row["claims"] += 1
            row[tag_key(annotation.tag)] += 1
            if alone:
                row["alone"] += 1
    return [ReportScore(article, title, **counts[article]) for article, title in columns]


def _aligned_elsewhere(group: ClaimGroup, alignment: AlignmentLike | None) -> bool:
    if alignment is None:
        return False
    for annotation in group.members:
        for match in alignment.matches(annotation.article_id, annotation.start, annotation.end):
            # As in the matrix: a passage only on the same topic ("related") does not
            # make the claim, so it does not stop the claim being alone.
            if match.article != annotation.article_id and match.relation != "related":
                return True
    return False
