"""Where the reader is in one article: the sentence cursor, the visual selection, the search.

Plain data with the moves a pane's keys make, so that every move is unit-tested without a
screen; the pane only draws this state and scrolls to what it says. Offsets are code points
into the article's text, like every offset in the project.

The sentences arrive late for a large article (segmentation runs in a worker): until
`set_sentences` is called there is no cursor, and the moves do nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from eternaut_reader.core.text.search import find_all, find_near

__all__ = ["Reading", "Search", "Selection", "SentenceLike"]

WORD = re.compile(r"\w+(?:[’'\-]\w+)*")
# How far back a "previous word" move looks; a word is never longer than this.
_WORD_LOOKBACK = 400
# Above this many characters a query typed in the prompt is first looked for within
# NEAR_WINDOW characters of the cursor, and the whole article is counted afterwards
# (`complete_search`), so that a typed character costs the same at any length.
LARGE_TEXT = 400_000
NEAR_WINDOW = 30_000


class SentenceLike(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def paragraph(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Selection:
    """A visual selection: `anchor` stays, `head` moves; either can be the start."""

    anchor: int
    head: int

    @property
    def span(self) -> tuple[int, int] | None:
        """The selected characters, or None while both ends are at one point."""
        if self.anchor == self.head:
            return None
        return min(self.anchor, self.head), max(self.anchor, self.head)

    def swapped(self) -> Selection:
        return Selection(self.head, self.anchor)


@dataclass
class Search:
    query: str = ""
    matches: list[tuple[int, int]] = field(default_factory=list)
    current: int = -1  # index into matches; -1 before the first jump
    # False while only the matches near the cursor are known (a large article, as typed).
    complete: bool = True

    @property
    def current_span(self) -> tuple[int, int] | None:
        if 0 <= self.current < len(self.matches):
            return self.matches[self.current]
        return None


class Reading:
    """The reading state of one article (see the module docstring)."""

    def __init__(self, text: str, sentences: Sequence[SentenceLike] | None = None) -> None:
        self.text = text
        self.sentences: Sequence[SentenceLike] = ()
        self._starts: list[int] = []
        self.cursor = 0
        self.selection: Selection | None = None
        self.search = Search()
        # The search prompt: the query being typed, or None when no prompt is open.
        self.prompt: str | None = None
        self._prompt_before = Search()
        self._prompt_origin = 0
        if sentences is not None:
            self.set_sentences(sentences)

    # -- the sentence cursor ---------------------------------------------------------------

    @property
    def ready(self) -> bool:
        return bool(self.sentences)

    def set_sentences(self, sentences: Sequence[SentenceLike], at: int | None = None) -> None:
        """The article is segmented: the cursor goes to the sentence holding offset `at`."""
        self.sentences = sentences
        self._starts = [s.start for s in sentences]
        self.cursor = self.sentence_at(at) if at is not None else min(self.cursor, self.last)

    @property
    def last(self) -> int:
        return max(0, len(self.sentences) - 1)

    @property
    def cursor_span(self) -> tuple[int, int] | None:
        if not self.sentences:
            return None
        sentence = self.sentences[self.cursor]
        return sentence.start, sentence.end

    def sentence_at(self, offset: int) -> int:
        """The sentence holding `offset` (the one before it, between sentences)."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def move_to(self, index: int) -> bool:
        """Put the cursor on sentence `index` (clamped); True if it moved."""
        if not self.sentences:
            return False
        index = max(0, min(index, self.last))
        moved = index != self.cursor
        self.cursor = index
        return moved

    def next_sentence(self) -> bool:
        return self.move_to(self.cursor + 1)

    def previous_sentence(self) -> bool:
        return self.move_to(self.cursor - 1)

    def next_paragraph(self) -> bool:
        """To the first sentence of the next paragraph (the last sentence at the end)."""
        if not self.sentences:
            return False
        here = self.sentences[self.cursor].paragraph
        index = next(
            (
                i
                for i in range(self.cursor + 1, len(self.sentences))
                if self.sentences[i].paragraph > here
            ),
            self.last,
        )
        return self.move_to(index)

    def previous_paragraph(self) -> bool:
        """To the start of this paragraph, or of the one before when already there."""
        if not self.sentences:
            return False
        first = self._paragraph_start(self.cursor)
        if first < self.cursor or first == 0:
            return self.move_to(first)
        return self.move_to(self._paragraph_start(first - 1))

    def _paragraph_start(self, index: int) -> int:
        paragraph = self.sentences[index].paragraph
        while index > 0 and self.sentences[index - 1].paragraph == paragraph:
            index -= 1
        return index

    def top(self) -> bool:
        return self.move_to(0)

    def bottom(self) -> bool:
        return self.move_to(self.last)

    def page_target(self, top_offset: int, bottom_offset: int) -> int:
        """The sentence a page move lands on when the page shows top_offset..bottom_offset:
        the first sentence that starts on it, else the one covering it, so that the page
        stays where it is."""
        index = self.sentence_at(top_offset)
        if (
            self.sentences[index].start < top_offset
            and index + 1 < len(self.sentences)
            and self.sentences[index + 1].start < bottom_offset
        ):
            index += 1
        return index

    # -- the visual selection --------------------------------------------------------------

    def start_selection(self) -> Selection | None:
        """`v`: the current search match when the cursor is on it, else the cursor sentence
        from its start to the end of its first word. None when there is no cursor."""
        span = self.cursor_span
        if span is None:
            return None
        match = self.search.current_span
        if match is not None and span[0] <= match[0] < span[1]:
            self.selection = Selection(match[0], match[1])
            return self.selection
        word = WORD.search(self.text, span[0], span[1])
        self.selection = Selection(span[0], word.end() if word else span[1])
        return self.selection

    def clear_selection(self) -> bool:
        had = self.selection is not None
        self.selection = None
        return had

    def swap_ends(self) -> None:
        """`o`, as in vim: the other end of the selection becomes the one that moves."""
        if self.selection is not None:
            self.selection = self.selection.swapped()

    def move_head(self, offset: int) -> None:
        if self.selection is not None:
            offset = max(0, min(offset, len(self.text)))
            self.selection = Selection(self.selection.anchor, offset)

    def head_by_chars(self, step: int) -> None:
        if self.selection is not None:
            self.move_head(self.selection.head + step)

    def head_by_words(self, step: int) -> None:
        """Forward: to the end of the next word. Back: to the end of the previous word, or to
        the start of the word the head is in when it is the first one of the text. A head that
        is the selection's start (after `o`) goes from word start to word start instead, so
        that the selection never begins on the space before a word."""
        if self.selection is None:
            return
        head = self.selection.head
        if head < self.selection.anchor:
            self._start_by_words(head, step)
            return
        if step > 0:
            found = WORD.search(self.text, head)
            self.move_head(found.end() if found else len(self.text))
            return
        words = list(WORD.finditer(self.text, max(0, head - _WORD_LOOKBACK), head))
        ends = [m.end() for m in words if m.end() < head]
        if ends:
            self.move_head(ends[-1])
        elif words:
            self.move_head(words[0].start())

    def _start_by_words(self, head: int, step: int) -> None:
        if step > 0:
            found = WORD.search(self.text, head)
            if found is not None and found.start() <= head:  # the word the head is in
                found = WORD.search(self.text, found.end())
            target = found.start() if found else head
            # Never past the other end: the selection would turn inside out.
            if target < (self.selection.anchor if self.selection else target + 1):
                self.move_head(target)
            return
        words = list(WORD.finditer(self.text, max(0, head - _WORD_LOOKBACK), head))
        starts = [m.start() for m in words if m.start() < head]
        if starts:
            self.move_head(starts[-1])

    def head_by_sentences(self, step: int) -> None:
        """By a sentence. A head inside a sentence (or at its end) goes to the end of the next
        or the previous sentence, so `v j` selects this sentence and the next. A head at a
        sentence's start (the start end, after `o`) goes from start to start."""
        if self.selection is None or not self.sentences:
            return
        head = self.selection.head
        index = bisect_left(self._starts, head)
        if index < len(self._starts) and self._starts[index] == head:
            target = index + (1 if step > 0 else -1)
            if 0 <= target < len(self._starts):
                self.move_head(self._starts[target])
            return
        target = self.sentence_at(max(0, head - 1)) + (1 if step > 0 else -1)
        if 0 <= target < len(self.sentences):
            self.move_head(self.sentences[target].end)

    # -- the search ------------------------------------------------------------------------

    def set_search(self, query: str) -> int:
        """Find every match of `query`; the cursor goes to the first one from the cursor on.
        Returns how many there are."""
        self.search = Search(query, find_all(self.text, query))
        if self.search.matches:
            here = self.cursor_span[0] if self.cursor_span else 0
            number = bisect_left(self.search.matches, (here, here))
            self.go_to_match(number % len(self.search.matches))
        return len(self.search.matches)

    def search_near(self, query: str) -> int:
        """Like set_search, but only within NEAR_WINDOW characters of the cursor; the search
        stays incomplete until complete_search gives every match. Returns how many are near."""
        here = self.cursor_span[0] if self.cursor_span else 0
        matches, number = find_near(self.text, query, here, NEAR_WINDOW)
        self.search = Search(query, matches, complete=False)
        if number >= 0:
            self.go_to_match(number)
        return len(matches)

    def complete_search(self, query: str, matches: list[tuple[int, int]]) -> bool:
        """Every match of `query`, counted in the background: the search keeps the match it
        is on (or goes to the first one from the cursor when it had none near). False when
        the search has changed meanwhile."""
        search = self.search
        if search.query != query or search.complete:
            return False
        current = search.current_span
        self.search = Search(query, matches)
        if current is not None:
            self.search.current = bisect_left(matches, current)
        elif matches:
            here = self.cursor_span[0] if self.cursor_span else 0
            self.go_to_match(bisect_left(matches, (here, here)) % len(matches))
        return True

    def go_to_match(self, number: int) -> tuple[int, int]:
        self.search.current = number
        start, end = self.search.matches[number]
        if self.sentences:
            self.cursor = self.sentence_at(start)
        return start, end

    def step_match(self, step: int) -> tuple[int, int] | None:
        """The next (step 1) or previous (-1) match, wrapping; None without matches."""
        if not self.search.complete:
            self.complete_search(self.search.query, find_all(self.text, self.search.query))
        if not self.search.matches:
            return None
        return self.go_to_match((self.search.current + step) % len(self.search.matches))

    def clear_search(self) -> bool:
        had = bool(self.search.query)
        self.search = Search()
        return had

    # -- the search prompt ------------------------------------------------------------------

    def open_prompt(self) -> None:
        self._prompt_before = self.search
        self._prompt_origin = self.cursor
        self.prompt = ""

    def type_query(self, query: str) -> int:
        """The prompt now holds `query`: search as typed. With no match the cursor goes back
        where it was when the prompt opened (vim's incsearch)."""
        self.prompt = query
        if len(self.text) > LARGE_TEXT and query:
            found = self.search_near(query)
        else:
            found = self.set_search(query)
        if not found:
            self.move_to(self._prompt_origin)
        return found

    def keep_prompt(self) -> str:
        """Enter: close the prompt, keep the search; returns the query."""
        query, self.prompt = self.prompt or "", None
        return query

    def cancel_prompt(self) -> None:
        """Esc: close the prompt; the cursor and the earlier search come back."""
        self.prompt = None
        self.move_to(self._prompt_origin)
        self.search = self._prompt_before
