"""The claim under the cursor, with the totals and the save state: one line, or two when the
terminal is too narrow for the claim and its suggestion (at 80 columns the suggested verdict
and its reason would otherwise be cut to "suggest ✗ contradicte…")."""

from __future__ import annotations

import re

from rich.segment import Segment
from textual.events import Resize
from textual.strip import Strip
from textual.widget import Widget

from eternaut_reader.core.text.display import cells, printable
from eternaut_reader.ui.widgets.chrome import fit, middle_cut

SEPARATOR = " · "
GAP = " ·"
# A quoted value in a reason ("premiered", "second half of 2025").
_QUOTED = re.compile(r'"([^"]{7,})"')
_KEEP = 12  # a value is never cut shorter than this many characters ("19 injured" stays)
_PART_CUT = 16  # cells a part cut to fit the first line must keep, "… ← supported by 2…"
_LINKS_CUT = 11  # cells the links keep beside a conflict's values ("links: con…")
_KIND = re.compile(r"(accepts\): )[a-z][a-z ]*: ")
_VERDICT_NAME = re.compile(r"(suggest [✓?✗]) (?:confirmed|speculative|contradicted)\b")


def squeeze(text: str, room: int) -> str:
    """Text made to fit room cells by cutting its longest quoted values in the middle
    ("second …2025") before its end is cut: a conflict's two values are what the reader
    needs, and the end of the line holds the second one ('… vs "premiered" here'). The
    verdict's name goes first: its glyph says it ("suggest ✗ (A accepts): …")."""
    if cells(text) > room:
        text = _VERDICT_NAME.sub(r"\1", text, 1)
    # What follows "; " (how many others agree) may be cut at the end: it is extra. The cut
    # takes a cell for its "…", which must not fall on the value "here".
    if "; " in text:
        room -= 1
    while cells(text.split("; ")[0]) > room:
        quoted = max(_QUOTED.finditer(text), key=lambda m: len(m.group(1)), default=None)
        if quoted is None or len(quoted.group(1)) <= _KEEP:
            return text
        value = quoted.group(1)
        keep = max(_KEEP, len(value) - (cells(text.split("; ")[0]) - room) - 1)
        short = middle_cut(value, keep + 1)
        if len(short) >= len(value):
            return text
        text = text[: quoted.start(1)] + short + text[quoted.end(1) :]
    return text


