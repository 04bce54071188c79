"""Read what the reader shows, as plain text, for assertions."""

from __future__ import annotations

from textual.app import App
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Static

from eternaut_reader.ui.widgets.article_view import ArticleView
from eternaut_reader.ui.widgets.pane import Pane


def view_lines(view: ArticleView) -> list[str]:
    height = view.scrollable_content_region.height
    return [view.render_line(y).text for y in range(height)]


def view_text(view: ArticleView) -> str:
    return "\n".join(line.rstrip() for line in view_lines(view))


def widget_text(widget: Widget) -> str:
    """The lines a widget draws, as text (what a user reads in that part of the screen)."""
    size = widget.size
    strips = widget.render_lines(Region(0, 0, size.width, size.height))
    return "\n".join(strip.text.rstrip() for strip in strips)


def static_text(widget: Static) -> str:
    return widget_text(widget).strip()


def pane_header(pane: Pane) -> str:
    title = static_text(pane.query_one(".pane-title", Static))
    details = static_text(pane.query_one(".pane-details", Static))
    return f"{title}\n{details}"


def pane_status(pane: Pane) -> str:
    return static_text(pane.query_one(".pane-status", Static))


def panes(app: App) -> list[Pane]:
    return list(app.screen.query(Pane))


def focused_pane(app: App) -> Pane:
    node = app.screen.focused
    while node is not None and not isinstance(node, Pane):
        node = node.parent
    assert node is not None, "no pane has focus"
    return node


async def settle(app: App, pilot, timeout: float = 10.0) -> None:
    """Wait until every visible pane has finished segmenting and the screen has caught up."""
    import asyncio

    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    await pilot.pause()
    while loop.time() < deadline:
        views = list(app.screen.query(ArticleView))
        if views and all(v.ready for v in views):
            break
        await pilot.pause(0.05)
    await app.workers.wait_for_complete()
    await pilot.pause()
