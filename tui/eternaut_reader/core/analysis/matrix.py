"""The claim × report matrix: for every claim, what each report says about it.

One row per claim, claims joined by links making one row together with their aligned
passages; one column per report. A cell is the verdict glyph where that report's passage
is tagged, a conflict mark where an aligned passage conflicts, a dot where an aligned passage
exists but nobody tagged it, and blank where the report says nothing found. The reader draws
it (`m`), and `to_csv` / `to_markdown` export the very same cells.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from eternaut_reader.core.analysis.verdict import AlignmentLike, Match
from eternaut_reader.core.annotations.groups import linked_components
from eternaut_reader.core.annotations.model import Annotation
from eternaut_reader.core.annotations.tags import OPEN_SYMBOL, SYMBOLS

if TYPE_CHECKING:
    from eternaut_reader.core.text.corpus import Article

CONFLICT_MARK = "⚠"
MATCH_MARK = "·"

# The legend under the matrix in the fact-check report (core/report).
LEGEND = (
    f"{SYMBOLS['confirmed']} {SYMBOLS['speculative']} {SYMBOLS['contradicted']} {OPEN_SYMBOL}: "
    "the report's passage is tagged confirmed, speculative, contradicted or open · "
    f"{CONFLICT_MARK}: an aligned passage conflicts (after a glyph: the claim is linked as "
    f"contradicting the row's) · {MATCH_MARK}: an aligned passage, not tagged · blank: nothing "
    "found"
)

__all__ = [
    "CONFLICT_MARK",
    "LEGEND",
    "MATCH_MARK",
    "Cell",
    "Matrix",
    "MatrixRow",
    "build_matrix",
    "report_columns",
    "report_headings",
]


@dataclass(frozen=True)
class Placed:
    """A claim where it sits now (its anchored span) in its article."""

    annotation: Annotation
    start: int
    end: int


@dataclass(frozen=True)
class Cell:
    """What one report says about one row's claim; `start`/`end` locate the passage."""

    mark: str  # a verdict glyph, CONFLICT_MARK, MATCH_MARK or "" (nothing found)
    kind: str  # "tagged", "conflicts", "matches" or "none"
    start: int = 0
    end: int = 0
    annotation: Annotation | None = None

    @property
    def empty(self) -> bool:
        return self.kind == "none"


@dataclass
class MatrixRow:
    label: str  # the quote of the row's first claim
    claims: list[Placed]
    cells: dict[str, Cell] = field(default_factory=dict)


@dataclass
class Matrix:
    columns: list[tuple[str, str]]  # (article id, heading)
    rows: list[MatrixRow]

    def table(self) -> list[list[str]]:
        """Heading row then one row per claim: the claim's quote, then a mark per report."""
        head = ["claim", *(heading for _, heading in self.columns)]
        body = [
            [row.label, *(row.cells[article].mark for article, _ in self.columns)]
            for row in self.rows
        ]
        return [head, *body]

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        for line in self.table():
            writer.writerow([_guard(cell) for cell in line])
        return out.getvalue()

    def to_markdown(self) -> str:
        lines = self.table()
        rendered = ["| " + " | ".join(_md(c) for c in line) + " |" for line in lines]
        rendered.insert(1, "| " + " | ".join(["---"] + [":-:"] * (len(lines[0]) - 1)) + " |")
        legend = (
            f"\n{SYMBOLS['confirmed']} {SYMBOLS['speculative']} {SYMBOLS['contradicted']} "
            f"{OPEN_SYMBOL} the passage is tagged so · {CONFLICT_MARK} an aligned passage "
            f"conflicts (after a glyph: the claim is linked as contradicting the row's) · "
            f"{MATCH_MARK} an aligned passage, not tagged · blank: nothing found\n"
        )
        return "\n".join(rendered) + "\n" + legend


def _glyph(annotation: Annotation) -> str:
    tag = annotation.tag
    return OPEN_SYMBOL if tag is None else SYMBOLS.get(tag, "?")


