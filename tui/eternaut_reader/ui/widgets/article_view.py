"""The article reader: a Line API view with a sentence cursor.

Only the visible lines are rendered, from a wrap index and an LRU cache of strips, so a cursor
move or a page costs the same at any article length.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import pairwise

from rich.segment import Segment
from rich.style import Style
from textual import events, work
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from eternaut_reader.core.corpus import Article, Corpus
from eternaut_reader.core.display import cells, char_cells, printable
from eternaut_reader.core.search import find_all
from eternaut_reader.core.wrap import WrapIndex
from eternaut_reader.ui.widgets.chrome import fit, heading_details

GUTTER = 2
HEADER_ROWS = 2
STATUS_ROWS = 1
CURSOR_MARK = "▌"
SCROLL_MARGIN = 2


@dataclass(frozen=True)
class PromptKey:
    keys: str
    description: str
    method: str


# The search prompt's own keys. The prompt reads keys in on_key, ahead of every binding, so
# that everything typed after `/` lands in it in order; the help screen lists this table.
PROMPT_KEYS = {
    "enter": PromptKey("Enter", "Keep the search and return to the article", "_prompt_keep"),
    "escape": PromptKey("Esc", "Cancel the search", "_prompt_cancel"),
    "backspace": PromptKey("Backspace", "Delete the last character", "_prompt_erase"),
    "ctrl+u": PromptKey("Ctrl+U", "Clear the search", "_prompt_clear"),
}


@dataclass
class Place:
    """Where the reader is in one article: restored when the article comes back to the view."""

    cursor_offset: int = 0  # where the cursor sentence starts: survives re-segmentation
    top_offset: int = 0


@dataclass
class SearchState:
    query: str = ""
    matches: list[tuple[int, int]] = field(default_factory=list)
    current: int = -1


class ArticleView(ScrollView, can_focus=True):
    """One article, wrapped to the pane's width, read sentence by sentence."""

    COMPONENT_CLASSES = {
        "article-view--header",
        "article-view--title",
        "article-view--status",
        "article-view--loading",
        "article-view--prompt",
        "article-view--cursor",
        "article-view--cursor-mark",
        "article-view--match",
        "article-view--current-match",
    }

    BINDINGS = [
        Binding("j,down", "next_sentence", "Next sentence", key_display="j ↓", show=False),
        Binding("k,up", "previous_sentence", "Previous sentence", key_display="k ↑", show=False),
        Binding(
            "right_curly_bracket", "next_paragraph", "Next paragraph", key_display="}", show=False
        ),
        Binding(
            "left_curly_bracket",
            "previous_paragraph",
            "Previous paragraph",
            key_display="{",
            show=False,
        ),
        Binding("g,home", "top", "Go to top", key_display="g Home", show=False),
        Binding("G,end", "bottom", "Go to bottom", key_display="G End", show=False),
        Binding("pagedown", "page_down", "Page down", key_display="PgDn", show=False),
        Binding("pageup", "page_up", "Page up", key_display="PgUp", show=False),
        Binding("n", "next_match", "Next match", show=False),
        Binding("N", "previous_match", "Previous match", show=False),
    ]

    class Changed(Message):
        """The cursor, the article, the search or the loading state changed."""

        def __init__(self, view: ArticleView) -> None:
            super().__init__()
            self.view = view

        @property
        def control(self) -> ArticleView:
            return self.view

    class Segmented(Message):
        def __init__(self, article: Article) -> None:
            super().__init__()
            self.article = article

    class Progress(Message):
        def __init__(self, article: Article, fraction: float) -> None:
            super().__init__()
            self.article = article
            self.fraction = fraction

    def __init__(
        self, corpus: Corpus, article: Article, number: int = 0, place: Place | None = None
    ) -> None:
        super().__init__(id=f"pane-{number}", classes="pane")
        self.corpus = corpus
        self.number = number
        self.article = article
        self.cursor = 0
        self.search = SearchState()
        self.prompt: str | None = None
        self._prompt_before = SearchState()
        self._prompt_origin = 0
        self.loading_fraction: float | None = None
        self._places: dict[str, Place] = {}
        self._index: WrapIndex | None = None
        self._sized_for: int | None = None  # the width the scroll size was last set for
        self._content_for: Size | None = None
        self._content = (0, 0)
        self._starts: list[int] = []
        self._cache: LRUCache[int, Strip] = LRUCache(1024)
        self._styles: dict[str, Style] | None = None
        place = place or Place()
        self._pending_top: int | None = place.top_offset
        self._pending_cursor: int | None = place.cursor_offset

    # -- state -----------------------------------------------------------------------------

    @property
    def ready(self) -> bool:
        """True once the article is segmented, so the sentence cursor can be used."""
        return self.article.segmented

    @property
    def sentence_count(self) -> int:
        return len(self.article.sentences) if self.ready else 0

    @property
    def cursor_span(self) -> tuple[int, int] | None:
        if not self.ready or not self.article.sentences:
            return None
        sentence = self.article.sentences[self.cursor]
        return sentence.start, sentence.end

    def show_article(self, article: Article) -> None:
        """Switch to another article, keeping this view's place in the one it leaves."""
        if article is self.article:
            return
        self._places[self.article.id] = self.place()
        self.article = article
        self.search = SearchState()
        self.prompt = None
        place = self._places.get(article.id, Place())
        self.cursor = 0
        self._pending_cursor = place.cursor_offset
        self._pending_top = place.top_offset
        self._starts = []
        self._index = None
        self._sized_for = None
        self._cache.clear()
        self._start()
        self.refresh()

    def place(self) -> Place:
        """Where the reader is now, to come back to later (or after a restart)."""
        span = self.cursor_span
        cursor = (self._pending_cursor or 0) if span is None else span[0]
        return Place(cursor, self._top_offset())

    def on_mount(self) -> None:
        self._start()

    def _start(self) -> None:
        self.loading_fraction = None if self.ready else 0.0
        if self.ready:
            self._on_ready()
        else:
            # After the first paint, so that the text shows before the segmenter takes the CPU.
            self.call_after_refresh(self._segment, self.article)
        self._rewrap()
        self._changed()

    @work(thread=True, group="segment")
    def _segment(self, article: Article) -> None:
        def progress(fraction: float) -> None:
            self.post_message(self.Progress(article, fraction))

        article.segment(progress=progress)
        self.post_message(self.Segmented(article))

    def on_article_view_progress(self, message: ArticleView.Progress) -> None:
        if message.article is self.article and not self.ready:
            self.loading_fraction = message.fraction
            self._changed()

    def on_article_view_segmented(self, message: ArticleView.Segmented) -> None:
        if message.article is self.article:
            self._on_ready()
            self._cache.clear()
            self.refresh()
            self._changed()

    def _on_ready(self) -> None:
        self.loading_fraction = None
        sentences = self.article.sentences
        self._starts = [s.start for s in sentences]
        if self._pending_cursor is not None:
            self.cursor = self.sentence_at(self._pending_cursor)
            self._pending_cursor = None
        self.cursor = min(self.cursor, max(0, len(sentences) - 1))

    def _changed(self) -> None:
        self.refresh()
        self.post_message(self.Changed(self))

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
        self._rewrap()

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

    # -- rendering -------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        # Focus, theme or CSS changed: every cached strip holds the old colours.
        super().notify_style_update()
        self._styles = None
        self._cache.clear()

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
        selection = self.text_selection
        strip = None if selection is not None else self._cache.get(line)
        if strip is None:
            strip = self._render_visual_line(line, base, selection).crop_extend(0, width, base)
            if selection is None:
                self._cache.set(line, strip)
        return strip.apply_offsets(0, line)

    def _render_chrome(self, y: int, width: int) -> Strip:
        """The header (title, then outlet and language) and the status line, drawn in place
        rather than as child widgets: a pane is one widget, which keeps start-up quick."""
        if y == 0:
            text, style = self.article.title, self._style("article-view--title")
        elif y == 1:
            text, style = (
                heading_details(self.corpus, self.article, self.heading_counts()),
                self._style("article-view--header"),
            )
        elif self.prompt is not None:
            text, style = self.status(), self._style("article-view--prompt")
        elif not self.ready:
            text, style = self.status(), self._style("article-view--loading")
        else:
            text, style = self.status(), self._style("article-view--status")
        return Strip([Segment(" " + fit(printable(text), width - 2) + " ", style)], width)

    def _render_visual_line(self, line: int, base: Style, selection: Selection | None) -> Strip:
        assert self._index is not None
        start, end = self._index.span(line)
        layers: list[tuple[int, int, Style]] = []
        in_cursor = False
        span = self.cursor_span
        if span is not None and span[0] < max(end, start + 1) and span[1] > start:
            in_cursor = True
            layers.append((span[0], span[1], self._style("article-view--cursor")))
        # Later layers win where they disagree: a tag's colour shows on the cursor sentence
        # (the gutter mark still shows the cursor), and matches show on tagged text.
        layers.extend(self.extra_layers(start, end))
        layers.extend(self._match_layers(start, end))
        if selection is not None and (cols := selection.get_span(line)) is not None:
            sel_start = self._offset_in_line(line, cols[0] - GUTTER)
            sel_end = end if cols[1] == -1 else self._offset_in_line(line, cols[1] - GUTTER)
            style = self.screen.get_component_rich_style("screen--selection")
            layers.append((sel_start, sel_end, style))
        mark = self._style("article-view--cursor-mark")
        tag_mark = self.gutter_mark(start, end)
        gutter = [
            Segment(CURSOR_MARK, base + mark) if in_cursor else Segment(" ", base),
            Segment(tag_mark[0], base + tag_mark[1]) if tag_mark else Segment(" ", base),
        ]
        text = printable(self.article.text[start:end])
        segments = gutter + _styled_segments(text, start, layers, base)
        return Strip(segments, GUTTER + cells(text))

    def heading_counts(self) -> str:
        """Extra text for the header's second line (the claim counts, in a subclass)."""
        return ""

    def extra_layers(self, start: int, end: int) -> list[tuple[int, int, Style]]:
        """Styled spans a subclass draws between the cursor and the search matches."""
        return []

    def gutter_mark(self, start: int, end: int) -> tuple[str, Style] | None:
        """A one-cell mark for the second gutter column of the line start..end."""
        return None

    def _match_layers(self, start: int, end: int) -> list[tuple[int, int, Style]]:
        matches = self.search.matches
        if not matches:
            return []
        first = max(0, bisect_left(matches, (start, start)) - 1)
        layers = []
        match_style = self._style("article-view--match")
        current_style = self._style("article-view--current-match")
        for number in range(first, len(matches)):
            m_start, m_end = matches[number]
            if m_start >= end:
                break
            if m_end > start:
                current = number == self.search.current
                layers.append((m_start, m_end, current_style if current else match_style))
        return layers

    def _offset_in_line(self, line: int, column: int) -> int:
        """The character offset at a column of a visual line."""
        assert self._index is not None
        start, end = self._index.span(line)
        if column <= 0:
            return start
        text = self.article.text[start:end]
        used = 0
        for i, char in enumerate(printable(text)):
            used += char_cells(char)
            if used > column:
                return start + i
        return end

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """Text under a mouse selection, so that copying gives the article's own characters."""
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
        return self.article.text[start:end], "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self._cache.clear()
        self.refresh()

    # -- cursor ----------------------------------------------------------------------------

    def sentence_at(self, offset: int) -> int:
        return max(0, bisect_right(self._starts, offset) - 1)

    def move_cursor(self, index: int, *, scroll: bool = True) -> None:
        if not self.ready or not self.article.sentences:
            return
        index = max(0, min(index, len(self.article.sentences) - 1))
        if index != self.cursor:
            self._invalidate(self.cursor_span)
            self.cursor = index
            self._invalidate(self.cursor_span)
            self.refresh()
        if scroll:
            self._keep_cursor_visible()
        self._changed()

    def invalidate_span(self, span: tuple[int, int] | None) -> None:
        """Forget the drawn lines holding span, so they are drawn again."""
        self._invalidate(span)
        self.refresh()

    def _invalidate(self, span: tuple[int, int] | None) -> None:
        if span is None or self._index is None:
            return
        first = self._index.line_of(span[0])
        last = self._index.line_of(max(span[0], span[1] - 1))
        for line in range(first, last + 1):
            self._cache.discard(line)

    def _keep_cursor_visible(self) -> None:
        span = self.cursor_span
        if span is not None:
            self._scroll_to_span(*span)

    def _scroll_to_span(self, start: int, end: int) -> None:
        if self._index is None:
            return
        first = self._index.line_of(start)
        last = self._index.line_of(max(start, end - 1))
        top = int(self.scroll_y)
        height = self.text_height
        # Keep a little context around the span, as `scrolloff` does in vim and less.
        margin = max(0, min(SCROLL_MARGIN, (height - (last - first + 1)) // 2))
        if first - margin < top:
            self.set_scroll(None, max(0, first - margin))
        elif last + margin >= top + height:
            self.set_scroll(None, min(first - margin, last + margin - height + 1))

    def action_next_sentence(self) -> None:
        if self.ready:
            self.move_cursor(self.cursor + 1)
        else:
            self.scroll_relative(y=1, animate=False)

    def action_previous_sentence(self) -> None:
        if self.ready:
            self.move_cursor(self.cursor - 1)
        else:
            self.scroll_relative(y=-1, animate=False)

    def action_next_paragraph(self) -> None:
        if not self.ready or not self.article.sentences:
            return
        sentences = self.article.sentences
        here = sentences[self.cursor].paragraph
        index = next(
            (i for i in range(self.cursor + 1, len(sentences)) if sentences[i].paragraph > here),
            len(sentences) - 1,
        )
        self.move_cursor(index)

    def action_previous_paragraph(self) -> None:
        if not self.ready or not self.article.sentences:
            return
        sentences = self.article.sentences
        here = sentences[self.cursor].paragraph
        first_of_here = self.cursor
        while first_of_here > 0 and sentences[first_of_here - 1].paragraph == here:
            first_of_here -= 1
        if first_of_here < self.cursor:
            self.move_cursor(first_of_here)
            return
        if first_of_here == 0:
            self.move_cursor(0)
            return
        target = sentences[first_of_here - 1].paragraph
        index = first_of_here - 1
        while index > 0 and sentences[index - 1].paragraph == target:
            index -= 1
        self.move_cursor(index)

    def action_top(self) -> None:
        self.set_scroll(None, 0)
        self.move_cursor(0)

    def action_bottom(self) -> None:
        self.set_scroll(None, self.max_scroll_y)
        self.move_cursor(self.sentence_count - 1)

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
        # The first sentence that starts on the new page, or the one covering all of it;
        # either is on screen, so the page stays where it is.
        top_offset = self._index.starts[top]
        bottom = min(top + self.text_height, len(self._index)) - 1
        index = self.sentence_at(top_offset)
        if self.article.sentences[index].start < top_offset and index + 1 < self.sentence_count:
            following = self.article.sentences[index + 1]
            if self._index.line_of(following.start) <= bottom:
                index += 1
        self.move_cursor(index, scroll=False)

    def on_click(self, event: events.Click) -> None:
        if self._index is None or not self.ready:
            return
        line = int(self.scroll_y) + event.y - HEADER_ROWS
        if 0 <= line < len(self._index) and event.y < HEADER_ROWS + self.text_height:
            self.move_cursor(self.sentence_at(self._offset_in_line(line, event.x - GUTTER)))

    # -- search ----------------------------------------------------------------------------

    def set_search(self, query: str) -> int:
        """Highlight every match of query and go to the first one after the cursor."""
        self.search = SearchState(query, find_all(self.article.text, query))
        self._cache.clear()
        self.refresh()
        if self.search.matches:
            here = self.cursor_span[0] if self.cursor_span else self._top_offset()
            number = bisect_left(self.search.matches, (here, here))
            self._go_to_match(number % len(self.search.matches))
        else:
            self._changed()
        return len(self.search.matches)

    def open_prompt(self) -> None:
        """Start typing a search in this pane's status line."""
        self._prompt_before = self.search
        self._prompt_origin = self.cursor
        self.prompt = ""
        self._changed()

    def on_key(self, event: events.Key) -> None:
        # Bindings are resolved by the app after a key bubbles up, so a key handled here
        # could overtake keys typed before it. Hence `/` opens the prompt here too, in the
        # same queue as the characters typed after it; while the prompt is open every key
        # stops here, and keys typed before `/` still reach their bindings in order.
        if self.prompt is None:
            if event.key == "slash":
                event.stop()
                event.prevent_default()
                self.open_prompt()
            return
        event.stop()
        event.prevent_default()
        if event.key in PROMPT_KEYS:
            getattr(self, PROMPT_KEYS[event.key].method)()
        elif event.is_printable and event.character:
            self._prompt_type(self.prompt + event.character)

    def on_paste(self, event: events.Paste) -> None:
        if self.prompt is not None:
            event.stop()
            self._prompt_type(self.prompt + event.text.splitlines()[0] if event.text else "")

    def _prompt_type(self, query: str) -> None:
        self.prompt = query
        if not self.set_search(query):
            self.move_cursor(self._prompt_origin)  # as vim's incsearch: no match, no move
        self._changed()

    def _prompt_erase(self) -> None:
        self._prompt_type((self.prompt or "")[:-1])

    def _prompt_clear(self) -> None:
        self._prompt_type("")

    def _prompt_keep(self) -> None:
        query, self.prompt = self.prompt, None
        if query and not self.search.matches:
            self.notify(f"No matches for {query!r}", severity="warning", markup=False)
        self._changed()

    def _prompt_cancel(self) -> None:
        self.prompt = None
        self.move_cursor(self._prompt_origin)
        self.restore_search(self._prompt_before)

    def restore_search(self, state: SearchState) -> None:
        """Put back an earlier search as it was, current match included."""
        self.search = state
        self._cache.clear()
        self.refresh()
        self._changed()

    def action_next_match(self) -> None:
        self._step_match(+1)

    def action_previous_match(self) -> None:
        self._step_match(-1)

    def _step_match(self, step: int) -> None:
        matches = self.search.matches
        if not self.search.query:
            self.notify("No search yet: press / to search", severity="warning")
            return
        if not matches:
            self.notify(f"No matches for {self.search.query!r}", severity="warning", markup=False)
            return
        self._go_to_match((self.search.current + step) % len(matches))

    def _go_to_match(self, number: int) -> None:
        previous = self.search.current
        self.search.current = number
        for n in (previous, number):
            if 0 <= n < len(self.search.matches):
                self._invalidate(self.search.matches[n])
        start, end = self.search.matches[number]
        if self.ready:
            self.move_cursor(self.sentence_at(start))
        self._scroll_to_span(start, end)
        self.refresh()
        self._changed()

    # -- status ----------------------------------------------------------------------------

    def status(self) -> str:
        """One line for the pane's status bar; the search prompt while one is open."""
        if self.prompt is not None:
            found = len(self.search.matches)
            count = f"  {found} found" if self.prompt else "  Enter keep · Esc cancel"
            return f"/{self.prompt}▏{count}"
        if not self.ready:
            percent = int((self.loading_fraction or 0.0) * 100)
            return f"loading… segmenting sentences {percent}%"
        total = self.sentence_count
        if not total:
            return "no sentences"
        paragraph = self.article.sentences[self.cursor].paragraph + 1
        parts = [f"{self.cursor + 1}/{total} ¶{paragraph}"]
        if self.search.query:
            found = len(self.search.matches)
            if not found:
                where = "no matches"
            elif self.search.current < 0:
                where = f"{found} matches"
            else:
                where = f"{self.search.current + 1}/{found}"
            parts.append(f"/{self.search.query} {where}")
        return " · ".join(parts)


def _styled_segments(
    text: str, offset: int, layers: list[tuple[int, int, Style]], base: Style
) -> list[Segment]:
    """Cut text where any layer starts or ends, and give each piece the layers over it."""
    if not layers:
        return [Segment(text, base)] if text else []
    end = offset + len(text)
    cuts = {offset, end}
    for start, stop, _style in layers:
        cuts.update(c for c in (start, stop) if offset < c < end)
    points = sorted(cuts)
    segments = []
    for left, right in pairwise(points):
        style = base
        for start, stop, layer in layers:
            if start < right and stop > left:
                style = style + layer
        segments.append(Segment(text[left - offset : right - offset], style))
    return segments
