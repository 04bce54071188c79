"""The main screen: as many article panes as fit side by side, the claim bar and the key bar.

Attributes down, messages up: a pane says what its keys asked for (ArticlePane.Edited,
NoteRequested, LinkRequested, FollowRequested, with ids), and the screen, the one place that
handles claims, changes them through the app's ClaimEditor and tells the panes what to draw.
The screen is built in layers (main_panes, main_articles, main_claims, main_crosscheck):
this last one holds the bindings, so that the key bar and the help list them in one order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding

from eternaut_reader.ui.keys import keyed
from eternaut_reader.ui.screens.main_crosscheck import CrossCheckScreen

if TYPE_CHECKING:
    pass


@keyed("Panes and articles", "screen")
class MainScreen(CrossCheckScreen):
    # Shown in the key bar in this order, by their tooltip (a short label) when they have one.
    BINDINGS = [
        Binding("question_mark", "app.help", "Help", id="help"),
        Binding("tab", "next_pane", "Next pane", id="pane.next", tooltip="Pane"),
        Binding("shift+tab", "previous_pane", "Previous pane", id="pane.previous", show=False),
        Binding(
            "right_square_bracket",
            "next_article",
            "Next article in this pane",
            id="article.next",
            tooltip="Article",
        ),
        Binding(
            "left_square_bracket",
            "previous_article",
            "Previous article in this pane",
            id="article.previous",
            show=False,
        ),
        Binding(
            "p",
            "pick_article",
            "Open an article: a fuzzy finder over titles, outlets and ids",
            id="article.pick",
            show=False,
        ),
        Binding(
            "ctrl+f",
            "search_all",
            "Search all the articles",
            id="search.all",
            show=False,
        ),
        Binding("slash", "search", "Search in this article", id="search", tooltip="Search"),
        Binding("t", "toggle_claims", "Claims panel", id="claims", tooltip="Claims"),
        Binding(
            "a",
            "toggle_same_fact",
            "Same fact elsewhere: the other reports' passages",
            id="same-fact",
            tooltip="Elsewhere",
        ),
        Binding(
            "r",
            "claim_view",
            "The claim view: every report's passage, the summary, review and evidence",
            id="claim-view",
            tooltip="Claim",
        ),
        Binding("m", "matrix", "The claim × report matrix", id="matrix", tooltip="Matrix"),
        Binding("e", "export", "Export the claims", id="export", tooltip="Export"),
        Binding(
            "i",
            "article_info",
            "The article's details: title, outlet, author, URL, date, language (editable)",
            id="article.info",
            show=False,
        ),
        Binding("u", "undo", "Undo", id="undo", show=False),
        Binding("ctrl+r", "redo", "Redo", id="redo", show=False),
        Binding("q", "app.quit", "Quit", id="quit"),
    ]