def _groups(claims: Sequence[Placed]) -> list[list[Placed]]:
    """Claims joined by links (either way) form one group; groups in reading order."""
    placed = {c.annotation.id: c for c in claims}
    order = {c.annotation.id: n for n, c in enumerate(claims)}
    components = linked_components([c.annotation for c in claims], order=lambda a: order[a.id])
    return [[placed[a.id] for a in members] for members in components]


def report_columns(articles: Sequence[Article]) -> list[tuple[str, str]]:
    """The matrix's columns: each report's id and heading ("3 EN Netflix's Pioneering…"),
    the same on screen, in the `matrix` command and in the exports."""
    return [(a.id, f"{n} {a.language.upper()} {a.title}") for n, a in enumerate(articles, 1)]


_WORD = re.compile(r"[^\W\d_]{4,}")


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def report_headings(articles: Sequence[Article], width: int) -> list[str]:
    """Each report's column heading in `width` cells, told apart from the others.

    The full heading ("3 EN Netflix's Pioneering…") when its cut shows each report's own
    words; otherwise (most reports' titles begin alike: "Netflix…" cut to "N…" in every
    column at 80 columns, found by an outside tester) the number, the language when there is
    room, and the report's outlet or, failing that, its title from its first word of four
    letters or more that no other title has ("3 EN Pioneering Step…", "4 Leap…")."""
    full = [f"{n} {a.language.upper()} {a.title}" for n, a in enumerate(articles, 1)]
    cut = [_cut(h, width) for h in full]
    # Distinct without their numbers: the number alone does not tell what a report is.
    if len({c.split(" ", 1)[-1] for c in cut}) == len(cut):
        return cut
    titles = [{w.casefold() for w in _words(a.title)} for a in articles]
    outlets = [(a.outlet or "").strip() for a in articles]
    tails = []
    for n, article in enumerate(articles, 1):
        others = set().union(*(t for k, t in enumerate(titles) if k != n - 1))
        outlet = outlets[n - 1]
        if outlet and outlets.count(outlet) == 1:
            tails.append(f"{outlet} · {article.title}")
        else:
            own = next((w for w in _words(article.title) if w.casefold() not in others), None)
            tails.append(article.title[article.title.index(own) :] if own else article.title)
    # The language only when every column has room for it and six letters of its word:
    # the word is what tells the reports apart.
    leads = [f"{n} {a.language.upper()} " for n, a in enumerate(articles, 1)]
    with_language = all(
        len(lead) + min(len(tail.split(" ", 1)[0]), 6) <= width
        for lead, tail in zip(leads, tails, strict=True)
    )
    headings = [
        _cut((lead if with_language else f"{n} ") + tail, width)
        for n, (lead, tail) in enumerate(zip(leads, tails, strict=True), 1)
    ]
    return headings


COVERED = 0.4  # the share of an aligned passage a tag must cover to give that passage's verdict


def covers(claim_start: int, claim_end: int, start: int, end: int) -> bool:
    """Does a claim cover enough of the passage start..end to stand for it (COVERED)?"""
    overlap = min(claim_end, end) - max(claim_start, start)
    return overlap > 0 and overlap >= COVERED * (end - start)


def build_matrix(
    claims: Iterable[Placed],
    columns: Sequence[tuple[str, str]],
    alignment: AlignmentLike | None,
    *,
    tagged_at: Mapping[str, Sequence[Placed]] | None = None,
) -> Matrix:
    """The matrix of `claims` (anchored, any annotators) over the reports in `columns`.

    `tagged_at` maps an article id to every claim placed in it, to tell whether an aligned
    passage is tagged; by default the claims given.
    """
    placed = list(claims)
    by_article: dict[str, list[Placed]] = {}
    for of_article in tagged_at.values() if tagged_at is not None else [placed]:
        for c in of_article:
            by_article.setdefault(c.annotation.article_id, []).append(c)
    rows = []
    for group in _groups(placed):
        group.sort(key=lambda c: (c.annotation.article_id, c.start))
        # The claim's summary when someone wrote one (as the claim view and the report name
        # it), else its first passage.
        summary = min(
            (c.annotation for c in group if c.annotation.summary),
            key=lambda a: a.created,
            default=None,
        )
        label = summary.summary if summary is not None else group[0].annotation.quote
        row = MatrixRow(" ".join(label.split()), group)
        # The row says what each report has *on its first claim* (in the reports' order): a
        # claim linked to it as contradicting stands on the other side, and its own agreeing
        # passages are no conflict with the row (an outside tester saw ⚠ in a report that
        # agrees). Not on the claim that holds the summary: writing one changed the cells
        # (another tester saw ? turn ?⚠ and back with the summary's undo).
        anchor = group[0].annotation
        against = _against(anchor, group)
        for article, _heading in columns:
            row.cells[article] = _cell(
                row, article, alignment, by_article.get(article, []), against
            )
        rows.append(row)
    return Matrix(list(columns), rows)


