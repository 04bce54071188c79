"""Cell widths come from rich.cells, which Textual lays out with: the display functions and the
wrap index measure text exactly as the screen draws it."""

from __future__ import annotations

import pytest
from rich import cells as rich_cells
from rich.cells import cell_len, get_character_cell_size

from eternaut_reader.core.text.display import all_one_cell, cells, char_cells
from eternaut_reader.core.text.wrap import WrapIndex

SAMPLES = [
    "plain ASCII text",
    "L’Eternauta è una serie fantascientifica",
    "日本語のテキストと中文字符",  # CJK: two cells each
    "한국어 텍스트",  # Hangul syllables
    "emoji 😀 👍🏽 🎬 and text",  # astral emoji, a skin-tone modifier
    "family 👩‍👩‍👧 joined by zero-width joiners",
    "heart ❤️ with a variation selector",
    "e\u0301 combining acute, a\u0308 diaeresis, n\u0303",  # combining marks: zero cells
    "zero\u200bwidth\u200dspace",
    "full-width ＡＢＣ and half-width ｱｲｳ",
    "Ελληνικά, русский, עברית, العربية",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_cells_equal_rich_cell_len(text):
    assert cells(text) == cell_len(text)
    assert all(char_cells(c) == get_character_cell_size(c) for c in text)
    assert all_one_cell(text) == all(get_character_cell_size(c) == 1 for c in text)
    if all_one_cell(text):
        assert cells(text) == len(text)


def test_all_one_cell_agrees_with_rich_at_every_edge_of_its_width_table():
    # The fast path is a regular expression built from rich's table: each range's first and
    # last code point, and those just outside it, are where it could be wrong.
    edges = {0x1F, 0x20, 0x7E, 0x7F, 0x9F, 0xA0}
    for start, end, _ in rich_cells.load_cell_table().widths:
        edges |= {start - 1, start, end, end + 1}
    points = [cp for cp in edges if 0 <= cp < 0x110000 and not 0xD800 <= cp < 0xE000]
    disagree = [
        cp for cp in points if all_one_cell(chr(cp)) != (get_character_cell_size(chr(cp)) == 1)
    ]
    assert len(points) > 1000 and disagree == []


@pytest.mark.parametrize("width", [5, 8, 13])
def test_wrapped_lines_fit_the_width_as_rich_measures_them(width):
    text = "\n".join(s for s in SAMPLES if "\u200d" not in s and "\ufe0f" not in s)
    index = WrapIndex(text, width)
    for line in range(len(index)):
        start, end = index.span(line)
        piece = text[start:end]
        assert cell_len(piece) <= width or len(piece) == 1, piece
