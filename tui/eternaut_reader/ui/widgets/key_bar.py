"""A one-line key bar, drawn from the screen's bindings.

Textual's Footer builds a widget per key, which costs more at start-up than the whole reader
view (see benchmarks/bench_reader.py); one Line API widget shows the same hints.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.binding import Binding
from textual.strip import Strip
from textual.widget import Widget


class KeyBar(Widget):
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description"}

    def __init__(self, bindings: list[Binding]) -> None:
        super().__init__()
        self._hints = [
            (b.key_display or b.key, b.tooltip or b.description) for b in bindings if b.show
        ]
        self._hints.append(("^p", "Palette"))

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        key_style = base + self.get_component_rich_style("key-bar--key")
        text_style = base + self.get_component_rich_style("key-bar--description")
        segments: list[Segment] = []
        for key, description in self._hints:
            segments += [Segment(f" {key} ", key_style), Segment(f"{description} ", text_style)]
        return Strip(segments).crop_extend(0, width, base)