def _against(anchor: Annotation, group: Sequence[Placed]) -> set[str]:
    """The ids of the group's claims linked to `anchor` as contradicting it, either way."""
    out = {k.target for k in anchor.links if k.relation == "contradicts"}
    out |= {
        c.annotation.id
        for c in group
        if any(k.target == anchor.id and k.relation == "contradicts" for k in c.annotation.links)
    }
    return out


def _cell(
    row: MatrixRow,
    article: str,
    alignment: AlignmentLike | None,
    tagged: Sequence[Placed],
    against: AbstractSet[str] = frozenset(),
) -> Cell:
    own = [c for c in row.claims if c.annotation.article_id == article]
    if own:
        # A report with a passage linked as supporting and another as contradicting shows the
        # contradicting one: the conflict is what a fact-checker must see (an outside tester
        # saw the ⚠ hidden behind the supporting passage, first in the text).
        first = next((c for c in own if c.annotation.id in against), own[0])
        # A claim linked as contradicting the row's: its verdict, and the conflict mark.
        mark = _glyph(first.annotation) + (CONFLICT_MARK if first.annotation.id in against else "")
        return Cell(mark, "tagged", first.start, first.end, first.annotation)
    if alignment is None:
        return Cell("", "none")
    # What the claims on the other side state conflicts with the row only where it does not
    # with them: their passages are not looked at for this report.
    sided = [c for c in row.claims if c.annotation.id not in against]
    found = [
        m
        for c in sided
        for m in alignment.matches(c.annotation.article_id, c.start, c.end)
        if m.article == article
    ]
    if not found:
        return Cell("", "none")

    def tagged_at(match: Match) -> Cell | None:
        # The tag that covers most of the passage, if it covers a good part of it: a date
        # tagged inside a lede is no verdict on the lede's other facts (an outside tester saw
        # a ✓ on "30,000 litres" that came from a tagged "Monday 13 April").
        best, best_overlap = None, 0
        for claim in tagged:
            overlap = min(claim.end, match.end) - max(claim.start, match.start)
            if overlap > best_overlap:
                best, best_overlap = claim, overlap
        if best is None or not covers(best.start, best.end, match.start, match.end):
            return None
        return Cell(_glyph(best.annotation), "tagged", best.start, best.end, best.annotation)

    # A conflict shows unless its own passage was tagged: a verdict given elsewhere in the
    # report (on a passage only related to the claim) must not hide it.
    conflict = next((m for m in found if m.relation == "conflicts"), None)
    if conflict is not None:
        return tagged_at(conflict) or Cell(CONFLICT_MARK, "conflicts", conflict.start, conflict.end)
    for match in found:  # a passage stating the claim that somebody tagged: its verdict
        if match.relation == "agrees" and (cell := tagged_at(match)) is not None:
            return cell
    # Only a passage that states the claim is a dot: one merely on the same topic
    # ("related") said "states it, not tagged" of text that does not (found by a tester).
    stating = next((m for m in found if m.relation == "agrees"), None)
    if stating is None:
        return Cell("", "none")
    return Cell(MATCH_MARK, "matches", stating.start, stating.end)


def _guard(value: str) -> str:
    from eternaut_reader.core.formats.table import guard  # the exports' own formula guard

    return guard(value)


def _md(value: str) -> str:
    from eternaut_reader.core.formats.markdown import escape_inline

    # A table cell: the exports' own escaping (which escapes a pipe too).
    return escape_inline(value) or " "
