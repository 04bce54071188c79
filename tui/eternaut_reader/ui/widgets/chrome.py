"""Text for a pane's header and status line."""

from __future__ import annotations

from eternaut_reader.core.text.corpus import Article, Corpus
from eternaut_reader.core.text.display import all_one_cell, cells, char_cells


def heading_details(
    corpus: Corpus, article: Article, counts: str = "", width: int | None = None
) -> str:
    """Place in the corpus, claim counts, language, then what is known of the outlet, the
    author and the date (nothing is said of what is not known). Given a width, the outlet and
    the author are shortened before the date is lost, so a narrow pane still shows the place,
    the language and the date."""
    place = corpus.place(article.id)
    head = [f"{place} {counts}" if counts else place, article.language.upper()]
    names = [n for n in (article.outlet, article.author) if n]
    tail = [article.date] if article.date else []
    line = " · ".join([*head, *names, *tail])
    if width is None or cells(line) <= width or not names:
        return line
    fixed = cells(" · ".join([*head, *tail])) + 3 * len(names)
    room = max(0, width - fixed)
    if len(names) == 2 and room >= 12:
        # The outlet first: it is what the reader tells the reports apart by.
        first = min(cells(names[0]), max(room // 2, room - cells(names[1])))
        shares = [first, room - first]
    else:
        names, shares = names[:1], [room + (3 if len(names) == 2 else 0)]
    cut = [fit(n, s).rstrip() for n, s in zip(names, shares, strict=True) if s > 1]
    return " · ".join([*head, *cut, *tail])


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
