"""How claims look in a pane: their coloured layers over a line, and the gutter mark.

Plain functions over the claim index, so that the pane only asks "what is drawn here".
The user's own claims are drawn in their tag's style; another annotator's in a fainter one
("theirs-"), under ours, and marked in the gutter by their initial.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import get_character_cell_size
from rich.style import Style

from eternaut_reader.core.annotations.claims import Claim, ClaimIndex
from eternaut_reader.core.annotations.tags import TAGS
from eternaut_reader.ui.widgets.lines import Layer

MIXED_MARK = "※"
OPEN_MARK = "○"
# Up to this many claims on a line are drawn one by one, nesting shown exactly.
EXACT_LAYERS = 12

StyleOf = Callable[[str], Style]


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The union of spans, as sorted runs that do not touch."""
    runs: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if runs and start <= runs[-1][1]:
            runs[-1] = (runs[-1][0], max(runs[-1][1], end))
        else:
            runs.append((start, end))
    return runs


def _tag_class(claim: Claim, me: str | None) -> str:
    theirs = "" if claim.annotation.annotator == me else "theirs-"
    return f"pane--{theirs}{claim.tag or 'open'}"


def claim_layers(
    claims: ClaimIndex,
    start: int,
    end: int,
    me: str | None,
    style: StyleOf,
    touching: list[Claim] | None = None,
) -> list[Layer]:
    """`touching`: claims.overlapping(start, end), when the caller has it already."""
    if touching is None:
        touching = claims.overlapping(start, end)
    if len(touching) <= EXACT_LAYERS:
        # Longest first, so that a claim nested in another is drawn on top of it; someone
        # else's before ours, so that where both tagged, ours shows.
        ordered = sorted(touching, key=lambda c: (c.annotation.annotator == me, c.start - c.end))
        return [(c.start, c.end, style(_tag_class(c, me))) for c in ordered]
    # Dense text (dozens of claims on a line): one layer per tag and run of text,
    # contradicted on top, so that drawing a line stays cheap.
    by_tag: dict[str | None, list[tuple[int, int]]] = {tag: [] for tag in (None, *TAGS)}
    for claim in touching:  # one pass: a dense line holds hundreds
        by_tag[claim[2].tag].append((claim[0], claim[1]))
    layers: list[Layer] = []
    for tag, spans in by_tag.items():
        name = f"pane--{tag or 'open'}"
        layers.extend((a, b, style(name)) for a, b in _merged(spans))
    return layers


def gutter_mark(
    claims: ClaimIndex,
    start: int,
    end: int,
    me: str | None,
    style: StyleOf,
    touching: list[Claim] | None = None,
) -> tuple[str, Style] | None:
    """One cell for the line: the tag's symbol for our claims (※ when they differ), the
    initial of the annotator when only someone else tagged it."""
    from eternaut_reader.core.annotations.tags import SYMBOLS

    if touching is None:
        touching = claims.overlapping(start, end)
    if not touching:
        return None
    mine = [claim for claim in touching if claim.annotation.annotator == me]
    if not mine:
        first = touching[0]
        initial = (first.annotation.annotator.strip() or "?")[0]
        if not initial.isprintable() or get_character_cell_size(initial) != 1:
            initial = "•"
        return initial, style(f"pane--mark-{first.tag or 'open'}")
    tags = {claim.tag for claim in mine}
    if len(tags) > 1:
        return MIXED_MARK, style("pane--mark-contradicted")
    (tag,) = tags
    if tag is None:
        return OPEN_MARK, style("pane--mark-open")
    return SYMBOLS[tag], style(f"pane--mark-{tag}")
