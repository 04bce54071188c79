"""Text for a pane's header and status line."""

from __future__ import annotations

from eternaut_reader.core.text.corpus import Article, Corpus
from eternaut_reader.core.text.display import all_one_cell, cells, char_cells


def heading_details(corpus: Corpus, article: Article, counts: str = "") -> str:
    """Place in the corpus, claim counts, language, outlet and date: shortest first, so that
    a narrow pane still shows the place and the language."""
    place = corpus.place(article.id)
    details = [
        f"{place} {counts}" if counts else place,
        article.language.upper(),
        article.outlet or "outlet not named",
    ]
    if article.date:
        details.append(article.date)
    return " · ".join(details)


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
