"""A wrap index: the visual lines of a text at a given width, as character spans.

Built with str.rfind over each source line, so its cost grows with the number of visual lines
rather than the number of characters; a 5 MB article wraps in a fraction of a second.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right

from rich.cells import get_character_cell_size

from eternaut_reader.core.text.display import all_one_cell


class WrapIndex:
    def __init__(self, text: str, width: int) -> None:
        self.width = max(1, width)
        self.starts = array("l")
        self.ends = array("l")
        # When every character of the text is one cell wide (most text is), no line needs
        # checking: one pass over the distinct characters instead of a search per line.
        self._uniform = all_one_cell("".join(set(text) - {"\n"}))
        pos = 0
        length = len(text)
        while pos <= length:
            newline = text.find("\n", pos)
            if newline < 0:
                newline = length
            self._wrap_line(text, pos, newline)
            pos = newline + 1

    def __len__(self) -> int:
        return len(self.starts)

    def line_of(self, offset: int) -> int:
        """The visual line holding offset (a space dropped at a wrap belongs to the line before)."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def span(self, line: int) -> tuple[int, int]:
        return self.starts[line], self.ends[line]

    def _wrap_line(self, text: str, start: int, end: int) -> None:
        width = self.width
        starts, ends = self.starts, self.ends
        uniform = self._uniform or all_one_cell(text[start:end])
        if end - start <= width and uniform:
            starts.append(start)
            ends.append(end)
            return
        if not uniform:
            self._wrap_wide(text, start, end)
            return
        pos = start
        while end - pos > width:
            space = text.rfind(" ", pos + 1, pos + width + 1)
            if space < 0:
                starts.append(pos)
                ends.append(pos + width)
                pos += width
            else:
                starts.append(pos)
                ends.append(space)
                pos = space + 1
        starts.append(pos)
        ends.append(end)

    def _wrap_wide(self, text: str, start: int, end: int) -> None:
        """Slow path for lines with wide or zero-width characters: count cells one by one, as
        rich measures them (rich.cells, which Textual draws with)."""
        width = self.width
        line_start = start
        used = 0
        last_space = -1
        pos = start
        while pos < end:
            char = text[pos]
            size = get_character_cell_size(char)
            if used + size > width and pos > line_start:
                if last_space > line_start:
                    self.starts.append(line_start)
                    self.ends.append(last_space)
                    pos = line_start = last_space + 1
                else:
                    self.starts.append(line_start)
                    self.ends.append(pos)
                    line_start = pos
                used = 0
                last_space = -1
                continue
            if char == " ":
                last_space = pos
            used += size
            pos += 1
        self.starts.append(line_start)
        self.ends.append(end)
