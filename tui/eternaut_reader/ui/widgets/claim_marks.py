"""How claims look in a pane: their coloured layers over a line, and the gutter mark.

Plain functions over the claim index, so that the pane only asks "what is drawn here".
The user's own claims are drawn in their tag's style; another annotator's in a fainter one
("theirs-"), under ours, and marked in the gutter by their initial.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import get_character_cell_size
from rich.style import Style

from eternaut_reader.core.annotations.claims import Claim
from eternaut_reader.core.annotations.tags import TAGS
from eternaut_reader.ui.widgets.lines import Layer

MIXED_MARK = "※"
OPEN_MARK = "○"
# Up to this many claims on a line are drawn one by one, nesting shown exactly.
EXACT_LAYERS = 12

StyleOf = Callable[[str], Style]


def _tag_class(claim: Claim, me: str | None) -> str:
    theirs = "" if claim.annotation.annotator == me else "theirs-"
    return f"pane--{theirs}{claim.tag or 'open'}"


def line_marks(
    touching: list[Claim], me: str | None, style: StyleOf
) -> tuple[list[Layer], tuple[str, Style] | None]:
    """The coloured layers over a line and its gutter mark, from the claims touching it in
    position order.

    Up to EXACT_LAYERS claims are drawn one by one, nesting shown exactly. A dense line
    (dozens or hundreds of claims) gets one layer per tag and run of text, read in one pass:
    each tag's runs are merged as they come and our own tags gathered on the way (PgDn with
    100,000 claims spent most of a frame in separate passes and sorts). The gutter shows the
    tag's symbol for our claims (※ when they differ), else the other annotator's initial."""
    if len(touching) <= EXACT_LAYERS:
        return _exact_layers(touching, me, style), _mark(touching, me, style)
    runs: dict[str | None, list[tuple[int, int]]] = {tag: [] for tag in (None, *TAGS)}
    mine: set[str | None] = set()
    for start, end, annotation in touching:
        tag = annotation.tag
        if annotation.annotator == me:
            mine.add(tag)
        spans = runs[tag]
        if spans and start <= spans[-1][1]:  # in position order: touching the last run
            if end > spans[-1][1]:
                spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    layers: list[Layer] = []
    for tag, spans in runs.items():
        name = f"pane--{tag or 'open'}"
        layers.extend((a, b, style(name)) for a, b in spans)
    return layers, _mark_of(touching[0], mine, style)


def _exact_layers(touching: list[Claim], me: str | None, style: StyleOf) -> list[Layer]:
    # Longest first, so that a claim nested in another is drawn on top of it; someone
    # else's before ours, so that where both tagged, ours shows.
    ordered = sorted(touching, key=lambda c: (c.annotation.annotator == me, c.start - c.end))
    return [(c.start, c.end, style(_tag_class(c, me))) for c in ordered]


def _mark(touching: list[Claim], me: str | None, style: StyleOf) -> tuple[str, Style] | None:
    if not touching:
        return None
    mine = {claim.tag for claim in touching if claim.annotation.annotator == me}
    return _mark_of(touching[0], mine, style)


def _mark_of(first: Claim, mine: set[str | None], style: StyleOf) -> tuple[str, Style]:
    from eternaut_reader.core.annotations.tags import SYMBOLS

    if not mine:
        initial = (first.annotation.annotator.strip() or "?")[0]
        if not initial.isprintable() or get_character_cell_size(initial) != 1:
            initial = "•"
        return initial, style(f"pane--mark-{first.tag or 'open'}")
    if len(mine) > 1:
        return MIXED_MARK, style("pane--mark-contradicted")
    (tag,) = mine
    if tag is None:
        return OPEN_MARK, style("pane--mark-open")
    return SYMBOLS[tag], style(f"pane--mark-{tag}")
