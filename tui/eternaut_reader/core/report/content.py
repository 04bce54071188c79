"""What a fact-check report says, built once and rendered as Markdown or HTML.

`build_report` groups the annotations into claims (annotations joined by links, see
annotations/groups.py), orders them by importance (mixed, contradicted, speculative,
confirmed, open), and gathers for each claim: its summary and verdict, the reports that state
it with their quotes, where the reports conflict (analysis/conflicts.py, as the claim view
shows it), the notes, the reviews and the evidence. Then the source scorecard
(analysis/scorecard.py) and the claim × report matrix (analysis/matrix.py). Nothing here is
markup: the renderers escape every string.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Protocol

from eternaut_reader.core.analysis.conflicts import (
    ELSEWHERE,
    OWN_CLAIM,
    AlignmentLike,
    PassageConflict,
    Untagged,
    claim_conflicts,
)
from eternaut_reader.core.analysis.matrix import Matrix, Placed, build_matrix, covers
from eternaut_reader.core.analysis.scorecard import scorecard
from eternaut_reader.core.annotations.anchor import anchor
from eternaut_reader.core.annotations.groups import ClaimGroup, claim_groups
from eternaut_reader.core.annotations.model import Annotation
from eternaut_reader.core.annotations.tags import OPEN_SYMBOL, SYMBOLS
from eternaut_reader.core.formats.base import web_uri
from eternaut_reader.core.report.model import (
    ClaimEntry,
    Disagreement,
    MatrixLine,
    Note,
    Passage,
    Report,
    Source,
    Statement,
    ValueConflict,
)

__all__ = ["DEFAULT_TITLE", "AlignmentLike", "ArticleLike", "build_report"]

DEFAULT_TITLE = "Fact-check report"
CONFLICTS_SHOWN = 8  # a claim's disagreements shown; the report says how many more there are


class ArticleLike(Protocol):
    """What the report reads of an article (corpus.Article has all of it)."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def language(self) -> str: ...
    @property
    def outlet(self) -> str | None: ...
    @property
    def date(self) -> str | None: ...


def _source(article: ArticleLike, number: int | None) -> Source:
    url = getattr(article, "url", None)
    uri = web_uri(url) if isinstance(url, str) and url.strip() else None
    return Source(
        id=article.id,
        number=number,
        title=article.title,
        outlet=article.outlet,
        date=article.date,
        url=uri,
        language=article.language,
    )


def build_report(
    annotations: Iterable[Annotation],
    articles: Sequence[ArticleLike],
    *,
    alignment: AlignmentLike | None = None,
    only_articles: Iterable[str] | None = None,
    annotators: Iterable[str] | None = None,
    title: str | None = None,
    generated: str | None = None,
    publisher: str | None = None,
    notices: Sequence[str] = (),
    remembered: Mapping[str, str] | None = None,
) -> Report:
    """The report of the claims `annotations` make on `articles` (a corpus's articles).

    only_articles: only the claims stated in one of these articles (ids); annotators: only
    these annotators' annotations. The alignment, when given, finds the conflicting values
    between a claim's passages, the aligned passages of the other reports, and the claims no
    other report makes; without it the report says only what was tagged and linked.
    """
    wanted = None if annotators is None else set(annotators)
    pool = [a for a in annotations if wanted is None or a.annotator in wanted]
    by_id = {a.id: a for a in articles}
    sources = [_source(a, n) for n, a in enumerate(articles, 1)]
    by_source = {s.id: s for s in sources}
    titles = {s.id: s.label for s in sources}  # "(2) Title": what a mixed verdict names
    # Articles not in the corpus are named by the title last seen (Corpus.elsewhere).
    remembered = dict(remembered or {})
    for article_id, seen in remembered.items():
        titles.setdefault(article_id, seen)
    groups = claim_groups(pool, titles, ranked=True)
    chosen_articles = None if only_articles is None else set(only_articles)
    # The claims of these reports: one stated only in articles outside them is not part of
    # their fact-check (the matrix leaves it out too).
    groups = [g for g in groups if (chosen_articles or set(by_id)) & set(g.articles)]

    # Where each annotation is now (an orphan or an article not loaded: nowhere).
    placed: dict[str, Placed] = {}
    for ann in pool:
        article = by_id.get(ann.article_id)
        where = None if article is None else anchor(article.text, ann)
        if where is not None:
            placed[ann.id] = Placed(ann, where.start, where.end)
    elsewhere: dict[str, Source] = {}

    def source_of(article_id: str) -> Source:
        found = by_source.get(article_id)
        if found is None:
            title = remembered.get(article_id, article_id)
            found = elsewhere.setdefault(article_id, Source(article_id, None, title))
        return found

    def span_of(annotation: Annotation) -> tuple[int, int] | None:
        found = placed.get(annotation.id)
        return None if found is None else (found.start, found.end)

    texts = {a.id: a.text for a in articles}
    by_article: dict[str, list[Placed]] = {}
    for found in placed.values():
        by_article.setdefault(found.annotation.article_id, []).append(found)

    def tagged_at(article_id: str, start: int, end: int) -> Annotation | None:
        """A claim on the passage start..end of an article (as the matrix finds one)."""
        for where in by_article.get(article_id, []):
            if where.start < end and start < where.end:
                return where.annotation
        return None

    def tagged_over(article_id: str, start: int, end: int) -> Annotation | None:
        """The claim that stands for the passage, as the matrix's cell: it covers enough."""
        for where in by_article.get(article_id, []):
            if covers(where.start, where.end, start, end):
                return where.annotation
        return None

    claims = []
    for number, group in enumerate(groups, 1):
        statements = [
            Statement(
                source_of(a.article_id),
                a.quote,
                a.tag,
                a.annotator,
                None if a.article_id not in by_id else a.id in placed,
            )
            for a in group.members
        ]
        conflicts = [
            _disagreement(c, source_of, texts, tagged_at)
            for c in claim_conflicts(group.members, alignment, span_of, tagged_over)
        ]
        claims.append(
            ClaimEntry(
                number=number,
                id=group.id,
                summary=group.summary(),
                verdict=group.verdict,
                reason=group.verdict_reason(),
                statements=statements,
                conflicts=conflicts[:CONFLICTS_SHOWN],
                notes=[
                    Note(a.annotator, source_of(a.article_id), a.note)
                    for a in group.members
                    if a.note.strip()
                ],
                reviews=group.reviews(),
                evidence=group.evidence(),
                more_conflicts=max(0, len(conflicts) - CONFLICTS_SHOWN),
            )
        )

    columns = [(s.id, s.title) for s in sources]
    scores = scorecard(groups, columns, alignment)
    matrix = _matrix_lines(claims, groups, placed, columns, alignment)
    people = sorted({a.annotator for g in groups for a in g.members}, key=str.casefold)
    filters = {}
    if chosen_articles is not None:
        filters["article"] = sorted(chosen_articles)
    if wanted is not None:
        filters["annotator"] = sorted(wanted)
    return Report(
        title=title or DEFAULT_TITLE,
        generated=generated or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        sources=sources,
        elsewhere=list(elsewhere.values()),
        annotators=[p or "unknown" for p in people],
        claims=claims,
        scores=scores,
        matrix=matrix,
        publisher=publisher,
        notices=list(notices),
        filters=filters,
    )


