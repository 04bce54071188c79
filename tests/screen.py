"""Read what the reader shows, as plain text, for assertions."""

from __future__ import annotations

from textual.app import App
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Static

from eternaut_reader.ui.widgets.pane import HEADER_ROWS, ArticlePane


def view_lines(view: ArticlePane) -> list[str]:
    """The article's lines as drawn in the pane, without its header and status line."""
    return [view.render_line(y).text for y in range(HEADER_ROWS, HEADER_ROWS + view.text_height)]


def view_text(view: ArticlePane) -> str:
    return "\n".join(line.rstrip() for line in view_lines(view))


def widget_text(widget: Widget) -> str:
    """The lines a widget draws, as text (what a user reads in that part of the screen)."""
    size = widget.size
    strips = widget.render_lines(Region(0, 0, size.width, size.height))
    return "\n".join(strip.text.rstrip() for strip in strips)


def static_text(widget: Static) -> str:
    return widget_text(widget).strip()


def pane_header(pane: ArticlePane) -> str:
    """The two header lines of a pane: the title, then place, language, outlet and date."""
    return "\n".join(pane.render_line(y).text.strip() for y in range(HEADER_ROWS))


def pane_status(pane: ArticlePane) -> str:
    return pane.render_line(HEADER_ROWS + pane.text_height).text.strip()


def panes(app: App) -> list[ArticlePane]:
    return list(app.screen.query(ArticlePane))


def focused_pane(app: App) -> ArticlePane:
    focused = app.screen.focused
    assert isinstance(focused, ArticlePane), "no pane has focus"
    return focused


async def settle(app: App, pilot, timeout: float = 10.0) -> None:
    """Wait until every visible pane has finished segmenting, the reports are aligned and
    the screen has caught up."""
    import asyncio

    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    await pilot.pause()
    while loop.time() < deadline:
        views = list(app.screen.query(ArticlePane))
        loaded = getattr(app, "editor", None) is not None or not hasattr(app, "editor")
        # The alignment starts on a timer a moment after the first frame; its arrival
        # changes the claim bar's height, so a test must not press keys before it.
        aligned = getattr(app, "align_progress", None) is None
        if views and all(v.ready for v in views) and loaded and aligned:
            break
        await pilot.pause(0.05)
    await app.workers.wait_for_complete()
    await pilot.pause()
