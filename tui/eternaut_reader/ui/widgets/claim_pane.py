"""A reader pane that also shows and edits claims: tags, a visual selection, notes and links.

The claims themselves live in the app's Annotator (one index per article); the pane draws
them and turns keys into annotator calls.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rich.style import Style
from textual.actions import SkipAction
from textual.binding import Binding
from textual.selection import Selection

from eternaut_reader.core.display import char_cells
from eternaut_reader.core.storage import StoreError
from eternaut_reader.core.tags import SYMBOLS, TAGS
from eternaut_reader.ui.messages import (
    ClaimsChanged,
    FollowRequested,
    LinkRequested,
    NoteRequested,
)
from eternaut_reader.ui.widgets.article_view import GUTTER, ArticleView

if TYPE_CHECKING:
    from eternaut_reader.core.claims import Claim, ClaimIndex
    from eternaut_reader.ui.annotator import Annotator

_WORD = re.compile(r"\w+(?:[’'\-]\w+)*")
MIXED_MARK = "※"
# Up to this many claims on a line are drawn one by one, nesting shown exactly.
EXACT_LAYERS = 12


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The union of spans, as sorted runs that do not touch."""
    runs: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if runs and start <= runs[-1][1]:
            runs[-1] = (runs[-1][0], max(runs[-1][1], end))
        else:
            runs.append((start, end))
    return runs