def _squeezed_suggestion(line: str, room: int) -> str:
    """The line with its suggestion squeezed to what is left of room once the parts before it
    are written; the parts after it are cut at the end. Without a suggestion, squeeze()."""
    parts = line.split(SEPARATOR)
    at = next((n for n, part in enumerate(parts) if part.startswith("suggest ")), None)
    if at is None:
        return squeeze(line, room)
    before = SEPARATOR.join(parts[:at])
    used = cells(before) + (len(SEPARATOR) if at else 0)
    after = parts[at + 1 :]
    links = next((n for n, part in enumerate(after) if part.startswith("links: ")), None)
    if links is not None:
        # The links follow the suggestion here when the first line had no room for them: they
        # keep a place of their own, and the suggestion is cut first (at 80 columns a long
        # suggestion pushed "links: supports from 4/5" out of the bar: an outside tester).
        # What the links leave out is in the claim view.
        # A conflict's two values come first all the same ("19 injured" vs "12 injured"):
        # then the links take what the values leave, never less than _LINKS_CUT.
        suggestion = parts[at]
        essential = squeeze(suggestion, max(0, room - used)).split("; ")[0]
        if _QUOTED.search(essential) and cells(essential) + _LINKS_CUT + 4 > room - used:
            # No room for both: the conflict's kind goes ("number: "), its values stay.
            suggestion = _KIND.sub(r"\1", suggestion, 1)
            essential = squeeze(suggestion, max(0, room - used)).split("; ")[0]
        if _QUOTED.search(essential):
            keep = max(_LINKS_CUT, room - used - len(SEPARATOR) - cells(essential) - 1)
        else:
            keep = max(_PART_CUT, room // 3)
        keep = min(cells(after[links]), keep)
        free = max(0, room - used - keep - len(SEPARATOR))
        squeezed = fit(squeeze(suggestion, free), free)
        return SEPARATOR.join([*parts[:at], squeezed, fit(after[links], keep)])
    # With parts after it, the suggestion keeps a cell for the cut's "…" beyond it.
    squeezed = squeeze(parts[at], max(0, room - used - (1 if after else 0)))
    return SEPARATOR.join([*parts[:at], squeezed, *after])


def split_parts(left: str, room: int) -> tuple[str, str]:
    """The parts of `left` (joined by SEPARATOR) that fit in `room` cells, and the rest, whole
    parts only; the rest is "" when everything fits.

    A suggestion that does not fit on the first line starts the second, which it has to
    itself first: its two conflicting values are what the reader needs, and at 80 columns
    the parts before it ("c s x to tag", the links) left it too little room and cut
    "19 injured" to "19 i…ured" (found by an outside tester). The parts that do not fit on
    the first line follow it there, cut at the end."""
    if cells(left) <= room:
        return left, ""
    parts = left.split(SEPARATOR)
    at = next((n for n, part in enumerate(parts) if part.startswith("suggest ")), None)
    others = [part for n, part in enumerate(parts) if n != at]
    if not others:  # the suggestion alone: one line, squeezed as it must be
        return left, ""
    first, n = others[0], 1
    while n < len(others) and cells(first + SEPARATOR + others[n]) <= room:
        first += SEPARATOR + others[n]
        n += 1
    left_over = room - cells(first) - len(SEPARATOR)
    if at is not None and n < len(others) and left_over >= _PART_CUT:
        # The next part (the links, the note) cut to what is left of the first line: after
        # the suggestion on the second it was cut to nothing at 80 columns, with some 30
        # cells free here (an outside tester).
        first += SEPARATOR + fit(others[n], left_over)
        n += 1
    rest = ([parts[at]] if at is not None else []) + others[n:]
    return first, SEPARATOR.join(rest)


class ClaimBar(Widget):
    COMPONENT_CLASSES = {"claim-bar--right", "claim-bar--error"}

    def __init__(self) -> None:
        super().__init__()
        self.left = ""
        self.right = ""
        self.error = False
        # The width at which the bar took a second line: it keeps it while the width stays,
        # so that the panes above do not grow and shrink a row as the cursor moves.
        self._tall_at: int | None = None

    def show(self, left: str, right: str, *, error: bool = False) -> None:
        if (left, right, error) != (self.left, self.right, self.error):
            self.left, self.right, self.error = left, right, error
            self._fit_height()
            self.refresh()

    def on_resize(self, event: Resize) -> None:
        self._fit_height()

    def _room(self) -> int:
        """Cells for the left part: the width less the right part, the padding and the " ·"
        that parts the two when the left one runs up to the right one."""
        return max(0, self.size.width - cells(printable(self.right)) - 3 - len(GAP))

    def _lines(self) -> tuple[str, str]:
        return split_parts(printable(self.left), self._room())

    def _fit_height(self) -> None:
        width = self.size.width
        if not width:
            return
        if self._lines()[1]:
            self._tall_at = width
        height = 2 if self._tall_at == width else 1
        if self.styles.height is None or self.styles.height.value != height:
            self.styles.height = height

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        right = printable(self.right)
        room = self._room()
        first, rest = self._lines()
        if y == 1:
            rest = _squeezed_suggestion(rest, max(0, width - 2))
            return Strip([Segment(" " + fit(rest, max(0, width - 2)) + " ", base)]).crop_extend(
                0, width, base
            )
        right_style = base + self.get_component_rich_style(
            "claim-bar--error" if self.error else "claim-bar--right"
        )
        # Up against the right part, the left one ends with " ·": at 80 columns "c s x to
        # tag all ✓0" read as one phrase (found by an outside tester).
        gap = GAP if cells(first) >= room - 1 else " " * len(GAP)
        return Strip(
            [
                Segment(" " + fit(first, room) + gap + " ", base),
                Segment(right + " ", right_style),
            ],
        ).crop_extend(0, width, base)
