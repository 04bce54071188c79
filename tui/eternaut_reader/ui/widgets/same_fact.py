"""The same fact elsewhere (`a`): where the other reports state what the cursor is on.

The passages the alignment matched to the unit (or claim, or selection) under the cursor of
the pane the panel follows, grouped by report, each with the report's language, a score bar,
and whether it agrees (✓), conflicts (⚠, with the values side by side) or is only related (~).
Enter shows a passage in another pane; two keys link the followed claim to it as supporting or
contradicting it, without leaving the panel. Until the alignment is done it says so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from eternaut_reader.core.analysis.matrix import covers
from eternaut_reader.core.annotations.tags import verdict
from eternaut_reader.core.text.display import printable
from eternaut_reader.ui.keys import display_key, key_hint, keyed, offered
from eternaut_reader.ui.widgets.chrome import middle_cut, step_options
from eternaut_reader.ui.widgets.hint_line import HintLine

if TYPE_CHECKING:
    from eternaut_reader.core.analysis import Match
    from eternaut_reader.core.text.corpus import Corpus
    from eternaut_reader.ui.widgets.pane import ArticlePane

RELATION_MARKS = {"agrees": "✓ agrees", "conflicts": "⚠ conflicts", "related": "~ related"}
BAR_CELLS = 5
_ORDER = {"conflicts": 0, "agrees": 1, "related": 2}


def score_bar(score: float, cells: int = BAR_CELLS) -> str:
    """A score as a bar of block characters ("███▌ "), readable without colour."""
    # On a square-root scale: the weak matches (0.1–0.3) still show as more than a sliver,
    # and the strong ones still differ (read as double, everything from 0.5 up drew as a
    # full bar, an outside tester found).
    eighths = round(math.sqrt(max(0.0, min(1.0, score))) * cells * 8)
    full, part = divmod(eighths, 8)
    bar = "█" * full + ("" if part == 0 else " ▏▎▍▌▋▊▉"[part])
    return bar.ljust(cells)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


MIN_QUOTE = 20  # cells a passage's quote needs beside its badges, or it takes a line of its own


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _middle(text: str, limit: int) -> str:
    """A value on one line, cut in its middle to `limit` characters."""
    return middle_cut(" ".join(text.split()), limit)


@keyed("Same fact elsewhere")
class SameFactPanel(Vertical):
    BINDINGS = [
        Binding(
            "plus,S",
            "link('supports')",
            "Same fact: link the claim to this passage as supporting it",
            id="same-fact.supports",
            tooltip="Supports",
        ),
        Binding(
            "minus,X",
            "link('contradicts')",
            "Same fact: link the claim to this passage as contradicting it",
            id="same-fact.contradicts",
            tooltip="Contradicts",
        ),
        Binding("escape", "close", "Same fact: close", id="same-fact.close", tooltip="Close"),
        Binding("j,down", "move(1)", "Same fact: next passage", id="same-fact.down", show=False),
        Binding("k,up", "move(-1)", "Same fact: previous passage", id="same-fact.up", show=False),
        Binding(
            "enter",
            "show",
            "Same fact: show the passage in another pane (the focus stays here)",
            id="same-fact.show",
            show=False,
        ),
        Binding(
            "A",
            "accept",
            "Same fact: accept the suggested verdict (the claim bar's), as in the pane",
            id="same-fact.accept",
            show=False,
        ),
        Binding(
            "f",
            "follow",
            "Same fact: close, and follow the claim's link (the claim bar's f follows)",
            id="same-fact.follow",
            show=False,
        ),
    ]

    @dataclass
    class Accept(Message):
        """Tag the source pane's claim with the suggested verdict."""

        source: int

    @dataclass
    class Go(Message):
        """Show this passage (in a pane other than the source)."""

        source: int
        article_id: str
        start: int
        end: int

    @dataclass
    class Link(Message):
        """Link the source pane's claim to this passage."""

        source: int
        article_id: str
        start: int
        end: int
        relation: str

    class Closed(Message):
        pass

    def __init__(self, corpus: Corpus) -> None:
        super().__init__(id="same-fact-panel")
        self.corpus = corpus
        self.source: int | None = None  # the number of the pane whose cursor it follows
        self._matches: list[Match | None] = []  # one per option; None for a heading

    def compose(self) -> ComposeResult:
        yield HintLine(id="same-fact-title")
        yield OptionList(id="same-fact-list")

    def focus_list(self) -> None:
        self.query_one(OptionList).focus()

    def follow(self, pane_number: int) -> None:
        self.source = pane_number
        self.refresh_matches()

    def _source_pane(self) -> ArticlePane | None:
        from eternaut_reader.ui.widgets.pane import ArticlePane

        for pane in self.screen.query(ArticlePane):
            if pane.number == self.source:
                return pane
        return None

    def refresh_matches(self) -> None:
        """Read the matches of what the source pane's cursor is on, and list them."""
        title = self.query_one("#same-fact-title", Static)
        options = self.query_one(OptionList)
        kept = self._current()  # the passage chosen before: chosen again after a link
        options.clear_options()
        self._matches = []
        pane = self._source_pane()
        app = self.app
        alignment = getattr(app, "alignment", None)
        close = key_hint(app, "same-fact.close")
        if pane is None:
            title.update("No pane to follow")
            return
        span = pane.target_span()
        unaligned = getattr(app, "unaligned", None)
        if callable(unaligned) and unaligned(pane.article.id):
            alignment = None  # just opened: "aligning…" until it is in, not "no other report"
        if alignment is None:
            problem = getattr(app, "align_problem", None)
            progress = getattr(app, "align_progress", None)
            if problem:
                title.update(Content(f"Same fact elsewhere: unavailable ({problem}) · {close}"))
            else:
                percent = int((progress or 0.0) * 100)
                title.update(Content(f"Same fact elsewhere: aligning… {percent}% · {close} closes"))
            return
        if span is None:
            title.update("Same fact elsewhere: the article is still being split into sentences")
            return
        matches = alignment.matches(pane.article.id, *span)
        reports = {m.article for m in matches}
        count = f"{_count(len(matches), 'passage')} in {_count(len(reports), 'report')}"
        # The quote gives way so that the heading and its count share one line, and the keys
        # (a line of their own at 80 columns) stay within the two lines the heading has.
        room = self.app.size.width - 4 - len("Same fact as “”: ") - len(count)
        limit = max(40, self.app.size.width - 110)
        quote = _short(pane.article.text[span[0] : span[1]], max(20, min(limit, room)))
        if not matches:
            title.update(
                Content(
                    printable(f"Same fact elsewhere: no other report was found to state “{quote}”")
                    + f" · {close} closes"
                )
            )
            return
        links = (
            f"{key_hint(app, 'same-fact.supports')} supports · "
            f"{key_hint(app, 'same-fact.contradicts')} contradicts · "
            if offered(app, "same-fact.supports")
            else ""  # a read-only database: no link can be made
        )
        keys = f"{display_key('enter')} shows · {links}{close} closes"
        title.update(
            Content(
                printable(f"Same fact as “{quote}”: ")
                # one phrase: a wrap never parts "in 3" from "reports" (an outside tester)
                + count.replace(" ", "\u00a0")
                + f" · {keys}"
            )
        )
        editor = getattr(app, "editor", None)
        here = pane.claim_under_cursor()
        linked = {link.target: link.relation for link in here.annotation.links} if here else {}
        # Links made from the passage's end count too: the user made them, from either side.
        linked_from = (
            {
                other.id: next(k.relation for k in other.links if k.target == here.id)
                for other in editor.links_to(here.id)
            }
            if editor is not None and here is not None
            else {}
        )
        # One line a passage, cut to the panel's width, and one more, indented, a conflict:
        # a wrapped row would start again at the left edge and run into the next.
        room = max(30, (self.size.width or self.app.size.width) - 34)
        for article in self.corpus.articles:
            # Conflicts first, then agreements, then what is only related: best first in each.
            mine = sorted(
                (m for m in matches if m.article == article.id),
                key=lambda m: (_ORDER.get(m.relation, 3), -m.score),
            )
            if not mine:
                continue
            place = self.corpus.place(article.id)
            heading = f"{place} [{article.language.upper()}] {_short(article.title, 60)}"
            options.add_option(Option(Content(printable(heading)), disabled=True))
            self._matches.append(None)
            for match in mine:
                passage = alignment.passage(match)
                tagged = ""
                if editor is not None:
                    # The user's own claim first, as the pane and the links do: a colleague's
                    # tag on the same words hid the user's own, and the link just made.
                    claim = editor.index(article).at(match.start, match.end, prefer=editor.me)
                    # A small tag inside the passage (a date) is not the passage's verdict.
                    if claim is not None and covers(claim.start, claim.end, match.start, match.end):
                        tagged = f" [{verdict(claim.tag)}]"
                        if claim.id in linked:  # + or - again would only say so, or flip it
                            tagged += f" [linked: {linked[claim.id]}]"
                        elif claim.id in linked_from:
                            tagged += f" [linked from there: {linked_from[claim.id]}]"
                line = (
                    f"  {score_bar(match.score)} {match.score:.2f} "
                    f"{RELATION_MARKS.get(match.relation, match.relation)}{tagged}"
                )
                if room - len(tagged) >= MIN_QUOTE:
                    line += f"  “{_short(passage, room - len(tagged))}”"
                else:
                    # The badges leave the quote too little room on their line (at 80 columns
                    # it wrapped under them from the first column, an outside tester found):
                    # it goes under them, indented like a conflict's values.
                    line += "\n" + " " * 13 + f"“{_short(passage, room + 10)}”"
                for k, conflict in enumerate(match.conflicts):
                    # Both values in sight, each cut in the middle to its share of the line:
                    # cut at its end, the line lost the value "there" (and wrapped, found by
                    # an outside tester at 80 columns).
                    frame = f"{conflict.what}: “” here vs “”"
                    share = max(8, (room + 12 - len(frame)) // 2)
                    here_shown, there_shown = match.shown(k)
                    here_value = _middle(here_shown, share)
                    there_value = _middle(there_shown, share)
                    values = f"{conflict.what}: “{here_value}” here vs “{there_value}”"
                    # Plain spaces: they copy as spaces (braille blanks copied as "⠀").
                    line += "\n" + " " * 13 + "⚠ " + _short(values, room + 12)
                options.add_option(Option(Content(printable(line))))
                self._matches.append(match)
        chosen = [i for i, m in enumerate(self._matches) if m is not None]
        again = [i for i in chosen if kept is not None and self._matches[i] == kept]
        if chosen:
            options.highlighted = (again or chosen)[0]

    def on_resize(self) -> None:
        # Lines are cut to the panel's width: cut them again to the new one.
        if self.display and self.source is not None:
            self.refresh_matches()

    def _current(self) -> Match | None:
        index = self.query_one(OptionList).highlighted
        if index is None or not 0 <= index < len(self._matches):
            return None
        return self._matches[index]

    def action_move(self, step: int) -> None:
        step_options(self.query_one(OptionList), step)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_show()

    def action_show(self) -> None:
        match = self._current()
        if match is not None and self.source is not None:
            self.post_message(self.Go(self.source, match.article, match.start, match.end))

    def action_link(self, relation: str) -> None:
        match = self._current()
        if match is None or self.source is None:
            if not self._matches:
                self.notify("Nothing to link: no passage elsewhere is listed", severity="warning")
            else:
                self.notify("Choose a passage first (↑ ↓)", severity="warning")
            return
        self.post_message(self.Link(self.source, match.article, match.start, match.end, relation))

    def action_accept(self) -> None:
        if self.source is not None:
            self.post_message(self.Accept(self.source))

    def on_key(self, event: events.Key) -> None:
        """A pane's tag key pressed here tagged nothing and said nothing (an outside tester):
        say where tags are given, and what does the same from here."""
        from eternaut_reader.ui.keys import keys_of

        tag_ids = ("tag.confirmed", "tag.speculative", "tag.contradicted", "tag.open")
        if any(event.key in keys_of(self.app, ident) for ident in tag_ids):
            event.stop()
            editor = getattr(self.app, "editor", None)
            if not offered(self.app, "tag.confirmed") and editor is not None:
                # Nothing can be tagged anywhere: why, rather than where tags are given.
                reason = editor.store.read_only_reason or "the database is read-only"
                self.notify(f"Not changed: {reason}", severity="warning", timeout=8)
                return
            self.notify(
                f"Tags are given in the pane ({key_hint(self.app, 'same-fact.close')} goes "
                f"back to it); here {key_hint(self.app, 'same-fact.accept')} accepts the "
                "suggestion, and the links tag the passages as open claims",
                severity="warning",
            )

    def action_close(self) -> None:
        self.post_message(self.Closed())

    def action_follow(self) -> None:
        """f as in the pane: the claim bar offers it while the panel has the focus."""
        pane = self._source_pane()
        self.post_message(self.Closed())
        if pane is not None:
            pane.action_follow()
