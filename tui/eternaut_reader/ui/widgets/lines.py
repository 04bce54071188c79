"""Drawing one visual line of an article: styled layers cut into segments, cells to offsets."""

from __future__ import annotations

from itertools import pairwise

from rich.cells import get_character_cell_size
from rich.segment import Segment
from rich.style import Style

from eternaut_reader.core.text.display import printable

Layer = tuple[int, int, Style]  # start, end (text offsets) and the style over them


def styled_segments(text: str, offset: int, layers: list[Layer], base: Style) -> list[Segment]:
    """Cut text where any layer starts or ends, and give each piece the layers over it, later
    layers on top."""
    if not layers:
        return [Segment(text, base)] if text else []
    end = offset + len(text)
    cuts = {offset, end}
    for start, stop, _style in layers:
        cuts.update(c for c in (start, stop) if offset < c < end)
    points = sorted(cuts)
    segments = []
    for left, right in pairwise(points):
        style = base
        for start, stop, layer in layers:
            if start < right and stop > left:
                style = style + layer
        segments.append(Segment(text[left - offset : right - offset], style))
    return segments


def offset_at_column(text: str, start: int, column: int) -> int:
    """The offset of the character drawn at `column` of a line holding text (which starts at
    offset `start`); the line's end for a column past it."""
    if column <= 0:
        return start
    used = 0
    for i, char in enumerate(printable(text)):
        used += get_character_cell_size(char)
        if used > column:
            return start + i
    return start + len(text)
