"""A checkbox that shows its state by its glyph, not only by colour.

Textual's Checkbox draws "X" whether it is ticked or not and tells them apart by colour
alone, so with NO_COLOR (or on a monochrome terminal) every box of the export dialog read as
ticked. Here a ticked box shows ✓ and an empty one a blank.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox

__all__ = ["TickBox"]


class TickBox(Checkbox):
    @property
    def _button(self) -> Content:
        # The button is drawn from BUTTON_INNER: the instance's own shadows the class's.
        self.BUTTON_INNER = "✓" if self.value else " "
        return super()._button