class ClaimPane(ArticleView):
    COMPONENT_CLASSES = {
        *ArticleView.COMPONENT_CLASSES,
        "claim-pane--confirmed",
        "claim-pane--speculative",
        "claim-pane--contradicted",
        "claim-pane--mark-confirmed",
        "claim-pane--mark-speculative",
        "claim-pane--mark-contradicted",
        "claim-pane--selection",
        # Another annotator's claims: fainter, and marked in the gutter by their initial.
        "claim-pane--theirs-confirmed",
        "claim-pane--theirs-speculative",
        "claim-pane--theirs-contradicted",
    }

    BINDINGS = [
        Binding("c", "tag('confirmed')", "Tag confirmed", key_display="c"),
        Binding("s", "tag('speculative')", "Tag speculative", key_display="s"),
        Binding("x", "tag('contradicted')", "Tag contradicted", key_display="x"),
        Binding("d", "untag", "Remove the tag", key_display="d", show=False),
        Binding("v", "select", "Select a span", key_display="v", show=False),
        Binding("h", "select_char(-1)", "Selection: one character less", show=False),
        Binding("l", "select_char(1)", "Selection: one character more", show=False),
        Binding("w", "select_word(1)", "Selection: to the end of the next word", show=False),
        Binding("b", "select_word(-1)", "Selection: back one word", show=False),
        # `n` is first "next match" (skipped when no search is shown), then "note".
        Binding("n", "next_match", "Next match", show=False),
        Binding(
            "n,enter",
            "note",
            "Note on the claim (n: when no search is shown)",
            key_display="n Enter",
            show=False,
        ),
        Binding("L", "link", "Link to the claim in another pane", key_display="L", show=False),
        Binding("f", "follow", "Follow the claim's link", key_display="f", show=False),
        Binding(
            "escape",
            "escape",
            "Cancel the selection, or clear the search",
            key_display="Esc",
            show=False,
        ),
    ]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.selection: tuple[int, int] | None = None  # (anchor, head) of the visual selection
        self._follow_turn = 0

    # -- the claims ------------------------------------------------------------------------

    @property
    def annotator(self) -> Annotator | None:
        return getattr(self.app, "annotator", None)

    @property
    def claims(self) -> ClaimIndex | None:
        annotator = self.annotator
        return None if annotator is None else annotator.index(self.article)

    def target_span(self) -> tuple[int, int] | None:
        """What a tag key acts on: the visual selection, a mouse selection, or the sentence."""
        if self.selection is not None:
            anchor, head = self.selection
            return (min(anchor, head), max(anchor, head)) if anchor != head else None
        mouse = self.text_selection
        if mouse is not None:
            span = self.selection_span(mouse)
            if span is not None and span[1] > span[0]:
                return span
        return self.cursor_span

    def selection_span(self, selection: Selection) -> tuple[int, int] | None:
        got = self.get_selection(selection)
        if got is None:
            return None
        start = self._selection_start(selection)
        return start, start + len(got[0])

    @property
    def me(self) -> str | None:
        annotator = self.annotator
        return None if annotator is None else annotator.me

    def claim_under_cursor(self) -> Claim | None:
        """The claim the cursor is on: the user's own if they made one there, else anyone's."""
        claims, span = self.claims, self.target_span()
        if claims is None or span is None:
            return None
        return claims.at(*span, prefer=self.me)

    def own_claim_under_cursor(self, doing: str) -> Claim | None:
        """The user's own claim under the cursor; if only someone else's is there, say why
        it cannot be changed (doing: "remove", "add a note to", ...) and return None."""
        claim = self.claim_under_cursor()
        if claim is None:
            return None
        me = self.me
        owner = claim.annotation.annotator
        if owner != me:
            self.notify(
                f"This claim is {owner}'s: you ({me}) cannot {doing} it. "
                "Tag the same words with c, s or x to give your own verdict beside it.",
                severity="warning",
            )
            raise SkipAction()
        return claim

    def heading_counts(self) -> str:
        claims = self.claims
        if claims is None:
            return ""
        counts = claims.counts()
        return " ".join(f"{SYMBOLS[tag]}{counts[tag]}" for tag in SYMBOLS)

    # -- drawing ---------------------------------------------------------------------------

    def extra_layers(self, start: int, end: int) -> list[tuple[int, int, Style]]:
        layers: list[tuple[int, int, Style]] = []
        claims = self.claims
        if claims is not None:
            touching = claims.overlapping(start, end)
            if len(touching) <= EXACT_LAYERS:
                me = self.me
                # Longest first, so that a claim nested in another is drawn on top of it;
                # someone else's before ours, so that where both tagged, ours shows.
                ordered = sorted(
                    touching, key=lambda c: (c.annotation.annotator == me, c.start - c.end)
                )
                for claim in ordered:
                    theirs = "" if claim.annotation.annotator == me else "theirs-"
                    style = self._style(f"claim-pane--{theirs}{claim.tag}")
                    layers.append((claim.start, claim.end, style))
            else:
                # Dense text (dozens of claims on a line): one layer per tag and run of
                # text, contradicted on top, so that drawing a line stays cheap.
                for tag in TAGS:
                    style = self._style(f"claim-pane--{tag}")
                    spans = [(c.start, c.end) for c in touching if c.tag == tag]
                    layers.extend((a, b, style) for a, b in _merged(spans))
        if self.selection is not None and self.selection[0] != self.selection[1]:
            low, high = sorted(self.selection)
            layers.append((low, high, self._style("claim-pane--selection")))
        return layers

    def gutter_mark(self, start: int, end: int) -> tuple[str, Style] | None:
        claims = self.claims
        if claims is None:
            return None
        touching = claims.overlapping(start, end)
        if not touching:
            return None
        me = self.me
        mine = [claim for claim in touching if claim.annotation.annotator == me]
        if not mine:
            # Only other annotators' claims on this line: their initial, in the tag's colour.
            first = touching[0]
            initial = (first.annotation.annotator.strip() or "?")[0]
            if not initial.isprintable() or char_cells(initial) != 1:
                initial = "•"
            return initial, self._style(f"claim-pane--mark-{first.tag}")
        tags = {claim.tag for claim in mine}
        if len(tags) > 1:
            return MIXED_MARK, self._style("claim-pane--mark-contradicted")
        (tag,) = tags
        return SYMBOLS[tag], self._style(f"claim-pane--mark-{tag}")

    def status(self) -> str:
        if self.selection is not None and self.prompt is None:
            low, high = sorted(self.selection)
            return f"SELECT {high - low} chars · c s x tag · Esc cancel"
        return super().status()

    # -- tagging ---------------------------------------------------------------------------

    def _require_annotator(self) -> Annotator:
        annotator = self.annotator
        if annotator is None:
            problem = getattr(self.app, "store_problem", None)
            self.notify(
                f"Annotations are unavailable: {problem}"
                if problem
                else "The annotations are still loading; try again in a moment",
                severity="warning",
            )
            raise SkipAction()
        return annotator

    def _refused(self, error: StoreError) -> None:
        """A change the store refused (read-only database, another annotator's claim)."""
        self.notify(str(error), title="Not changed", severity="warning", timeout=8)

    def action_tag(self, tag: str) -> None:
        annotator = self._require_annotator()
        span = self.target_span()
        if span is None:
            return
        try:
            change = annotator.tag(self.article, span[0], span[1], tag)
        except StoreError as error:
            self._refused(error)
            return
        self._end_selection()
        self.post_message(ClaimsChanged(change))

    def action_untag(self) -> None:
        annotator = self._require_annotator()
        claim = self.own_claim_under_cursor("remove")
        if claim is None:
            self.notify("No claim here to untag", severity="warning")
            return
        try:
            change = annotator.untag(self.article, claim)
        except StoreError as error:
            self._refused(error)
            return
        self._end_selection()
        self.post_message(ClaimsChanged(change))

    # -- the visual selection --------------------------------------------------------------

    def action_select(self) -> None:
        """Start at the cursor sentence, holding its first word; then extend or shrink."""
        span = self.cursor_span
        if span is None:
            raise SkipAction()
        first_word = _WORD.search(self.article.text, span[0], span[1])
        self.selection = (span[0], first_word.end() if first_word else span[1])
        self._redraw_selection()

    def _end_selection(self) -> None:
        had = self.selection is not None or self.text_selection is not None
        self.selection = None
        if self.text_selection is not None:
            self.screen.clear_selection()
        if had:
            self._cache.clear()
            self.refresh()
            self._changed()

    def _move_head(self, head: int) -> None:
        assert self.selection is not None
        head = max(0, min(head, len(self.article.text)))
        self.selection = (self.selection[0], head)
        self._scroll_to_span(head, head + 1)
        self._redraw_selection()

    def _redraw_selection(self) -> None:
        self._cache.clear()
        self.refresh()
        self._changed()

    def action_select_char(self, step: int) -> None:
        if self.selection is None:
            raise SkipAction()
        self._move_head(self.selection[1] + step)

    def action_select_word(self, step: int) -> None:
        if self.selection is None:
            raise SkipAction()
        text, head = self.article.text, self.selection[1]
        if step > 0:
            found = _WORD.search(text, head)
            self._move_head(found.end() if found else len(text))
        else:
            ends = [
                m.end() for m in _WORD.finditer(text, max(0, head - 400), head) if m.end() < head
            ]
            self._move_head(ends[-1] if ends else self.selection[0])

    def action_next_sentence(self) -> None:
        if self.selection is None:
            super().action_next_sentence()
            return
        index = self.sentence_at(max(0, self.selection[1] - 1)) + 1
        if index < self.sentence_count:
            self._move_head(self.article.sentences[index].end)

    def action_previous_sentence(self) -> None:
        if self.selection is None:
            super().action_previous_sentence()
            return
        index = self.sentence_at(max(0, self.selection[1] - 1)) - 1
        if index >= 0:
            self._move_head(max(self.article.sentences[index].end, self.selection[0]))

    def action_escape(self) -> None:
        if self.selection is not None or self.text_selection is not None:
            self._end_selection()
        elif self.search.query:
            self.set_search("")
            self._changed()
        else:
            raise SkipAction()

    # -- notes, links ----------------------------------------------------------------------

    def action_next_match(self) -> None:
        # `n` is "next match" while a search is shown, and "note" otherwise.
        if not self.search.query:
            raise SkipAction()
        super().action_next_match()

    def action_note(self) -> None:
        self._require_annotator()
        claim = self.own_claim_under_cursor("change the note of")
        if claim is None:
            self.notify("Tag the claim first (c, s or x), then add its note", severity="warning")
            return
        self.post_message(NoteRequested(self, claim))

    def action_link(self) -> None:
        self._require_annotator()
        claim = self.own_claim_under_cursor("link from")
        if claim is None:
            self.notify("Tag the claim first (c, s or x), then link it", severity="warning")
            return
        self.post_message(LinkRequested(self, claim))

    def action_follow(self) -> None:
        claim = self.claim_under_cursor()
        links = claim.annotation.links if claim is not None else ()
        if not links:
            self.notify("This claim has no links (L links it)", severity="warning")
            return
        link = links[self._follow_turn % len(links)]
        self._follow_turn += 1
        self.post_message(FollowRequested(self, link.target))

    def show_claim(self, claim: Claim) -> None:
        """Put the cursor on the sentence where a claim starts."""
        if self.ready:
            self.move_cursor(self.sentence_at(claim.start))
        self._scroll_to_span(claim.start, claim.end)
        self.refresh()

    def _selection_start(self, selection: Selection) -> int:
        if selection.start is None or self._index is None:
            return 0
        line = min(selection.start.y, len(self._index) - 1)
        return self._offset_in_line(line, selection.start.x - GUTTER)
