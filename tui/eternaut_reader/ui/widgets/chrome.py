"""Text for a pane's header and status line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eternaut_reader.core.text.corpus import Article, Corpus
from eternaut_reader.core.text.display import all_one_cell, cells, char_cells, printable

if TYPE_CHECKING:
    from textual.widgets import OptionList


def heading_title(article: Article, width: int) -> str:
    """The title, with the outlet at the right edge when one is known: exactly width cells.
    The outlet takes what it needs up to a third of the width; the title the rest."""
    # Measured as drawn: a tab or an ESC in a title is drawn as one visible cell ("␛"), and
    # measuring the raw text left room for an ellipsis that cut nothing.
    title = printable(article.title)
    outlet = printable(article.outlet) if article.outlet else None
    if not outlet or width < 24:
        return fit(title, width)
    outlet_cells = min(cells(outlet), max(10, width // 3))
    title_cells = width - outlet_cells - 3
    shown = fit(title, title_cells) if cells(title) > title_cells else title
    return fit(shown, title_cells) + " · " + fit(outlet, outlet_cells)


def heading_details(
    corpus: Corpus, article: Article, counts: str = "", width: int | None = None
) -> str:
    """Place in the corpus, claim counts, language, then the author and the date when they
    are known (nothing is said of what is not). Given a width, the author is shortened, then
    left out, before the date is lost; the outlet is on the title's line (heading_title)."""
    place = corpus.place(article.id)
    head = [f"{place} {counts}" if counts else place, article.language.upper()]
    tail = [printable(article.date)] if article.date else []
    author = [printable(article.author)] if article.author else []
    line = " · ".join([*head, *author, *tail])
    if width is None or cells(line) <= width or not author:
        return line
    room = width - cells(" · ".join([*head, *tail])) - 3
    author = [fit(author[0], room).rstrip()] if room >= 6 else []
    return " · ".join([*head, *author, *tail])


def middle_cut(text: str, limit: int) -> str:
    """Text cut to `limit` characters in its middle ("Thirty-se…evacuated"), the ellipsis
    included: both ends of a value say which it is."""
    if len(text) <= limit:
        return text
    head = limit // 2
    return text[:head] + "…" + text[len(text) - (limit - 1 - head) :]


def fit(text: str, width: int) -> str:
    """Pad or cut text to exactly width cells, marking a cut with an ellipsis."""
    width = max(0, width)
    if all_one_cell(text):
        if len(text) <= width:
            return text.ljust(width)
        return text[: max(0, width - 1)] + "…" if width else ""
    if cells(text) <= width:
        return text + " " * (width - cells(text))
    out, used = [], 0
    for char in text:
        size = char_cells(char)
        if used + size > width - 1:
            break
        out.append(char)
        used += size
    return "".join(out) + "…" + " " * (width - 1 - used)


def step_options(options: OptionList, step: int) -> None:
    """Move an option list's cursor one option down (step > 0) or up, stopping at either end:
    Textual's list wraps round, and j pressed past the claim view's last line went back to
    its top (an outside tester thought keys were lost)."""
    before = options.highlighted
    if step > 0:
        options.action_cursor_down()
    else:
        options.action_cursor_up()
    after = options.highlighted
    if before is not None and after is not None and (after - before) * step < 0:
        options.highlighted = before
