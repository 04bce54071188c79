"""A one-line key bar showing the keys of the moment, from the screen's active bindings.

What is active follows the focus and the state: reading, a selection (its keys appear, as
the pane's check_action allows them only then), the claims panel, a dialog. The keys come
from the bindings as remapped by the user's keymap, so a remapped key shows here too.
Textual's Footer builds a widget per key, which costs more at start-up than the whole reader
pane; one Line API widget shows the same hints.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from textual.strip import Strip
from textual.widget import Widget

from eternaut_reader.ui.keys import display_key, offered


class KeyBar(Widget):
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description"}

    def __init__(self) -> None:
        super().__init__()
        self._hints: list[tuple[str, str, int]] = []  # key, label, rank (lower stays longer)

    def on_mount(self) -> None:
        self.refresh_hints()

    def refresh_hints(self) -> None:
        """Read the keys the screen answers now; redraw only if they changed."""
        hints: list[tuple[str, str, int]] = []
        seen: set[str] = set()
        # Help first, then the focused widget's keys (the keys of the moment), then the
        # screen's own.
        active = list(self.screen.active_bindings.values())
        active.sort(key=lambda a: (a.binding.action != "app.help", a.node is self.screen))
        for item in active:
            binding = item.binding
            if not binding.show or not item.enabled or binding.action in seen:
                continue
            if binding.id and not offered(self.app, binding.id):
                continue  # a tag key on a read-only database: it only says it cannot
            seen.add(binding.action)
            rank = _RANKS.get(binding.action, 1 if item.node is not self.screen else 2)
            key = display_key(item.binding.key)
            hints.append((key, binding.tooltip or binding.description, rank))
        hints.append((display_key("ctrl+p"), "Palette", 3))
        if hints != self._hints:
            self._hints = hints
            self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        key_style = base + self.get_component_rich_style("key-bar--key")
        text_style = base + self.get_component_rich_style("key-bar--description")
        segments: list[Segment] = []
        for key, description in _fitting(self._hints, width):
            segments += [Segment(f" {key} ", key_style), Segment(f"{description} ", text_style)]
        return Strip(segments).crop_extend(0, width, base)


# Help and quit stay whatever the width; the palette, which finds every action, goes first.
# The same fact elsewhere and the matrix, what the reader is for, stay as long as the pane's
# own keys; the next article in this pane goes with the palette (the header says where it
# is, and Tab, which stays, moves between the panes).
_RANKS = {
    "app.help": 0,
    "app.quit": 0,
    "toggle_same_fact": 1,
    "matrix": 1,
    "next_article": 3,
}


def _fitting(hints: list[tuple[str, str, int]], width: int) -> list[tuple[str, str]]:
    """The hints that fit in width cells: the highest-ranked (least needed) ones are left
    out first, the last of them before the earlier, and the rest keep their order."""
    kept = list(hints)

    def cells(items: list[tuple[str, str, int]]) -> int:
        return sum(cell_len(k) + cell_len(d) + 3 for k, d, _ in items)

    while kept and cells(kept) > width:
        worst = max(range(len(kept)), key=lambda i: (kept[i][2], i))
        if kept[worst][2] == 0:
            break
        del kept[worst]
    return [(key, label) for key, label, _ in kept]
