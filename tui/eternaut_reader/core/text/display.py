"""Article text on a terminal: control characters made visible (terminal.safe), cell widths.

Replacing each control character by a single visible one keeps every offset valid, so spans
computed on the text apply unchanged to what is drawn.

Cell widths are rich's (`rich.cells`), which Textual lays out with, so a line measured here
takes exactly the cells it is drawn in. `all_one_cell` is the fast path: one regular
expression built from rich's own table of the characters that are not one cell wide.
"""

from __future__ import annotations

import re

from rich import cells as rich_cells
from rich.cells import cell_len, get_character_cell_size

from eternaut_reader.core.terminal import safe

__all__ = ["all_one_cell", "cells", "char_cells", "counted", "printable"]


def _not_one_cell() -> re.Pattern[str]:
    """Every character rich measures as 0 or 2 cells: its width table, and the C0/C1 controls."""
    ranges = [(0, 0x1F), (0x7F, 0x9F)]
    table = rich_cells.load_cell_table()  # type: ignore[attr-defined]  # rich's, not re-exported
    ranges += [(start, end) for start, end, width in table.widths if width != 1]
    parts = (
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )
    return re.compile("[" + "".join(parts) + "]")


_NOT_ONE_CELL = _not_one_cell()


def printable(text: str) -> str:
    """Replace control characters by visible stand-ins (ESC becomes ␛), keeping the length."""
    return safe(text)


def all_one_cell(text: str) -> bool:
    """Whether every character of text takes exactly one cell (then cells(text) == len(text))."""
    return (text.isascii() and text.isprintable()) or _NOT_ONE_CELL.search(text) is None


def char_cells(char: str) -> int:
    """Terminal cells taken by one (already printable) character: 0, 1 or 2."""
    return get_character_cell_size(char)


def cells(text: str) -> int:
    """Terminal cells taken by text, as rich (and so Textual) measures it."""
    return cell_len(text)


def counted(n: int, word: str, plural: str | None = None) -> str:
    """ "1 claim", "12 claims": a count and its noun, singular for one (an outside tester
    read "1 articles", "1 matches", "Exported 1 claims")."""
    return f"{n} {word if n == 1 else plural or word + 's'}"
