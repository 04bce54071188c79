"""The report's content as plain data: the reports covered, the claims, the scorecard, the
matrix. content.build_report makes it; markdown.py and html.py render it."""

from __future__ import annotations

from dataclasses import dataclass, field

from eternaut_reader.core.analysis.scorecard import ReportScore
from eternaut_reader.core.annotations.groups import VERDICT_ORDER, verdict_label
from eternaut_reader.core.annotations.model import Evidence

__all__ = [
    "HEADLINE",
    "ClaimEntry",
    "Disagreement",
    "MatrixLine",
    "Note",
    "Passage",
    "Report",
    "Source",
    "Statement",
    "ValueConflict",
]


HEADLINE = 140  # characters of a claim's heading and matrix row


@dataclass(frozen=True)
class Source:
    """A report (an article) as the fact-check names it."""

    id: str
    number: int | None  # its place among the reports covered; None: not in the corpus
    title: str
    outlet: str | None = None
    date: str | None = None
    url: str | None = None  # an http(s) URI, or None
    language: str | None = None

    @property
    def label(self) -> str:
        """ "(2) Title" (or the title alone for an article not in the corpus)."""
        return self.title if self.number is None else f"({self.number}) {self.title}"

    @property
    def short(self) -> str:
        """ "(2)", or the title for an article not in the corpus."""
        return self.title if self.number is None else f"({self.number})"

    @property
    def facts(self) -> str:
        """Outlet · date · language, what is known of it."""
        parts = [self.outlet, self.date, self.language]
        if self.number is None:
            parts.append("not in the corpus")
        return " · ".join(p for p in parts if p)


@dataclass(frozen=True)
class Statement:
    """One report's statement of a claim: its passage, tagged by one annotator."""

    source: Source
    quote: str
    tag: str | None
    annotator: str
    placed: bool | None  # True: found in the text; False: an orphan; None: article not loaded

    @property
    def verdict(self) -> str:
        return verdict_label(self.tag or "open")


@dataclass(frozen=True)
class Note:
    annotator: str
    source: Source
    text: str


@dataclass
class ClaimEntry:
    number: int
    id: str
    summary: str
    verdict: str  # a tag, "mixed" or "open"
    reason: str  # for mixed: which reports say what
    statements: list[Statement]
    conflicts: list[Disagreement]
    notes: list[Note]
    reviews: list[tuple[str, str]]  # (annotator, review)
    evidence: list[tuple[str, Evidence]]  # (annotator, item)
    more_conflicts: int = 0  # pairs left out of `conflicts`

    @property
    def headline(self) -> str:
        """The summary on one line, cut at a word to at most HEADLINE characters (a claim
        without a summary is named by its first quote, which can be a long sentence)."""
        from eternaut_reader.core.formats.claimreview import short_claim

        return short_claim(self.summary, HEADLINE)

    @property
    def label(self) -> str:
        """The verdict with its glyph: "± mixed"."""
        return verdict_label(self.verdict)

    @property
    def sources(self) -> list[Source]:
        return list(dict.fromkeys(s.source for s in self.statements))


@dataclass(frozen=True)
class MatrixLine:
    number: int  # the claim's number in the report
    summary: str
    marks: tuple[str, ...]  # one per column


@dataclass
class Report:
    title: str
    generated: str  # ISO 8601, UTC
    sources: list[Source]  # the reports covered, numbered
    elsewhere: list[Source]  # articles claims were made on that are not in the corpus
    annotators: list[str]
    claims: list[ClaimEntry]
    scores: list[ReportScore]
    matrix: list[MatrixLine]
    publisher: str | None = None
    notices: list[str] = field(default_factory=list)
    filters: dict[str, list[str]] = field(default_factory=dict)

    @property
    def when(self) -> str:
        """The time generated, for people: "2025-07-30 14:05 UTC"."""
        return self.generated[:16].replace("T", " ") + " UTC"

    def counts(self) -> dict[str, int]:
        """How many claims have each verdict, in VERDICT_ORDER; verdicts with none left out."""
        found = {v: sum(c.verdict == v for c in self.claims) for v in VERDICT_ORDER}
        return {v: n for v, n in found.items() if n}

    def source(self, article_id: str) -> Source | None:
        return next((s for s in (*self.sources, *self.elsewhere) if s.id == article_id), None)


@dataclass(frozen=True)
class Passage:
    """One side of a disagreement: a passage of a report, tagged (annotator given) or an
    aligned passage nobody tagged (annotator None)."""

    source: Source
    text: str
    tag: str | None
    annotator: str | None

    @property
    def verdict(self) -> str:
        if self.annotator is None:
            return "not tagged"
        return verdict_label(self.tag or "open")


@dataclass(frozen=True)
class ValueConflict:
    """A measure the two passages give different values for: ("date", "April", "July")."""

    what: str
    left: str
    right: str


@dataclass(frozen=True)
class Disagreement:
    """Two passages of a claim that disagree, side by side, with the values that conflict
    and why they are shown (the values differ, a `contradicts` link, different tags)."""

    left: Passage
    right: Passage
    values: tuple[ValueConflict, ...]
    reasons: tuple[str, ...]
