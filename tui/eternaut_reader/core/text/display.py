"""Article text on a terminal: control characters made visible (terminal.safe), cell widths.

Replacing each control character by a single visible one keeps every offset valid, so spans
computed on the text apply unchanged to what is drawn.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from eternaut_reader.core.terminal import safe

# Characters that are not one cell wide: East Asian wide, emoji, and zero-width marks.
_NOT_ONE_CELL = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u0e31\u0e34-\u0e3a"
    "\u1100-\u115f\u200b-\u200f\u20d0-\u20ff\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf"
    "\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe00-\ufe0f\ufe20-\ufe2f"
    "\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U0001f000-\U0001faff\U00020000-\U0003fffd]"
)


def printable(text: str) -> str:
    """Replace control characters by visible stand-ins (ESC becomes ␛), keeping the length."""
    return safe(text)


def all_one_cell(text: str) -> bool:
    return text.isascii() or _NOT_ONE_CELL.search(text) is None


@lru_cache(maxsize=4096)
def char_cells(char: str) -> int:
    """Terminal cells taken by one (already printable) character."""
    if unicodedata.combining(char) or char in "\u200b\u200c\u200d\u200e\u200f\ufeff":
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def cells(text: str) -> int:
    if all_one_cell(text):
        return len(text)
    return sum(char_cells(c) for c in text)
