"""A line of hints ("Enter shows · + supports · - contradicts · Esc closes") that wraps
between hints, never inside one.

Textual wraps a Static at any space, so at some widths a hint was cut in two ("+ supports · -"
on one line, "contradicts" on the next: found by an outside tester at 120 columns), and a key
stood apart from what it does. Here the hints are the parts between " · ", and a line breaks
only between two of them; a part wider than the whole line (a long quote in a heading) is the
only thing wrapped inside, and then only at plain spaces: words joined by no-break spaces
("5\u00a0passages\u00a0in\u00a03\u00a0reports") stay on one line (Textual's own wrap breaks at
those too).
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from textual.content import Content
from textual.geometry import Size
from textual.visual import VisualType
from textual.widgets import Static

SEPARATOR = " · "


_WORD = re.compile(r"[^ ]+")


def _wrap_part(part: Content, width: int) -> list[Content]:
    """`part` folded at `width` cells, broken only at plain spaces (not no-break ones)."""
    text = part.plain
    lines: list[Content] = []
    start: int | None = None  # where the current line starts
    end = 0  # where its last word ends
    for word in _WORD.finditer(text):
        if start is not None and cell_len(text[start : word.end()]) > width:
            lines.append(part[start:end])
            start = None
        if start is None:
            start = word.start()
        end = word.end()
    if start is None:
        return [part]
    lines.append(part[start:end])
    # A single word wider than the line is the only thing cut inside.
    return [
        piece
        for line in lines
        for piece in (line.wrap(width) if line.cell_length > width else [line])
    ]


def hint_lines(content: Content, width: int) -> list[Content]:
    """The lines of `content` at `width` cells, broken only between its hints."""
    lines: list[Content] = []
    for paragraph in content.split("\n", allow_blank=True):
        line: Content | None = None
        for part in paragraph.split(SEPARATOR, allow_blank=True):
            joined = part if line is None else line + SEPARATOR + part
            if joined.cell_length <= width:
                line = joined
                continue
            if line is not None:
                lines.append(line)
            pieces = _wrap_part(part, width) if part.cell_length > width else [part]
            lines.extend(pieces[:-1])
            line = pieces[-1]
        lines.append(line if line is not None else Content(""))
    return lines


class HintLine(Static):
    """A Static whose text is a list of hints joined by " · " (see the module docstring)."""

    def __init__(self, content: Content | str = "", *, id: str | None = None) -> None:
        super().__init__(content, id=id, markup=False)
        self._hints = Content(content) if isinstance(content, str) else content

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        # Strings are data here (quotes of articles), never markup.
        self._hints = content if isinstance(content, Content) else Content(str(content))
        super().update(self._hints, layout=layout)

    def _laid_out(self, width: int) -> Content:
        return Content("\n").join(hint_lines(self._hints, max(1, width)))

    def render(self) -> Content:
        width = self.content_region.width
        return self._laid_out(width) if width > 0 else self._hints

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(hint_lines(self._hints, max(1, width)))