def _disagreement(
    conflict: PassageConflict,
    source_of: Callable[[str], Source],
    texts: Mapping[str, str],
    tagged_at: Callable[[str, int, int], Annotation | None] = lambda *_: None,
) -> Disagreement:
    """A conflict of analysis/conflicts.py as the report shows it: each side's source, text,
    tag and annotator (an untagged aligned passage: its text in its report, no annotator;
    one tagged as a claim of its own, not linked to this one, with that claim's tag, as the
    matrix shows it)."""

    def side(passage: Annotation | Untagged) -> Passage:
        if isinstance(passage, Untagged):
            text = texts.get(passage.article_id, "")[passage.start : passage.end]
            other = tagged_at(passage.article_id, passage.start, passage.end)
            if other is not None:
                return Passage(source_of(passage.article_id), text, other.tag, other.annotator)
            return Passage(source_of(passage.article_id), text, None, None)
        return Passage(source_of(passage.article_id), passage.quote, passage.tag, passage.annotator)

    first, second = side(conflict.first), side(conflict.second)
    # A tagged passage is no "report where no passage of the claim is tagged": it says whose
    # claim the tag shown belongs to (an outside tester read the two as contradicting). Only
    # the second side can be such a passage; tagged, it has an annotator.
    own_claim = isinstance(conflict.second, Untagged) and second.annotator is not None
    reasons = tuple(OWN_CLAIM if r == ELSEWHERE and own_claim else r for r in conflict.reasons)
    return Disagreement(first, second, tuple(ValueConflict(*v) for v in conflict.values), reasons)


_CELL_RANK = {"tagged": 0, "conflicts": 1, "matches": 2, "none": 3}


def _matrix_lines(
    claims: Sequence[ClaimEntry],
    groups: Sequence[ClaimGroup],
    placed: Mapping[str, Placed],
    columns: Sequence[tuple[str, str]],
    alignment: AlignmentLike | None,
) -> list[MatrixLine]:
    """One line per claim, in the report's order: analysis/matrix.py's cells for its placed
    passages (a claim split by an orphan gets the best cell of its parts), and for a claim
    with none placed, the glyphs of its tags."""
    chosen = [placed[a.id] for g in groups for a in g.members if a.id in placed]
    tagged_at: dict[str, list[Placed]] = {}
    for p in placed.values():
        tagged_at.setdefault(p.annotation.article_id, []).append(p)
    matrix: Matrix = build_matrix(chosen, columns, alignment, tagged_at=tagged_at)
    number_of = {
        a.id: claim.number for claim, g in zip(claims, groups, strict=True) for a in g.members
    }
    best: dict[int, dict[str, tuple[int, str]]] = {}
    for row in matrix.rows:
        number = number_of[row.claims[0].annotation.id]
        cells = best.setdefault(number, {})
        for article, _ in columns:
            cell = row.cells[article]
            rank = _CELL_RANK.get(cell.kind, 3)
            if article not in cells or rank < cells[article][0]:
                cells[article] = (rank, cell.mark)
    lines = []
    for claim, g in zip(claims, groups, strict=True):
        found = best.get(claim.number)
        if found is None:
            tags = g.tags_by_article()
            marks = tuple(_glyph(tags[a][0]) if a in tags else "" for a, _ in columns)
        else:
            marks = tuple(found.get(a, (3, ""))[1] for a, _ in columns)
        lines.append(MatrixLine(claim.number, claim.headline, marks))
    return lines


def _glyph(tag: str) -> str:
    return SYMBOLS.get(tag, OPEN_SYMBOL)
