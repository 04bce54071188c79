"""The claims panel's table, drawn a line at a time.

Textual's DataTable builds every row up front: 100,000 claims took 12 s to show, and as long
again after every tag while the panel was open. This table only knows how many rows there
are and asks for the cells of the rows in sight when it draws them, so 100,000 claims cost
what 20 do. It keeps DataTable's look (a bold header, zebra stripes, a block cursor) and its
keys (arrows, PgUp/PgDn, Home/End, Enter, a click).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

__all__ = ["Cell", "ClaimsTable"]

PADDING = 1  # cells of padding each side of a cell, as DataTable
HEADER_ROWS = 1

# A cell's text (already made printable by the caller) and whether it is dimmed.
Cell = tuple[str, bool]


class ClaimsTable(ScrollView, can_focus=True):
    """Rows of cells under a header; the columns' widths are given (with the narrowest each
    may be), and one of them (flex) takes what the others leave of the table's width."""

    DEFAULT_CSS = """
    ClaimsTable {
        background: $surface;
        color: $foreground;
        &:focus {
            background-tint: $foreground 5%;
            & > .claims-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
        }
        &:dark > .claims-table--even-row {
            background: $surface-darken-1 40%;
        }
        & > .claims-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        &:ansi > .claims-table--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .claims-table--even-row {
            background: $surface-lighten-1 50%;
        }
        & > .claims-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .claims-table--dim {
            color: $text-muted;
        }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "claims-table--header",
        "claims-table--even-row",
        "claims-table--cursor",
        "claims-table--dim",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "cursor(-1000000000)", "First", show=False),
        Binding("end", "cursor(1000000000)", "Last", show=False),
        Binding("left", "scroll_left", "Scroll left", show=False),
        Binding("right", "scroll_right", "Scroll right", show=False),
        Binding("enter", "select", "Select", show=False),
    ]

    cursor_row: reactive[int] = reactive(0, always_update=True)

    class Highlighted(Message):
        """The cursor moved to another row."""

        def __init__(self, row: int) -> None:
            super().__init__()
            self.row = row

    class Selected(Message):
        """Enter, or a click, on a row."""

        def __init__(self, row: int) -> None:
            super().__init__()
            self.row = row

    def __init__(
        self,
        columns: Sequence[tuple[str, int, int]],
        flex: str,
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.columns = list(columns)
        self.flex = flex
        self.row_count = 0
        self._cells: Callable[[int, int], Sequence[Cell]] = lambda row, width: ()
        self._styles: dict[str, Style] = {}

    # -- the rows ------------------------------------------------------------------------

    def show(self, count: int, cells: Callable[[int, int], Sequence[Cell]]) -> None:
        """Show `count` rows; cells(row, flex width) gives a row's cells when it is drawn."""
        self.row_count = count
        self._cells = cells
        self._resize()
        if self.cursor_row >= count:
            self.cursor_row = max(0, count - 1)
        self.refresh()

    def widths(self) -> list[int]:
        """Each column's width in cells, without padding. The flex column takes what the
        others leave; when that is less than its own width, the others give up room, from the
        last to the first, down to their own narrowest."""
        widths = [width for _, width, _ in self.columns]
        flex = [label for label, _, _ in self.columns].index(self.flex)
        room = self.scrollable_content_region.width - 2 * PADDING * len(self.columns)
        rest = room - sum(w for n, w in enumerate(widths) if n != flex)
        # The others give up room until the flex column has its own width (the quote is what
        # the panel is for), each down to its narrowest.
        wanted, narrowest = self.columns[flex][1], self.columns[flex][2]
        for n in reversed(range(len(widths))):
            if n == flex or rest >= wanted:
                continue
            give = min(widths[n] - self.columns[n][2], wanted - rest)
            widths[n] -= give
            rest += give
        widths[flex] = max(narrowest, rest)
        return widths

    def refresh_layout(self) -> None:
        """The columns changed: size the table again."""
        self._resize()
        self.refresh()

    def flex_width(self) -> int:
        return self.widths()[[label for label, _, _ in self.columns].index(self.flex)]

    def _resize(self) -> None:
        total = sum(self.widths()) + 2 * PADDING * len(self.columns)
        # Wider than the table only when the columns' narrowest widths do not fit: the flex
        # column takes the rest otherwise, and a scrollbar coming or going changes that rest
        # (a virtual width of the old width showed a horizontal scrollbar for nothing).
        wide = total if total > self.scrollable_content_region.width else 0
        self.virtual_size = Size(wide, self.row_count + HEADER_ROWS)

    def on_resize(self) -> None:
        self._resize()
        # After the layout settles: a narrower table may gain a horizontal scrollbar, which
        # takes a row, and the cursor on the last row went out of sight (an outside tester).
        self.call_after_refresh(self._keep_cursor_visible)
        self.refresh()

    # -- drawing -------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = {}

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self.rich_style if name == "base" else self.get_component_rich_style(name)
            self._styles[name] = style
        return style

    def _line(
        self, texts: Sequence[Cell], widths: list[int], style: Style, dim_style: Style
    ) -> list[Segment]:
        pad = " " * PADDING
        segments: list[Segment] = []
        for (text, dimmed), width in zip(texts, widths, strict=False):
            fitted = text if cell_len(text) <= width else set_cell_size(text, width - 1) + "…"
            cell = pad + set_cell_size(fitted, width) + pad
            segments.append(Segment(cell, dim_style if dimmed else style))
        return segments

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self._style("base")
        widths = self.widths()
        if y < HEADER_ROWS:
            style = base + self._style("claims-table--header")
            header = [(label, False) for label, _, _ in self.columns]
            segments = self._line(header, widths, style, style)
        else:
            row = self.scroll_offset.y + y - HEADER_ROWS
            if row >= self.row_count:
                return Strip.blank(width, base)
            style = base
            if row % 2:
                style += self._style("claims-table--even-row")
            # Dimmed text keeps the cursor's colours on the cursor row: the dim style laid
            # last hid the cursor on a row of an article not open (found by an outside tester).
            dim_style = style + self._style("claims-table--dim")
            if row == self.cursor_row:
                cursor = self._style("claims-table--cursor")
                style, dim_style = style + cursor, dim_style + cursor
            segments = self._line(self._cells(row, self.flex_width()), widths, style, dim_style)
        strip = Strip(segments).crop(self.scroll_offset.x, self.scroll_offset.x + width)
        return strip.extend_cell_length(width, base)

    # -- the cursor ----------------------------------------------------------------------

    def watch_cursor_row(self, old: int, new: int) -> None:
        self._keep_cursor_visible()
        self.refresh()
        if 0 <= new < self.row_count:
            self.post_message(self.Highlighted(new))

    def _keep_cursor_visible(self) -> None:
        height = max(1, self.scrollable_content_region.height - HEADER_ROWS)
        top = self.scroll_offset.y
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + height:
            self.scroll_to(y=self.cursor_row - height + 1, animate=False, immediate=True)

    def move_cursor(self, row: int) -> None:
        if self.row_count:
            self.cursor_row = min(max(0, row), self.row_count - 1)

    def action_cursor(self, step: int) -> None:
        self.move_cursor(self.cursor_row + step)

    def action_page(self, direction: int) -> None:
        self.move_cursor(
            self.cursor_row
            + direction * max(1, self.scrollable_content_region.height - HEADER_ROWS)
        )

    def action_select(self) -> None:
        if 0 <= self.cursor_row < self.row_count:
            self.post_message(self.Selected(self.cursor_row))

    def on_click(self, event: events.Click) -> None:
        row = self.scroll_offset.y + event.y - HEADER_ROWS
        if event.y >= HEADER_ROWS and 0 <= row < self.row_count:
            self.move_cursor(row)
            self.post_message(self.Selected(row))
