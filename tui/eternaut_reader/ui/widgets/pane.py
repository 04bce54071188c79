"""An article pane: one widget that draws an article and its claims, read sentence by sentence.

Only the visible lines are rendered, from a wrap index and an LRU cache of strips (Textual's
Line API, as toolong does), so a cursor move or a page costs the same at any article length.
Where the reader is (cursor, selection, search, prompt) is a core `Reading`; the pane mirrors
it in reactive attributes whose watchers forget exactly the cached lines that changed, so
nothing outside the pane ever clears its cache. The claims live in the app's ClaimEditor; a
key that changes one posts `ArticlePane.Edited`, and the screen tells every pane that shows
the article which spans to draw again (`redraw`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events, work
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.selection import Selection as MouseSelection
from textual.strip import Strip
from textual.timer import Timer

from eternaut_reader.core.analysis.verdict import Suggestion
from eternaut_reader.core.storage.database import StoreError
from eternaut_reader.core.text.corpus import Article, Corpus
from eternaut_reader.core.text.display import counted, printable
from eternaut_reader.core.text.reading import Reading, Selection
from eternaut_reader.core.text.wrap import WrapIndex
from eternaut_reader.ui.keys import PROMPT_KEYS, key_hint, keyed, offered
from eternaut_reader.ui.widgets.chrome import fit, heading_details, heading_title
from eternaut_reader.ui.widgets.claim_marks import line_marks
from eternaut_reader.ui.widgets.lines import Layer, offset_at_column, styled_segments

if TYPE_CHECKING:
    from eternaut_reader.core.annotations.claims import Claim, ClaimIndex
    from eternaut_reader.core.annotations.editing import ClaimEditor, Edit

GUTTER = 2
HEADER_ROWS = 2
STATUS_ROWS = 1
CURSOR_MARK = "▌"
SCROLL_MARGIN = 2
# Rendered lines kept per pane: a few screens, enough to scroll back without drawing again.
# Not more: each Strip carries Textual's caches (seven dicts), and the garbage collector's
# full passes walk every one of them on the UI thread (1,024 lines cost 35-45 ms a pass).
CACHED_LINES = 256


# Actions that only mean something while a span is selected: hidden from the key bar and
# not run otherwise, so the key bar shows the keys of the moment.
_SELECTION_ACTIONS = {"select_char", "select_word", "swap_ends"}


@dataclass
class Place:
    """Where the reader is in one article: restored when the article comes back to the pane."""

    cursor_offset: int = 0  # where the cursor sentence starts: survives re-segmentation
    top_offset: int = 0


@keyed("Reading", "pane")
class ArticlePane(ScrollView, can_focus=True):
    """One article, wrapped to the pane's width, with its claims."""

    COMPONENT_CLASSES = {
        "pane--header",
        "pane--title",
        "pane--status",
        "pane--loading",
        "pane--prompt",
        "pane--cursor",
        "pane--cursor-mark",
        "pane--match",
        "pane--current-match",
        "pane--selection",
        "pane--confirmed",
        "pane--speculative",
        "pane--contradicted",
        "pane--open",
        "pane--theirs-confirmed",
        "pane--theirs-speculative",
        "pane--theirs-contradicted",
        "pane--theirs-open",
        "pane--mark-confirmed",
        "pane--mark-speculative",
        "pane--mark-contradicted",
        "pane--mark-open",
    }

    BINDINGS = [
        Binding("j,down", "next_sentence", "Next sentence", id="sentence.next", show=False),
        Binding(
            "k,up", "previous_sentence", "Previous sentence", id="sentence.previous", show=False
        ),
        Binding(
            "right_curly_bracket",
            "next_paragraph",
            "Next paragraph",
            id="paragraph.next",
            show=False,
        ),
        Binding(
            "left_curly_bracket",
            "previous_paragraph",
            "Previous paragraph",
            id="paragraph.previous",
            show=False,
        ),
        Binding("g,home", "top", "Go to top", id="top", show=False),
        Binding("G,end", "bottom", "Go to bottom", id="bottom", show=False),
        Binding("pagedown", "page_down", "Page down", id="page.down", show=False),
        Binding("pageup", "page_up", "Page up", id="page.up", show=False),
        Binding(
            "n",
            "next_match_or_note",
            "Next match (without a search: the note)",
            id="match.next",
            show=False,
        ),
        Binding("N", "previous_match", "Previous match", id="match.previous", show=False),
        Binding("c", "tag('confirmed')", "Tag confirmed", id="tag.confirmed", tooltip="✓"),
        Binding("s", "tag('speculative')", "Tag speculative", id="tag.speculative", tooltip="?"),
        Binding("x", "tag('contradicted')", "Tag contradicted", id="tag.contradicted", tooltip="✗"),
        Binding(
            "exclamation_mark",
            "tag(None)",
            "Open claim: highlight it now, give the verdict later",
            id="tag.open",
            tooltip="○",
        ),
        Binding("d", "untag", "Remove the tag", id="untag", show=False),
        Binding(
            "A",
            "accept_suggestion",
            "Accept the suggested verdict",
            id="suggestion.accept",
            show=False,
        ),
        Binding("v", "select", "Select a span", id="select", show=False),
        Binding(
            "o", "swap_ends", "Selection: move the other end", id="select.swap", tooltip="Other end"
        ),
        Binding(
            "h", "select_char(-1)", "Selection: one character left", id="select.left", tooltip="←"
        ),
        Binding(
            "l", "select_char(1)", "Selection: one character right", id="select.right", tooltip="→"
        ),
        Binding(
            "w",
            "select_word(1)",
            "Selection: to the end of the next word",
            id="select.word-forward",
            tooltip="Word",
        ),
        Binding(
            "b",
            "select_word(-1)",
            "Selection: back one word",
            id="select.word-back",
            tooltip="Back",
        ),
        Binding("enter", "note", "Note on the claim", id="note", show=False),
        Binding("L", "link", "Link to the claim in another pane", id="link", show=False),
        Binding("f", "follow", "Follow the claim's link", id="follow", show=False),
        Binding(
            "escape",
            "escape",
            "Cancel the selection, clear the search, or close the open panel",
            id="cancel",
            show=False,
        ),
    ]

    # The reading state, mirrored from `reading` so that watchers redraw what changed.
    cursor: var[int] = var(0, init=False)
    selection: var[Selection | None] = var(None, init=False)
    search_state: var[tuple[str, int]] = var(("", -1), init=False)
    prompt: var[str | None] = var(None, init=False)
    segmenting: var[float | None] = var(None, init=False)

    @dataclass
    class Changed(Message):
        """The cursor, the article, the search or the loading state of a pane changed."""

        pane: int
        article_id: str

    @dataclass
    class Edited(Message):
        """A key of this pane changed a claim (the edit says which characters to redraw)."""

        edit: Edit

    @dataclass
    class NoteRequested(Message):
        """The note of a claim; claim_id None: of a new open claim on start..end."""

        pane: int
        article_id: str
        claim_id: str | None
        start: int = 0
        end: int = 0

    @dataclass
    class LinkRequested(Message):
        pane: int
        article_id: str
        claim_id: str

    @dataclass
    class FollowRequested(Message):
        pane: int
        target_id: str

    @dataclass
    class Segmented(Message):
        article: Article

    @dataclass
    class Progress(Message):
        article: Article
        fraction: float

    @dataclass
    class SearchCounted(Message):
        """Every match of a query in a large article, counted by a worker."""

        query: str
        matches: list[tuple[int, int]]

    def __init__(
        self, corpus: Corpus, article: Article, number: int = 0, place: Place | None = None
    ) -> None:
        super().__init__(id=f"pane-{number}", classes="pane")
        self.corpus = corpus
        self.number = number
        self.article = article
        self.reading = Reading(article.text)
        self._places: dict[str, Place] = {}
        self._index: WrapIndex | None = None
        self._sized_for: int | None = None  # the width the scroll size was last set for
        self._content_for: Size | None = None
        # The text's height as of the last resize: what the reader saw before the next one.
        self._height_seen: int | None = None
        self._content = (0, 0)
        self._cache: LRUCache[int, Strip] = LRUCache(CACHED_LINES)
        # Each line's claim layers and gutter mark, which a search, the cursor or a mouse
        # selection leave as they are: with ten claims on every character, working them out
        # again took most of a search keystroke. Forgotten with the drawn line when claims
        # change (_forget), and wholly when the lines or the colours do (_forget_all).
        self._marks: LRUCache[
            int, tuple[tuple[int, str | None], list[Layer], tuple[str, Style] | None]
        ] = LRUCache(CACHED_LINES)
        self._styles: dict[str, Style] | None = None
        self._follow_turn = 0
        self._count_timer: Timer | None = None
        self._drawn_matches: list[tuple[int, int]] = []  # the matches the cached lines show
        place = place or Place()
        self._pending_top: int | None = place.top_offset
        self._pending_cursor: int | None = place.cursor_offset

    # -- the state -------------------------------------------------------------------------

    @property
    def ready(self) -> bool:
        """True once the article is segmented, so the sentence cursor can be used."""
        return self.article.segmented and self.reading.ready

    @property
    def sentence_count(self) -> int:
        return len(self.reading.sentences)

    @property
    def cursor_span(self) -> tuple[int, int] | None:
        return self.reading.cursor_span

    @property
    def editor(self) -> ClaimEditor | None:
        return getattr(self.app, "editor", None)

    @property
    def claims(self) -> ClaimIndex | None:
        editor = self.editor
        return None if editor is None else editor.index(self.article)

    @property
    def me(self) -> str | None:
        editor = self.editor
        return None if editor is None else editor.me

    def _sync(self) -> None:
        """Mirror the reading state into the reactive attributes (their watchers redraw)."""
        reading = self.reading
        self.cursor = reading.cursor
        self.selection = reading.selection
        self.search_state = (reading.search.query, reading.search.current)
        self.prompt = reading.prompt

    def watch_cursor(self, old: int, new: int) -> None:
        for index in (old, new):
            if 0 <= index < self.sentence_count:
                sentence = self.reading.sentences[index]
                self._forget(sentence.start, sentence.end)
        self._changed()

    def watch_selection(self, old: Selection | None, new: Selection | None) -> None:
        for selection in (old, new):
            if selection is not None:
                low, high = sorted((selection.anchor, selection.head))
                self._forget(low, max(high, low + 1))
        self._changed()

    def watch_search_state(self, old: tuple[str, int], new: tuple[str, int]) -> None:
        matches = self.reading.search.matches
        if old[0] != new[0]:
            # Every drawn line holding a match of the old query or of the new one.
            self._forget_matches(self._drawn_matches, matches)
            changed = self._in_sight(self._drawn_matches) + self._in_sight(matches)
            self._drawn_matches = matches
        else:
            changed = [matches[n] for n in (old[1], new[1]) if 0 <= n < len(matches)]
            for span in changed:
                self._forget(*span)
        if self._index is None:
            self._changed()
            return
        # Only the rows holding an old or a new match, and the status line (the prompt): a
        # search keystroke with 100,000 claims spent most of its frame composing the rows
        # that had not changed. The screen hears of it (the claim and key bars) only when a
        # search starts or ends: the cursor's own move tells it otherwise.
        regions = self._rows_of(tuple(changed))
        if bool(old[0]) != bool(new[0]):
            self._changed(*regions)
        else:
            self.refresh(*regions)

    def _in_sight(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The spans (in position order) on the rows in sight."""
        from bisect import bisect_left

        if self._index is None or not spans:
            return []
        top = int(self.scroll_y)
        last = min(len(self._index), top + self.text_height) - 1
        if last < top:
            return []
        low, high = self._index.span(top)[0], self._index.span(last)[1]
        first = bisect_left(spans, (low, low))
        if first > 0 and spans[first - 1][1] > low:
            first -= 1
        end = bisect_left(spans, (high + 1, high + 1), lo=first)
        return spans[first:end]

    def watch_prompt(self, old: str | None, new: str | None) -> None:
        if (old is None) != (new is None) or self._index is None:
            self._changed()  # opened or closed: the key bar shows the prompt's keys
            return
        # A character typed: the prompt is the status line, the only row that changed.
        width, height = self._content_size()
        self.refresh(Region(0, height - STATUS_ROWS, width, STATUS_ROWS))

    def watch_segmenting(self) -> None:
        self._changed()

    def _changed(self, *regions: Region) -> None:
        """Draw again (only `regions`, when given) and tell the screen."""
        self.refresh(*regions)
        self.post_message(self.Changed(self.number, self.article.id))

    def _forget_matches(self, *lists: list[tuple[int, int]]) -> None:
        from bisect import bisect_left

        if self._index is None:
            self._cache.clear()
            return
        for line in list(self._cache.keys()):
            start, end = self._index.span(line)
            end = max(end, start + 1)
            for matches in lists:
                i = bisect_left(matches, (start, start))
                if (i > 0 and matches[i - 1][1] > start) or (
                    i < len(matches) and matches[i][0] < end
                ):
                    self._cache.discard(line)
                    break

    def _forget(self, start: int, end: int) -> None:
        """Forget the drawn lines holding start..end, so that they are drawn again."""
        if self._index is None:
            return
        first = self._index.line_of(start)
        last = self._index.line_of(max(start, end - 1))
        for line in range(first, last + 1):
            self._cache.discard(line)
            self._marks.discard(line)

    def redraw(self, spans: tuple[tuple[int, int], ...] | None = None) -> None:
        """Claims changed on these spans (None: anywhere): draw them again.

        With spans, only the rows that show them are drawn again, with the header (its
        counts) and the status line: a tag repaints a few rows, not the whole pane.
        """
        if spans is None:
            self._cache.clear()
            self._marks.clear()
            self._changed()
            return
        for start, end in spans:
            self._forget(start, end)
        self._changed(*self._rows_of(spans))

    def _rows_of(self, spans: tuple[tuple[int, int], ...]) -> list[Region]:
        """The pane's rows showing these spans, the header and the status line (regions in
        the pane's own coordinates, as refresh() takes them)."""
        width, height = self._content_size()
        rows = [
            Region(0, 0, width, HEADER_ROWS),
            Region(0, height - STATUS_ROWS, width, STATUS_ROWS),
        ]
        if self._index is None:
            return []  # not wrapped yet: the whole pane is drawn anyway
        top, shown = int(self.scroll_y), self.text_height
        for start, end in spans:
            first = self._index.line_of(start) - top
            last = self._index.line_of(max(start, end - 1)) - top
            first, last = max(first, 0), min(last, shown - 1)
            if first <= last:
                rows.append(Region(0, HEADER_ROWS + first, width, last - first + 1))
        return rows

    # -- the article -----------------------------------------------------------------------

    def show_article(self, article: Article) -> None:
        """Switch to another article, keeping this pane's place in the one it leaves."""
        if article is self.article:
            return
        self._places[self.article.id] = self.place()
        self.article = article
        self.reading = Reading(article.text)
        place = self._places.get(article.id, Place())
        self._pending_cursor = place.cursor_offset
        self._pending_top = place.top_offset
        self._index = None
        self._sized_for = None
        self._cache.clear()
        self._marks.clear()
        self._sync()
        self._start()

    def article_changed(self) -> None:
        """The article's details changed (a new language means new sentences): draw it again
        from the same place."""
        place = self.place()
        self.reading = Reading(self.article.text)
        self._pending_cursor = place.cursor_offset
        self._pending_top = place.top_offset
        self._index = None
        self._sized_for = None
        self._cache.clear()
        self._marks.clear()
        self._sync()
        self._start()

    def place(self) -> Place:
        """Where the reader is now, to come back to later (or after a restart)."""
        span = self.cursor_span
        cursor = (self._pending_cursor or 0) if span is None else span[0]
        return Place(cursor, self._top_offset())

    def on_mount(self) -> None:
        self._start()

    def _start(self) -> None:
        if self.article.segmented:
            self._on_segmented()
        else:
            self.segmenting = 0.0
            # After the first paint, so that the text shows before the segmenter takes the CPU.
            self.call_after_refresh(self._segment, self.article)
        self._rewrap()
        self._changed()

    @work(thread=True, group="segment")
    def _segment(self, article: Article) -> None:
        from textual.worker import get_current_worker

        from eternaut_reader.core.text.segment import SegmentCancelled

        worker = get_current_worker()

        def progress(fraction: float) -> None:
            self.post_message(self.Progress(article, fraction))

        try:
            # Cancelled on quit (Textual cancels every worker), so that exit never waits.
            article.segment(progress=progress, cancel=lambda: worker.is_cancelled)
        except SegmentCancelled:
            return
        self.post_message(self.Segmented(article))

    def on_article_pane_progress(self, message: ArticlePane.Progress) -> None:
        if message.article is self.article and not self.ready:
            self.segmenting = message.fraction

    def on_article_pane_segmented(self, message: ArticlePane.Segmented) -> None:
        import gc

        gc.freeze()  # 70,000 sentences of a large article: never walked by a collection again
        if message.article is self.article:
            self._on_segmented()
            self._cache.clear()
            self._marks.clear()
            self._keep_cursor_visible()
            self._changed()

    def _on_segmented(self) -> None:
        # The claim units: a date line is passed by (Article.units).
        self.reading.set_sentences(self.article.units, at=self._pending_cursor)
        self._pending_cursor = None
        self.segmenting = None
        self._sync()

    # -- layout ----------------------------------------------------------------------------

    @property
    def text_width(self) -> int:
        return max(1, self._content_size()[0] - GUTTER)

    @property
    def text_height(self) -> int:
        """Rows for the article itself, between the header and the status line."""
        return max(1, self._content_size()[1] - HEADER_ROWS - STATUS_ROWS)

    def _content_size(self) -> tuple[int, int]:
        """The scrollable region's size, worked out once per widget size: render_line asks
        for it on every line, and Textual computes it afresh each time."""
        size = self.size
        if self._content_for != size:
            region = self.scrollable_content_region
            self._content_for, self._content = size, (region.width, region.height)
        return self._content

    def on_resize(self, event: events.Resize) -> None:
        seen = self._cursor_seen(self._height_seen)
        self._rewrap()
        self._height_seen = self.text_height
        self.call_after_refresh(self._keep_cursor_after_resize, seen)

    def _cursor_seen(self, height: int | None) -> str:
        """How much of the cursor sentence the pane showed at its height before this resize:
        "all", "start" (its first line, the rest below the page) or "none"."""
        span = self.cursor_span
        if self._index is None or height is None or span is None:
            return "all"
        top = int(self.scroll_y)
        first = self._index.line_of(span[0])
        last = self._index.line_of(max(span[0], span[1] - 1))
        if top <= first and last < top + height:
            return "all"
        return "start" if top <= first < top + height else "none"

    def _keep_cursor_after_resize(self, seen: str) -> None:
        # A panel opening below makes the pane shorter: a cursor sentence that was all in
        # sight stays so, and one that a page move left cut off at the bottom keeps its
        # first line in sight. Both by the least scroll there is, without the usual margin:
        # the text must not jump when the claim bar takes a second line. One scrolled out of
        # sight by the wheel stays where the reader put it.
        span = self.cursor_span
        if span is None or seen == "none" or self._index is None:
            return
        first = self._index.line_of(span[0])
        last = self._index.line_of(max(span[0], span[1] - 1)) if seen == "all" else first
        top, height = int(self.scroll_y), self.text_height
        if first < top:
            self._scroll_to_line(first)
        elif last >= top + height:
            self._scroll_to_line(min(first, last - height + 1))

    def _scroll_to_line(self, line: int) -> None:
        """Scroll to a line and repaint: set_scroll alone leaves the old lines on the terminal
        (only a Pilot reading the lines afresh saw the new ones), and the next partial redraw
        of a claim mixed both (found by an outside tester after `a` and `+`)."""
        if line != int(self.scroll_y):
            self.set_scroll(None, line)
            self.refresh()

    def _wrap_for_first_frame(self) -> None:
        """Wrap while the first frame is drawn, so that it already shows the text; the
        scroll size follows right after it (changing it while drawing would redo the layout)."""
        if self._pending_top or self._content_size()[0] <= GUTTER:
            return
        self._index = WrapIndex(self.article.text, self.text_width)
        self._sized_for = None
        self.call_after_refresh(self._rewrap)

    def _rewrap(self) -> None:
        if not self.is_mounted or self._content_size()[0] <= GUTTER:
            return
        width = self.text_width
        if self._index is not None and self._index.width == width:
            if self._sized_for == width:
                return
            top = self._pending_top or 0
        else:
            top = self._pending_top if self._pending_top is not None else self._top_offset()
            self._index = WrapIndex(self.article.text, width)
        self._pending_top = None
        self._sized_for = width
        self._cache.clear()
        self._marks.clear()
        self.virtual_size = Size(
            self._content_size()[0], len(self._index) + HEADER_ROWS + STATUS_ROWS
        )
        self.set_scroll(0, self._index.line_of(top))
        self.call_after_refresh(self._keep_cursor_visible)
        self.refresh()

    def _top_offset(self) -> int:
        if self._index is None or not len(self._index):
            return 0
        line = min(int(self.scroll_y), len(self._index) - 1)
        return self._index.starts[line]

    # -- drawing ---------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        # Focus, theme or CSS changed: every cached strip holds the old colours.
        super().notify_style_update()
        self._styles = None
        self._cache.clear()
        self._marks.clear()

    def _style(self, name: str) -> Style:
        """The widget's own style ("base") or a component style, computed once per style
        change and only when first needed (most are not needed for the first frame)."""
        styles = self._styles
        if styles is None:
            styles = self._styles = {}
        style = styles.get(name)
        if style is None:
            style = self.rich_style if name == "base" else self.get_component_rich_style(name)
            styles[name] = style
        return style

    def render_line(self, y: int) -> Strip:
        width = self._content_size()[0]
        if y < HEADER_ROWS or y >= HEADER_ROWS + self.text_height:
            return self._render_chrome(y, width)
        if self._index is None:
            self._wrap_for_first_frame()
        line = int(self.scroll_y) + y - HEADER_ROWS
        base = self._style("base")
        if self._index is None or line >= len(self._index):
            return Strip.blank(width, base)
        mouse = self.text_selection
        strip = None if mouse is not None else self._cache.get(line)
        if strip is None:
            strip = self._render_text_line(line, base, mouse).crop_extend(0, width, base)
            if mouse is None:
                self._cache.set(line, strip)
        return strip.apply_offsets(0, line)

    def _render_chrome(self, y: int, width: int) -> Strip:
        """The header (title, then place, counts, language, outlet) and the status line,
        drawn in place rather than as child widgets: a pane is one widget, which keeps
        start-up quick."""
        if y == 0:
            text = heading_title(self.article, width - 2)
            style = self._style("pane--title")
        elif y == 1:
            text = heading_details(self.corpus, self.article, self.heading_counts(), width - 2)
            style = self._style("pane--header")
        elif self.prompt is not None:
            text, style = self.status(), self._style("pane--prompt")
        elif not self.ready:
            text, style = self.status(), self._style("pane--loading")
        else:
            text, style = self.status(), self._style("pane--status")
        return Strip([Segment(" " + fit(printable(text), width - 2) + " ", style)], width)

    def _render_text_line(self, line: int, base: Style, mouse: MouseSelection | None) -> Strip:
        assert self._index is not None
        start, end = self._index.span(line)
        layers: list[Layer] = []
        in_cursor = False
        span = self.cursor_span
        if span is not None and span[0] < max(end, start + 1) and span[1] > start:
            in_cursor = True
            layers.append((span[0], span[1], self._style("pane--cursor")))
        # Later layers win where they disagree: a tag's colour shows on the cursor sentence
        # (the gutter mark still shows the cursor), matches show on tagged text, and the
        # selection on everything.
        claims_layers, mark = self._claim_marks(line, start, end)
        layers.extend(claims_layers)
        layers.extend(self._match_layers(start, end))
        selected = self.selection.span if self.selection is not None else None
        if selected is not None:
            layers.append((selected[0], selected[1], self._style("pane--selection")))
        if mouse is not None and (cols := mouse.get_span(line)) is not None:
            sel_start = self._offset_in_line(line, cols[0] - GUTTER)
            sel_end = end if cols[1] == -1 else self._offset_in_line(line, cols[1] - GUTTER)
            style = self.screen.get_component_rich_style("screen--selection")
            layers.append((sel_start, sel_end, style))
        gutter = [
            Segment(CURSOR_MARK, base + self._style("pane--cursor-mark"))
            if in_cursor
            else Segment(" ", base),
            Segment(mark[0], base + mark[1]) if mark else Segment(" ", base),
        ]
        text = printable(self.article.text[start:end])
        return Strip(gutter + styled_segments(text, start, layers, base), GUTTER + cell_len(text))

    def _claim_marks(
        self, line: int, start: int, end: int
    ) -> tuple[list[Layer], tuple[str, Style] | None]:
        """The claim layers and the gutter mark of one line, worked out once per line."""
        claims, me = self.claims, self.me
        if claims is None:
            return [], None
        key = (id(claims), me)  # another index (a reload), or another annotator's view
        cached = self._marks.get(line)
        if cached is not None and cached[0] == key:
            return cached[1], cached[2]
        # Looked up once for the layers and the gutter mark (hundreds on a dense line).
        layers, mark = line_marks(claims.overlapping(start, end), me, self._style)
        self._marks.set(line, (key, layers, mark))
        return layers, mark

    def heading_counts(self) -> str:
        from eternaut_reader.ui.claim_text import totals

        claims = self.claims
        return "" if claims is None else totals(claims.counts())

    def _match_layers(self, start: int, end: int) -> list[Layer]:
        from bisect import bisect_left

        search = self.reading.search
        matches = search.matches
        if not matches:
            return []
        first = max(0, bisect_left(matches, (start, start)) - 1)
        layers = []
        match_style = self._style("pane--match")
        current_style = self._style("pane--current-match")
        for number in range(first, len(matches)):
            m_start, m_end = matches[number]
            if m_start >= end:
                break
            if m_end > start:
                current = number == search.current
                layers.append((m_start, m_end, current_style if current else match_style))
        return layers

    def _offset_in_line(self, line: int, column: int) -> int:
        """The character offset at a column of a visual line."""
        assert self._index is not None
        start, end = self._index.span(line)
        return offset_at_column(self.article.text[start:end], start, column)

    def get_selection(self, selection: MouseSelection) -> tuple[str, str] | None:
        """Text under a mouse selection, so that copying gives the article's own characters."""
        span = self.mouse_span(selection)
        return None if span is None else (self.article.text[span[0] : span[1]], "\n")

    def mouse_span(self, selection: MouseSelection) -> tuple[int, int] | None:
        if self._index is None or not len(self._index):
            return None
        last = len(self._index) - 1
        if selection.start is None:
            start = 0
        else:
            start = self._offset_in_line(min(selection.start.y, last), selection.start.x - GUTTER)
        if selection.end is None:
            end = len(self.article.text)
        else:
            end = self._offset_in_line(min(selection.end.y, last), selection.end.x - GUTTER)
        return start, end

    def selection_updated(self, selection: MouseSelection | None) -> None:
        self._cache.clear()
        self.refresh()

    # -- moving ----------------------------------------------------------------------------

    def sentence_at(self, offset: int) -> int:
        return self.reading.sentence_at(offset)

    def move_cursor(self, index: int, *, scroll: bool = True) -> None:
        self.reading.move_to(index)
        self._sync()
        if scroll:
            self._keep_cursor_visible()

    def _keep_cursor_visible(self) -> None:
        span = self.cursor_span
        if span is not None:
            self.scroll_to_span(*span)

    def scroll_to_span(self, start: int, end: int) -> None:
        """Scroll so that start..end is on screen, with a little context around it."""
        if self._index is None:
            return
        first = self._index.line_of(start)
        last = self._index.line_of(max(start, end - 1))
        top = int(self.scroll_y)
        height = self.text_height
        # Keep a little context around the span, as `scrolloff` does in vim and less.
        margin = max(0, min(SCROLL_MARGIN, (height - (last - first + 1)) // 2))
        if first - margin < top:
            self._scroll_to_line(max(0, first - margin))
        elif last + margin >= top + height:
            self._scroll_to_line(min(first - margin, last + margin - height + 1))

    def _move(self) -> None:
        """After a move of the reading state: follow the cursor, or the selection's head."""
        self._sync()
        if self.reading.selection is not None:
            head = self.reading.selection.head
            self.scroll_to_span(head, head + 1)
        else:
            self._keep_cursor_visible()

    def action_next_sentence(self) -> None:
        if not self.ready:
            self.scroll_relative(y=1, animate=False)
        else:
            if self.reading.selection is not None:
                self.reading.head_by_sentences(1)
            else:
                self.reading.next_sentence()
            self._move()

    def action_previous_sentence(self) -> None:
        if not self.ready:
            self.scroll_relative(y=-1, animate=False)
        else:
            if self.reading.selection is not None:
                self.reading.head_by_sentences(-1)
            else:
                self.reading.previous_sentence()
            self._move()

    def action_next_paragraph(self) -> None:
        self.reading.next_paragraph()
        self._move()

    def action_previous_paragraph(self) -> None:
        self.reading.previous_paragraph()
        self._move()

    def action_top(self) -> None:
        self.set_scroll(None, 0)
        self.reading.top()
        self._move()

    def action_bottom(self) -> None:
        self.set_scroll(None, self.max_scroll_y)
        self.reading.bottom()
        self._move()

    def action_page_down(self) -> None:
        self._page(+1)

    def action_page_up(self) -> None:
        self._page(-1)

    def _page(self, direction: int) -> None:
        if self._index is None:
            return
        height = self.text_height
        top = max(0, min(int(self.scroll_y) + direction * height, int(self.max_scroll_y)))
        at_edge = top == int(self.scroll_y)
        self.set_scroll(None, top)
        if not self.ready:
            return
        if at_edge:
            self.move_cursor(0 if direction < 0 else self.sentence_count - 1)
            return
        bottom = min(top + self.text_height, len(self._index))
        top_offset = self._index.starts[top]
        bottom_offset = self._index.ends[bottom - 1]
        self.move_cursor(self.reading.page_target(top_offset, bottom_offset), scroll=False)

    def on_click(self, event: events.Click) -> None:
        if self._index is None or not self.ready:
            return
        line = int(self.scroll_y) + event.y - HEADER_ROWS
        if 0 <= line < len(self._index) and HEADER_ROWS <= event.y < HEADER_ROWS + self.text_height:
            self.move_cursor(self.sentence_at(self._offset_in_line(line, event.x - GUTTER)))

    # -- the search ------------------------------------------------------------------------

    def set_search(self, query: str) -> int:
        """Highlight every match of query and go to the first one from the cursor."""
        found = self.reading.set_search(query)
        self._sync()
        current = self.reading.search.current_span
        if current is not None:
            self.scroll_to_span(*current)
        return found

    def show_match(self, query: str, start: int, end: int) -> None:
        """Search for query and go to its match at start..end (from a search of every
        article); n and N go on from there."""
        from bisect import bisect_left

        self.reading.set_search(query)
        matches = self.reading.search.matches
        number = bisect_left(matches, (start, start))
        if number < len(matches):
            self.reading.go_to_match(number)
        if not self.ready:
            self._pending_cursor = start
        self._sync()
        self.scroll_to_span(start, end)

    def open_prompt(self) -> None:
        """Start typing a search in this pane's status line."""
        self.reading.open_prompt()
        self._sync()

    def on_key(self, event: events.Key) -> None:
        # Bindings are resolved by the app after a key bubbles up, so a key handled here
        # could overtake keys typed before it. Hence the search key opens the prompt here
        # too, in the same queue as the characters typed after it; while the prompt is open
        # every key stops here, and keys typed before it still reach their bindings in order.
        if self.reading.prompt is None:
            if event.key in self._search_keys():
                event.stop()
                event.prevent_default()
                self.open_prompt()
            return
        event.stop()
        event.prevent_default()
        if event.key in PROMPT_KEYS:
            getattr(self, PROMPT_KEYS[event.key].method)()
        elif event.is_printable and event.character:
            self._prompt_type((self.reading.prompt or "") + event.character)

    def _search_keys(self) -> set[str]:
        from eternaut_reader.ui.keys import keys_of

        return keys_of(self.app, "search")

    def on_paste(self, event: events.Paste) -> None:
        if self.reading.prompt is not None:
            event.stop()
            line = event.text.splitlines()[0] if event.text else ""
            self._prompt_type((self.reading.prompt or "") + line)

    def _prompt_type(self, query: str) -> None:
        self.reading.type_query(query)
        self._sync()
        current = self.reading.search.current_span
        if current is not None:
            self.scroll_to_span(*current)
        else:
            self._keep_cursor_visible()
        if not self.reading.search.complete:
            self._count_later(query)

    # In a large article a typed query is matched near the cursor at once; the whole article
    # is counted by a worker once typing pauses, and a newer query cancels an older count.
    COUNT_DELAY = 0.12  # seconds

    def _count_later(self, query: str) -> None:
        if self._count_timer is not None:
            self._count_timer.stop()
        self._count_timer = self.set_timer(self.COUNT_DELAY, lambda: self._count(query))

    @work(thread=True, exclusive=True, group="search-count")
    def _count(self, query: str) -> None:
        from textual.worker import get_current_worker

        from eternaut_reader.core.text.search import SearchCancelled, find_all

        worker = get_current_worker()
        try:
            matches = find_all(self.reading.text, query, cancel=lambda: worker.is_cancelled)
        except SearchCancelled:
            return
        self.post_message(self.SearchCounted(query, matches))

    def on_article_pane_search_counted(self, message: ArticlePane.SearchCounted) -> None:
        if self.reading.complete_search(message.query, message.matches):
            self._cache.clear()  # the matches beyond the window are drawn now
            self._drawn_matches = self.reading.search.matches
            self._sync()
            self._changed()

    def _prompt_erase(self) -> None:
        self._prompt_type((self.reading.prompt or "")[:-1])

    def _prompt_clear(self) -> None:
        self._prompt_type("")

    def _prompt_keep(self) -> None:
        query = self.reading.keep_prompt()
        if query and self.reading.search.complete and not self.reading.search.matches:
            self.notify(f"No matches for {query!r}", severity="warning")
        self._sync()

    def _prompt_cancel(self) -> None:
        self.reading.cancel_prompt()
        self._sync()
        self._keep_cursor_visible()

    def action_next_match_or_note(self) -> None:
        # One key, two meanings, decided here rather than by two bindings: with a search
        # shown it steps through the matches (as in vim and less), otherwise it opens the note.
        if self.reading.search.query:
            self._step_match(+1)
        else:
            self.action_note()

    def action_previous_match(self) -> None:
        self._step_match(-1)

    def _step_match(self, step: int) -> None:
        search = self.reading.search
        if not search.query:
            self.notify(
                f"No search yet: press {key_hint(self.app, 'search')} to search", severity="warning"
            )
            return
        counted = search.complete
        span = self.reading.step_match(step)  # counts every match first if need be
        if not counted:  # every match is known now, beyond the window drawn so far
            self._cache.clear()
            self._drawn_matches = self.reading.search.matches
        if span is None:
            self.notify(f"No matches for {search.query!r}", severity="warning")
            return
        self._sync()
        self.scroll_to_span(*span)

    # -- status ----------------------------------------------------------------------------

    def status(self) -> str:
        """One line for the pane's status bar; the search prompt while one is open."""
        reading = self.reading
        if reading.prompt is not None:
            found = len(reading.search.matches)
            keep, cancel = PROMPT_KEYS["enter"].keys, PROMPT_KEYS["escape"].keys
            so_far = "found" if reading.search.complete else "nearby, counting…"
            count = f"  {found} {so_far}" if reading.prompt else f"  {keep} keep · {cancel} cancel"
            return f"/{reading.prompt}▏{count}"
        if reading.selection is not None:
            low, high = sorted((reading.selection.anchor, reading.selection.head))
            tags = key_hint(self.app, "tag.confirmed", "tag.speculative", "tag.contradicted")
            # No tag keys offered where they cannot tag (a read-only database).
            tag = f"{tags} tag · " if offered(self.app, "tag.confirmed") else ""
            return (
                f"SELECT {high - low} chars · {tag}{key_hint(self.app, 'select.swap')} "
                f"other end · {key_hint(self.app, 'cancel')} cancel"
            )
        if not self.ready:
            percent = int((self.segmenting or 0.0) * 100)
            return f"loading… segmenting sentences {percent}%"
        total = self.sentence_count
        if not total:
            return "no sentences"
        paragraph = reading.sentences[reading.cursor].paragraph + 1
        parts = [f"{reading.cursor + 1}/{total} ¶{paragraph}"]
        if reading.search.query:
            found = len(reading.search.matches)
            if not reading.search.complete:
                where = "counting…"
            elif not found:
                where = "no matches"
            elif reading.search.current < 0:
                where = counted(found, "match", "matches")
            else:
                where = f"{reading.search.current + 1}/{found}"
            parts.append(f"/{reading.search.query} {where}")
        return " · ".join(parts)

    # -- claims: what the keys act on ------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _SELECTION_ACTIONS:
            return self.reading.selection is not None
        return True

    def target_span(self) -> tuple[int, int] | None:
        """What a tag key acts on: the visual selection, a mouse selection, or the sentence."""
        if self.reading.selection is not None:
            return self.reading.selection.span
        mouse = self.text_selection
        if mouse is not None:
            span = self.mouse_span(mouse)
            if span is not None and span[1] > span[0]:
                return span
        return self.cursor_span

    def claim_under_cursor(self) -> Claim | None:
        """The claim the cursor is on: the user's own if they made one there, else anyone's."""
        claims, span = self.claims, self.target_span()
        if claims is None or span is None:
            return None
        return claims.at(*span, prefer=self.me)

    def _own_claim(self, doing: str) -> Claim | None:
        """The user's own claim under the cursor. If only someone else's is there, say why it
        cannot be changed (doing: "remove", ...) and return None; if none, say so too."""
        claim = self.claim_under_cursor()
        if claim is None:
            tags = key_hint(self.app, "tag.confirmed", "tag.speculative", "tag.contradicted")
            self.notify(f"No claim here to {doing}: tag it first ({tags})", severity="warning")
            return None
        owner, me = claim.annotation.annotator, self.me
        if owner != me:
            tags = key_hint(self.app, "tag.confirmed", "tag.speculative", "tag.contradicted")
            self.notify(
                f"This claim is {owner}'s: you ({me}) cannot {doing} it. "
                f"Tag the same words with {tags} to give your own verdict beside it.",
                severity="warning",
            )
            return None
        return claim

    def _require_editor(self, retry: Callable[[], None] | None = None) -> ClaimEditor | None:
        """The claim editor, or None (said why). With `retry` (a change about to be made),
        None too while the app asks the first run's annotator name; `retry` runs after."""
        editor = self.editor
        if editor is not None and retry is not None:
            name_first = getattr(self.app, "name_first", None)
            if callable(name_first) and name_first(retry):
                return None
        if editor is None:
            problem = getattr(self.app, "store_problem", None)
            self.notify(
                f"Annotations are unavailable: {problem}"
                if problem
                else "The annotations are still loading; try again in a moment",
                severity="warning",
            )
        return editor

    def _refused(self, error: StoreError) -> None:
        """A change the store refused (read-only database, another annotator's claim)."""
        self.notify(str(error), title="Not changed", severity="warning", timeout=8)

    def _end_selection(self) -> None:
        had_mouse = self.text_selection is not None
        self.reading.clear_selection()
        if had_mouse:
            self.screen.clear_selection()
        self._sync()

    # -- claims: the keys ------------------------------------------------------------------

    def action_tag(self, tag: str | None) -> None:
        editor = self._require_editor(lambda: self.action_tag(tag))
        span = self.target_span()
        if editor is None or span is None:
            return
        span = self._claimed_part(span)
        try:
            edit = editor.tag(self.article, span[0], span[1], tag)
        except StoreError as error:
            self._refused(error)
            return
        self._end_selection()
        self.post_message(self.Edited(edit))

    def _claimed_part(self, span: tuple[int, int]) -> tuple[int, int]:
        """What a tag key acts on when nothing is selected: the user's own claim the claim bar
        describes (a clause tagged from the same-fact panel, or reached by f), else the
        sentence. A tag key on a sentence holding such a claim made a second claim over it,
        unlinked, while the link stayed on the first (found by testers); `v` selects the
        sentence to tag it whole."""
        if self.reading.selection is not None or self.text_selection is not None:
            return span
        claim = self.claim_under_cursor()
        if claim is None or claim.annotation.annotator != self.me:
            return span
        return claim.start, claim.end

    def action_untag(self) -> None:
        editor = self._require_editor(self.action_untag)
        claim = self._own_claim("remove") if editor is not None else None
        if editor is None or claim is None:
            return
        try:
            edit = editor.untag(self.article, claim)
        except StoreError as error:
            self._refused(error)
            return
        self._end_selection()
        self.post_message(self.Edited(edit))

    def action_select(self) -> None:
        """Start at the current search match, or the cursor sentence holding its first word;
        then either end moves (`o` swaps them)."""
        if self.reading.start_selection() is None:
            return
        self._move()

    def action_swap_ends(self) -> None:
        self.reading.swap_ends()
        self._move()

    def action_select_char(self, step: int) -> None:
        self.reading.head_by_chars(step)
        self._move()

    def action_select_word(self, step: int) -> None:
        self.reading.head_by_words(step)
        self._move()

    def action_escape(self) -> None:
        if self.reading.selection is not None or self.text_selection is not None:
            self._end_selection()
        elif self.reading.search.query:
            self.reading.clear_search()
            self._sync()
        else:
            close = getattr(self.screen, "close_a_panel", None)
            if callable(close):
                close()

    def action_note(self) -> None:
        """The note of the user's claim here; where nothing is tagged yet, the note of a new
        open claim (a note needs no verdict)."""
        editor = self._require_editor(self.action_note)
        if editor is None:
            return
        if editor.store.read_only:
            # Said before any typing: the editor took a note and then could not save it.
            reason = editor.store.read_only_reason or "the database is read-only"
            self.notify(
                f"Notes cannot be changed: {reason} (the claim view, "
                f"{key_hint(self.app, 'claim-view')}, shows the note)",
                severity="warning",
            )
            return
        span = self.target_span()
        if self.claim_under_cursor() is None and span is not None:
            self.post_message(self.NoteRequested(self.number, self.article.id, None, *span))
            return
        claim = self._own_claim("change the note of")
        if claim is not None:
            self.post_message(self.NoteRequested(self.number, self.article.id, claim.id))

    def action_link(self) -> None:
        if self._require_editor(self.action_link) is None:
            return
        claim = self._own_claim("link from")
        if claim is not None:
            self.post_message(self.LinkRequested(self.number, self.article.id, claim.id))

    def action_follow(self) -> None:
        claim = self.claim_under_cursor()
        editor = self.editor
        if claim is None:
            self.notify("No claim here: tag one first, then link it", severity="warning")
            return
        targets = editor.link_targets(claim) if editor else []
        if not targets:
            self.notify(
                f"This claim has no links ({key_hint(self.app, 'link')} links it)",
                severity="warning",
            )
            return
        target = targets[self._follow_turn % len(targets)]
        self._follow_turn += 1
        self.post_message(self.FollowRequested(self.number, target))

    def suggestion(self) -> Suggestion | None:
        """The verdict suggested for what the cursor is on: the alignment's, unless the claim
        there is linked as contradicting another report's (either end made the link), which
        is the reader's own evidence of a contradiction. An outside tester linked a claim as
        contradicting a passage and was still offered "✓ confirmed" on the strength of it."""
        alignment = getattr(self.app, "alignment", None)
        span = self.target_span()
        if alignment is None or span is None:
            return None
        claim = self.claim_under_cursor()
        editor = self.editor
        if claim is not None and editor is not None:
            # (place, who made the link): the claim's own links, and those made to it.
            against = [
                (self.corpus.place(stored.article_id), claim.annotation.annotator)
                for link in claim.annotation.links
                if link.relation == "contradicts"
                and (stored := editor.store.get(link.target)) is not None
            ]
            against += [
                (self.corpus.place(other.article_id), other.annotator)
                for other in editor.links_to(claim.id)
                if any(k.target == claim.id and k.relation == "contradicts" for k in other.links)
            ]
            if against:
                places = ", ".join(dict.fromkeys(place for place, _ in against))
                makers = dict.fromkeys(who for _, who in against)
                # Whose link it is: an outside tester, as "bob", was told "you linked it" of
                # a link Zoë made.
                who = (
                    "you"
                    if set(makers) == {self.me}
                    else " and ".join("you" if m == self.me else (m or "someone") for m in makers)
                )
                return Suggestion("contradicted", f"{who} linked it as contradicting {places}")
        if claim is not None and self.reading.selection is None:
            # The claim's own words, not its sentence's: a clause tagged out of a sentence
            # hedged elsewhere ("… potrebbe …") was offered "speculative" once tagged, where
            # its selection had been offered "confirmed" (an outside tester).
            span = (claim.start, claim.end)
        found: Suggestion | None = alignment.suggest(self.article.id, *span)
        return found

    def action_accept_suggestion(self) -> None:
        """Tag what the cursor is on with the verdict the alignment suggests: only ever on
        this key, never by itself."""
        alignment = getattr(self.app, "alignment", None)
        if alignment is None:
            self.notify(
                "The reports are still being aligned: no suggestion yet", severity="warning"
            )
            return
        suggestion = self.suggestion()
        if suggestion is None:
            self.notify("No suggestion here", severity="warning")
            return
        self.action_tag(suggestion.tag)

    def go_to_span(self, start: int, end: int) -> None:
        """Put the cursor on the sentence where start..end begins, and the span on screen
        (once the article is segmented, if it is not yet)."""
        if self.ready:
            self.reading.move_to(self.sentence_at(start))
            self._sync()
        else:
            self._pending_cursor = start
        self.scroll_to_span(start, end)
        self.refresh()

    def show_claim(self, claim: Claim) -> None:
        """Put the cursor on the sentence where a claim starts, and the claim on screen."""
        self.go_to_span(claim.start, claim.end)
