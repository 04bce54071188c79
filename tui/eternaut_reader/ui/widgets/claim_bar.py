"""One line about the claim under the cursor, with the totals and the save state."""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widget import Widget

from eternaut_reader.core.text.display import cells, printable
from eternaut_reader.ui.widgets.chrome import fit


class ClaimBar(Widget):
    COMPONENT_CLASSES = {"claim-bar--right", "claim-bar--error"}

    def __init__(self) -> None:
        super().__init__()
        self.left = ""
        self.right = ""
        self.error = False

    def show(self, left: str, right: str, *, error: bool = False) -> None:
        if (left, right, error) != (self.left, self.right, self.error):
            self.left, self.right, self.error = left, right, error
            self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        right = printable(self.right)
        room = max(0, width - cells(right) - 3)
        right_style = base + self.get_component_rich_style(
            "claim-bar--error" if self.error else "claim-bar--right"
        )
        return Strip(
            [
                Segment(" " + fit(printable(self.left), room) + " ", base),
                Segment(right + " ", right_style),
            ],
        ).crop_extend(0, width, base)
